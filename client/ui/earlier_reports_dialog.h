// EarlierReportsDialog: the weekly reports kept in the journal, newest
// first, so one made before the one on the Weekly report page can be shared
// too. It only chooses: Share… closes it with the chosen report, and the
// usual consent dialog (share_dialog.h) takes over from there.
#ifndef FIELDNOTES_CLIENT_UI_EARLIER_REPORTS_DIALOG_H_
#define FIELDNOTES_CLIENT_UI_EARLIER_REPORTS_DIALOG_H_

#include <wx/dialog.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reports/report_store.h"
#include "sync/sharing.h"

class wxButton;
class wxListView;

namespace fieldnotes::client {

class EarlierReportsDialog : public wxDialog {
 public:
  static constexpr char kListName[] = "earlier_reports_list";
  static constexpr char kShareName[] = "earlier_reports_share";

  // `reports` as JournalController::StoredReports gives them (without
  // their PDF bytes); shown newest first. `shared_with`: report id -> the
  // names of the links it was shared with, for the "Shared" column.
  using SharedWith = std::map<std::string, std::vector<std::string>>;
  EarlierReportsDialog(wxWindow* parent, std::vector<reports::StoredReport> reports,
                       SharedWith shared_with = {});
  // From the consents kept in the journal (withdrawn ones too: they were
  // shared) and the links' names.
  static SharedWith SharedWithFrom(const std::vector<sync::Consent>& consents,
                                   const std::vector<sync::TherapistLink>& links);

  void Select(size_t row);
  // The report to share, once Share… was chosen.
  const std::optional<std::string>& chosen() const { return chosen_; }
  size_t row_count() const { return reports_.size(); }
  wxString row_text(size_t row, int column) const;
  wxButton* share_button() const { return share_; }

 private:
  void Share();

  std::vector<reports::StoredReport> reports_;  // newest first
  SharedWith shared_with_;
  std::optional<std::string> chosen_;
  wxListView* list_;
  wxButton* share_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_EARLIER_REPORTS_DIALOG_H_
