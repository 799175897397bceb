// Keys, invites, pairing and links.
#include <algorithm>
#include <cstdio>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "server/secrets.h"
#include "server/sqlite_storage.h"
#include "server_fixture.h"
#include "sync/messages.h"

namespace fieldnotes::testing {
namespace {

BOOST_AUTO_TEST_SUITE(pairing)

BOOST_AUTO_TEST_CASE(keys_are_versioned) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  BOOST_TEST(f.Post("/v1/invites", "", c.token).status == 409);  // keys first
  f.PutKeys(c.token, 'a');
  auto keys = sync::ClinicianKeys::FromJson(f.Get("/v1/keys", c.token).Json());
  BOOST_REQUIRE(keys.ok());
  BOOST_TEST(keys->version == 1);
  BOOST_TEST(keys->x25519 == std::string(64, 'a'));
  f.PutKeys(c.token, 'a');  // the same keys again: no new version
  BOOST_TEST(sync::ClinicianKeys::FromJson(f.Get("/v1/keys", c.token).Json())->version == 1);
  f.PutKeys(c.token, 'd');
  BOOST_TEST(sync::ClinicianKeys::FromJson(f.Get("/v1/keys", c.token).Json())->version == 2);
  for (const std::string& bad : {std::string(63, 'a'), std::string(64, 'A'), std::string(64, 'g'),
                                 std::string(65, 'a'), std::string("")}) {
    Response r = f.Call(Request{"PUT",
                                "/v1/keys",
                                JsonBody({{"x25519", bad}, {"ed25519", std::string(64, 'b')}}),
                                c.token,
                                "application/json",
                                {}});
    BOOST_TEST(r.status == 400);
  }
}

BOOST_AUTO_TEST_CASE(an_invite_pairs_one_client_once) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  f.PutKeys(c.token);
  const std::string code = f.Invite(c.token);
  BOOST_TEST(code.size() == 11u);
  BOOST_TEST(code[5] == '-');
  Response paired = f.Post("/v1/pair", PairBody(code));
  BOOST_REQUIRE(paired.status == 201);
  auto pair = sync::PairResponse::FromJson(paired.Json());
  BOOST_REQUIRE(pair.ok());
  BOOST_TEST(pair->client_id.size() == 32u);
  BOOST_TEST(pair->device_credential.size() == 64u);
  BOOST_TEST(pair->clinician_keys.x25519 == std::string(64, 'a'));
  Response again = f.Post("/v1/pair", PairBody(code));
  Response unknown = f.Post("/v1/pair", PairBody("ABCDE-FGHJK"));
  BOOST_TEST(again.status == 404);
  BOOST_TEST(unknown.status == 404);
  BOOST_TEST(again.body == unknown.body);

  auto link = sync::LinkInfo::FromJson(f.Get("/v1/link", pair->device_credential).Json());
  BOOST_REQUIRE(link.ok());
  BOOST_TEST(link->client_id == pair->client_id);
  auto links = sync::ListFromJson<sync::LinkSummary>(f.Get("/v1/links", c.token).Json(), "links");
  BOOST_REQUIRE(links.ok());
  BOOST_REQUIRE(links->size() == 1u);
  BOOST_TEST((*links)[0].client_id == pair->client_id);
  BOOST_TEST((*links)[0].client_key == kTestClientKey);
}

BOOST_AUTO_TEST_CASE(each_link_names_the_invite_it_was_made_with) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  f.PutKeys(c.token);
  std::vector<sync::InviteResponse> invites;
  for (int i = 0; i < 2; ++i) {
    Response r = f.Post("/v1/invites", "", c.token);
    BOOST_REQUIRE(r.status == 201);
    auto invite = sync::InviteResponse::FromJson(r.Json());
    BOOST_REQUIRE(invite.ok());
    BOOST_TEST(invite->invite_id.size() == 32u);
    invites.push_back(*invite);
  }
  BOOST_TEST(invites[0].invite_id != invites[1].invite_id);
  // The id tells nothing of the code.
  BOOST_TEST(invites[0].invite_id.find(server::HashSecret("invite", invites[0].code).substr(0, 8)) ==
             std::string::npos);
  // Redeemed in the opposite order.
  auto second = sync::PairResponse::FromJson(f.Post("/v1/pair", PairBody(invites[1].code)).Json());
  f.clock().Advance(5);
  auto first = sync::PairResponse::FromJson(f.Post("/v1/pair", PairBody(invites[0].code)).Json());
  BOOST_REQUIRE(second.ok());
  BOOST_REQUIRE(first.ok());
  auto links = sync::ListFromJson<sync::LinkSummary>(f.Get("/v1/links", c.token).Json(), "links");
  BOOST_REQUIRE(links.ok());
  BOOST_REQUIRE(links->size() == 2u);
  for (const sync::LinkSummary& link : *links) {
    const std::string& expected =
        link.client_id == first->client_id ? invites[0].invite_id : invites[1].invite_id;
    BOOST_TEST(link.invite_id == expected);
  }
}

