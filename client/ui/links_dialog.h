// LinksDialog: "Therapists and safety numbers". Every link with its state
// in words (verified, not yet, safety number changed); the chosen link's
// safety number beside the list, to compare and verify; "Check for
// changes" asks the server for the therapist's current keys; "End link"
// (after a confirmation) ends it on the server, which deletes the reports
// shared on it. "Link a therapist…" opens the LinkDialog.
#ifndef FIELDNOTES_CLIENT_UI_LINKS_DIALOG_H_
#define FIELDNOTES_CLIENT_UI_LINKS_DIALOG_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sync/sharing.h"
#include "ui/sharing_dialog.h"

class wxButton;
class wxListView;

namespace fieldnotes::wxcommon {
class BusyPanel;
}

namespace fieldnotes::client {

class SafetyNumberPanel;
class SharingController;
class SharingNotice;

class LinksDialog : public SharingDialog {
 public:
  static constexpr char kListName[] = "links_list";
  static constexpr char kCheckName[] = "links_check";
  static constexpr char kRemoveName[] = "links_remove";

  // `confirm` asks a yes/no question (a message box; tests answer it).
  using ConfirmFn = std::function<bool(wxWindow*, const wxString& question)>;
  LinksDialog(wxWindow* parent, SharingController& sharing, ConfirmFn confirm);

  // Reads the links from the journal again, keeping the choice.
  void Reload();
  void Select(size_t row);
  void CheckForChanges();
  void MarkVerified();
  void EndLink();  // asks first
  void LinkNew();

  const std::vector<sync::TherapistLink>& links() const { return links_; }
  std::optional<size_t> selected() const;
  SafetyNumberPanel& number_panel() { return *number_; }
  SharingNotice& notice() { return *notice_; }

 private:
  // Ends the link without asking (EndLink asked, or "Try again" after it).
  void RemoveLink(const sync::TherapistLink& link);
  void SetBusy(const wxString& what);
  void SetIdle();
  void ShowSelected();
  std::function<void()> RetryIfUnreachable(const core::Status& s, std::function<void()> again);

  ConfirmFn confirm_;
  std::vector<sync::TherapistLink> links_;
  std::string selected_id_;
  wxListView* list_;
  SafetyNumberPanel* number_;
  wxcommon::BusyPanel* busy_;
  SharingNotice* notice_;
  wxButton* add_;
  wxButton* check_;
  wxButton* remove_;
  wxButton* close_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_LINKS_DIALOG_H_
