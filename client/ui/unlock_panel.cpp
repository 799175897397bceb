#include "ui/unlock_panel.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "common/wx/accessible.h"
#include "common/wx/busy_panel.h"
#include "common/wx/error_words.h"
#include "common/wx/str_helpers.h"
#include "core/crypto.h"

namespace fieldnotes::client {
namespace {

using wxcommon::ToUtf8;
using wxcommon::ToWx;

constexpr size_t kMinNewPassphraseChars = 8;

const char kForgottenNote[] =
    "Please keep your passphrase somewhere safe. It is the only key to your journal: if it is "
    "forgotten, what you wrote cannot be opened again, by you or by anyone. There is no reset "
    "and no copy of it anywhere.";

}  // namespace

UnlockPanel::UnlockPanel(wxWindow* parent, AppOptions& options, UnlockedFn on_unlocked)
    : wxPanel(parent, wxID_ANY), options_(options), on_unlocked_(std::move(on_unlocked)) {
  SetName("unlock_panel");
  const int gap = FromDIP(8);
  const int width = FromDIP(480);

  greeting_ = new wxStaticText(this, wxID_ANY, "Fieldnotes");
  greeting_->SetFont(greeting_->GetFont().Scaled(1.6f).Bold());
  intro_ = new wxStaticText(this, wxID_ANY, wxString());

  auto* pass_label = new wxStaticText(this, wxID_ANY, "&Passphrase:");
  passphrase_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(width, -1),
                               wxTE_PASSWORD | wxTE_PROCESS_ENTER);
  passphrase_->SetName(kPassphraseName);
  repeat_label_ = new wxStaticText(this, wxID_ANY, "&Type it again:");
  repeat_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(width, -1),
                           wxTE_PASSWORD | wxTE_PROCESS_ENTER);
  repeat_->SetName(kRepeatName);
  note_ = new wxStaticText(this, wxID_ANY, kForgottenNote);
  note_->Wrap(width);
  message_ = new wxStaticText(this, wxID_ANY, wxString());
  message_->SetName(kMessageName);
  submit_ = new wxButton(this, wxID_OK, "&Unlock");
  submit_->SetName(kSubmitName);
  busy_ = new wxcommon::BusyPanel(this);
  path_ = new wxStaticText(this, wxID_ANY, wxString());
  path_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  choose_ = new wxButton(this, wxID_ANY, ToWx("Use &another journal file…"));

  auto* form = new wxBoxSizer(wxVERTICAL);
  form->Add(greeting_, 0, wxBOTTOM, gap);
  form->Add(intro_, 0, wxBOTTOM, 2 * gap);
  form->Add(pass_label, 0, wxBOTTOM, gap / 2);
  form->Add(passphrase_, 0, wxEXPAND | wxBOTTOM, gap);
  form->Add(repeat_label_, 0, wxBOTTOM, gap / 2);
  form->Add(repeat_, 0, wxEXPAND | wxBOTTOM, gap);
  form->Add(note_, 0, wxBOTTOM, gap);
  form->Add(message_, 0, wxBOTTOM, gap);
  form->Add(submit_, 0, wxALIGN_RIGHT | wxBOTTOM, gap);
  form->Add(busy_, 0, wxEXPAND | wxBOTTOM, gap);
  form->AddSpacer(3 * gap);
  form->Add(path_, 0, wxBOTTOM, gap / 2);
  form->Add(choose_, 0);

  auto* outer = new wxBoxSizer(wxVERTICAL);
  outer->AddStretchSpacer(1);
  outer->Add(form, 0, wxALIGN_CENTER_HORIZONTAL | wxALL, 2 * gap);
  outer->AddStretchSpacer(2);
  SetSizer(outer);

  submit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnSubmit(); });
  passphrase_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
    if (creating_ && repeat_->IsEmpty()) {
      repeat_->SetFocus();
    } else {
      OnSubmit();
    }
  });
  repeat_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { OnSubmit(); });
  choose_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnChooseFile(); });
  Reset();
  wxcommon::SetAccessibleName(passphrase_, "Passphrase");
  wxcommon::SetAccessibleName(repeat_, "Passphrase, again");
}

