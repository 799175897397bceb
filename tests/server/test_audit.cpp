// The hash-chained audit log, and `audit verify` through the command.
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "server/audit_chain.h"
#include "server/commands.h"
#include "server_fixture.h"

namespace fieldnotes::testing {
namespace {

BOOST_AUTO_TEST_SUITE(audit)

BOOST_AUTO_TEST_CASE(every_event_is_logged_without_secrets) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  (void)f.Post("/v1/login", JsonBody({{"email", c.email}, {"password", "wrong password!"}}));
  const std::string code = f.Invite((f.PutKeys(c.token), c.token));
  Client client = f.Pair(code);
  const std::string envelope = TestEnvelope("AUDIT-ENVELOPE-CONTENT");
  const std::string id = f.Upload(client, envelope);
  BOOST_REQUIRE(f.Get("/v1/reports/" + id, c.token).status == 200);
  BOOST_REQUIRE(f.Post("/v1/reports/" + id + "/opened", "", c.token).status == 204);
  BOOST_REQUIRE(f.Delete("/v1/reports/" + id, client.credential).status == 204);
  BOOST_REQUIRE(f.Delete("/v1/link", client.credential).status == 204);
  BOOST_REQUIRE(f.Post("/v1/logout", "", c.token).status == 204);

  const auto records = f.storage().ReadAudit();
  BOOST_TEST(server::VerifyAuditChain(records, f.storage().AuditHead()).ok());
  std::string actions;
  for (const auto& r : records) {
    actions += r.event.action + " ";
    for (const std::string& secret : {c.token, client.credential, std::string(kPassword),
                                      std::string("wrong password!"), code, envelope}) {
      BOOST_TEST(r.event.actor.find(secret) == std::string::npos);
      BOOST_TEST(r.event.object.find(secret) == std::string::npos);
    }
  }
  BOOST_TEST(actions ==
             "add_clinician login login_failed keys_changed invite link upload download open "
             "withdraw end_link logout ");
}

BOOST_AUTO_TEST_CASE(verify_detects_edits_and_deletions) {
  TempDir dir;
  std::ostringstream out, err;
  BOOST_REQUIRE(server::InitCommand(dir.path(), 0, out, err) == 0);
  const server::Overrides low_cost = {{"fieldnotes.auth.scrypt_log2_n", "10"}};
  std::istringstream password(std::string(kPassword) + "\n");
  BOOST_REQUIRE(server::AdminCommand({"add-clinician", "dr.a@example.org"}, dir.path(), low_cost,
                                     password, out, err) == 0);
  BOOST_REQUIRE(server::AdminCommand({"disable", "dr.a@example.org"}, dir.path(), low_cost,
                                     password, out, err) == 0);
  BOOST_REQUIRE(server::AdminCommand({"enable", "dr.a@example.org"}, dir.path(), low_cost, password,
                                     out, err) == 0);
  auto verify = [&] {
    std::ostringstream o, e;
    return server::AuditCommand({"verify"}, dir.path(), {}, o, e);
  };
  BOOST_TEST(verify() == 0);

  auto sql = [&](const std::string& statement) {
    ServerFixture::SqlOn(dir.path() + "/fieldnotes-server.db", statement);
  };
  // Edited.
  sql("UPDATE audit SET actor = 'someone else' WHERE seq = 2");
  BOOST_TEST(verify() == server::kExitDataError);
  sql("UPDATE audit SET actor = 'operator' WHERE seq = 2");
  BOOST_TEST(verify() == 0);
  // Edited and re-hashed: the next record no longer follows.
  sql("UPDATE audit SET hash = '" + std::string(64, 'f') + "' WHERE seq = 2");
  BOOST_TEST(verify() == server::kExitDataError);
  // Deleted in the middle.
  sql("UPDATE audit SET hash = (SELECT prev_hash FROM audit WHERE seq = 3) WHERE seq = 2");
  BOOST_TEST(verify() == 0);
  sql("DELETE FROM audit WHERE seq = 2");
  BOOST_TEST(verify() == server::kExitDataError);
}

BOOST_AUTO_TEST_CASE(verify_detects_a_deleted_tail) {
  TempDir dir;
  std::ostringstream out, err;
  BOOST_REQUIRE(server::InitCommand(dir.path(), 0, out, err) == 0);
  std::istringstream password(std::string(kPassword) + "\n");
  BOOST_REQUIRE(server::AdminCommand({"add-clinician", "dr.a@example.org"}, dir.path(),
                                     {{"fieldnotes.auth.scrypt_log2_n", "10"}}, password, out,
                                     err) == 0);
  std::ostringstream o, e;
  BOOST_TEST(server::AuditCommand({"verify"}, dir.path(), {}, o, e) == 0);
  BOOST_TEST(o.str().find("2 records") != std::string::npos);
  ServerFixture::SqlOn(dir.path() + "/fieldnotes-server.db",
                       "DELETE FROM audit WHERE seq = (SELECT MAX(seq) FROM audit)");
  std::ostringstream o2, e2;
  BOOST_TEST(server::AuditCommand({"verify"}, dir.path(), {}, o2, e2) == server::kExitDataError);
  BOOST_TEST(e2.str().find("head") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(commands_refuse_bad_use) {
  TempDir dir;
  std::ostringstream out, err;
  BOOST_TEST(server::InitCommand(dir.path(), 0, out, err) == 0);
  BOOST_TEST(server::InitCommand(dir.path(), 0, out, err) == server::kExitCantCreate);
  std::istringstream weak("password1234\n");
  BOOST_TEST(server::AdminCommand({"add-clinician", "a@b.org"}, dir.path(), {}, weak, out, err) ==
             server::kExitFailure);
  std::istringstream none;
  BOOST_TEST(server::AdminCommand({"frobnicate"}, dir.path(), {}, none, out, err) ==
             server::kExitUsage);
  BOOST_TEST(server::AdminCommand({"list"}, dir.path() + "/missing", {}, none, out, err) ==
             server::kExitConfig);
  BOOST_TEST(server::AuditCommand({"check"}, dir.path(), {}, out, err) == server::kExitUsage);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