BOOST_AUTO_TEST_CASE(a_version_2_database_is_upgraded_in_place) {
  TempDir dir;
  const std::string path = dir.File("server.db");
  {
    auto storage = server::SqliteStorage::Open(path, 1);
    BOOST_REQUIRE(storage.ok());
  }
  // What a version 2 file looks like.
  ServerFixture::SqlOn(path, "ALTER TABLE links DROP COLUMN invite_id");
  ServerFixture::SqlOn(path, "ALTER TABLE invites DROP COLUMN id");
  ServerFixture::SqlOn(path, "UPDATE meta SET value = '2' WHERE name = 'schema_version'");
  ServerFixture::SqlOn(path,
                       "INSERT INTO clinicians VALUES ('" + std::string(32, 'c') +
                           "', 'dr@example.org', 'x', 0, 1)");
  ServerFixture::SqlOn(path, "INSERT INTO links (client_id, clinician_id, credential_hash, "
                             "client_key, created_at) VALUES ('" +
                                 std::string(32, 'a') + "', '" + std::string(32, 'c') +
                                 "', 'h', '" + std::string(64, 'b') + "', 5)");
  auto upgraded = server::SqliteStorage::Open(path, 1);
  BOOST_REQUIRE_MESSAGE(upgraded.ok(), upgraded.status().ToString());
  const auto links = (*upgraded)->ListLinks(std::string(32, 'c'));
  BOOST_REQUIRE(links.size() == 1u);
  BOOST_TEST(links[0].invite_id.empty());  // made before invites had ids
  upgraded->reset();
  // A version from the future is refused, and the file left alone.
  ServerFixture::SqlOn(path, "UPDATE meta SET value = '99' WHERE name = 'schema_version'");
  auto future = server::SqliteStorage::Open(path, 1);
  BOOST_TEST(future.status().code() == core::Status::Code::kUnsupported);
}

BOOST_AUTO_TEST_CASE(links_are_listed_oldest_first_then_by_id) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  // Five links paired in the same second, then one a second later.
  std::vector<std::string> same_second;
  for (int i = 0; i < 5; ++i) same_second.push_back(f.PairNewClient(c.token).client_id);
  f.clock().Advance(1);
  const std::string later = f.PairNewClient(c.token).client_id;
  std::sort(same_second.begin(), same_second.end());
  std::vector<std::string> expected = same_second;
  expected.push_back(later);
  for (int round = 0; round < 3; ++round) {
    auto links = sync::ListFromJson<sync::LinkSummary>(f.Get("/v1/links", c.token).Json(), "links");
    BOOST_REQUIRE(links.ok());
    std::vector<std::string> ids;
    for (const auto& l : *links) ids.push_back(l.client_id);
    BOOST_TEST(ids == expected, boost::test_tools::per_element());
  }
}

BOOST_AUTO_TEST_CASE(codes_are_read_forgivingly) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  f.PutKeys(c.token);
  std::string code = f.Invite(c.token);
  std::string spoken;
  for (char ch : code) {
    if (ch == '-') continue;
    spoken.push_back(ch == '1' ? 'l' : ch == '0' ? 'o' : static_cast<char>(std::tolower(ch)));
  }
  BOOST_TEST(f.Post("/v1/pair", PairBody(spoken)).status == 201);
  BOOST_TEST(server::NormalizeInviteCode("ABCDE-FGHJKM").ok() == false);
  BOOST_TEST(server::NormalizeInviteCode("ABCDE-FGHJU").ok() == false);  // U is not Crockford
}

