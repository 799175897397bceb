// What every command of fieldnotes-clinician shares: the global options and
// the clinician's session (sync/clinician_session.h: the key file, the state
// file next to it and the connection to the server recorded at login, the
// same code the viewer uses), with this program's hints added to its
// failures.
#ifndef FIELDNOTES_CLINICIAN_CLI_CONTEXT_H_
#define FIELDNOTES_CLINICIAN_CLI_CONTEXT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clinician/cli/exit_codes.h"
#include "core/key_file.h"
#include "sync/clinician_session.h"

namespace fieldnotes::clinician {

class Context {
 public:
  // From the global options given before the command and after it.
  static CliResult<Context> FromArgs(const Args& global, const Args& command);

  // --keys, else $XDG_DATA_HOME/fieldnotes-clinician/keys, else
  // ~/.local/share/fieldnotes-clinician/keys.
  const std::string& keys_path() const { return keys_path_; }
  std::string state_path() const { return sync::ClinicianStore::PathFor(keys_path_); }
  const std::optional<std::string>& passphrase_file() const { return passphrase_file_; }
  bool json() const { return json_; }
  // --ca-file as given (before or after the command's name).
  const std::optional<std::string>& ca_file() const { return ca_file_; }

  // Reads the key file (asking for its passphrase once it is known to
  // exist) and opens the state file. NotFound with a hint to run init.
  CliStatus Unlock();
  // After Unlock().
  const core::ClinicianKeys& keys() const { return session_->keys(); }
  sync::ClinicianStore& store() { return session_->store(); }
  sync::ClinicianSession& session() { return *session_; }

  // After Unlock(): a connection to the server of the last login, with
  // --ca-file if given, else the file recorded at login. NotFound with a
  // hint to log in when there was none.
  CliResult<sync::Connection*> Connect();
  // Connect() and the session token; Unauthenticated with a hint to log in
  // when signed out or the session has expired.
  CliResult<std::string> Token();
  // After a successful Connect() or Token().
  sync::Connection& connection() { return session_->connection(); }
  // Lists the links on the server and records them in the state (trust on
  // first sight, labels); the state is saved. Prints a warning on stderr
  // for every client whose key the server now reports differently.
  CliResult<std::vector<sync::LinkSummary>> RefreshClients();

  // Adds "sign in again" advice to a server's Unauthenticated answer.
  core::Status ServerError(const core::Status& status) const;

  // An absolute path for `path` (for the CA file recorded at login).
  static std::string Absolute(const std::string& path);

 private:
  std::string keys_path_;
  std::optional<std::string> passphrase_file_;
  std::optional<std::string> ca_file_;
  bool json_ = false;
  std::unique_ptr<sync::ClinicianSession> session_;
};

using sync::CreateParentFolders;
// The clock of the clinician's machine, in Unix seconds.
inline int64_t Now() { return sync::NowSeconds(); }

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_CLI_CONTEXT_H_
