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
  SecretSource source;
  source.file = context.passphrase_file();
  source.prompt = "New passphrase for your key file: ";
  source.confirm = true;
  auto passphrase = ReadSecret(source);
  if (!passphrase.ok()) return passphrase.status();
  auto keys = sync::CreateClinicianKeyFile(path, passphrase->str(), cost);
  if (!keys.ok()) return keys.status();
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
  const std::string ca_file =
      context.ca_file() ? Context::Absolute(*context.ca_file()) : std::string();
  SecretSource source;
  source.env_var = kPasswordEnv;
  source.file_option = nullptr;
  source.prompt = "Password for " + *email + ": ";
  source.what = "password";
  auto password = ReadSecret(source);
  if (!password.ok()) return password.status();
  FN_RETURN_IF_ERROR(context.session().SignIn(address->ToUrl(), ca_file, *email, password->str()));
  const sync::ClinicianState& state = context.store().state();
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

CliStatus RunLogout(Context& context, const Args& /*args*/) {
  FN_CLI_RETURN_IF_ERROR(context.Unlock());
  auto signed_out = context.session().SignOut();
  if (!signed_out.ok()) return signed_out.status();
  const bool told = *signed_out;
  if (!told) {
    Warn(
        "signed out here, but the server could not be told; the session ends there on its "
        "own.");
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

CliStatus RunKeysPublish(Context& context, const Args& /*args*/) {
  FN_CLI_RETURN_IF_ERROR(context.Unlock());
  auto token = context.Token();
  if (!token.ok()) return token.status();
  auto published = context.session().PublishKeys();
  if (!published.ok()) return context.ServerError(published.status());
  const sync::ClinicianKeys* after = &published->keys;
  const bool changed = published->changed;
  const bool had_other = published->had_other;
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
