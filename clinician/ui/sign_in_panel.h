// SignInPanel: signing in to the practice's server (its address, the
// certificate authority to trust when the practice runs its own, the
// account's email and password). Signing in also publishes the key file's
// public keys, so clients can be invited at once. The work runs on the
// controller's worker; a server that is down is said calmly, with Retry.
#ifndef FIELDNOTES_CLINICIAN_UI_SIGN_IN_PANEL_H_
#define FIELDNOTES_CLINICIAN_UI_SIGN_IN_PANEL_H_

#include <wx/panel.h>

#include <functional>

#include "sync/clinician_session.h"

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace fieldnotes::wxcommon {
class BusyPanel;
}

namespace fieldnotes::clinician {

class SessionController;

class SignInPanel : public wxPanel {
 public:
  using SignedInFn = std::function<void(const sync::PublishedKeys&)>;

  static constexpr char kServerName[] = "sign_in_server";
  static constexpr char kCaName[] = "sign_in_ca";
  static constexpr char kEmailName[] = "sign_in_email";
  static constexpr char kPasswordName[] = "sign_in_password";
  static constexpr char kSubmitName[] = "sign_in_submit";
  static constexpr char kMessageName[] = "sign_in_message";

  // `controller` must outlive the panel.
  SignInPanel(wxWindow* parent, SessionController& controller, SignedInFn on_signed_in);

  // Fills the form from the last sign-in (the password stays empty).
  void Prefill(const wxString& server, const wxString& ca_file, const wxString& email);
  void Submit(const wxString& password);
  wxString message() const;
  bool busy() const { return busy_flag_; }

 private:
  void OnSubmit();
  void OnChooseCa();
  void SetMessage(const wxString& text);
  void SetBusy(bool busy);

  SessionController& controller_;
  SignedInFn on_signed_in_;
  wxTextCtrl* server_;
  wxTextCtrl* ca_;
  wxButton* choose_ca_;
  wxTextCtrl* email_;
  wxTextCtrl* password_;
  wxStaticText* message_;
  wxButton* submit_;
  wxcommon::BusyPanel* busy_;
  bool busy_flag_ = false;
};

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_UI_SIGN_IN_PANEL_H_
