#include "cli/context.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "cli/exit_codes.h"

namespace fieldnotes::client {
namespace {

std::string HomeFolder() {
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') return home;
  if (const struct passwd* pw = getpwuid(getuid()); pw != nullptr && pw->pw_dir != nullptr) {
    return pw->pw_dir;
  }
  return ".";
}

std::string DefaultJournalPath() {
  // The XDG base directory spec says to ignore a relative XDG_DATA_HOME.
  const char* xdg = std::getenv("XDG_DATA_HOME");
  std::string data_home =
      (xdg != nullptr && xdg[0] == '/') ? std::string(xdg) : HomeFolder() + "/.local/share";
  return data_home + "/fieldnotes/journal.db";
}

std::optional<std::string> Last(const Args& first, const Args& second, std::string_view name) {
  if (auto v = second.Value(name)) return v;
  return first.Value(name);
}

}  // namespace

CliResult<Context> Context::FromArgs(const Args& global, const Args& command) {
  Context c;
  auto journal = Last(global, command, "--journal");
  if (journal && journal->empty()) return CliStatus::Usage("--journal needs a file path.");
  c.journal_path_ = journal ? *journal : DefaultJournalPath();
  c.passphrase_file_ = Last(global, command, "--passphrase-file");
  if (const char* ms = std::getenv(kBusyTimeoutEnv); ms != nullptr) {
    auto value = ParseInt(ms, 0, 3600 * 1000);
    if (!value) {
      return CliStatus::Usage(std::string(kBusyTimeoutEnv) + " must be a number of milliseconds.");
    }
    c.options_.busy_timeout_ms = *value;
  }
  return c;
}

CliResult<std::unique_ptr<core::Journal>> Context::OpenJournal(std::string_view prompt) const {
  struct stat st;
  if (stat(journal_path_.c_str(), &st) != 0) {
    if (errno == ENOENT) {
      return core::Status::NotFound("there is no journal at " + journal_path_ +
                                    " yet. To start one, run: fieldnotes-cli init");
    }
    return core::Status::IoError("could not reach the journal at " + journal_path_ + " (" +
                                 std::strerror(errno) + ").");
  }
  console::SecretSource source;
  source.file = passphrase_file_;
  source.prompt = std::string(prompt);
  auto passphrase = console::ReadSecret(source);
  if (!passphrase.ok()) return passphrase.status();
  auto journal = core::Journal::Open(journal_path_, passphrase->str(), options_);
  if (!journal.ok()) return journal.status();
  return std::move(journal).value();
}

core::Status CreateParentFolders(const std::string& file_path) {
  size_t slash = file_path.rfind('/');
  if (slash == std::string::npos || slash == 0) return core::Status::Ok();
  std::string folder = file_path.substr(0, slash);
  for (size_t pos = 1; pos <= folder.size(); ++pos) {
    if (pos != folder.size() && folder[pos] != '/') continue;
    std::string part = folder.substr(0, pos);
    if (mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) {
      return core::Status::IoError("could not create the folder " + part + " (" +
                                   std::strerror(errno) + ").");
    }
  }
  return core::Status::Ok();
}

}  // namespace fieldnotes::client
