#include "clinician/ui/key_panel.h"

#include <sys/stat.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "common/wx/error_words.h"
#include "common/wx/str_helpers.h"

namespace fieldnotes::clinician {
namespace {

using wxcommon::ToWx;

wxcommon::PassphrasePanel::Words KeyFileWords() {
  wxcommon::PassphrasePanel::Words w;
  w.title = _("Fieldnotes Viewer");
  w.intro_create =
      _("Reports your clients share are sealed to a key kept on this computer.\nChoose a "
        "passphrase to make that key.");
  w.intro_open = _("Your key file is locked.");
  w.passphrase_label = _("Key file &passphrase:");
  w.accessible_name = _("Key file passphrase");
  w.create_button = _("&Make my key file");
  w.open_button = _("&Unlock");
  w.forgotten_note =
      _("Keep this passphrase somewhere safe. It is the only way to open your key file: if it is "
        "forgotten, the reports your clients share with you cannot be opened, and every client "
        "would need a new invite.");
  w.busy_create = _("Making your key file. This takes a moment…");
  w.busy_open = _("Unlocking your key file…");
  w.empty = _("Please type the passphrase of your key file.");
  w.wrong = _("That passphrase did not open the key file. Take your time and try again.");
  w.passphrase_name = KeyPanel::kPassphraseName;
  w.repeat_name = KeyPanel::kRepeatName;
  w.submit_name = KeyPanel::kSubmitName;
  w.message_name = KeyPanel::kMessageName;
  return w;
}

}  // namespace

KeyPanel::KeyPanel(wxWindow* parent, const ViewerOptions& options, UnlockedFn on_unlocked)
    : PassphrasePanel(parent, "key_panel", KeyFileWords()),
      options_(options),
      on_unlocked_(std::move(on_unlocked)) {
  path_ = new wxStaticText(this, wxID_ANY, wxString());
  path_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  extra()->Add(path_, 0);
  Reset();
}

bool KeyPanel::CreatesNew() const {
  struct stat st;
  return stat(options_.keys_path.c_str(), &st) != 0;
}

void KeyPanel::OnReset() {
  path_->SetLabelText(wxString::Format(_("Key file: %s"), ToWx(options_.keys_path)));
}

void KeyPanel::Start(std::shared_ptr<core::crypto::SecureString> passphrase, bool create) {
  const std::string path = options_.keys_path;
  const int cost = options_.kdf_log2_n;
  task_.Run(
      [create, path, cost, passphrase]() -> core::Result<std::unique_ptr<sync::ClinicianSession>> {
        if (create) {
          auto made = sync::CreateClinicianKeyFile(path, passphrase->str(), cost);
          if (!made.ok()) return made.status();
        }
        return sync::ClinicianSession::Open(path, passphrase->str());
      },
      [this](core::Result<std::unique_ptr<sync::ClinicianSession>> result) {
        if (result.ok()) {
          Done(core::Status::Ok());
          on_unlocked_(std::move(result).value());
          return;
        }
        Done(result.status(),
             wxcommon::DescribeStatus(result.status(),
                                      creating() ? _("The viewer could not make the key file.")
                                                 : _("The viewer could not open the key file."),
                                      wxcommon::Audience::kClinician)
                 .message);
      });
}

}  // namespace fieldnotes::clinician