void UnlockPanel::Reset() {
  creating_ = !FileExists(options_.journal_path);
  passphrase_->ChangeValue(wxString());
  repeat_->ChangeValue(wxString());
  SetMessage(wxString());
  if (creating_) {
    intro_->SetLabel("A private place to write between sessions. Choose a passphrase to start.");
    submit_->SetLabel("&Create my journal");
  } else {
    intro_->SetLabel("Welcome back. Your journal is locked.");
    submit_->SetLabel("&Unlock");
  }
  repeat_label_->Show(creating_);
  repeat_->Show(creating_);
  note_->Show(creating_);
  path_->SetLabel("Journal file: " + ToWx(options_.journal_path));
  SetBusy(false);
  Layout();
  passphrase_->SetFocus();
}

wxString UnlockPanel::message() const { return message_->GetLabel(); }

void UnlockPanel::SetMessage(const wxString& text) {
  message_->SetLabel(text);
  message_->Wrap(FromDIP(480));
  message_->Show(!text.empty());
  Layout();
}

void UnlockPanel::SetBusy(bool busy) {
  for (wxWindow* w : std::initializer_list<wxWindow*>{passphrase_, repeat_, submit_, choose_})
    w->Enable(!busy);
  if (busy) {
    busy_->Start(creating_ ? ToWx("Making your journal. This takes a moment…")
                           : ToWx("Unlocking your journal…"));
  } else if (busy_->running()) {
    busy_->Stop();
  }
  Layout();
}

void UnlockPanel::Submit(const wxString& passphrase, const wxString& repeat) {
  passphrase_->ChangeValue(passphrase);
  repeat_->ChangeValue(repeat);
  OnSubmit();
}

void UnlockPanel::OnSubmit() {
  if (task_.busy()) return;
  // The passphrase leaves the controls at once; the copy used for the key
  // derivation is wiped when the work is done.
  auto passphrase = std::make_shared<core::crypto::SecureString>(ToUtf8(passphrase_->GetValue()));
  const bool same = repeat_->GetValue() == passphrase_->GetValue();
  repeat_->ChangeValue(wxString());
  if (passphrase->str().empty()) {
    SetMessage("Please type your passphrase.");
    passphrase_->SetFocus();
    return;
  }
  if (creating_) {
    if (passphrase_->GetValue().length() < kMinNewPassphraseChars) {
      SetMessage("Please use at least 8 characters. A few words you will remember work well.");
      passphrase_->SetFocus();
      return;
    }
    if (!same) {
      SetMessage("The two passphrases are not the same. Please type it again.");
      repeat_->SetFocus();
      return;
    }
  }
  passphrase_->ChangeValue(wxString());
  SetMessage(wxString());
  SetBusy(true);
  const bool create = creating_;
  const std::string path = options_.journal_path;
  const core::JournalOptions journal_options = options_.journal;
  task_.Run(
      [create, path, journal_options,
       passphrase]() -> core::Result<std::unique_ptr<core::Journal>> {
        if (create) {
          if (core::Status s = CreateParentFolders(path); !s.ok()) return s;
          return core::Journal::Create(path, passphrase->str(), journal_options);
        }
        return core::Journal::Open(path, passphrase->str(), journal_options);
      },
      [this](core::Result<std::unique_ptr<core::Journal>> result) { Finish(std::move(result)); });
}

void UnlockPanel::Finish(core::Result<std::unique_ptr<core::Journal>> result) {
  SetBusy(false);
  if (result.ok()) {
    on_unlocked_(std::move(result).value());
    return;
  }
  const core::Status& status = result.status();
  if (status.code() == core::Status::Code::kWrongPassphrase) {
    // Said once, in the same words each time, with no dialog to dismiss.
    SetMessage("That passphrase did not open the journal. Take your time and try again.");
  } else if (status.IsNotFound()) {
    Reset();
    SetMessage("There is no journal at that place any more. You can start a new one here.");
  } else {
    const wxcommon::ErrorWords words =
        wxcommon::DescribeStatus(status, creating_ ? "make the journal" : "open the journal");
    SetMessage(words.message);
  }
  passphrase_->SetFocus();
}

void UnlockPanel::OnChooseFile() {
  wxFileDialog dialog(this, "Choose a journal file", wxString(), wxString(),
                      "Fieldnotes journals (*.db)|*.db|All files|*", wxFD_OPEN);
  if (dialog.ShowModal() != wxID_OK) return;
  options_.journal_path = ToUtf8(dialog.GetPath());
  Reset();
}

}  // namespace fieldnotes::client
