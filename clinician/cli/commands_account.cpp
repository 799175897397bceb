// init, login, logout, keys publish: the clinician's keys and account.
#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "clinician/cli/commands.h"
#include "clinician/cli/exit_codes.h"
#include "core/i18n.h"
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
    if (!n) return CliStatus::Usage(core::Tr("--kdf-cost is a number from 15 to 20."));
    cost = *n;
  }
  const std::string& path = context.keys_path();
  struct stat st;
  if (lstat(path.c_str(), &st) == 0) {
    return Status::AlreadyExists(core::Format(
        // TRANSLATORS: %1 is a file's path; --keys PATH is an option as it is typed.
        core::Tr("there is already a key file at %1; it was left as it is. To keep a second one, "
                 "use --keys PATH."),
        path));
  }
  SecretSource source;
  source.file = context.passphrase_file();
  source.prompt = core::Tr("New passphrase for your key file: ");
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
    Print(
        // TRANSLATORS: %1 is a file's path; the command after "Next:" is typed as it is.
        core::Format(core::Tr("Created your key file at %1.\nKeep its passphrase safe: without it "
                              "the reports sealed to you cannot be opened.\nNext: "
                              "fieldnotes-clinician login --server URL --email EMAIL\n"),
                     path));
  }
  return CliStatus::Ok();
}

CliStatus RunLogin(Context& context, const Args& args) {
  const auto server = args.Value("--server");
  const auto email = args.Value("--email");
  if (!server || !email)
    return CliStatus::Usage(core::Tr("login needs --server URL and --email EMAIL."));
  if (email->empty() || email->size() > sync::kMaxEmailBytes ||
      email->find('@') == std::string::npos) {
    return CliStatus::Usage(core::Tr("--email needs your account's email address."));
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
  // TRANSLATORS: a prompt; %1 is an email address.
  source.prompt = core::Format(core::Tr("Password for %1: "), *email);
  source.is_password = true;
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
    // TRANSLATORS: %1 is the server's address, %2 an email, %3 a time (UTC).
    Print(core::Format(core::Tr("Signed in to %1 as %2 until %3.\n"), state.server_url, state.email,
                       sync::FormatTime(state.token_expires_at)));
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
        core::Tr("signed out here, but the server could not be told; the session ends there on its "
                 "own."));
  }
  if (context.json()) {
    Object o;
    o.Set("signed_out", true);
    o.Set("server_told", told);
    PrintJson(std::move(o));
  } else {
    // TRANSLATORS: fieldnotes-clinician logout: the clinician is signed out of the server (no
    // longer signed in).
    Print(core::Tr("Signed out.\n"));
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
    Print(
        // TRANSLATORS: %1 is the version number of the clinician's published keys (1, 2, ...).
        core::Format(core::Tr("The server already has these keys (version %1). Nothing changed.\n"),
                     after->version));
  } else {
    // TRANSLATORS: %1 is the version number of the clinician's published keys (1, 2, ...).
    Print(core::Format(core::Tr("Published your keys (version %1).\n"), after->version));
  }
  if (had_other) {
    Warn(core::Tr(
        "the server had other keys for you. Every linked client has to compare the new safety "
        "number with you before they can share again."));
  }
  return CliStatus::Ok();
}

}  // namespace fieldnotes::clinician
