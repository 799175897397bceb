#include "clinician/cli/context.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "clinician/cli/exit_codes.h"
#include "core/i18n.h"

namespace fieldnotes::clinician {
namespace {

std::optional<std::string> Last(const Args& first, const Args& second, std::string_view name) {
  if (auto v = second.Value(name)) return v;
  return first.Value(name);
}

constexpr char kLoginHint[] = "fieldnotes-clinician login --server URL --email EMAIL";

std::string NotSignedIn() {
  return core::Format(
      // TRANSLATORS: %1 is the command to run, typed as it is.
      core::Tr("you have not signed in to a server yet. Run: %1"), kLoginHint);
}

}  // namespace

CliResult<Context> Context::FromArgs(const Args& global, const Args& command) {
  Context c;
  auto keys = Last(global, command, "--keys");
  if (keys && keys->empty()) return CliStatus::Usage(core::Tr("--keys needs a file path."));
  c.keys_path_ = keys ? *keys : sync::DefaultClinicianKeysPath();
  c.passphrase_file_ = Last(global, command, "--passphrase-file");
  c.ca_file_ = Last(global, command, "--ca-file");
  if (c.ca_file_ && c.ca_file_->empty())
    return CliStatus::Usage(core::Tr("--ca-file needs a file path."));
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
      return core::Status::NotFound(core::Format(
          // TRANSLATORS: %1 is a file's path; the command is typed as it is.
          core::Tr("there is no key file at %1 yet. To make one, run: fieldnotes-clinician init"),
          keys_path_));
    }
    // TRANSLATORS: %1 is a file's path, %2 the system's reason.
    return core::Status::IoError(core::Format(core::Tr("could not reach the key file at %1 (%2)."),
                                              keys_path_, std::strerror(errno)));
  }
  SecretSource source;
  source.file = passphrase_file_;
  source.prompt = core::Tr("Passphrase of your key file: ");
  auto passphrase = ReadSecret(source);
  if (!passphrase.ok()) return passphrase.status();
  auto session = sync::ClinicianSession::Open(keys_path_, passphrase->str());
  if (!session.ok()) return session.status();
  session_ = std::move(session).value();
  if (ca_file_) session_->OverrideCaFile(Absolute(*ca_file_));
  return CliStatus::Ok();
}

CliResult<sync::Connection*> Context::Connect() {
  auto connection = session_->Connect();
  if (!connection.ok() && connection.status().IsNotFound()) {
    // The session's only NotFound here: no server yet.
    return core::Status::NotFound(NotSignedIn());
  }
  if (!connection.ok()) return connection.status();
  return *connection;
}

CliResult<std::string> Context::Token() {
  auto token = session_->Token();
  if (token.ok()) return std::move(token).value();
  if (token.status().code() == core::Status::Code::kUnauthenticated) {
    // Signed out, or a sign-in that has ended: one whole message each.
    if (session_->state().token.empty()) {
      return core::Status::Unauthenticated(core::Format(
          // TRANSLATORS: %1 is the command to run, typed as it is.
          core::Tr("you are signed out. Sign in with: %1"), kLoginHint));
    }
    return core::Status::Unauthenticated(core::Format(
        // TRANSLATORS: %1 is the command to run, typed as it is.
        core::Tr("your session with the server has ended. Sign in with: %1"), kLoginHint));
  }
  if (token.status().IsNotFound()) return core::Status::NotFound(NotSignedIn());
  return token.status();
}

core::Status Context::ServerError(const core::Status& status) const {
  if (status.code() != core::Status::Code::kUnauthenticated) return status;
  return core::Status::Unauthenticated(
      // TRANSLATORS: %1 is a command line.
      core::Format(core::Tr("the server did not accept your session (it may have expired or been "
                            "ended). Sign in again with: %1"),
                   kLoginHint));
}

CliResult<std::vector<sync::LinkSummary>> Context::RefreshClients() {
  auto token = Token();
  if (!token.ok()) return token.status();
  auto refreshed = session_->RefreshClients();
  if (!refreshed.ok()) return ServerError(refreshed.status());
  for (const std::string& id : refreshed->changed_clients) {
    // TRANSLATORS: %1 is the start of a client's id.
    Warn(core::Format(core::Tr("careful: the server now reports a different key for client %1 than "
                               "the one first seen. Their reports are refused. If they set up "
                               "Fieldnotes again, send them a new invite."),
                      id.substr(0, 8)));
  }
  return std::move(refreshed->links);
}

}  // namespace fieldnotes::clinician
