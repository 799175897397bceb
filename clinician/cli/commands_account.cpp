// init, login, logout, keys publish: the clinician's keys and account.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "clinician/cli/commands.h"
#include "clinician/cli/exit_codes.h"
#include "core/json.h"
#include "sync/api.h"

namespace fieldnotes::clinician {
namespace {

using core::Status;
using core::crypto::HexEncode;
using core::json::Object;
using core::json::Value;

void PrintJson(Object o) { Print(core::json::WritePretty(Value(std::move(o))) + "\n"); }

}  // namespace

CliStatus RunInit(Context& context, const Args& args) {
  int cost = core::crypto::KdfParams::kDefaultLog2N;
  if (auto text = args.Value("--kdf-cost")) {
    auto n =
        ParseInt(*text, core::crypto::KdfParams::kMinLog2N, core::crypto::KdfParams::kMaxLog2N);
    if (!n) return CliStatus::Usage("--kdf-cost is a number from 15 to 20.");
    cost = *n;
  }
  const std::string& path = context.keys_path();
  struct stat st;
  if (lstat(path.c_str(), &st) == 0) {
    return Status::AlreadyExists("there is already a key file at " + path +
                                 "; it was left as it is. To keep a second one, use --keys PATH.");
  }
  FN_RETURN_IF_ERROR(CreateParentFolders(path));
  SecretSource source;
  source.file = context.passphrase_file();
  source.prompt = "New passphrase for your key file: ";
  source.confirm = true;
  auto passphrase = ReadSecret(source);
  if (!passphrase.ok()) return passphrase.status();
  auto keys = core::ClinicianKeys::Generate();
  if (!keys.ok()) return keys.status();
  FN_RETURN_IF_ERROR(core::WriteKeyFile(path, passphrase->str(), *keys, cost));
  if (context.json()) {
    Object o;
    o.Set("keys", path);
    o.Set("x25519", HexEncode(keys->sealing.public_key));
    o.Set("ed25519", HexEncode(keys->signing.public_key));
    PrintJson(std::move(o));
  } else {
    Print("Created your key file at " + path +
          ".\nKeep its passphrase safe: without it the reports sealed to you cannot be opened.\n"
          "Next: fieldnotes-clinician login --server URL --email EMAIL\n");
  }
  return CliStatus::Ok();
}

CliStatus RunLogin(Context& context, const Args& args) {
  const auto server = args.Value("--server");
  const auto email = args.Value("--email");
  if (!server || !email) return CliStatus::Usage("login needs --server URL and --email EMAIL.");
  if (email->empty() || email->size() > sync::kMaxEmailBytes ||
      email->find('@') == std::string::npos) {
    return CliStatus::Usage("--email needs your account's email address.");
  }
  auto address = sync::ServerAddress::Parse(*server);
  if (!address.ok()) return address.status();
  // The key file first: a wrong passphrase is found before the password is
  // asked for.
  FN_CLI_RETURN_IF_ERROR(context.Unlock());
  sync::ClinicianState& state = context.store().state();
  const std::string ca_file =
      context.ca_file() ? Context::Absolute(*context.ca_file()) : std::string();
  sync::ConnectionOptions options;
  options.ca_file = ca_file;
  auto connection = sync::Connection::Open(address->ToUrl(), options);
  if (!connection.ok()) return connection.status();

  SecretSource source;
  source.env_var = kPasswordEnv;
  source.file_option = nullptr;
  source.prompt = "Password for " + *email + ": ";
  source.what = "password";
  auto password = ReadSecret(source);
  if (!password.ok()) return password.status();
  auto login = (*connection)->Login(*email, password->str());
  if (!login.ok()) {
    if (login.status().code() == Status::Code::kUnauthenticated) {
      return Status::Unauthenticated(
          "the server did not accept that email and password (or the account is disabled).");
    }
    return login.status();
  }
  // A session on another server or account replaces the old one there.
  if (!state.token.empty() && (state.server_url != address->ToUrl() || state.email != *email)) {
    (void)(*connection)->Logout(state.token).ok();  // best effort; it is forgotten either way
  }
  state.server_url = address->ToUrl();
  state.ca_file = ca_file;
  state.email = *email;
  state.token = login->token;
  state.token_expires_at = login->expires_at;
  FN_RETURN_IF_ERROR(context.store().Save());
  if (context.json()) {
    Object o;
    o.Set("server", state.server_url);
    o.Set("email", state.email);
    o.Set("expires_at", sync::FormatTime(state.token_expires_at));
    PrintJson(std::move(o));
  } else {
    Print("Signed in to " + state.server_url + " as " + state.email + " until " +
          sync::FormatTime(state.token_expires_at) + ".\n");
  }
  return CliStatus::Ok();
}

CliStatus RunLogout(Context& context, const Args& args) {
  FN_CLI_RETURN_IF_ERROR(context.Unlock());
  sync::ClinicianState& state = context.store().state();
  Status server_status;
  if (!state.token.empty()) {
    auto connection = context.Connect();
    if (connection.ok()) {
      server_status = (*connection)->Logout(state.token);
    } else {
      server_status = connection.status().status();
    }
  }
  // Forget the session here whatever the server said: an expired or ended
  // session is what logging out asks for anyway.
  state.token.clear();
  state.token_expires_at = 0;
  FN_RETURN_IF_ERROR(context.store().Save());
  const bool told = server_status.ok() || server_status.code() == Status::Code::kUnauthenticated;
  if (!told) {
    Warn("signed out here, but the server could not be told (" + server_status.message() +
         "); the session ends there on its own.");
  }
  if (context.json()) {
    Object o;
    o.Set("signed_out", true);
    o.Set("server_told", told);
    PrintJson(std::move(o));
  } else {
    Print("Signed out.\n");
  }
  return CliStatus::Ok();
}

CliStatus RunKeysPublish(Context& context, const Args& args) {
  FN_CLI_RETURN_IF_ERROR(context.Unlock());
  auto token = context.Token();
  if (!token.ok()) return token.status();
  sync::Connection& server = context.connection();
  const core::ClinicianKeys& keys = context.keys();
  const sync::KeysRequest mine{HexEncode(keys.sealing.public_key),
                               HexEncode(keys.signing.public_key)};
  auto before = server.GetKeys(*token);
  if (!before.ok() && !before.status().IsNotFound()) return context.ServerError(before.status());
  const bool had_other =
      before.ok() && (before->x25519 != mine.x25519 || before->ed25519 != mine.ed25519);
  auto after = server.PutKeys(*token, mine);
  if (!after.ok()) return context.ServerError(after.status());
  const bool changed = !before.ok() || had_other;
  if (context.json()) {
    Object o;
    o.Set("x25519", after->x25519);
    o.Set("ed25519", after->ed25519);
    o.Set("version", after->version);
    o.Set("changed_at", sync::FormatTime(after->changed_at));
    o.Set("changed", changed);
    PrintJson(std::move(o));
  } else if (!changed) {
    Print("The server already has these keys (version " + std::to_string(after->version) +
          "). Nothing changed.\n");
  } else {
    Print("Published your keys (version " + std::to_string(after->version) + ").\n");
  }
  if (had_other) {
    Warn(
        "the server had other keys for you. Every linked client has to compare the new safety "
        "number with you before they can share again.");
  }
  return CliStatus::Ok();
}

}  // namespace fieldnotes::clinician
