#include "common/wx/passphrase_panel.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "common/wx/accessible.h"
#include "common/wx/busy_panel.h"
#include "common/wx/heading.h"
#include "common/wx/str_helpers.h"

namespace fieldnotes::wxcommon {

PassphrasePanel::PassphrasePanel(wxWindow* parent, const wxString& name, Words words)
    : wxPanel(parent, wxID_ANY), words_(std::move(words)) {
  SetName(name);
  const int gap = FromDIP(8);
  const int width = FromDIP(480);

  auto* title = new wxStaticText(this, wxID_ANY, words_.title);
  title->SetFont(title->GetFont().Scaled(1.6f).Bold());
  intro_ = new wxStaticText(this, wxID_ANY, wxString());
  auto* pass_label = new wxStaticText(this, wxID_ANY, words_.passphrase_label);
  passphrase_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(width, -1),
                               wxTE_PASSWORD | wxTE_PROCESS_ENTER);
  passphrase_->SetName(words_.passphrase_name);
  repeat_label_ = new wxStaticText(this, wxID_ANY, _("&Type it again:"));
  repeat_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(width, -1),
                           wxTE_PASSWORD | wxTE_PROCESS_ENTER);
  repeat_->SetName(words_.repeat_name);
  note_ = new wxStaticText(this, wxID_ANY, words_.forgotten_note);
  note_->Wrap(width);
  message_ = new wxStaticText(this, wxID_ANY, wxString());
  message_->SetName(words_.message_name);
  submit_ = new wxButton(this, wxID_OK, words_.open_button);
  submit_->SetName(words_.submit_name);
  busy_panel_ = new BusyPanel(this);
  extra_ = new wxBoxSizer(wxVERTICAL);

  auto* form = new wxBoxSizer(wxVERTICAL);
  form->Add(title, 0, wxBOTTOM, gap);
  form->Add(intro_, 0, wxBOTTOM, 2 * gap);
  form->Add(pass_label, 0, wxBOTTOM, gap / 2);
  form->Add(passphrase_, 0, wxEXPAND | wxBOTTOM, gap);
  form->Add(repeat_label_, 0, wxBOTTOM, gap / 2);
  form->Add(repeat_, 0, wxEXPAND | wxBOTTOM, gap);
  form->Add(note_, 0, wxBOTTOM, gap);
  form->Add(message_, 0, wxBOTTOM, gap);
  form->Add(submit_, 0, wxALIGN_RIGHT | wxBOTTOM, gap);
  form->Add(busy_panel_, 0, wxEXPAND | wxBOTTOM, gap);
  form->AddSpacer(3 * gap);
  form->Add(extra_, 0, wxEXPAND);

  CenterForm(this, form, 2 * gap);

  submit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnSubmit(); });
  passphrase_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
    if (creating_ && repeat_->IsEmpty()) {
      repeat_->SetFocus();
    } else {
      OnSubmit();
    }
  });
  repeat_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { OnSubmit(); });
  SetAccessibleName(passphrase_, words_.accessible_name);
  SetAccessibleName(repeat_, wxString::Format(_("%s, again"), words_.accessible_name));
}

void PassphrasePanel::Reset() {
  creating_ = CreatesNew();
  passphrase_->ChangeValue(wxString());
  repeat_->ChangeValue(wxString());
  SetMessage(wxString());
  intro_->SetLabel(creating_ ? words_.intro_create : words_.intro_open);
  submit_->SetLabel(creating_ ? words_.create_button : words_.open_button);
  repeat_label_->Show(creating_);
  repeat_->Show(creating_);
  note_->Show(creating_);
  OnReset();
  SetBusy(false);
  Layout();
  passphrase_->SetFocus();
}

wxString PassphrasePanel::message() const { return message_->GetLabelText(); }

void PassphrasePanel::SetMessage(const wxString& text) { SetFormMessage(message_, text); }

void PassphrasePanel::SetBusy(bool busy) {
  busy_ = busy;
  busy_panel_->Hold(busy, creating_ ? words_.busy_create : words_.busy_open,
                    {passphrase_, repeat_, submit_});
  Layout();
}

void PassphrasePanel::FocusPassphrase() { passphrase_->SetFocus(); }

void PassphrasePanel::Submit(const wxString& passphrase, const wxString& repeat) {
  passphrase_->ChangeValue(passphrase);
  repeat_->ChangeValue(repeat);
  OnSubmit();
}

void PassphrasePanel::OnSubmit() {
  if (busy_) return;
  auto passphrase = std::make_shared<core::crypto::SecureString>(ToUtf8(passphrase_->GetValue()));
  const bool same = repeat_->GetValue() == passphrase_->GetValue();
  repeat_->ChangeValue(wxString());
  if (passphrase->str().empty()) {
    SetMessage(words_.empty);
    passphrase_->SetFocus();
    return;
  }
  if (creating_) {
    if (passphrase_->GetValue().length() < kMinNewPassphraseChars) {
      SetMessage(_("Please use at least 8 characters. A few words you will remember work well."));
      passphrase_->SetFocus();
      return;
    }
    if (!same) {
      SetMessage(_("The two passphrases are not the same. Please type it again."));
      repeat_->SetFocus();
      return;
    }
  }
  passphrase_->ChangeValue(wxString());
  SetMessage(wxString());
  SetBusy(true);
  Start(std::move(passphrase), creating_);
}

void PassphrasePanel::Done(const core::Status& status, const wxString& other) {
  SetBusy(false);
  if (status.ok()) return;
  // Said once, in the same words each time, with no dialog to dismiss.
  SetMessage(status.code() == core::Status::Code::kWrongPassphrase ? words_.wrong : other);
  passphrase_->SetFocus();
}

}  // namespace fieldnotes::wxcommon
