#include "clinician/ui/key_panel.h"

#include <wx/button.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <sys/stat.h>

#include "common/wx/accessible.h"
#include "common/wx/busy_panel.h"
#include "common/wx/error_words.h"
#include "common/wx/str_helpers.h"

namespace fieldnotes::clinician {
namespace {

using wxcommon::ToUtf8;
using wxcommon::ToWx;

constexpr size_t kMinNewPassphraseChars = 8;

const char kForgottenNote[] =
    "Keep this passphrase somewhere safe. It is the only way to open your key file: if it is "
    "forgotten, the reports your clients share with you cannot be opened, and every client "
    "would need a new invite.";

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

}  // namespace

KeyPanel::KeyPanel(wxWindow* parent, const ViewerOptions& options, UnlockedFn on_unlocked)
    : wxPanel(parent, wxID_ANY), options_(options), on_unlocked_(std::move(on_unlocked)) {
  SetName("key_panel");
  const int gap = FromDIP(8);
  const int width = FromDIP(480);
  auto* title = new wxStaticText(this, wxID_ANY, "Fieldnotes Viewer");
  title->SetFont(title->GetFont().Scaled(1.6f).Bold());
  intro_ = new wxStaticText(this, wxID_ANY, wxString());
  auto* pass_label = new wxStaticText(this, wxID_ANY, "Key file &passphrase:");
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
  form->Add(busy_, 0, wxEXPAND | wxBOTTOM, gap);
  form->AddSpacer(3 * gap);
  form->Add(path_, 0);
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
  Reset();
  wxcommon::SetAccessibleName(passphrase_, "Key file passphrase");
  wxcommon::SetAccessibleName(repeat_, "Key file passphrase, again");
}

void KeyPanel::Reset() {
  creating_ = !Exists(options_.keys_path);
  passphrase_->ChangeValue(wxString());
  repeat_->ChangeValue(wxString());
  SetMessage(wxString());
  if (creating_) {
    intro_->SetLabel(
        "Reports your clients share are sealed to a key kept on this computer.\nChoose a "
        "passphrase to make that key.");
    submit_->SetLabel("&Make my key file");
  } else {
    intro_->SetLabel("Your key file is locked.");
    submit_->SetLabel("&Unlock");
  }
  repeat_label_->Show(creating_);
  repeat_->Show(creating_);
  note_->Show(creating_);
  path_->SetLabel("Key file: " + ToWx(options_.keys_path));
  SetBusy(false);
  Layout();
  passphrase_->SetFocus();
}

wxString KeyPanel::message() const { return message_->GetLabel(); }

void KeyPanel::SetMessage(const wxString& text) {
  message_->SetLabel(text);
  message_->Wrap(FromDIP(480));
  message_->Show(!text.empty());
  Layout();
}

void KeyPanel::SetBusy(bool busy) {
  for (wxWindow* w : std::initializer_list<wxWindow*>{passphrase_, repeat_, submit_})
    w->Enable(!busy);
  if (busy) {
    busy_->Start(creating_ ? ToWx("Making your key file. This takes a moment…")
                           : ToWx("Unlocking your key file…"));
  } else if (busy_->running()) {
    busy_->Stop();
  }
  Layout();
}

void KeyPanel::Submit(const wxString& passphrase, const wxString& repeat) {
  passphrase_->ChangeValue(passphrase);
  repeat_->ChangeValue(repeat);
  OnSubmit();
}

void KeyPanel::OnSubmit() {
  if (task_.busy()) return;
  auto passphrase = std::make_shared<core::crypto::SecureString>(ToUtf8(passphrase_->GetValue()));
  const bool same = repeat_->GetValue() == passphrase_->GetValue();
  repeat_->ChangeValue(wxString());
  if (passphrase->str().empty()) {
    SetMessage("Please type the passphrase of your key file.");
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
  const std::string path = options_.keys_path;
  const int cost = options_.kdf_log2_n;
  task_.Run(
      [create, path, cost,
       passphrase]() -> core::Result<std::unique_ptr<sync::ClinicianSession>> {
        if (create) {
          auto made = sync::CreateClinicianKeyFile(path, passphrase->str(), cost);
          if (!made.ok()) return made.status();
        }
        return sync::ClinicianSession::Open(path, passphrase->str());
      },
      [this](core::Result<std::unique_ptr<sync::ClinicianSession>> result) {
        Finish(std::move(result));
      });
}

void KeyPanel::Finish(core::Result<std::unique_ptr<sync::ClinicianSession>> result) {
  SetBusy(false);
  if (result.ok()) {
    on_unlocked_(std::move(result).value());
    return;
  }
  const core::Status& status = result.status();
  if (status.code() == core::Status::Code::kWrongPassphrase) {
    SetMessage("That passphrase did not open the key file. Take your time and try again.");
  } else {
    SetMessage(wxcommon::DescribeStatus(status, creating_ ? "make the key file"
                                                          : "open the key file",
                                        wxcommon::Audience::kClinician)
                   .message);
  }
  passphrase_->SetFocus();
}

}  // namespace fieldnotes::clinician
