// Runs a program as a child process, the way a person or a script would:
// given arguments, environment and standard input, with stdout, stderr and
// the exit code captured.
#ifndef FIELDNOTES_TESTS_SUPPORT_RUN_PROCESS_H_
#define FIELDNOTES_TESTS_SUPPORT_RUN_PROCESS_H_

#include <map>
#include <string>
#include <vector>

namespace fieldnotes::testing {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  int signal = 0;
  std::string out;
  std::string err;
};

struct ProcessOptions {
  // Added to (or replacing) the test's own environment; a value of "\x01"
  // removes the variable.
  std::map<std::string, std::string> env;
  std::string stdin_data;
  std::string working_dir;  // empty: the test's own
};

inline constexpr char kUnset[] = "\x01";

// Runs `program` with `args` in a new session (setsid), so it has no
// controlling terminal and can never stop to ask for a passphrase.
ProcessResult RunProcess(const std::string& program, const std::vector<std::string>& args,
                         const ProcessOptions& options = {});

// Runs `program` on a new pseudo-terminal, as if a person typed at it: each
// time the output shows the next of `prompts`, the matching line of
// `answers` is typed. `out` holds everything the terminal showed (the
// program's stdout and stderr, and whatever the terminal echoed). Gives up
// after `timeout_ms`.
ProcessResult RunInTerminal(const std::string& program, const std::vector<std::string>& args,
                            const std::vector<std::string>& prompts,
                            const std::vector<std::string>& answers,
                            const ProcessOptions& options = {}, int timeout_ms = 30000);

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_SUPPORT_RUN_PROCESS_H_
