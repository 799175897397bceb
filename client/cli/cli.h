// fieldnotes-cli, the headless client: the whole program but main().
#ifndef FIELDNOTES_CLIENT_CLI_CLI_H_
#define FIELDNOTES_CLIENT_CLI_CLI_H_

#include <span>
#include <string>

#include "core/clock.h"

namespace fieldnotes::client {

// Runs fieldnotes-cli with `args` (without the program name). Output goes to
// stdout, errors to stderr as "fieldnotes-cli: <message>". Returns the exit
// code (exit_codes.h).
int RunCli(std::span<const std::string> args);
// The same with "now" from `clock` (it must outlive the call).
int RunCli(std::span<const std::string> args, const core::Clock& clock);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_CLI_CLI_H_
