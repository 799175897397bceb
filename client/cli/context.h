// What every command shares: the global options, where the journal is, and
// opening it with a passphrase from the usual sources.
#ifndef FIELDNOTES_CLIENT_CLI_CONTEXT_H_
#define FIELDNOTES_CLIENT_CLI_CONTEXT_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cli/exit_codes.h"
#include "core/clock.h"
#include "core/paths.h"
#include "core/journal.h"

namespace fieldnotes::client {

// Hidden knob for tests and scripts: how long a write waits for another
// program's transaction before giving up with "busy" (exit code 5).
inline constexpr char kBusyTimeoutEnv[] = "FIELDNOTES_BUSY_TIMEOUT_MS";

class Context {
 public:
  // From the global options given before the command and after it (the
  // later wins).
  static CliResult<Context> FromArgs(const Args& global, const Args& command);

  // The journal file: --journal, else $XDG_DATA_HOME/fieldnotes/journal.db,
  // else ~/.local/share/fieldnotes/journal.db.
  const std::string& journal_path() const { return journal_path_; }
  const std::optional<std::string>& passphrase_file() const { return passphrase_file_; }
  core::JournalOptions options() const { return options_; }
  void set_kdf_log2_n(int log2_n) { options_.kdf_log2_n = log2_n; }
  // For `check`: open a damaged journal so every damaged record can be listed.
  void set_skip_damaged_records(bool skip) { options_.skip_damaged_records = skip; }

  // "Now" for every command: the system's clock, or the one RunCli was
  // given (tests fix it so a report is the same on any day).
  const core::Clock& clock() const { return *clock_; }
  void set_clock(const core::Clock& clock) { clock_ = &clock; }

  // Opens the journal, asking for the passphrase only once the file is known
  // to exist. NotFound (with a hint to run init) when there is none.
  CliResult<std::unique_ptr<core::Journal>> OpenJournal(
      std::string_view prompt = "Passphrase: ") const;

 private:
  std::string journal_path_;
  std::optional<std::string> passphrase_file_;
  core::JournalOptions options_;
  const core::Clock* clock_ = &core::SystemClock::Instance();
};

using core::CreateParentFolders;

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_CLI_CONTEXT_H_
