// fieldnotes-clinician, the clinician's headless client: the whole program
// but main(). docs/clinician.md describes every command.
#ifndef FIELDNOTES_CLINICIAN_CLI_CLI_H_
#define FIELDNOTES_CLINICIAN_CLI_CLI_H_

#include <span>
#include <string>

namespace fieldnotes::clinician {

// Runs fieldnotes-clinician with `args` (without the program name). Output
// goes to stdout, errors to stderr as "fieldnotes-clinician: <message>".
// Returns the exit code (exit_codes.h).
int RunClinician(std::span<const std::string> args);

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_CLI_CLI_H_
