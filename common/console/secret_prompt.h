// Where the command-line programs get a secret (a journal's or key file's
// passphrase, an account password): an environment variable, else a file
// named on the command line (its first line), else a prompt without echo on
// the terminal (/dev/tty, so standard input stays free for `import -`).
#ifndef FIELDNOTES_CONSOLE_SECRET_PROMPT_H_
#define FIELDNOTES_CONSOLE_SECRET_PROMPT_H_

#include <optional>
#include <string>

#include "console/cli_status.h"
#include "core/crypto.h"

namespace fieldnotes::console {

inline constexpr char kPassphraseEnv[] = "FIELDNOTES_PASSPHRASE";

struct SecretSource {
  const char* env_var = kPassphraseEnv;
  std::optional<std::string> file;                // from --passphrase-file or the like
  const char* file_option = "--passphrase-file";  // nullptr: no file option exists
  std::string prompt;                             // empty: "Passphrase: " in the user's language
  bool is_password = false;                       // the messages say "password", not "passphrase"
  // On a terminal, ask a second time and require the same answer (for a
  // new passphrase).
  bool confirm = false;
};

// The secret from the first source that is there. Errors: a usage error
// when there is no source at all (no variable, no file, no terminal), when
// the secret is empty or the two answers differ; IoError when the file
// cannot be read. Messages never contain the secret.
CliResult<core::crypto::SecureString> ReadSecret(const SecretSource& source);

}  // namespace fieldnotes::console

#endif  // FIELDNOTES_CONSOLE_SECRET_PROMPT_H_
