// Where fieldnotes-cli gets a passphrase: an environment variable, else a
// file named on the command line (its first line), else a prompt without
// echo on the terminal (/dev/tty, so stdin stays free for `import -`).
#ifndef FIELDNOTES_CLIENT_CLI_PASSPHRASE_H_
#define FIELDNOTES_CLIENT_CLI_PASSPHRASE_H_

#include <optional>
#include <string>
#include <string_view>

#include "cli/exit_codes.h"
#include "core/crypto.h"

namespace fieldnotes::client {

inline constexpr char kPassphraseEnv[] = "FIELDNOTES_PASSPHRASE";
inline constexpr char kNewPassphraseEnv[] = "FIELDNOTES_NEW_PASSPHRASE";

struct PassphraseSource {
  const char* env_var = kPassphraseEnv;
  std::optional<std::string> file;  // from --passphrase-file or the like
  const char* file_option = "--passphrase-file";
  std::string prompt = "Passphrase: ";
  // On a terminal, ask a second time and require the same answer (for a
  // new passphrase).
  bool confirm = false;
};

// Reads the passphrase from the first source that is there. Errors: a usage
// error when there is no source at all (no variable, no file, no terminal),
// or when the passphrase is empty or the two answers differ; an I/O error
// when the file cannot be read. Messages never contain the passphrase.
CliResult<core::crypto::SecureString> ReadPassphrase(const PassphraseSource& source);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_CLI_PASSPHRASE_H_
