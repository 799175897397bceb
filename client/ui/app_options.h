// What the app is started with: which journal, how to unlock it, and the
// knobs tests need (a fast key derivation for new journals, a fake clock).
#ifndef FIELDNOTES_CLIENT_UI_APP_OPTIONS_H_
#define FIELDNOTES_CLIENT_UI_APP_OPTIONS_H_

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/journal.h"
#include "core/paths.h"
#include "core/status.h"

namespace fieldnotes::client {

// Read once at start-up and removed from the environment, for scripts and
// screenshots (the same variable as fieldnotes-cli). A person types it.
inline constexpr char kPassphraseEnv[] = "FIELDNOTES_PASSPHRASE";

struct AppOptions {
  std::string journal_path;               // DefaultJournalPath() unless --journal
  std::optional<std::string> passphrase;  // from kPassphraseEnv: unlock without asking
  // kdf cost for new journals, busy timeout; and the first screen opens
  // before every entry is loaded (the rest on a worker: MainFrame checks
  // how it went).
  core::JournalOptions journal = [] {
    core::JournalOptions o;
    o.load_first = core::kFirstScreenEntries;
    return o;
  }();
  const core::Clock* clock = &core::SystemClock::Instance();
  // The window opens where and as large as it was last closed (within the
  // screen); the app sets it, tests leave it off.
  bool remember_window = false;
  // A new journal opens on the Welcome page (WorkspacePanel::ShowWelcomeIfNew);
  // the tests of other pages turn it off.
  bool welcome_new_journals = true;
};

// $XDG_DATA_HOME/fieldnotes/journal.db, else ~/.local/share/fieldnotes/
// journal.db: the same place fieldnotes-cli uses.
std::string DefaultJournalPath();

// $XDG_CONFIG_HOME/fieldnotes/window.ini, else ~/.config/fieldnotes/
// window.ini: where the window's size and place are kept.
std::string WindowConfigPath();

// The app's guide (docs/client-app.md) for Help (F1): installed with the
// package under /usr/share/doc/fieldnotes, or beside the program in a
// source tree's build folder. "" when there is none. `program` is the
// running program's path.
std::string FindHelpFile(const std::string& program);

using core::CreateParentFolders;

bool FileExists(const std::string& path);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_APP_OPTIONS_H_
