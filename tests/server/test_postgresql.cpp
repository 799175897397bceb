// What only PostgreSQL has (pg_storage.h): the schema and its upgrades,
// connection strings and passwords, init and admin migrate, several server
// processes on one database (shared sessions, throttles, invites, one audit
// chain, purges once, withdrawals heard at once) and a PostgreSQL restart.
// Disabled in the SQLite run; CTest's server_postgresql runs it against a
// real PostgreSQL (pg_cluster.h), and fails without one.
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include <boost/test/unit_test.hpp>

#include <Poco/File.h>

#include "pg_cluster.h"
#include "server/audit_chain.h"
#include "server/commands.h"
#include "server/open_storage.h"
#include "server/pg_storage.h"
#include "server/sqlite_storage.h"
#include "server/sync_server.h"
#include "server_fixture.h"
#include "sync/messages.h"

namespace fieldnotes::testing {
namespace {

using server::AuditEvent;

std::unique_ptr<server::PgStorage> OpenPg(const std::string& url, int sessions = 2,
                                          size_t cache = 0) {
  auto conninfo = server::PgConninfoFromUrl(url, PgCluster::Get().password_file());
  BOOST_REQUIRE_MESSAGE(conninfo.ok(), conninfo.status().ToString());
  auto storage = server::PgStorage::Open(*conninfo, sessions, cache);
  BOOST_REQUIRE_MESSAGE(storage.ok(), storage.status().ToString());
  return std::move(*storage);
}

AuditEvent Event(const std::string& action, const std::string& object) {
  return AuditEvent{kStartTime, "operator", action, object};
}

// A clinician with a link, as the storage sees them.
void AddClinicianAndLink(server::Storage& s, const std::string& clinician_id,
                         const std::string& client_id) {
  BOOST_REQUIRE(s.AddClinician(server::ClinicianRecord{clinician_id, clinician_id + "@example.org",
                                                       "hash", false, kStartTime},
                               Event("add_clinician", "clinician:" + clinician_id))
                    .ok());
  BOOST_REQUIRE(s.AddInvite(server::InviteRecord{"code-" + client_id, clinician_id, kStartTime,
                                                 kStartTime + 3600, "invite-" + client_id},
                            Event("invite", "clinician:" + clinician_id))
                    .ok());
  server::LinkRecord link{client_id, "", "cred-" + client_id, std::string(64, 'b'), kStartTime, ""};
  BOOST_REQUIRE(
      s.RedeemInvite("code-" + client_id, kStartTime, link, Event("link", "link:" + client_id))
          .ok());
}

server::ReportRecord Report(const std::string& id, const std::string& client_id, int64_t size,
                            int64_t expires_at) {
  server::ReportRecord r;
  r.id = id;
  r.client_id = client_id;
  r.period_end = "2026-11-01";
  r.size = size;
  r.sha256 = std::string(64, '5');
  r.uploaded_at = kStartTime;
  r.expires_at = expires_at;
  return r;
}

BOOST_AUTO_TEST_SUITE(postgresql, *boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(the_schema_is_created_upgraded_from_version_2_and_refused_from_the_future) {
  PgCluster& cluster = PgCluster::Get();
  const std::string url = cluster.NewDatabase();
  const std::string db = PgCluster::NameOf(url);
  {
    auto storage = OpenPg(url);
    BOOST_TEST(storage->IsEmpty());
  }
  BOOST_TEST(cluster.Query(db, "SELECT value FROM meta WHERE name = 'schema_version'") == "3|\n");
  // What a version 2 database looks like.
  cluster.Exec(db, "ALTER TABLE links DROP COLUMN invite_id");
  cluster.Exec(db, "ALTER TABLE invites DROP COLUMN id");
  cluster.Exec(db, "UPDATE meta SET value = '2' WHERE name = 'schema_version'");
  cluster.Exec(db, "INSERT INTO clinicians VALUES ('" + std::string(32, 'c') +
                       "', 'dr@example.org', 'x', 0, 1)");
  cluster.Exec(db,
               "INSERT INTO links (client_id, clinician_id, credential_hash, client_key, "
               "created_at) VALUES ('" +
                   std::string(32, 'a') + "', '" + std::string(32, 'c') + "', 'h', '" +
                   std::string(64, 'b') + "', 5)");
  {
    auto upgraded = OpenPg(url);
    const auto links = upgraded->ListLinks(std::string(32, 'c'));
    BOOST_REQUIRE(links.size() == 1u);
    BOOST_TEST(links[0].invite_id.empty());
  }
  BOOST_TEST(cluster.Query(db, "SELECT value FROM meta WHERE name = 'schema_version'") == "3|\n");
  cluster.Exec(db, "UPDATE meta SET value = '99' WHERE name = 'schema_version'");
  auto conninfo = server::PgConninfoFromUrl(url, cluster.password_file());
  BOOST_REQUIRE(conninfo.ok());
  auto future = server::PgStorage::Open(*conninfo, 1);
  BOOST_TEST(future.status().code() == core::Status::Code::kUnsupported);
}

BOOST_AUTO_TEST_CASE(passwords_never_come_from_the_url_and_a_wrong_one_is_unavailable) {
  PgCluster& cluster = PgCluster::Get();
  auto with_password = server::PgConninfoFromUrl("postgresql://u:secret@127.0.0.1:5432/db", "");
  BOOST_TEST(with_password.status().code() == core::Status::Code::kInvalidArgument);
  BOOST_TEST(with_password.status().message().find("secret") == std::string::npos);
  BOOST_TEST(server::PgConninfoFromUrl("mysql://u@h/db", "").status().code() ==
             core::Status::Code::kInvalidArgument);
  BOOST_TEST(server::PgConninfoFromUrl("postgresql://u@h/", "").status().code() ==
             core::Status::Code::kInvalidArgument);

  TempDir dir;
  const std::string wrong = dir.File("wrong.pgpass");
  {
    std::ofstream f(wrong);
    f << "*:*:*:*:not-the-password-7c1\n";
  }
  ::chmod(wrong.c_str(), 0600);
  const std::string url = cluster.NewDatabase();
  auto conninfo = server::PgConninfoFromUrl(url, wrong);
  BOOST_REQUIRE(conninfo.ok());
  auto refused = server::PgStorage::Open(*conninfo, 1);
  BOOST_TEST(refused.status().code() == core::Status::Code::kUnavailable);
  BOOST_TEST(refused.status().message().find("not-the-password") == std::string::npos);
  BOOST_TEST(refused.status().message().find("passfile") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(init_admin_and_audit_verify_work_on_a_postgresql_database) {
  PgCluster& cluster = PgCluster::Get();
  const std::string url = cluster.NewDatabase();
  TempDir dir;
  std::ostringstream out, err;
  BOOST_REQUIRE_MESSAGE(
      server::InitCommand(dir.path(), 0, out, err, url, cluster.password_file()) == 0, err.str());
  BOOST_TEST(out.str().find(url) != std::string::npos);
  std::ifstream config_file(dir.File(server::kConfigFileName));
  const std::string config((std::istreambuf_iterator<char>(config_file)),
                           std::istreambuf_iterator<char>());
  BOOST_TEST(config.find("fieldnotes.database.url = " + url) != std::string::npos);
  BOOST_TEST(!Poco::File(dir.File(server::kDatabaseFileName)).exists());

  const server::Overrides low_cost = {{"fieldnotes.auth.scrypt_log2_n", "10"}};
  std::istringstream password(std::string(kPassword) + "\n");
  BOOST_REQUIRE(server::AdminCommand({"add-clinician", "dr.pg@example.org"}, dir.path(), low_cost,
                                     password, out, err) == 0);
  std::ostringstream o, e;
  BOOST_TEST(server::AuditCommand({"verify"}, dir.path(), {}, o, e) == 0);
  BOOST_TEST(o.str().find("2 records") != std::string::npos);
  // The chain is checked in the database: an edit there shows.
  cluster.Exec(PgCluster::NameOf(url), "UPDATE audit SET actor = 'someone' WHERE seq = 1");
  std::ostringstream o2, e2;
  BOOST_TEST(server::AuditCommand({"verify"}, dir.path(), {}, o2, e2) == server::kExitDataError);

  // A second folder cannot claim a database that holds a server.
  TempDir other;
  std::ostringstream o3, e3;
  BOOST_TEST(server::InitCommand(other.path(), 0, o3, e3, url, cluster.password_file()) ==
             server::kExitCantCreate);
  // And admin backup sends the operator to pg_dump.
  std::ostringstream o4, e4;
  BOOST_TEST(server::BackupCommand(dir.path(), dir.File("b.fnbackup"), o4, e4) ==
             server::kExitUsage);
  BOOST_TEST(e4.str().find("pg_dump") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(admin_migrate_copies_a_sqlite_server_whole) {
  PgCluster& cluster = PgCluster::Get();
  TempDir dir;
  std::ostringstream out, err;
  BOOST_REQUIRE(server::InitCommand(dir.path(), 0, out, err) == 0);
  const std::string envelope = TestEnvelope("MIGRATED-ENVELOPE-BYTES");
  const std::string clinician = std::string(32, 'c');
  const std::string client = std::string(32, 'a');
  {
    auto sqlite = server::SqliteStorage::Open(dir.File(server::kDatabaseFileName), 1);
    BOOST_REQUIRE(sqlite.ok());
    server::Storage& s = **sqlite;
    AddClinicianAndLink(s, clinician, client);
    BOOST_REQUIRE(s.AddKeys(server::KeyRecord{clinician, 0, std::string(64, 'x'),
                                              std::string(64, 'y'), kStartTime},
                            Event("keys_changed", "clinician:" + clinician))
                      .ok());
    BOOST_REQUIRE(s.AddSession(server::SessionRecord{"token-hash", clinician, kStartTime,
                                                     kStartTime, kStartTime + 3600},
                               Event("login", "clinician:" + clinician))
                      .ok());
    const auto bytes = core::crypto::AsBytes(envelope);
    for (const char* id : {"r1", "r2"}) {
      auto added =
          s.AddReport(Report(id, client, static_cast<int64_t>(envelope.size()), kStartTime + 86400),
                      bytes, server::Quota{16, 1 << 24}, Event("upload", id));
      BOOST_REQUIRE(added.ok() && *added);
    }
    BOOST_REQUIRE(s.DownloadReport(clinician, "r1", Event("download", "report:r1")).ok());
    BOOST_REQUIRE(s.WithdrawReport(client, "r2", Event("withdraw", "report:r2")).ok());
    (void)s.AddFailure("login:address:127.0.0.1", kStartTime, 60);
  }
  std::vector<server::AuditRecord> before;
  std::vector<server::ReportRecord> receipts_before;
  {
    auto sqlite = server::SqliteStorage::Open(dir.File(server::kDatabaseFileName), 1);
    before = (*sqlite)->ReadAudit();
    receipts_before = (*sqlite)->ListReceipts(client);
  }

  const std::string url = cluster.NewDatabase();
  // The password from PGPASSFILE: the folder names none.
  ::setenv("PGPASSFILE", cluster.password_file().c_str(), 1);
  std::ostringstream mo, me;
  const int migrated = server::MigrateCommand(dir.path(), url, {}, mo, me);
  BOOST_REQUIRE_MESSAGE(migrated == 0, me.str());
  BOOST_TEST(mo.str().find("envelopes  1") != std::string::npos, mo.str());
  BOOST_TEST(mo.str().find("audit  " + std::to_string(before.size())) != std::string::npos);

  // The folder now runs on PostgreSQL, and its chain verifies there.
  std::ostringstream vo, ve;
  BOOST_TEST(server::AuditCommand({"verify"}, dir.path(), {}, vo, ve) == 0, ve.str());
  auto config = server::LoadConfigFromDir(dir.path(), {});
  BOOST_REQUIRE(config.ok());
  BOOST_TEST(config->database_url == url);
  auto opened = server::OpenStorage(*config, 1);
  BOOST_REQUIRE_MESSAGE(opened.ok(), opened.status().ToString());
  server::Storage& pg = **opened;
  const auto after = pg.ReadAudit();
  BOOST_REQUIRE(after.size() == before.size() + 1);  // and "migrate"
  for (size_t i = 0; i < before.size(); ++i) {
    BOOST_TEST(after[i].hash == before[i].hash);
  }
  BOOST_TEST(after.back().event.action == "migrate");
  const auto receipts = pg.ListReceipts(client);
  BOOST_REQUIRE(receipts.size() == receipts_before.size());
  for (size_t i = 0; i < receipts.size(); ++i) {
    BOOST_TEST(receipts[i].id == receipts_before[i].id);
    BOOST_TEST(receipts[i].downloaded_at == receipts_before[i].downloaded_at);
    BOOST_TEST(receipts[i].withdrawn_at == receipts_before[i].withdrawn_at);
    BOOST_TEST(receipts[i].expires_at == receipts_before[i].expires_at);
  }
  BOOST_TEST(pg.FindSession("token-hash").ok());
  BOOST_TEST(pg.GetThrottle("login:address:127.0.0.1").count == 1);
  BOOST_TEST(pg.CurrentKeys(clinician)->x25519 == std::string(64, 'x'));
  BOOST_TEST(pg.FindLinkByCredential("cred-" + client).ok());
  auto fetched = pg.DownloadReport(clinician, "r1", Event("download", "report:r1"));
  BOOST_REQUIRE(fetched.ok());
  BOOST_TEST(std::string(fetched->bytes->begin(), fetched->bytes->end()) == envelope);
  BOOST_TEST(!pg.DownloadReport(clinician, "r2", Event("download", "report:r2")).ok());

  // Never into a database that holds a server.
  opened->reset();
  std::ostringstream o2, e2;
  TempDir again;
  BOOST_REQUIRE(server::InitCommand(again.path(), 0, o2, e2) == 0);
  BOOST_TEST(server::MigrateCommand(again.path(), url, {}, o2, e2) == server::kExitCantCreate);
  ::unsetenv("PGPASSFILE");
}

BOOST_AUTO_TEST_CASE(two_servers_share_sessions_throttles_invites_and_withdrawals) {
  ServerFixture a;
  SecondServer b(a);
  Clinician c = a.AddClinician("dr.two@example.org");
  // A session from one process is good in the other.
  Request keys{"PUT",
               "/v1/keys",
               JsonBody({{"x25519", std::string(64, 'a')}, {"ed25519", std::string(64, 'b')}}),
               c.token,
               "application/json",
               {}};
  BOOST_TEST(b.Call(keys).status == 200);
  // An invite made through one is redeemed through the other.
  const std::string code = a.Invite(c.token);
  Response paired = b.Call(Request{"POST", "/v1/pair", PairBody(code), "", "application/json", {}});
  BOOST_REQUIRE(paired.status == 201);
  auto pair = sync::PairResponse::FromJson(paired.Json());
  BOOST_REQUIRE(pair.ok());
  Client client{pair->client_id, pair->device_credential};
  // Uploaded through B, downloaded through A (A keeps the bytes), withdrawn
  // through B: A forgets them at once, and answers 404.
  const std::string envelope = TestEnvelope(std::string(30000, 'w'));
  Request upload{"POST",
                 "/v1/reports",
                 envelope,
                 client.credential,
                 "application/octet-stream",
                 {{"Fieldnotes-Period-End", "2026-11-01"}}};
  Response uploaded = b.Call(upload);
  BOOST_REQUIRE(uploaded.status == 201);
  const std::string id = sync::ReportUploaded::FromJson(uploaded.Json())->report_id;
  for (int i = 0; i < 2; ++i) BOOST_TEST(a.Get("/v1/reports/" + id, c.token).body == envelope);
  BOOST_TEST(a.envelope_cache().entries() == 1u);
  BOOST_TEST(
      b.Call(Request{"DELETE", "/v1/reports/" + id, "", client.credential, "application/json", {}})
          .status == 204);
  for (int i = 0; i < 200 && a.envelope_cache().entries() != 0; ++i) ::usleep(10000);
  BOOST_TEST(a.envelope_cache().entries() == 0u);
  BOOST_TEST(a.Get("/v1/reports/" + id, c.token).status == 404);
  // Receipts are the same whichever process answers.
  Request receipts{"GET", "/v1/receipts", "", client.credential, "application/json", {}};
  BOOST_TEST(a.Call(receipts).body == b.Call(receipts).body);
  // A link ended through B: A drops what it kept of it and answers 404.
  Response again = b.Call(upload);
  BOOST_REQUIRE(again.status == 201);
  const std::string second = sync::ReportUploaded::FromJson(again.Json())->report_id;
  BOOST_TEST(a.Get("/v1/reports/" + second, c.token).body == envelope);
  BOOST_TEST(a.envelope_cache().entries() == 1u);
  BOOST_TEST(
      b.Call(
           Request{"DELETE", "/v1/links/" + client.client_id, "", c.token, "application/json", {}})
          .status == 204);
  for (int i = 0; i < 200 && a.envelope_cache().entries() != 0; ++i) ::usleep(10000);
  BOOST_TEST(a.envelope_cache().entries() == 0u);
  BOOST_TEST(a.Get("/v1/reports/" + second, c.token).status == 404);
  BOOST_TEST(a.Call(receipts).status == 401);  // the link's credential is gone everywhere

  // Failed logins counted in both processes add up to one limit.
  const Request wrong{"POST",
                      "/v1/login",
                      JsonBody({{"email", c.email}, {"password", "not the password at all"}}),
                      "",
                      "application/json",
                      {}};
  const int64_t limit = a.config().login_address_limit;
  for (int64_t i = 0; i < limit; ++i) {
    const int status = i % 2 == 0 ? a.Call(wrong).status : b.Call(wrong).status;
    BOOST_REQUIRE(status == 401);
  }
  BOOST_TEST(a.Call(wrong).status == 429);
  BOOST_TEST(b.Call(wrong).status == 429);

  // Logging out through B ends the session in A too.
  BOOST_TEST(b.Call(Request{"POST", "/v1/logout", "", c.token, "application/json", {}}).status ==
             204);
  BOOST_TEST(a.Get("/v1/keys", c.token).status == 401);

  const auto records = a.storage().ReadAudit();
  BOOST_TEST(server::VerifyAuditChain(records, a.storage().AuditHead()).ok());
}

// The records of repeat downloads go in batches through one INSERT of
// array literals (PgStorage::AuditAppender::AppendAll): whatever their
// text, they come back exactly, in order, in one verifying chain.
BOOST_AUTO_TEST_CASE(deferred_download_records_keep_any_text_and_the_chain) {
  const std::string url = PgCluster::Get().NewDatabase();
  auto pg = OpenPg(url, 2);
  const std::string clinician(32, 'c'), client(32, 'a');
  AddClinicianAndLink(*pg, clinician, client);
  const std::string envelope = TestEnvelope("deferred");
  auto added = pg->AddReport(
      Report("r1", client, static_cast<int64_t>(envelope.size()), kStartTime + 86400),
      core::crypto::AsBytes(envelope), server::Quota{16, 1 << 24}, Event("upload", "report:r1"));
  BOOST_REQUIRE(added.ok() && *added);
  const std::vector<std::string> objects = {"report:r1",
                                            "a \"quoted\" one",
                                            "back\\slash",
                                            "{braces},commas",
                                            "NULL",
                                            "",
                                            "pr\u00e9vu \u2014 \u65e5\u672c"};
  for (const std::string& object : objects) {
    BOOST_REQUIRE(pg->DownloadReport(clinician, "r1", Event("download", object)).ok());
  }
  const auto records = pg->ReadAudit();
  BOOST_TEST(server::VerifyAuditChain(records, pg->AuditHead()).ok());
  BOOST_REQUIRE(records.size() >= objects.size());
  for (size_t i = 0; i < objects.size(); ++i) {
    BOOST_TEST(records[records.size() - objects.size() + i].event.object == objects[i]);
  }
}

BOOST_AUTO_TEST_CASE(one_audit_chain_under_concurrent_writers_and_purges_run_once) {
  const std::string url = PgCluster::Get().NewDatabase();
  auto first = OpenPg(url, 4);
  auto second = OpenPg(url, 4);
  AddClinicianAndLink(*first, std::string(32, 'c'), std::string(32, 'a'));
  const std::string envelope = TestEnvelope("to expire");
  constexpr int kReports = 6;
  for (int i = 0; i < kReports; ++i) {
    auto added = first->AddReport(Report("exp" + std::to_string(i), std::string(32, 'a'),
                                         static_cast<int64_t>(envelope.size()), kStartTime + 10),
                                  core::crypto::AsBytes(envelope), server::Quota{16, 1 << 24},
                                  Event("upload", "r"));
    BOOST_REQUIRE(added.ok() && *added);
  }
  const size_t records_before = first->ReadAudit().size();

  // Four threads in each "process": audit records, throttle counts and a
  // purge, all at once.
  constexpr int kEach = 25;
  std::atomic<int64_t> purged{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    server::PgStorage* s = t % 2 == 0 ? first.get() : second.get();
    threads.emplace_back([&, s, t] {
      for (int i = 0; i < kEach; ++i) {
        s->AppendAudit(Event("concurrent", std::to_string(t) + ":" + std::to_string(i)));
        (void)s->AddFailure("shared-key", kStartTime, 3600);
        if (i == kEach / 2) purged += s->PurgeExpired(kStartTime + 20, 3600);
      }
    });
  }
  for (auto& th : threads) th.join();

  BOOST_TEST(purged.load() == kReports);
  const auto records = second->ReadAudit();
  BOOST_TEST(server::VerifyAuditChain(records, second->AuditHead()).ok());
  BOOST_TEST(records.size() == records_before + 8 * kEach + kReports);
  int expired = 0;
  for (const auto& r : records) expired += r.event.action == "expire" ? 1 : 0;
  BOOST_TEST(expired == kReports);
  BOOST_TEST(first->GetThrottle("shared-key").count == 8 * kEach);
}

BOOST_AUTO_TEST_CASE(a_postgresql_restart_gives_503_with_retry_after_then_service_resumes) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.restart@example.org");
  BOOST_REQUIRE(f.Get("/v1/keys", c.token).status == 404);  // no keys yet: the database answered
  PgCluster::Get().Stop();
  Response down = f.Get("/v1/keys", c.token);
  BOOST_TEST(down.status == 503);
  BOOST_TEST(down.headers["Retry-After"] == "1");
  BOOST_TEST(down.Error() == "unavailable");
  // A login (which writes) is refused the same way, and the server stays up.
  BOOST_TEST(f.Post("/v1/login", JsonBody({{"email", c.email}, {"password", c.password}})).status ==
             503);
  BOOST_TEST(f.Get("/v1/health").status == 200);
  PgCluster::Get().Start();
  // The same server, without a restart, serves again, from the first
  // request on: the connections PostgreSQL dropped were closed when the
  // first failure showed it had gone away.
  BOOST_TEST(f.Get("/v1/keys", c.token).status == 404);
  f.PutKeys(c.token);
  BOOST_TEST(f.Get("/v1/keys", c.token).status == 200);
  const std::string token = f.Login(c.email, c.password);
  BOOST_TEST(!token.empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
