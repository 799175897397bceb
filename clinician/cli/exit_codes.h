// fieldnotes-clinician's side of the shared command-line pieces
// (common/console: the parser, the exit codes of docs/clinician.md, asking
// for a secret), named in this program's namespace, and the one place a
// failure turns into words for a person.
#ifndef FIELDNOTES_CLINICIAN_CLI_EXIT_CODES_H_
#define FIELDNOTES_CLINICIAN_CLI_EXIT_CODES_H_

#include <string>

#include "console/args.h"
#include "console/cli_status.h"
#include "console/secret_prompt.h"

namespace fieldnotes::clinician {

// The shared pieces by their short names, in this program only.
using namespace ::fieldnotes::console;  // NOLINT(google-build-using-namespace)

inline constexpr char kPasswordEnv[] = "FIELDNOTES_PASSWORD";

// A short message for a person, without the program name. Never holds a
// password, a passphrase, a token or anything from a report.
std::string MessageFor(const CliStatus& status);

// Writes "fieldnotes-clinician: text" to standard error.
void Warn(std::string_view text);

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_CLI_EXIT_CODES_H_
