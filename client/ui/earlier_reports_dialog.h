// EarlierReportsDialog: the weekly reports kept in the journal, newest
// first, so one made before the one on the Weekly report page can be shared
// too, and so the one taken to a session can be marked as taken (the next
// report compares with it; drafts are never compared with). Share… closes
// it with the chosen report, and the usual consent dialog (share_dialog.h)
// takes over from there.
#ifndef FIELDNOTES_CLIENT_UI_EARLIER_REPORTS_DIALOG_H_
#define FIELDNOTES_CLIENT_UI_EARLIER_REPORTS_DIALOG_H_

#include <wx/dialog.h>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "reports/report_store.h"
#include "engine/kept_reports.h"

class wxButton;
class wxListView;

namespace fieldnotes::client {

class EarlierReportsDialog : public wxDialog {
 public:
  static constexpr char kListName[] = "earlier_reports_list";
  static constexpr char kShareName[] = "earlier_reports_share";
  static constexpr char kTakenName[] = "earlier_reports_taken";

  // The reports marked as taken to a session, and how to mark one (or take
  // the mark off); without `mark` the dialog offers no marking.
  struct Taken {
    std::set<std::string> ids;
    std::function<core::Status(const std::string& id, bool taken)> mark;
  };

  // `reports` as JournalController::StoredReports gives them (without
  // their PDF bytes); shown newest first. `shared_with`: report id -> the
  // names of the links it was shared with (engine/kept_reports.h
  // ReportsSharedWith; "" for a link without a name), for the "Shared"
  // column.
  using SharedWith = SharedWithNames;
  EarlierReportsDialog(wxWindow* parent, std::vector<reports::StoredReport> reports,
                       SharedWith shared_with = {}, Taken taken = {});

  void Select(size_t row);
  // The report to share, once Share… was chosen.
  const std::optional<std::string>& chosen() const { return chosen_; }
  size_t row_count() const { return reports_.size(); }
  wxString row_text(size_t row, int column) const;
  wxButton* share_button() const { return share_; }
  wxButton* taken_button() const { return taken_button_; }
  // Marks the selected report as taken, or takes the mark off when it has
  // one (the button's label says which).
  void ToggleTaken();

 private:
  void Share();
  void UpdateButtons();

  std::vector<reports::StoredReport> reports_;  // newest first
  SharedWith shared_with_;
  Taken taken_;
  std::optional<std::string> chosen_;
  wxListView* list_;
  wxButton* share_;
  wxButton* taken_button_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_EARLIER_REPORTS_DIALOG_H_
