// The command table and every help text. Help is part of the interface:
// keep it truthful when an option changes (docs/clinician.md says the same).
#include "clinician/cli/commands.h"
#include "console/command_list.h"
#include "core/i18n.h"

namespace fieldnotes::clinician {
namespace {

constexpr OptionSpec kGlobal[] = {
    {"--keys", true}, {"--passphrase-file", true}, {"--ca-file", true}, {"--json"}, {"--help"}};
constexpr OptionSpec kNone[] = {{"--help"}};
constexpr OptionSpec kInit[] = {{"--kdf-cost", true}};
constexpr OptionSpec kLogin[] = {{"--server", true}, {"--email", true}};
constexpr OptionSpec kInvite[] = {{"--label", true}};
constexpr OptionSpec kFetch[] = {{"--out", true}, {"--force"}};

constexpr Command kCommands[] = {
    {"init", N_("create your key file"), N_(R"(Usage: fieldnotes-clinician init [--kdf-cost N]

Creates your key file: a new X25519 key (clients seal reports to it) and a
new Ed25519 key, kept encrypted under a passphrase you choose. On a terminal
you are asked for the passphrase twice; in scripts it comes from
FIELDNOTES_PASSPHRASE or --passphrase-file. An existing key file is never
overwritten. The folder is created if needed, readable only by you.

Options:
  --kdf-cost N         how hard the passphrase is to guess by brute force:
                       log2 of scrypt's N, 15 to 20 (default 17)
)"),
     kInit, RunInit, 0},
    {"login", N_("sign in to your practice's server"),
     N_(R"(Usage: fieldnotes-clinician login --server URL --email EMAIL [--ca-file PEM]

Signs in to the server (https://host or https://host:port) with your account
and keeps the session, the server's address and the certificate file in
your state file for the other commands. The password comes from
FIELDNOTES_PASSWORD, else you are asked on the terminal without echo. It is
never stored.

The server's certificate is always checked, host name included. With
--ca-file only that certificate file is trusted (your practice's, or the
ca.pem of fieldnotes-server init), now and in later commands; otherwise the
system's authorities.

Options:
  --server URL         the server, such as https://fieldnotes.example.org
  --email EMAIL        your account's email
)"),
     kLogin, RunLogin, 0},
    {"keys publish", N_("send your public keys to the server"),
     N_(R"(Usage: fieldnotes-clinician keys publish

Sends your two public keys to the server, so clients can seal reports to
you. Publishing the same keys again changes nothing. When the server had
other keys for you, every linked client has to compare safety numbers with
you again before they can share.
)"),
     kNone, RunKeysPublish, 0},
    {"invite", N_("make an invite code for a new client"),
     N_(R"(Usage: fieldnotes-clinician invite [--label TEXT] [--json]

Asks the server for a single-use invite code (valid for 24 hours by default)
for a client to link with: fieldnotes-cli link --server URL --code CODE.
Prints the code and when it expires; with --json, {"code": ..., "expires_at": ...}.

Options:
  --label TEXT         what you call this client (a name, initials). It stays
                       in your state file and is never sent to the server.
                       It goes to the client who links with this code (the
                       server names the invite on the link, by a random id);
                       change it later with 'label'.
)"),
     kInvite, RunInvite, 0},
    {"clients", N_("list your linked clients"), N_(R"(Usage: fieldnotes-clinician clients [--json]

Lists the clients linked to you on the server, oldest first: the start of
the client's id, your label, when they linked and how many reports are
waiting. A client's key is pinned the first time it is seen; a client whose
key the server later reports differently is marked, and their reports are
refused.

With --json: an array of {"id", "label", "paired_at", "reports_waiting",
"key", "key_changed", "safety_number"}.
)"),
     kNone, RunClients, 0},
    {"label", N_("set your label for a client"), N_(R"(Usage: fieldnotes-clinician label CLIENT TEXT

Sets (or, with an empty TEXT "", removes) your label for a client. CLIENT is
the client's id, its first 8 or more characters, or its current label. The
label stays on this computer.
)"),
     kNone, RunLabel, 2},
    {"safety-number", N_("show the safety number to compare with a client"),
     N_(R"(Usage: fieldnotes-clinician safety-number CLIENT [--json]

Shows the 60-digit safety number made from the client's pinned key and your
keys. Read it with the client (in person or on a call you trust): when both
screens show the same number, nobody swapped a key. CLIENT is the client's
id, its first 8 or more characters, or your label for them.

With --json: {"client", "label", "safety_number"} (60 digits, no spaces).
)"),
     kNone, RunSafetyNumber, 1},
    {"reports", N_("list the reports your clients shared"),
     N_(R"(Usage: fieldnotes-clinician reports [--json]

Lists the reports on the server for you, newest first: NEW for one not
listed here before, the report's id, the client, the period's last day, when
it was uploaded and whether you opened it.

With --json: an array of {"id", "client", "label", "period_end",
"uploaded_at", "expires_at", "size", "opened", "opened_at", "new"}.
)"),
     kNone, RunReports, 0},
    {"fetch", N_("download, check and save a report as a PDF"),
     N_(R"(Usage: fieldnotes-clinician fetch REPORT_ID --out FILE.pdf [--force]

Downloads a report, opens it with your key and checks it: it must be sealed
to you, signed by the key pinned for its client, unchanged, not a copy of a
report you already opened (a replay), and a PDF. Only then is the PDF
written, to FILE and nowhere else (readable only by you), and the server is
told you opened it (the client sees the receipt). REPORT_ID is the report's
id or its first 8 or more characters.

When anything fails its check, nothing is written and the exit code is 8.
When the report is gone (withdrawn, expired, or the link ended) it is 6.

Options:
  --out FILE           where to write the PDF; an existing file is not
                       replaced
  --force              replace FILE if it exists
)"),
     kFetch, RunFetch, 1},
    {"logout", N_("end your session with the server"), N_(R"(Usage: fieldnotes-clinician logout

Ends your session on the server and forgets it here. Your keys, labels and
pinned client keys stay.
)"),
     kNone, RunLogout, 0},
};

}  // namespace

std::span<const Command> Commands() { return kCommands; }

const Command* FindCommand(std::string_view name) {
  return console::FindCommandIn(Commands(), name);
}

std::span<const OptionSpec> GlobalOptions() { return kGlobal; }

std::string OverviewHelp() {
  std::string out = core::Tr(
      "fieldnotes-clinician: receive the reports your clients share with you.\n\n"
      "Usage: fieldnotes-clinician [GLOBAL OPTIONS] COMMAND [OPTIONS]\n\n"
      "Commands:\n");
  out += console::ListCommands(Commands());
  // TRANSLATORS: keep the option names, the exit code numbers and the
  // layout; only the words after them are yours.
  out += core::Tr(R"(
Global options (before or after the command):
  --keys PATH              your key file; default
                           $XDG_DATA_HOME/fieldnotes-clinician/keys, or
                           ~/.local/share/fieldnotes-clinician/keys. Your state
                           (session, labels, pinned keys) is PATH.state.
  --passphrase-file PATH   read the key file's passphrase from the first line
  --ca-file PEM            trust only this certificate file for the server
                           (default: the one given at login)
  --json                   machine-readable output on stdout
  -h, --help               show help; after a command, that command's help
  --version                show the version

The key file's passphrase comes from FIELDNOTES_PASSPHRASE if it is set, else
from --passphrase-file, else you are asked on the terminal. The account
password (login) comes from FIELDNOTES_PASSWORD, else you are asked.

Exit codes:
  0  done
  1  something else went wrong, such as a file that could not be written
  2  the command was not used as described in its --help
  3  the passphrase did not open the key file
  4  bad data: a value out of range, a damaged state file, an answer from the
     server that was not understood
  5  busy: another fieldnotes-clinician is using the state file
  6  not found: no key file, no such client or report, or the report is gone
  7  the server could not be reached, is busy, or did not accept the sign-in
  8  refused for safety: an untrusted certificate, a report that failed its
     checks or was replayed, a client whose key changed

Exit codes, and what --json prints, are the same in every language; messages
and help follow the language of your locale (LANG).

More in docs/clinician.md.
)");
  return out;
}

std::string KeysGroupHelp() {
  return core::Tr(R"(Usage: fieldnotes-clinician keys publish

Your keys on the server.
  keys publish         send your public keys to the server

See fieldnotes-clinician keys publish --help.
)");
}

std::string CommandHelp(const Command& command) {
  std::string out = console::TrText(command.help);
  out += core::Tr(R"(
Global options:
  --keys PATH          your key file (see fieldnotes-clinician --help)
  --passphrase-file PATH  read the key file's passphrase from the first line
  --ca-file PEM        trust only this certificate file for the server
  --json               machine-readable output on stdout
  -h, --help           show this help
)");
  return out;
}

}  // namespace fieldnotes::clinician
