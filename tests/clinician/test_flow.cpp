// The clinician's whole flow with real processes: init, login, keys
// publish, invite, a client pairs and shares, reports, fetch, the receipt.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>

#include "clinician_fixture.h"
#include "core/safety_number.h"

namespace fieldnotes::testing {
namespace {

const core::json::Value& Member(const core::json::Value& v, const char* name) {
  const core::json::Value* m = v.as_object().Find(name);
  BOOST_REQUIRE_MESSAGE(m != nullptr, std::string("no member ") + name);
  return *m;
}

BOOST_FIXTURE_TEST_SUITE(flow, ClinicianFixture)

BOOST_AUTO_TEST_CASE(share_list_fetch_and_receipt) {
  SetUpClinician();
  TestClient client = PairClient("Alex M.");
  const std::string pdf = SamplePdf("weekly report");
  const std::string report_id = Upload(client, Seal(pdf, client.key));

  // Listed, new the first time only, not opened.
  core::json::Value reports = ClinicianJson({"reports"});
  BOOST_REQUIRE(reports.is_array());
  BOOST_REQUIRE_EQUAL(reports.as_array().size(), 1u);
  const core::json::Value& r = reports.as_array()[0];
  BOOST_TEST(Member(r, "id").as_string() == report_id);
  BOOST_TEST(Member(r, "client").as_string() == client.client_id);
  BOOST_TEST(Member(r, "label").as_string() == "Alex M.");
  BOOST_TEST(Member(r, "period_end").as_string() == "2026-11-01");
  BOOST_TEST(Member(r, "new").as_bool());
  BOOST_TEST(!Member(r, "opened").as_bool());
  BOOST_TEST(Member(r, "opened_at").is_null());
  core::json::Value again = ClinicianJson({"reports"});
  BOOST_TEST(!Member(again.as_array()[0], "new").as_bool());

  // The label from the invite went to the client who redeemed it; the key
  // is the one the client paired with, and so is the safety number.
  core::json::Value clients = ClinicianJson({"clients"});
  BOOST_REQUIRE_EQUAL(clients.as_array().size(), 1u);
  const core::json::Value& c = clients.as_array()[0];
  BOOST_TEST(Member(c, "id").as_string() == client.client_id);
  BOOST_TEST(Member(c, "label").as_string() == "Alex M.");
  BOOST_TEST(Member(c, "key").as_string() == core::crypto::HexEncode(client.key.public_key));
  BOOST_TEST(!Member(c, "key_changed").as_bool());
  auto expected =
      core::SafetyNumber(client.key.public_key, clinician_x25519(), clinician_ed25519());
  BOOST_REQUIRE(expected.ok());
  BOOST_TEST(Member(c, "safety_number").as_string() == *expected);
  core::json::Value number = ClinicianJson({"safety-number", "Alex M."});
  BOOST_TEST(Member(number, "safety_number").as_string() == *expected);
  ProcessResult shown = Clinician({"safety-number", client.client_id.substr(0, 8)});
  BOOST_TEST(shown.exit_code == 0);
  BOOST_TEST(shown.out.find(core::GroupSafetyNumber(*expected).substr(0, 35)) != std::string::npos);

  // fetch writes exactly the bytes, 0600, and sends the receipt.
  const std::string out = dir().File("report.pdf");
  ProcessResult fetch = Clinician({"fetch", report_id.substr(0, 10), "--out", out});
  BOOST_REQUIRE_MESSAGE(fetch.exit_code == 0, fetch.err);
  BOOST_TEST(ReadFile(out) == pdf);
  struct stat st;
  BOOST_REQUIRE(stat(out.c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 0777) == 0600u);
  BOOST_TEST(fetch.out.find("weekly report") == std::string::npos);  // never the content

  core::json::Value after = ClinicianJson({"reports"});
  BOOST_TEST(Member(after.as_array()[0], "opened").as_bool());
  BOOST_TEST(Member(after.as_array()[0], "opened_at").is_string());
  auto receipts = client_connection().Receipts(client.credential);
  BOOST_REQUIRE(receipts.ok());
  BOOST_REQUIRE_EQUAL(receipts->size(), 1u);
  BOOST_TEST((*receipts)[0].state == "opened");
  BOOST_TEST((*receipts)[0].opened_at.has_value());

  // An existing file is kept unless --force; fetching the same report again
  // is not a replay.
  WriteFile(out, "keep me");
  ProcessResult exists = Clinician({"fetch", report_id, "--out", out});
  BOOST_TEST(exists.exit_code == 1);
  BOOST_TEST(exists.err.find(out + " already exists; it was left as it is. Use --force to "
                                   "replace it.") != std::string::npos,
             exists.err);
  BOOST_TEST(ReadFile(out) == "keep me");
  ProcessResult forced = Clinician({"fetch", report_id, "--out", out, "--force"});
  BOOST_TEST(forced.exit_code == 0, forced.err);
  BOOST_TEST(ReadFile(out) == pdf);

  // Nothing the clinician keeps is readable on disk: the label and the
  // email are sealed in the state file, and no PDF plaintext sits beside it.
  BOOST_TEST(!AnyFileContains(dir().path() / "clinician", "Alex M."));
  BOOST_TEST(!AnyFileContains(dir().path() / "clinician", kEmail));
  BOOST_TEST(!AnyFileContains(dir().path() / "clinician", "%PDF"));
  BOOST_TEST(!AnyFileContains(dir().path() / "server", "%PDF"));
  BOOST_TEST(!AnyFileContains(dir().path() / "server", "Alex M."));

  // logout: the session is gone here and on the server.
  ProcessResult logout = Clinician({"logout"});
  BOOST_TEST(logout.exit_code == 0, logout.err);
  ProcessResult signed_out = Clinician({"reports"});
  BOOST_TEST(signed_out.exit_code == 7);
  BOOST_TEST(signed_out.err.find("login") != std::string::npos, signed_out.err);
}

BOOST_AUTO_TEST_CASE(withdrawn_report_is_gone) {
  SetUpClinician();
  TestClient client = PairClient();
  const std::string report_id = Upload(client, Seal(SamplePdf("to withdraw"), client.key));
  BOOST_REQUIRE(client_connection().Withdraw(client.credential, report_id).ok());
  const std::string out = dir().File("gone.pdf");
  ProcessResult fetch = Clinician({"fetch", report_id, "--out", out});
  BOOST_TEST(fetch.exit_code == 6, fetch.err);
  BOOST_TEST(fetch.err.find("withdrawn") != std::string::npos, fetch.err);
  BOOST_TEST(!std::filesystem::exists(out));
  core::json::Value reports = ClinicianJson({"reports"});
  BOOST_TEST(reports.as_array().empty());
}

// The label `clients --json` gives `c`. Links made in the same second come
// in any order, so they are looked up by id.
std::string LabelOf(const core::json::Value& clients, const TestClient& c) {
  for (const core::json::Value& v : clients.as_array()) {
    if (Member(v, "id").as_string() == c.client_id) return Member(v, "label").as_string();
  }
  return "(missing)";
}

BOOST_AUTO_TEST_CASE(labels_follow_the_order_clients_pair_and_can_be_fixed) {
  SetUpClinician();
  TestClient first = PairClient("First");
  TestClient second = PairClient("Second");
  TestClient plain = PairClient();
  core::json::Value clients = ClinicianJson({"clients"});
  BOOST_REQUIRE_EQUAL(clients.as_array().size(), 3u);
  BOOST_TEST(LabelOf(clients, first) == "First");
  BOOST_TEST(LabelOf(clients, second) == "Second");
  BOOST_TEST(LabelOf(clients, plain) == "");
  ProcessResult label = Clinician({"label", plain.client_id.substr(0, 8), "Third"});
  BOOST_TEST(label.exit_code == 0, label.err);
  core::json::Value number = ClinicianJson({"safety-number", "Third"});
  BOOST_TEST(Member(number, "client").as_string() == plain.client_id);
}

BOOST_AUTO_TEST_CASE(a_label_goes_to_whoever_redeems_its_invite_in_any_order) {
  SetUpClinician();
  const std::string for_robin = InviteCode("Robin");
  const std::string for_sam = InviteCode("Sam");
  const std::string unlabelled = InviteCode();
  // Sam links first, then someone with the unlabelled code, then Robin.
  TestClient sam = Redeem(for_sam);
  TestClient other = Redeem(unlabelled);
  ClinicianJson({"clients"});  // the clinician looks in between
  TestClient robin = Redeem(for_robin);
  core::json::Value clients = ClinicianJson({"clients"});
  BOOST_REQUIRE_EQUAL(clients.as_array().size(), 3u);
  BOOST_TEST(LabelOf(clients, sam) == "Sam");
  BOOST_TEST(LabelOf(clients, robin) == "Robin");
  BOOST_TEST(LabelOf(clients, other) == "");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
