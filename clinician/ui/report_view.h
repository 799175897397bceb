// ReportView: one opened report inside the viewer: who it is from and its
// period, a row of controls (zoom, pages, print, save a copy, close) and its
// pages. The PDF lives only in wiped memory (OpenedReport); it reaches the
// disk only through "Save a copy", which asks where.
#ifndef FIELDNOTES_CLINICIAN_UI_REPORT_VIEW_H_
#define FIELDNOTES_CLINICIAN_UI_REPORT_VIEW_H_

#include <wx/panel.h>

#include <functional>
#include <memory>
#include <optional>

#include "clinician/ui/earlier_report_pane.h"
#include "clinician/ui/session_controller.h"

class wxBoxSizer;
class wxButton;
class wxStaticText;

namespace fieldnotes::wxcommon {
class PdfPreview;
}

namespace fieldnotes::clinician {

class ReportView : public wxPanel {
 public:
  static constexpr char kTitleName[] = "report_title";
  static constexpr char kPageLabelName[] = "report_page_label";

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
  // True when the earlier report sits under the current one rather than
  // beside it (the view is too narrow for two readable halves).
  bool stacked() const;
  // Narrower than this (in DIPs) per half, the two reports stack.
  static constexpr int kMinHalfDip = 180;

  void ZoomIn();
  void ZoomOut();
  void ZoomToFit();
  void NextPage();
  void PreviousPage();
  void Print();
  // Asks where, then writes the PDF there (never replacing a file unless
  // the clinician confirmed in the dialog).
  void SaveCopyWithDialog();
  // Writes the PDF to `path`; the words to show (empty when it worked).
  wxString SaveCopyTo(const std::string& path, bool replace);

 private:
  void UpdatePageLabel();
  // Beside or stacked, and the headers wrapped to the width each pane has.
  void FitSides();
  // Lays out both panes again (the current one's contents changed).
  void Relayout();

  std::function<void()> on_close_;
  std::optional<OpenedReport> report_;
  wxStaticText* title_;
  wxStaticText* subtitle_;
  wxStaticText* page_label_;
  wxStaticText* message_;
  wxcommon::PdfPreview* preview_;
  EarlierReportPane* earlier_;
  wxBoxSizer* sides_;
  wxPanel* current_;
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
