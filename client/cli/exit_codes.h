// fieldnotes-cli's side of the shared command-line pieces (common/console:
// the parser, the exit codes of docs/cli.md, asking for a passphrase), named
// in this program's namespace, and the one place a failure turns into words
// for a person.
#ifndef FIELDNOTES_CLIENT_CLI_EXIT_CODES_H_
#define FIELDNOTES_CLIENT_CLI_EXIT_CODES_H_

#include <string>

#include "console/args.h"
#include "console/cli_status.h"
#include "console/secret_prompt.h"

namespace fieldnotes::client {

// The shared pieces by their short names, in this program only.
using namespace ::fieldnotes::console;  // NOLINT(google-build-using-namespace)

// A short message for a person, without the program name. It never holds
// entry text or a passphrase (core messages name fields, not content).
std::string MessageFor(const CliStatus& status);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_CLI_EXIT_CODES_H_
