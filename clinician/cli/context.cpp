#include "clinician/cli/context.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "clinician/cli/exit_codes.h"

namespace fieldnotes::clinician {
namespace {

std::string HomeFolder() {
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') return home;
  if (const struct passwd* pw = getpwuid(getuid()); pw != nullptr && pw->pw_dir != nullptr) {
    return pw->pw_dir;
  }
  return ".";
}

std::string DefaultKeysPath() {
  // The XDG base directory spec says to ignore a relative XDG_DATA_HOME.
  const char* xdg = std::getenv("XDG_DATA_HOME");
  const std::string data_home =
      (xdg != nullptr && xdg[0] == '/') ? std::string(xdg) : HomeFolder() + "/.local/share";
  return data_home + "/fieldnotes-clinician/keys";
}

std::optional<std::string> Last(const Args& first, const Args& second, std::string_view name) {
  if (auto v = second.Value(name)) return v;
  return first.Value(name);
}

constexpr char kLoginHint[] = "fieldnotes-clinician login --server URL --email EMAIL";

}  // namespace

int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

CliResult<Context> Context::FromArgs(const Args& global, const Args& command) {
  Context c;
  auto keys = Last(global, command, "--keys");
  if (keys && keys->empty()) return CliStatus::Usage("--keys needs a file path.");
  c.keys_path_ = keys ? *keys : DefaultKeysPath();
  c.passphrase_file_ = Last(global, command, "--passphrase-file");
  c.ca_file_ = Last(global, command, "--ca-file");
  if (c.ca_file_ && c.ca_file_->empty()) return CliStatus::Usage("--ca-file needs a file path.");
  c.json_ = global.Has("--json") || command.Has("--json");
  return c;
}

std::string Context::Absolute(const std::string& path) {
  if (path.empty() || path[0] == '/') return path;
  char* cwd = getcwd(nullptr, 0);
  if (cwd == nullptr) return path;
  std::string out = std::string(cwd) + "/" + path;
  std::free(cwd);
  return out;
}

CliStatus Context::Unlock() {
  struct stat st;
  if (stat(keys_path_.c_str(), &st) != 0) {
    if (errno == ENOENT) {
      return core::Status::NotFound("there is no key file at " + keys_path_ +
                                    " yet. To make one, run: fieldnotes-clinician init");
    }
    return core::Status::IoError("could not reach the key file at " + keys_path_ + " (" +
                                 std::strerror(errno) + ").");
  }
  SecretSource source;
  source.file = passphrase_file_;
  source.prompt = "Passphrase of your key file: ";
  auto passphrase = ReadSecret(source);
  if (!passphrase.ok()) return passphrase.status();
  auto keys = core::ReadKeyFile(keys_path_, passphrase->str());
  if (!keys.ok()) return keys.status();
  keys_ = std::move(keys).value();
  auto store = sync::ClinicianStore::Open(state_path(), *keys_);
  if (!store.ok()) return store.status();
  store_ = std::move(store).value();
  return CliStatus::Ok();
}

CliResult<sync::Connection*> Context::Connect() {
  if (connection_) return connection_.get();
  const sync::ClinicianState& s = store_->state();
  if (s.server_url.empty()) {
    return core::Status::NotFound(std::string("you have not signed in to a server yet. Run: ") +
                                  kLoginHint);
  }
  sync::ConnectionOptions options;
  options.ca_file = ca_file_ ? Absolute(*ca_file_) : s.ca_file;
  auto connection = sync::Connection::Open(s.server_url, options);
  if (!connection.ok()) return connection.status();
  connection_ = std::move(connection).value();
  return connection_.get();
}

CliResult<std::string> Context::Token() {
  auto connection = Connect();
  if (!connection.ok()) return connection.status();
  const sync::ClinicianState& s = store_->state();
  if (s.token.empty()) {
    return core::Status::Unauthenticated(std::string("you are signed out. Sign in with: ") +
                                         kLoginHint);
  }
  if (s.token_expires_at != 0 && s.token_expires_at <= Now()) {
    return core::Status::Unauthenticated(
        std::string("your session with the server has ended. Sign in again with: ") + kLoginHint);
  }
  return s.token;
}

core::Status Context::ServerError(const core::Status& status) const {
  if (status.code() != core::Status::Code::kUnauthenticated) return status;
  return core::Status::Unauthenticated(
      "the server did not accept your session (it may have expired or been ended). Sign in "
      "again with: " +
      std::string(kLoginHint));
}

CliResult<std::vector<sync::LinkSummary>> Context::RefreshClients() {
  auto token = Token();
  if (!token.ok()) return token.status();
  auto links = connection_->ListLinks(*token);
  if (!links.ok()) return ServerError(links.status());
  const sync::LinkObservation seen = store_->ObserveLinks(*links, Now());
  FN_RETURN_IF_ERROR(store_->Save());
  for (const std::string& id : seen.changed_clients) {
    Warn("careful: the server now reports a different key for client " + id.substr(0, 8) +
         " than the one first seen. Their reports are refused. If they set up Fieldnotes "
         "again, send them a new invite.");
  }
  return std::move(links).value();
}

core::Status CreateParentFolders(const std::string& file_path) {
  const size_t slash = file_path.rfind('/');
  if (slash == std::string::npos || slash == 0) return core::Status::Ok();
  const std::string folder = file_path.substr(0, slash);
  for (size_t pos = 1; pos <= folder.size(); ++pos) {
    if (pos != folder.size() && folder[pos] != '/') continue;
    const std::string part = folder.substr(0, pos);
    if (mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) {
      return core::Status::IoError("could not create the folder " + part + " (" +
                                   std::strerror(errno) + ").");
    }
  }
  return core::Status::Ok();
}

}  // namespace fieldnotes::clinician
