// LinkDialog: "Link a therapist". First the server address and the invite
// code the therapist gave, a name for the link that stays on this computer,
// and (for a practice's own server) the certificate file to trust; then,
// once linked, the safety number to compare with the therapist and the
// button to mark it verified. Linking and verifying talk to the server on
// a worker thread (SharingController); the dialog waits, with a busy strip,
// and cannot be closed meanwhile.
#ifndef FIELDNOTES_CLIENT_UI_LINK_DIALOG_H_
#define FIELDNOTES_CLIENT_UI_LINK_DIALOG_H_

#include <optional>

#include "sync/sharing.h"
#include "ui/sharing_dialog.h"

class wxButton;
class wxFilePickerCtrl;
class wxPanel;
class wxTextCtrl;

namespace fieldnotes::wxcommon {
class BusyPanel;
}

namespace fieldnotes::client {

class SafetyNumberPanel;
class SharingController;
class SharingNotice;

class LinkDialog : public SharingDialog {
 public:
  static constexpr char kServerName[] = "link_server";
  static constexpr char kCodeName[] = "link_code";
  static constexpr char kLabelName[] = "link_label";
  static constexpr char kCaName[] = "link_ca_file";
  static constexpr char kLinkButtonName[] = "link_go";

  LinkDialog(wxWindow* parent, SharingController& sharing);

  // The "Link" button: redeems the code.
  void StartLink();
  // The safety number step's button.
  void MarkVerified();

  // The link made here, as last known (nullopt before linking).
  const std::optional<sync::TherapistLink>& link() const { return link_; }
  // After linking only.
  SafetyNumberPanel& number_panel() { return *number_; }
  SharingNotice& notice() { return *notice_; }
  wxButton* link_button() const { return go_; }

 private:
  void SetBusy(const wxString& what);
  void SetIdle();
  void ShowNumber(const sync::TherapistLink& link, const std::string& digits);

  std::optional<sync::TherapistLink> link_;
  wxPanel* form_;
  wxTextCtrl* server_;
  wxTextCtrl* code_;
  wxTextCtrl* label_;
  wxFilePickerCtrl* ca_;
  SafetyNumberPanel* number_ = nullptr;  // once linked
  wxcommon::BusyPanel* busy_;
  SharingNotice* notice_;
  wxButton* go_;
  wxButton* close_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_LINK_DIALOG_H_
