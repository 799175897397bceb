#include "clinician/ui/sign_in_panel.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "clinician/ui/session_controller.h"
#include "common/wx/accessible.h"
#include "common/wx/busy_panel.h"
#include "common/wx/error_words.h"
#include "common/wx/heading.h"
#include "common/wx/str_helpers.h"

namespace fieldnotes::clinician {
namespace {

using wxcommon::ToUtf8;
using wxcommon::ToWx;

}  // namespace

SignInPanel::SignInPanel(wxWindow* parent, SessionController& controller, SignedInFn on_signed_in)
    : wxPanel(parent, wxID_ANY), controller_(controller), on_signed_in_(std::move(on_signed_in)) {
  SetName("sign_in_panel");
  const int gap = FromDIP(8);
  const int width = FromDIP(480);
  auto* title = new wxStaticText(this, wxID_ANY, _("Sign in to your practice's server"));
  title->SetFont(title->GetFont().Scaled(1.4f).Bold());
  auto* intro = new wxStaticText(
      this, wxID_ANY,
      _("The server carries sealed reports from your clients to you. It never sees what is in "
        "them, nor your clients' names."));
  intro->Wrap(width);
  auto field = [&](const wxString& label, const char* name, long style) {
    auto* text = new wxStaticText(this, wxID_ANY, label);
    auto* ctrl = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(width, -1),
                                style | wxTE_PROCESS_ENTER);
    ctrl->SetName(name);
    return std::make_pair(text, ctrl);
  };
  auto [server_label, server] = field(_("&Server address:"), kServerName, 0);
  server_ = server;
  server_->SetHint("https://fieldnotes.example.org");
  auto [ca_label, ca] =
      field(_("&Certificate authority file (only if your practice gave you one):"), kCaName, 0);
  ca_ = ca;
  choose_ca_ = new wxButton(this, wxID_ANY, _("C&hoose…"));
  auto [email_label, email] = field(_("&Email:"), kEmailName, 0);
  email_ = email;
  auto [password_label, password] = field(_("Pass&word:"), kPasswordName, wxTE_PASSWORD);
  password_ = password;
  message_ = new wxStaticText(this, wxID_ANY, wxString());
  message_->SetName(kMessageName);
  submit_ = new wxButton(this, wxID_OK, _("&Sign in"));
  submit_->SetName(kSubmitName);
  busy_ = new wxcommon::BusyPanel(this);

  auto* form = new wxBoxSizer(wxVERTICAL);
  form->Add(title, 0, wxBOTTOM, gap);
  form->Add(intro, 0, wxBOTTOM, 2 * gap);
  for (auto [label, ctrl] :
       {std::make_pair(server_label, server_), std::make_pair(ca_label, ca_),
        std::make_pair(email_label, email_), std::make_pair(password_label, password_)}) {
    form->Add(label, 0, wxBOTTOM, gap / 2);
    if (ctrl == ca_) {
      auto* row = new wxBoxSizer(wxHORIZONTAL);
      row->Add(ca_, 1, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
      row->Add(choose_ca_, 0);
      form->Add(row, 0, wxEXPAND | wxBOTTOM, gap);
    } else {
      form->Add(ctrl, 0, wxEXPAND | wxBOTTOM, gap);
    }
  }
  form->Add(message_, 0, wxBOTTOM, gap);
  form->Add(submit_, 0, wxALIGN_RIGHT | wxBOTTOM, gap);
  form->Add(busy_, 0, wxEXPAND);
  wxcommon::CenterForm(this, form, 2 * gap);

  submit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnSubmit(); });
  choose_ca_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnChooseCa(); });
  for (wxTextCtrl* ctrl : {server_, ca_, email_, password_}) {
    ctrl->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { OnSubmit(); });
  }
  wxcommon::SetAccessibleName(server_, _("Server address"));
  wxcommon::SetAccessibleName(ca_, _("Certificate authority file"));
  wxcommon::SetAccessibleName(email_, _("Email"));
  wxcommon::SetAccessibleName(password_, _("Password"));
  SetMessage(wxString());
}

void SignInPanel::Prefill(const wxString& server, const wxString& ca_file, const wxString& email) {
  server_->ChangeValue(server);
  ca_->ChangeValue(ca_file);
  email_->ChangeValue(email);
  password_->ChangeValue(wxString());
  (server.empty() ? server_ : email.empty() ? email_ : password_)->SetFocus();
}

wxString SignInPanel::message() const { return message_->GetLabelText(); }

void SignInPanel::SetMessage(const wxString& text) { wxcommon::SetFormMessage(message_, text); }

void SignInPanel::SetBusy(bool busy) {
  busy_flag_ = busy;
  busy_->Hold(busy, _("Signing in…"), {server_, ca_, choose_ca_, email_, password_, submit_});
  Layout();
}

void SignInPanel::Submit(const wxString& password) {
  password_->ChangeValue(password);
  OnSubmit();
}

void SignInPanel::OnChooseCa() {
  wxFileDialog dialog(this, _("Choose the certificate authority file"), wxString(), wxString(),
                      _("Certificates (*.pem)|*.pem|All files|*"),
                      wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (dialog.ShowModal() == wxID_OK) ca_->ChangeValue(dialog.GetPath());
}

void SignInPanel::OnSubmit() {
  if (busy_flag_) return;
  const std::string server = ToUtf8(server_->GetValue().Strip(wxString::both));
  const std::string email = ToUtf8(email_->GetValue().Strip(wxString::both));
  auto password = std::make_shared<core::crypto::SecureString>(ToUtf8(password_->GetValue()));
  password_->ChangeValue(wxString());
  if (server.empty() || email.empty() || password->str().empty()) {
    SetMessage(_("Please fill in the server address, your email and your password."));
    return;
  }
  if (auto address = sync::ServerAddress::Parse(server); !address.ok()) {
    SetMessage(_("The server address starts with https://, like https://fieldnotes.example.org"));
    server_->SetFocus();
    return;
  }
  SetMessage(wxString());
  SetBusy(true);
  controller_.SignIn(server, ToUtf8(ca_->GetValue().Strip(wxString::both)), email, password,
                     [this](core::Result<sync::PublishedKeys> result) {
                       SetBusy(false);
                       if (result.ok()) {
                         on_signed_in_(*result);
                         return;
                       }
                       const core::Status& s = result.status();
                       if (s.code() == core::Status::Code::kUnauthenticated) {
                         SetMessage(
                             _("The server did not accept that email and password. Please check "
                               "them and try again."));
                       } else if (s.code() == core::Status::Code::kRefused) {
                         SetMessage(
                             _("The server's certificate is not one this computer trusts, so "
                               "nothing was sent. If your practice gave you a certificate "
                               "authority file, choose it above."));
                       } else if (s.code() == core::Status::Code::kInvalidArgument) {
                         SetMessage(ToWx(s.message()));
                       } else {
                         SetMessage(wxcommon::DescribeStatus(s, _("The viewer could not sign in."),
                                                             wxcommon::Audience::kClinician)
                                        .message);
                       }
                       password_->SetFocus();
                     });
}

}  // namespace fieldnotes::clinician
