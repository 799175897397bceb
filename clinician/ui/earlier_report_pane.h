// EarlierReportPane: beside an opened report, one of the same client's
// other reports, so the clinician can read the previous week next to this
// one. It opens on the previous report (the newest one before the report
// shown) and offers any other in a list; each side has its own header with
// the period it covers and when it was shared.
//
// Only reports the server still lists are offered (ClinicianSession's
// ListReports, as the workspace's list shows them): a report the client
// withdrew, or that expired, is gone from the list and from this pane; one
// shown here when it goes is closed and its pages wiped.
#ifndef FIELDNOTES_CLINICIAN_UI_EARLIER_REPORT_PANE_H_
#define FIELDNOTES_CLINICIAN_UI_EARLIER_REPORT_PANE_H_

#include <wx/panel.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clinician/ui/page_tools.h"
#include "clinician/ui/session_controller.h"

class wxBoxSizer;
class wxChoice;
class wxStaticText;

namespace fieldnotes::wxcommon {
class PdfPreview;
}

namespace fieldnotes::clinician {

class EarlierReportPane : public wxPanel {
 public:
  static constexpr char kChoiceName[] = "earlier_report_choice";
  static constexpr char kTitleName[] = "earlier_report_title";
  static constexpr char kToolsName[] = "earlier_report_tools";  // its zoom and pages
  static constexpr char kPageLabelName[] = "earlier_report_page_label";

  // `open(row, done)`: downloads and checks a report (SessionController::Open).
  using OpenFn = std::function<void(ReportRow, Done<OpenedReport>)>;
  EarlierReportPane(wxWindow* parent, OpenFn open);
  ~EarlierReportPane() override;

  // The reports to offer beside `current` (every report of its client the
  // server lists but `current`), newest first; opens the previous one.
  // False when there is none (the pane has nothing to show).
  bool Offer(const ReportRow& current, const std::vector<ReportRow>& all);
  // The list changed (a refresh): what is no longer listed goes, and the
  // one shown closes if it went.
  void Update(const std::vector<ReportRow>& all);
  // Opens `choices()[index]` beside.
  void Choose(size_t index);
  void Clear();

  const std::vector<ReportRow>& choices() const { return choices_; }
  // The report shown beside, if any.
  const std::optional<OpenedReport>& shown() const { return shown_; }
  bool opening() const { return opening_; }
  wxcommon::PdfPreview& preview() { return *preview_; }
  // Its zoom and page controls (the same as the report opened has).
  PageTools& pages() { return *pages_; }
  // True when the keyboard is in the pane (its page, its choice, its row).
  bool HasFocusWithin() const;
  // What the choice says: the report shown or opening, else in words why
  // none is ("No earlier report from this client yet.").
  wxString choice_text() const;
  // The header: its heading and the lines under it.
  wxString title_text() const;
  // Wraps the header's words at `width` pixels (ReportView, as the pane's
  // width changes); not at all when <= 0. `one_line` (a short view): the
  // lines under the heading keep to one, cut with "…", and the header
  // sits closer to the page. The zoom and page row fits `width` too.
  void FitTextTo(int width, bool one_line = false);

 private:
  void FillChoice();
  void SetSubtitle(const wxString& words);
  void ShowOpened(OpenedReport report);

  OpenFn open_;
  ReportRow current_;       // the report opened, beside which this one shows
  std::string opening_id_;  // the report opening (Choose), until it is shown
  std::vector<ReportRow> choices_;
  std::optional<OpenedReport> shown_;
  bool opening_ = false;
  int text_width_ = 0;
  bool one_line_ = false;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
  wxChoice* choice_;
  wxStaticText* title_;
  wxStaticText* subtitle_;
  wxcommon::PdfPreview* preview_;
  wxBoxSizer* tools_;
  std::unique_ptr<PageTools> pages_;
  // The choice's first item is words, not a report (none is shown): its
  // items are choices_ one further on.
  bool words_first_ = false;
};

// The report of `rows` that came before `current` for the same client: the
// newest with an earlier period end (or, for the same period, shared
// earlier). nullopt when there is none.
std::optional<size_t> PreviousReport(const ReportRow& current, const std::vector<ReportRow>& rows);

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_UI_EARLIER_REPORT_PANE_H_
