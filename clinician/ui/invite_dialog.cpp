#include "clinician/ui/invite_dialog.h"

#include <wx/button.h>
#include <wx/clipbrd.h>
#include <wx/dataobj.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "clinician/ui/report_view.h"
#include "common/wx/accessible.h"
#include "common/wx/error_words.h"
#include "common/wx/str_helpers.h"

namespace fieldnotes::clinician {

using wxcommon::ToUtf8;
using wxcommon::ToWx;

InviteDialog::InviteDialog(wxWindow* parent, SessionController& controller)
    : wxDialog(parent, wxID_ANY, _("Invite a client")), controller_(controller) {
  SetName("invite_dialog");
  const int gap = FromDIP(8);
  const int width = FromDIP(460);
  auto* intro = new wxStaticText(
      this, wxID_ANY,
      _("Your client enters this code in Fieldnotes (Sharing, Link a therapist) to link with you. "
        "Then you both compare the safety number."));
  intro->Wrap(width);
  auto* label_text = new wxStaticText(this, wxID_ANY, _("&Your name for this client (optional):"));
  label_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(width, -1),
                          wxTE_PROCESS_ENTER);
  label_->SetName(kLabelName);
  label_->SetMaxLength(100);
  auto* label_note = new wxStaticText(
      this, wxID_ANY,
      _("It stays on this computer, sealed with your key file, and is never sent to the server."));
  label_note->Wrap(width);
  make_ = new wxButton(this, wxID_ANY, _("&Make the code"));
  make_->SetName(kMakeName);
  code_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                           wxALIGN_CENTRE_HORIZONTAL | wxST_NO_AUTORESIZE);
  code_->SetName(kCodeName);
  code_->SetFont(
      wxFont(wxFontInfo(code_->GetFont().GetPointSize() * 3).Family(wxFONTFAMILY_TELETYPE).Bold()));
  code_->SetMinSize(wxSize(width, code_->GetCharHeight() + gap));
  expiry_ = new wxStaticText(this, wxID_ANY, wxString());
  copy_ = new wxButton(this, wxID_COPY, _("&Copy the code"));
  message_ = new wxStaticText(this, wxID_ANY, wxString());
  message_->SetName(kMessageName);

  auto* sizer = new wxBoxSizer(wxVERTICAL);
  sizer->Add(intro, 0, wxALL, 2 * gap);
  sizer->Add(label_text, 0, wxLEFT | wxRIGHT, 2 * gap);
  sizer->Add(label_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(label_note, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  sizer->Add(make_, 0, wxALIGN_RIGHT | wxALL, 2 * gap);
  sizer->Add(code_, 0, wxEXPAND | wxLEFT | wxRIGHT, 2 * gap);
  sizer->Add(expiry_, 0, wxALIGN_CENTRE_HORIZONTAL | wxALL, gap);
  sizer->Add(copy_, 0, wxALIGN_CENTRE_HORIZONTAL | wxBOTTOM, gap);
  sizer->Add(message_, 0, wxLEFT | wxRIGHT, 2 * gap);
  sizer->Add(CreateSeparatedButtonSizer(wxCLOSE), 0, wxEXPAND | wxALL, 2 * gap);
  SetSizerAndFit(sizer);
  SetEscapeId(wxID_CLOSE);
  copy_->Hide();
  expiry_->Hide();

  make_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Make(); });
  label_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { Make(); });
  copy_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (wxTheClipboard->Open()) {
      wxTheClipboard->SetData(new wxTextDataObject(code_->GetLabelText()));
      wxTheClipboard->Close();
      message_->SetLabelText(_("Copied."));
      Layout();
    }
  });
  wxcommon::SetAccessibleName(label_, _("Your name for this client (optional)"));
  label_->SetFocus();
}

wxString InviteDialog::code() const { return code_->GetLabelText(); }
wxString InviteDialog::message() const { return message_->GetLabelText(); }

void InviteDialog::Make() {
  if (busy_) return;
  const wxString text = label_->GetValue().Strip(wxString::both);
  std::optional<std::string> label;
  if (!text.empty()) label = ToUtf8(text);
  busy_ = true;
  make_->Disable();
  message_->SetLabelText(_("Making the code…"));
  Layout();
  std::shared_ptr<bool> alive = alive_;
  controller_.Invite(label, [this, alive](core::Result<sync::InviteResponse> result) {
    if (!*alive) return;
    busy_ = false;
    make_->Enable();
    if (!result.ok()) {
      const core::Status& s = result.status();
      message_->SetLabelText(
          s.IsNotFound() || s.code() == core::Status::Code::kInvalidArgument
              ? ToWx(s.message())
              : wxcommon::DescribeStatus(s, _("The viewer could not make an invite."),
                                         wxcommon::Audience::kClinician)
                    .message);
      message_->Wrap(FromDIP(460));
      Fit();
      return;
    }
    Shown(*result);
  });
}

void InviteDialog::Shown(const sync::InviteResponse& invite) {
  code_->SetLabelText(ToWx(invite.code));
  wxcommon::SetAccessibleName(code_, wxString::Format(_("Invite code %s"), ToWx(invite.code)));
  // TRANSLATORS: %s is a day and a time.
  expiry_->SetLabelText(
      wxString::Format(_("Valid until %s, for one client."), LocalTime(invite.expires_at)));
  expiry_->Show();
  copy_->Show();
  make_->SetLabel(_("Make &another code"));
  message_->SetLabelText(label_->IsEmpty() ? wxString()
                                           : wxString::Format(_("The client who links with this "
                                                                "code will be shown as \"%s\"."),
                                                              label_->GetValue()));
  label_->ChangeValue(wxString());
  Fit();
  copy_->SetFocus();
}

}  // namespace fieldnotes::clinician