BOOST_AUTO_TEST_CASE(invites_expire_after_a_day) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  f.PutKeys(c.token);
  const std::string code = f.Invite(c.token);
  f.clock().Advance(24 * 3600);
  const std::string fresh_token = f.Login(c.email, c.password);
  BOOST_TEST(f.Post("/v1/pair", PairBody(code)).status == 404);
  const std::string next = f.Invite(fresh_token);
  f.clock().Advance(24 * 3600 - 5);
  BOOST_TEST(f.Post("/v1/pair", PairBody(next)).status == 201);
}

BOOST_AUTO_TEST_CASE(redemption_attempts_are_throttled) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  f.PutKeys(c.token);
  const std::string code = f.Invite(c.token);
  for (int i = 0; i < 10; ++i) {
    BOOST_REQUIRE(f.Post("/v1/pair", PairBody("ZZZZZ-ZZZZ" + std::to_string(i))).status == 404);
  }
  Response throttled = f.Post("/v1/pair", PairBody(code));
  BOOST_TEST(throttled.status == 429);
  BOOST_TEST(!throttled.headers["Retry-After"].empty());
  f.clock().Advance(61);
  BOOST_TEST(f.Post("/v1/pair", PairBody(code)).status == 201);
}

BOOST_AUTO_TEST_CASE(a_hundred_codes_at_once_meet_the_limit_of_ten_as_ten) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  f.PutKeys(c.token);
  std::vector<int> statuses(100);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < statuses.size(); ++i) {
    threads.emplace_back([&, i] {
      char code[16];
      std::snprintf(code, sizeof code, "ZZZZZ-ZZ%03zu", i);
      statuses[i] = f.Post("/v1/pair", PairBody(code)).status;
    });
  }
  for (auto& t : threads) t.join();
  BOOST_TEST(std::count(statuses.begin(), statuses.end(), 404) == 10);
  BOOST_TEST(std::count(statuses.begin(), statuses.end(), 429) == 90);
}

BOOST_AUTO_TEST_CASE(a_key_change_is_visible_to_linked_clients) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  Client client = f.PairNewClient(c.token);
  auto before = sync::LinkInfo::FromJson(f.Get("/v1/link", client.credential).Json());
  BOOST_REQUIRE(before.ok() && before->clinician_keys);
  BOOST_TEST(before->clinician_keys->version == 1);
  f.clock().Advance(100);
  f.PutKeys(c.token, 'e');
  auto after = sync::LinkInfo::FromJson(f.Get("/v1/link", client.credential).Json());
  BOOST_REQUIRE(after.ok() && after->clinician_keys);
  BOOST_TEST(after->clinician_keys->version == 2);
  BOOST_TEST(after->clinician_keys->x25519 == std::string(64, 'e'));
  BOOST_TEST(after->clinician_keys->changed_at == kStartTime + 100);
}

BOOST_AUTO_TEST_CASE(either_side_ends_a_link_and_its_reports_go) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  Client one = f.PairNewClient(c.token);
  Client two = f.PairNewClient(c.token);
  const std::string r1 = f.Upload(one, TestEnvelope("ENVELOPE-ONE-MARKER-0123456789"));
  const std::string r2 = f.Upload(two, TestEnvelope("ENVELOPE-TWO-MARKER-0123456789"));

  BOOST_TEST(f.Delete("/v1/links/" + one.client_id, c.token).status == 204);
  BOOST_TEST(f.Get("/v1/link", one.credential).status == 401);
  BOOST_TEST(f.Get("/v1/reports/" + r1, c.token).status == 404);
  BOOST_TEST(f.Delete("/v1/links/" + one.client_id, c.token).status == 404);

  BOOST_TEST(f.Delete("/v1/link", two.credential).status == 204);
  BOOST_TEST(f.Get("/v1/receipts", two.credential).status == 401);
  BOOST_TEST(f.Get("/v1/reports/" + r2, c.token).status == 404);
  auto links = sync::ListFromJson<sync::LinkSummary>(f.Get("/v1/links", c.token).Json(), "links");
  BOOST_TEST(links->empty());
  const std::string file = f.DatabaseFileBytes();
  BOOST_TEST(file.find("ENVELOPE-ONE-MARKER") == std::string::npos);
  BOOST_TEST(file.find("ENVELOPE-TWO-MARKER") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
