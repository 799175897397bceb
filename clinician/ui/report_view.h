// ReportView: one opened report inside the viewer: who it is from and its
// period, one row of compact controls (zoom, pages, close, and a "More"
// menu that holds every action, print and save a copy among them) and its
// pages, which get the room. The PDF lives only in wiped memory
// (OpenedReport); it reaches the disk only through "Save a copy", which
// asks where.
//
// With an earlier report of the same client (EarlierReportPane), the two
// sit side by side in halves of the same width; when halves would be too
// narrow to read, one shows at a time, with a switch above ("This report",
// "Earlier report"). On a short view (a small screen, GDK_SCALE=2) the
// headers keep to a line each, cut with "…" (the whole words in the
// tooltip and for screen readers).
#ifndef FIELDNOTES_CLINICIAN_UI_REPORT_VIEW_H_
#define FIELDNOTES_CLINICIAN_UI_REPORT_VIEW_H_

#include <wx/panel.h>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "clinician/ui/earlier_report_pane.h"
#include "clinician/ui/page_tools.h"
#include "clinician/ui/session_controller.h"

class wxBoxSizer;
class wxButton;
class wxMenu;
class wxRadioButton;
class wxStaticText;

namespace fieldnotes::wxcommon {
class PdfPreview;
}

namespace fieldnotes::clinician {

class ReportView : public wxPanel {
 public:
  static constexpr char kTitleName[] = "report_title";
  static constexpr char kSubtitleName[] = "report_subtitle";
  static constexpr char kPageLabelName[] = "report_page_label";
  static constexpr char kToolsName[] = "report_tools";  // the row's buttons are its children
  static constexpr char kMoreName[] = "report_more";
  static constexpr char kThisSwitchName[] = "report_show_this";
  static constexpr char kEarlierSwitchName[] = "report_show_earlier";

  // `open_earlier` opens another report of the same client beside this one
  // (EarlierReportPane).
  ReportView(wxWindow* parent, std::function<void()> on_close,
             EarlierReportPane::OpenFn open_earlier = {});
  ~ReportView() override;

  void Show(OpenedReport report);
  // Wipes the pages and drops the PDF.
  void Clear();
  bool has_report() const { return report_.has_value(); }
  const std::optional<OpenedReport>& report() const { return report_; }
  wxcommon::PdfPreview& preview() { return *preview_; }
  // Beside the report: the same client's previous report, or another chosen
  // (only those the server still lists). Shown when there is one.
  void OfferEarlier(const std::vector<ReportRow>& all);
  EarlierReportPane& earlier() { return *earlier_; }
  // True when an earlier report is offered (shown beside, or one switch
  // away).
  bool comparing() const { return offered_; }
  // True when the view is too narrow for two readable halves: the current
  // report or the earlier one shows, each as wide as the view, and a
  // switch above chooses which.
  bool one_at_a_time() const { return one_at_a_time_; }
  // Narrower than this (in DIPs) per half, the two show one at a time.
  static constexpr int kMinHalfDip = 180;
  // Lower than this (in DIPs), the headers keep to a line each.
  static constexpr int kRoomyHeightDip = 720;
  bool compact() const { return compact_; }
  // One at a time: shows the earlier report (true) or this one (false).
  void ShowEarlierInFront(bool earlier);
  bool earlier_in_front() const { return earlier_in_front_; }
  // The "More" button's menu: every action of the row and those it has no
  // room for. The caller owns it.
  std::unique_ptr<wxMenu> MakeMoreMenu();

  // The keys' and the menus' zoom and pages: they act on the report that
  // shows (one at a time, the one the switch chose; side by side, the
  // earlier one while the keyboard is in it, else this one).
  void ZoomIn();
  void ZoomOut();
  void ZoomToFit();
  void NextPage();
  void PreviousPage();
  // Print and save a copy: the report opened (this one).
  void Print();
  // Asks where, then writes the PDF there (never replacing a file unless
  // the clinician confirmed in the dialog).
  void SaveCopyWithDialog();
  // Writes the PDF to `path`; the words to show (empty when it worked).
  wxString SaveCopyTo(const std::string& path, bool replace);

 private:
  // The zoom and page controls of the report the keys act on now.
  PageTools& Front();
  void UpdatePageLabel();
  // Beside or one at a time, and the headers wrapped to the width each
  // pane has (or on a line each when the view is short).
  void FitSides();
  // Shows as many of the row's controls as its width holds: the ones the
  // "More" menu has too give way first.
  void FitTools(int width);
  void ShowMoreMenu();
  // Lays out both panes again (the current one's contents changed).
  void Relayout();

  std::function<void()> on_close_;
  std::optional<OpenedReport> report_;
  wxStaticText* title_;
  wxStaticText* subtitle_;
  wxStaticText* message_;
  wxBoxSizer* tools_;
  wxButton* more_;
  // The row's controls that give way when it is short of width, in the
  // order they do.
  std::vector<wxWindow*> give_way_;
  wxcommon::PdfPreview* preview_;
  std::unique_ptr<PageTools> pages_;  // this report's zoom and pages
  EarlierReportPane* earlier_;
  wxBoxSizer* sides_;
  wxBoxSizer* switch_row_;
  wxRadioButton* show_this_;
  wxRadioButton* show_earlier_;
  wxPanel* current_;
  bool offered_ = false;
  bool one_at_a_time_ = false;
  bool earlier_in_front_ = false;
  bool compact_ = false;
};

// "Report from Alex (period to 2026-11-01)": who and which week.
wxString ReportTitle(const ReportRow& row);
// The label, or "Client 3f2a9c01" for a client without one.
wxString ClientName(const std::string& label, const std::string& client_id);
// "6 December 2026" for a report's "YYYY-MM-DD" period end.
wxString PeriodEndWords(const std::string& period_end);
// "3 Nov 2026, 21:40" in local time; empty for 0.
wxString LocalTime(int64_t unix_seconds);

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_UI_REPORT_VIEW_H_
