#include "cli/context.h"

#include <cstdlib>

#include "cli/exit_codes.h"
#include "core/paths.h"
#include "engine/unlock.h"
#include "core/i18n.h"

namespace fieldnotes::client {
namespace {

std::string DefaultJournalPath() { return core::DataHome() + "/fieldnotes/journal.db"; }

std::optional<std::string> Last(const Args& first, const Args& second, std::string_view name) {
  if (auto v = second.Value(name)) return v;
  return first.Value(name);
}

}  // namespace

CliResult<Context> Context::FromArgs(const Args& global, const Args& command) {
  Context c;
  auto journal = Last(global, command, "--journal");
  if (journal && journal->empty()) return CliStatus::Usage(core::Tr("--journal needs a file path."));
  c.journal_path_ = journal ? *journal : DefaultJournalPath();
  c.passphrase_file_ = Last(global, command, "--passphrase-file");
  if (const char* ms = std::getenv(kBusyTimeoutEnv); ms != nullptr) {
    auto value = ParseInt(ms, 0, 3600 * 1000);
    if (!value) {
      return CliStatus::Usage(
          // TRANSLATORS: %1 is the name of an environment variable.
          core::Format(core::Tr("%1 must be a number of milliseconds."), kBusyTimeoutEnv));
    }
    c.options_.busy_timeout_ms = *value;
  }
  return c;
}

CliResult<std::unique_ptr<core::Journal>> Context::OpenJournal(std::string_view prompt) const {
  // Whether there is a journal is known before a passphrase is asked for.
  if (core::Status there = CheckJournalThere(journal_path_); !there.ok()) {
    if (there.IsNotFound())
      return core::Status::NotFound(
          // TRANSLATORS: %1 is the journal's file name; the command stays as it is.
          core::Format(core::Tr("there is no journal at %1 yet. To start one, run: "
                                "fieldnotes-cli init"),
                       journal_path_));
    return there;
  }
  console::SecretSource source;
  source.file = passphrase_file_;
  source.prompt = std::string(prompt);
  auto passphrase = console::ReadSecret(source);
  if (!passphrase.ok()) return passphrase.status();
  auto journal = UnlockJournal(journal_path_, passphrase->str(), options_);
  if (!journal.ok()) return journal.status();
  return std::move(journal).value();
}

}  // namespace fieldnotes::client
