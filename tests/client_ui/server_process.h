// A real fieldnotes-server process for the sharing tests: `init --port 0`
// in a folder of the test, a cheap password hash (as docs/server.md says
// tests may), `admin add-clinician`, `run`; then the clinician's side played
// through sync::Connection: sign in, publish keys, make an invite, list and
// download what arrived.
#ifndef FIELDNOTES_TESTS_CLIENT_UI_SERVER_PROCESS_H_
#define FIELDNOTES_TESTS_CLIENT_UI_SERVER_PROCESS_H_

#include <cstdint>
#include <memory>
#include <string>

#include "core/key_file.h"
#include "support/child_process.h"
#include "sync/connection.h"

namespace fieldnotes::testing {

class ServerProcess {
 public:
  // Starts the server in `folder` (created by init) and signs the clinician
  // in; fails the test when it does not come up.
  explicit ServerProcess(const std::string& folder);
  ~ServerProcess();

  std::string url() const { return "https://localhost:" + std::to_string(port_); }
  std::string ca() const { return folder_ + "/ca.pem"; }
  sync::Connection& connection() { return *connection_; }
  const std::string& token() const { return token_; }

  // The clinician publishes (new) keys; returns them.
  const core::ClinicianKeys& PublishNewKeys();
  const core::ClinicianKeys& keys() const { return keys_; }
  std::string Invite();
  // The server goes down (SIGKILL).
  void Stop() { server_.Kill(); }

 private:
  std::string folder_;
  Subprocess server_;
  uint16_t port_ = 0;
  std::unique_ptr<sync::Connection> connection_;
  std::string token_;
  core::ClinicianKeys keys_;
};

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_CLIENT_UI_SERVER_PROCESS_H_
