// Where fieldnotes-clinician gets its secrets: the key file's passphrase and
// the account password. Each comes from an environment variable, else (the
// passphrase only) a file named on the command line, else a prompt without
// echo on the terminal (/dev/tty).
#ifndef FIELDNOTES_CLINICIAN_CLI_SECRETS_H_
#define FIELDNOTES_CLINICIAN_CLI_SECRETS_H_

#include <optional>
#include <string>

#include "clinician/cli/exit_codes.h"
#include "core/crypto.h"

namespace fieldnotes::clinician {

inline constexpr char kPassphraseEnv[] = "FIELDNOTES_PASSPHRASE";
inline constexpr char kPasswordEnv[] = "FIELDNOTES_PASSWORD";

struct SecretSource {
  const char* env_var = kPassphraseEnv;
  std::optional<std::string> file;  // --passphrase-file
  const char* file_option = "--passphrase-file";
  std::string prompt = "Passphrase of your key file: ";
  const char* what = "passphrase";  // for messages
  bool confirm = false;             // on a terminal, ask twice (a new passphrase)
};

// The secret from the first source that is there. A usage error when there
// is none (no variable, no file, no terminal), when it is empty or the two
// answers differ; IoError when the file cannot be read. Messages never hold
// the secret.
CliResult<core::crypto::SecureString> ReadSecret(const SecretSource& source);

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_CLI_SECRETS_H_
