// InviteDialog: makes an invite code for a new client. An optional label
// (the clinician's own name for them) waits on this computer for the next
// client who links and is never sent to the server. The code is shown
// large enough to read aloud, with its expiry and a Copy button.
#ifndef FIELDNOTES_CLINICIAN_UI_INVITE_DIALOG_H_
#define FIELDNOTES_CLINICIAN_UI_INVITE_DIALOG_H_

#include <wx/dialog.h>

#include "clinician/ui/session_controller.h"

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace fieldnotes::clinician {

class InviteDialog : public wxDialog {
 public:
  static constexpr char kLabelName[] = "invite_label";
  static constexpr char kMakeName[] = "invite_make";
  static constexpr char kCodeName[] = "invite_code";
  static constexpr char kMessageName[] = "invite_message";

  // `controller` must outlive the dialog.
  InviteDialog(wxWindow* parent, SessionController& controller);

  // Makes the code as if the button was pressed.
  void Make();
  wxString code() const;
  wxString message() const;
  bool busy() const { return busy_; }

 private:
  void Shown(const sync::InviteResponse& invite);

  SessionController& controller_;
  wxTextCtrl* label_;
  wxButton* make_;
  wxStaticText* code_;
  wxStaticText* expiry_;
  wxButton* copy_;
  wxStaticText* message_;
  bool busy_ = false;
  // False once the dialog is gone: a late answer is dropped.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);

 public:
  ~InviteDialog() override { *alive_ = false; }
};

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_UI_INVITE_DIALOG_H_
