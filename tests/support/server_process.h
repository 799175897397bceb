// A real fieldnotes-server as a separate process, started the way the
// README says, for the suites that talk to one: `init --dir FOLDER --port 0`,
// the tests' password-hash cost (docs/server.md), `admin add-clinician`
// with the password on stdin, then `run`.
#ifndef FIELDNOTES_TESTS_SUPPORT_SERVER_PROCESS_H_
#define FIELDNOTES_TESTS_SUPPORT_SERVER_PROCESS_H_

#include <cstdint>
#include <string>

#include "support/child_process.h"

namespace fieldnotes::testing {

// Starts `server_bin` in `folder` (which init fills) with one clinician
// account, as `server`. Returns the port it listens on once it says so
// (within 20 s), or 0 with `error` set when any step fails.
uint16_t StartServerProcess(const std::string& server_bin, const std::string& folder,
                            const std::string& email, const std::string& password,
                            Subprocess& server, std::string* error);

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_SUPPORT_SERVER_PROCESS_H_
