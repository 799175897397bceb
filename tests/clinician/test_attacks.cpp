// What fetch refuses, with nothing written: another client's signature, a
// modified envelope, a replay, content that is not a PDF, a client key the
// server changed, a server whose certificate is not trusted.
#include <sqlite3.h>

#include <filesystem>

#include <boost/test/unit_test.hpp>

#include "clinician_fixture.h"

namespace fieldnotes::testing {
namespace {

BOOST_FIXTURE_TEST_SUITE(attacks, ClinicianFixture)

void ExpectRefused(const ProcessResult& r, const std::string& out, const std::string& why) {
  BOOST_TEST(r.exit_code == 8, r.err);
  BOOST_TEST(r.err.find(why) != std::string::npos, r.err);
  BOOST_TEST(r.err.find("Nothing was written") != std::string::npos, r.err);
  BOOST_TEST(!std::filesystem::exists(out));
}

BOOST_AUTO_TEST_CASE(envelope_signed_by_another_client_is_refused) {
  SetUpClinician();
  TestClient client = PairClient();
  TestClient other = PairClient();
  // The other client's signature on a report sent on this client's link:
  // the server refuses it, and the viewer would too if a server did not.
  const core::crypto::Bytes forged = Seal(SamplePdf("forged"), other.key);
  auto refused = client_connection().Upload(client.credential, forged, {"2026-11-01", 0});
  BOOST_TEST(!refused.ok());
  BOOST_TEST(refused.status().message().find("sender key") != std::string::npos,
             refused.status().ToString());
  const std::string id = PlantEnvelope(client, forged);
  const std::string out = dir().File("forged.pdf");
  ExpectRefused(Clinician({"fetch", id, "--out", out}), out, "signed by a key other");
  // The receipt was not sent.
  auto receipts = client_connection().Receipts(client.credential);
  BOOST_REQUIRE(receipts.ok());
  BOOST_TEST(!(*receipts)[0].opened_at.has_value());
}

BOOST_AUTO_TEST_CASE(modified_envelope_is_refused) {
  SetUpClinician();
  TestClient client = PairClient();
  const std::string out = dir().File("modified.pdf");
  core::crypto::Bytes envelope = Seal(SamplePdf("modified"), client.key);
  core::crypto::Bytes body = envelope;
  body[200] ^= 0x01;  // in the ciphertext, after the 144-byte header
  ExpectRefused(Clinician({"fetch", Upload(client, body), "--out", out}), out, "refused report");
  core::crypto::Bytes header = envelope;
  header[60] ^= 0x01;  // the sender key in the header
  // The server refuses these two itself; planted, the viewer refuses them.
  ExpectRefused(Clinician({"fetch", PlantEnvelope(client, header), "--out", out}), out,
                "refused report");
  core::crypto::Bytes longer = envelope;
  longer.push_back(0);
  ExpectRefused(Clinician({"fetch", PlantEnvelope(client, longer), "--out", out}), out,
                "refused report");
}

BOOST_AUTO_TEST_CASE(replayed_envelope_is_refused) {
  SetUpClinician();
  TestClient client = PairClient();
  const core::crypto::Bytes envelope = Seal(SamplePdf("once"), client.key);
  const std::string first = Upload(client, envelope);
  const std::string copy = Upload(client, envelope);
  BOOST_REQUIRE(first != copy);
  ProcessResult ok = Clinician({"fetch", first, "--out", dir().File("first.pdf")});
  BOOST_REQUIRE_MESSAGE(ok.exit_code == 0, ok.err);
  const std::string out = dir().File("copy.pdf");
  ExpectRefused(Clinician({"fetch", copy, "--out", out}), out, "copy of a report");
}

BOOST_AUTO_TEST_CASE(content_that_is_not_a_pdf_is_refused) {
  SetUpClinician();
  TestClient client = PairClient();
  const std::string out = dir().File("html.pdf");
  const std::string id = Upload(client, Seal("<html>not a report</html>", client.key));
  ExpectRefused(Clinician({"fetch", id, "--out", out}), out, "not hold a PDF");
  const std::string empty = Upload(client, Seal("", client.key));
  ExpectRefused(Clinician({"fetch", empty, "--out", out}), out, "not hold a PDF");
}

BOOST_AUTO_TEST_CASE(a_client_key_changed_by_the_server_is_refused) {
  SetUpClinician();
  TestClient client = PairClient();
  BOOST_REQUIRE(Clinician({"clients"}).exit_code == 0);  // pins the key
  // The server (or whoever holds its database) swaps the client's key for
  // one it controls, and signs a report with it.
  auto swapped = core::crypto::Ed25519KeyPair::Generate();
  BOOST_REQUIRE(swapped.ok());
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open((server_dir() + "/fieldnotes-server.db").c_str(), &db) == SQLITE_OK);
  sqlite3_busy_timeout(db, 5000);
  const std::string sql = "UPDATE links SET client_key = '" +
                          core::crypto::HexEncode(swapped->public_key) + "' WHERE client_id = '" +
                          client.client_id + "'";
  BOOST_REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  const std::string id = Upload(client, Seal(SamplePdf("swapped"), *swapped));

  core::json::Value clients = ClinicianJson({"clients"});
  const core::json::Value& c = clients.as_array()[0];
  BOOST_TEST(c.as_object().Find("key_changed")->as_bool());
  BOOST_TEST(c.as_object().Find("key")->as_string() ==
             core::crypto::HexEncode(client.key.public_key));
  const std::string out = dir().File("swapped.pdf");
  ProcessResult fetch = Clinician({"fetch", id, "--out", out});
  ExpectRefused(fetch, out, "different key");
}

BOOST_AUTO_TEST_CASE(a_server_that_is_not_trusted_is_refused) {
  ClinicianJson({"init", "--kdf-cost", "15"});
  ProcessResult login = Clinician({"login", "--server", url(), "--email", kEmail});
  BOOST_TEST(login.exit_code == 8);
  BOOST_TEST(login.err.find("certificate") != std::string::npos, login.err);
  BOOST_TEST(login.err.find("--ca-file") != std::string::npos, login.err);
  // After a login with the CA, another certificate file for a later command
  // is refused as well: the server's certificate is not signed by it.
  BOOST_REQUIRE(
      Clinician({"login", "--server", url(), "--email", kEmail, "--ca-file", ca()}).exit_code == 0);
  TempDir other;
  ProcessResult other_init =
      RunProcess(FIELDNOTES_SERVER_BIN, {"init", "--dir", other.File("s"), "--port", "0"});
  BOOST_REQUIRE(other_init.exit_code == 0);
  ProcessResult wrong_ca = Clinician({"clients", "--ca-file", other.File("s/ca.pem")});
  BOOST_TEST(wrong_ca.exit_code == 8, wrong_ca.err);
  BOOST_TEST(wrong_ca.err.find("certificate") != std::string::npos, wrong_ca.err);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
