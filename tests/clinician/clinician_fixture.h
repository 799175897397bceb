// A real fieldnotes-server in a temporary folder (init --port 0, a cheap
// password hash, admin add-clinician, run), the real fieldnotes-clinician
// with its key file in the same folder, and a client played by the test
// through the sync library.
#ifndef FIELDNOTES_TESTS_CLINICIAN_CLINICIAN_FIXTURE_H_
#define FIELDNOTES_TESTS_CLINICIAN_CLINICIAN_FIXTURE_H_

#include <memory>
#include <string>
#include <vector>

#include "core/crypto.h"
#include "core/json.h"
#include "core/keys.h"
#include "support/child_process.h"
#include "support/run_process.h"
#include "support/temp_dir.h"
#include "sync/connection.h"

namespace fieldnotes::testing {

inline constexpr char kEmail[] = "dr.clinician@example.org";
inline constexpr char kPassword[] = "a long password for the tests";
inline constexpr char kPassphrase[] = "clinician passphrase ünïcode";

// A small payload that looks like a PDF.
std::string SamplePdf(const std::string& marker);

// A client of the clinician: its signing key and its link.
struct TestClient {
  core::crypto::Ed25519KeyPair key;
  std::string client_id;
  std::string credential;
};

class ClinicianFixture {
 public:
  ClinicianFixture();  // starts the server
  ~ClinicianFixture();

  const TempDir& dir() const { return dir_; }
  std::string url() const { return "https://localhost:" + std::to_string(port_); }
  std::string ca() const { return dir_.File("server/ca.pem"); }
  std::string keys() const { return dir_.File("clinician/keys"); }
  std::string server_dir() const { return dir_.File("server"); }

  // fieldnotes-clinician --keys keys() ARGS, with the passphrase and the
  // password in the environment and HOME inside dir().
  ProcessResult Clinician(const std::vector<std::string>& args, ProcessOptions options = {}) const;
  // Clinician() that must exit 0; its stdout parsed as JSON when `json`.
  core::json::Value ClinicianJson(const std::vector<std::string>& args) const;

  // init, login (with the CA), keys publish. Remembers the public keys.
  void SetUpClinician();
  // invite --json [--label], then pairs a new client with it.
  TestClient PairClient(const std::string& label = "");
  // The two halves of PairClient: `fieldnotes-clinician invite`, and a
  // client redeeming the code.
  std::string InviteCode(const std::string& label = "");
  TestClient Redeem(const std::string& code);
  // Seals `content` to the clinician, signed by `signer`, and returns the
  // envelope.
  core::crypto::Bytes Seal(const std::string& content,
                           const core::crypto::Ed25519KeyPair& signer) const;
  // Uploads an envelope on `client`'s link; returns the report id.
  std::string Upload(const TestClient& client, const core::crypto::Bytes& envelope);
  // Stores `envelope` on `client`'s link as a server that skipped its own
  // check of the header (or whoever holds its database) would: a genuine
  // upload whose bytes, size and SHA-256 are then replaced in the database.
  // Returns the report id.
  std::string PlantEnvelope(const TestClient& client, const core::crypto::Bytes& envelope);
  sync::Connection& client_connection() { return *client_connection_; }
  // Stops the server process (SIGKILL), as a server that went down would.
  void StopServer() { server_.Kill(); }

  const core::crypto::PublicKey& clinician_x25519() const { return x25519_; }
  const core::crypto::PublicKey& clinician_ed25519() const { return ed25519_; }

 private:
  TempDir dir_;
  Subprocess server_;
  uint16_t port_ = 0;
  core::crypto::PublicKey x25519_{};
  core::crypto::PublicKey ed25519_{};
  std::unique_ptr<sync::Connection> client_connection_;
};

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_CLINICIAN_CLINICIAN_FIXTURE_H_
