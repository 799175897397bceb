#include "clinician_fixture.h"

#include <sqlite3.h>

#include <chrono>
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "core/envelope.h"
#include "support/server_process.h"

namespace fieldnotes::testing {
namespace {

constexpr char kServer[] = FIELDNOTES_SERVER_BIN;
constexpr char kClinician[] = FIELDNOTES_CLINICIAN_BIN;

int64_t Now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

core::crypto::PublicKey KeyFromHex(const std::string& hex) {
  auto raw = core::crypto::HexDecode(hex);
  BOOST_REQUIRE(raw.ok() && raw->size() == 32);
  core::crypto::PublicKey key{};
  std::copy(raw->begin(), raw->end(), key.begin());
  return key;
}

}  // namespace

std::string SamplePdf(const std::string& marker) {
  return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + marker +
         "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
}

ClinicianFixture::ClinicianFixture() {
  const std::string srv = server_dir();
  std::string error;
  port_ = StartServerProcess(kServer, srv, kEmail, kPassword, server_, &error);
  BOOST_REQUIRE_MESSAGE(port_ != 0, error);

  sync::ConnectionOptions options;
  options.ca_file = ca();
  auto connection = sync::Connection::Open(url(), options);
  BOOST_REQUIRE(connection.ok());
  client_connection_ = std::move(connection).value();
}

ClinicianFixture::~ClinicianFixture() = default;  // the Subprocess kills the server

ProcessResult ClinicianFixture::Clinician(const std::vector<std::string>& args,
                                          ProcessOptions options) const {
  std::vector<std::string> full = {"--keys", keys()};
  full.insert(full.end(), args.begin(), args.end());
  options.env.emplace("FIELDNOTES_PASSPHRASE", kPassphrase);
  options.env.emplace("FIELDNOTES_PASSWORD", kPassword);
  options.env.emplace("HOME", dir_.File("home"));
  options.env.emplace("XDG_DATA_HOME", dir_.File("home/xdg"));
  return RunProcess(kClinician, full, options);
}

core::json::Value ClinicianFixture::ClinicianJson(const std::vector<std::string>& args) const {
  std::vector<std::string> with_json = args;
  with_json.push_back("--json");
  ProcessResult r = Clinician(with_json);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, args[0] + ": " + r.err);
  auto value = core::json::Parse(r.out);
  BOOST_REQUIRE_MESSAGE(value.ok(), "not JSON: " + r.out);
  return *value;
}

void ClinicianFixture::SetUpClinician() {
  core::json::Value init = ClinicianJson({"init", "--kdf-cost", "15"});
  x25519_ = KeyFromHex(init.as_object().Find("x25519")->as_string());
  ed25519_ = KeyFromHex(init.as_object().Find("ed25519")->as_string());
  ProcessResult login =
      Clinician({"login", "--server", url(), "--email", kEmail, "--ca-file", ca()});
  BOOST_REQUIRE_MESSAGE(login.exit_code == 0, login.err);
  ProcessResult publish = Clinician({"keys", "publish"});
  BOOST_REQUIRE_MESSAGE(publish.exit_code == 0, publish.err);
}

std::string ClinicianFixture::InviteCode(const std::string& label) {
  std::vector<std::string> args = {"invite"};
  if (!label.empty()) args.insert(args.end(), {"--label", label});
  core::json::Value invite = ClinicianJson(args);
  const core::json::Value* code = invite.as_object().Find("code");
  BOOST_REQUIRE(code != nullptr && code->is_string());
  BOOST_REQUIRE(invite.as_object().Find("expires_at") != nullptr);
  BOOST_REQUIRE(invite.as_object().Find("invite_id") != nullptr);
  return code->as_string();
}

TestClient ClinicianFixture::Redeem(const std::string& code) {
  auto key = core::crypto::Ed25519KeyPair::Generate();
  BOOST_REQUIRE(key.ok());
  auto paired = client_connection_->Pair(code, core::crypto::HexEncode(key->public_key));
  BOOST_REQUIRE_MESSAGE(paired.ok(), paired.status().ToString());
  return TestClient{std::move(key).value(), paired->client_id, paired->device_credential};
}

TestClient ClinicianFixture::PairClient(const std::string& label) {
  return Redeem(InviteCode(label));
}

core::crypto::Bytes ClinicianFixture::Seal(const std::string& content,
                                           const core::crypto::Ed25519KeyPair& signer) const {
  auto sealed = core::envelope::Seal(core::crypto::AsBytes(content), x25519_, signer, Now());
  BOOST_REQUIRE_MESSAGE(sealed.ok(), sealed.status().ToString());
  return *sealed;
}

std::string ClinicianFixture::PlantEnvelope(const TestClient& client,
                                            const core::crypto::Bytes& envelope) {
  const std::string id = Upload(client, Seal("to be replaced", client.key));
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open((server_dir() + "/fieldnotes-server.db").c_str(), &db) == SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  for (const char* sql : {"UPDATE envelopes SET bytes = ?1 WHERE report_id = ?3",
                          "UPDATE reports SET size = length(?1), sha256 = ?2 WHERE id = ?3"}) {
    sqlite3_stmt* stmt = nullptr;
    BOOST_REQUIRE(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK);
    const std::string sha256 = core::crypto::HexEncode(core::crypto::Sha256(envelope));
    sqlite3_bind_blob(stmt, 1, envelope.data(), static_cast<int>(envelope.size()),
                      SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 2, sha256.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 3, id.c_str(), -1, SQLITE_TRANSIENT);
    BOOST_TEST(sqlite3_step(stmt) == SQLITE_DONE);
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return id;
}

std::string ClinicianFixture::Upload(const TestClient& client,
                                     const core::crypto::Bytes& envelope) {
  auto uploaded = client_connection_->Upload(client.credential, envelope, {"2026-11-01", 0});
  BOOST_REQUIRE_MESSAGE(uploaded.ok(), uploaded.status().ToString());
  return uploaded->report_id;
}

}  // namespace fieldnotes::testing
