#include "ui/unlock_panel.h"

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "common/wx/error_words.h"
#include "common/wx/str_helpers.h"
#include "engine/unlock.h"

namespace fieldnotes::client {
namespace {

using wxcommon::ToUtf8;
using wxcommon::ToWx;

wxcommon::PassphrasePanel::Words JournalWords() {
  wxcommon::PassphrasePanel::Words w;
  w.title = _("Fieldnotes");
  w.intro_create = _("A private place to write between sessions. Choose a passphrase to start.");
  w.intro_open = _("Welcome back. Your journal is locked.");
  w.passphrase_label = _("&Passphrase:");
  w.accessible_name = _("Passphrase");
  w.create_button = _("&Create my journal");
  w.open_button = _("&Unlock");
  w.forgotten_note =
      _("Please keep your passphrase somewhere safe. It is the only key to your journal: if it is "
      "forgotten, what you wrote cannot be opened again, by you or by anyone. There is no reset "
      "and no copy of it anywhere.");
  w.busy_create = _("Making your journal. This takes a moment…");
  w.busy_open = _("Unlocking your journal…");
  w.empty = _("Please type your passphrase.");
  w.wrong = _("That passphrase did not open the journal. Take your time and try again.");
  w.passphrase_name = UnlockPanel::kPassphraseName;
  w.repeat_name = UnlockPanel::kRepeatName;
  w.submit_name = UnlockPanel::kSubmitName;
  w.message_name = UnlockPanel::kMessageName;
  return w;
}

}  // namespace

UnlockPanel::UnlockPanel(wxWindow* parent, AppOptions& options, UnlockedFn on_unlocked)
    : PassphrasePanel(parent, "unlock_panel", JournalWords()),
      options_(options),
      on_unlocked_(std::move(on_unlocked)) {
  path_ = new wxStaticText(this, wxID_ANY, wxString());
  path_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  choose_ = new wxButton(this, wxID_ANY, _("Use &another journal file…"));
  extra()->Add(path_, 0, wxBOTTOM, FromDIP(4));
  extra()->Add(choose_, 0);
  choose_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { OnChooseFile(); });
  Reset();
}

bool UnlockPanel::CreatesNew() const { return !FileExists(options_.journal_path); }

void UnlockPanel::OnReset() {
  path_->SetLabelText(wxString::Format(_("Journal file: %s"), ToWx(options_.journal_path)));
  choose_->Enable();
}

struct UnlockPanel::Opened {
  UnlockedJournal unlocked;  // engine/unlock.h
};

void UnlockPanel::Start(std::shared_ptr<core::crypto::SecureString> passphrase, bool create) {
  choose_->Disable();
  const std::string path = options_.journal_path;
  const core::JournalOptions journal_options = options_.journal;
  task_.Run(
      [create, path, journal_options, passphrase]() -> core::Result<std::shared_ptr<Opened>> {
        // The kept reports are decrypted here too, not on the UI thread
        // when the report page opens.
        auto unlocked = UnlockWithReports(path, passphrase->str(), journal_options, create);
        if (!unlocked.ok()) return unlocked.status();
        auto opened = std::make_shared<Opened>();
        opened->unlocked = std::move(unlocked).value();
        return opened;
      },
      [this](core::Result<std::shared_ptr<Opened>> result) { Finish(std::move(result)); });
}

void UnlockPanel::Finish(core::Result<std::shared_ptr<Opened>> result) {
  choose_->Enable();
  if (result.ok()) {
    Done(core::Status::Ok());
    on_unlocked_(std::move((*result)->unlocked.journal), std::move((*result)->unlocked.reports));
    return;
  }
  const core::Status& status = result.status();
  if (status.IsNotFound()) {
    Reset();
    SetMessage(_("There is no journal at that place any more. You can start a new one here."));
    return;
  }
  Done(status,
       wxcommon::DescribeStatus(status, creating() ? _("Fieldnotes could not make the journal.")
                                                    : _("Fieldnotes could not open the journal."))
           .message);
}

void UnlockPanel::OnChooseFile() {
  wxFileDialog dialog(this, _("Choose a journal file"), wxString(), wxString(),
                      _("Fieldnotes journals (*.db)|*.db|All files|*"), wxFD_OPEN);
  if (dialog.ShowModal() != wxID_OK) return;
  options_.journal_path = ToUtf8(dialog.GetPath());
  Reset();
}

}  // namespace fieldnotes::client
