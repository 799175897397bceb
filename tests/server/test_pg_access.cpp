// Grants kept in memory on PostgreSQL (server/access_cache.h,
// server/pg_listener.h): a download may be answered without asking the
// database, yet a change that ends access, committed through any process,
// is honoured by every other one from its very next request. Two storages
// on one database stand for two server processes; each case repeats the
// change-then-fetch many times, with nothing in between, so that a window
// between a commit and its notification would show. Disabled in the SQLite
// run; CTest's server_postgresql runs it against a real PostgreSQL.
#include <unistd.h>

#include <memory>
#include <ostream>
#include <string>

#include <boost/test/unit_test.hpp>

#include "pg_cluster.h"
#include "server/pg_listener.h"
#include "server/pg_storage.h"
#include "server_fixture.h"

namespace fieldnotes::server {
// For the checks' messages (found by argument-dependent lookup).
static std::ostream& operator<<(std::ostream& out, DownloadCheck::Access access) {
  switch (access) {
    case DownloadCheck::Access::kGranted:
      return out << "granted";
    case DownloadCheck::Access::kDenied:
      return out << "denied";
    case DownloadCheck::Access::kUnknown:
      break;
  }
  return out << "no session";
}
}  // namespace fieldnotes::server

namespace fieldnotes::testing {
namespace {

using server::AuditEvent;
using server::DownloadCheck;
using server::PgStorage;

constexpr int64_t kFresh = 60;  // as Accounts passes with the default configuration

AuditEvent Event(const std::string& action, const std::string& object) {
  return AuditEvent{kStartTime, "operator", action, object};
}

std::unique_ptr<PgStorage> OpenPg(const std::string& url) {
  auto conninfo = server::PgConninfoFromUrl(url, PgCluster::Get().password_file());
  BOOST_REQUIRE_MESSAGE(conninfo.ok(), conninfo.status().ToString());
  auto storage = PgStorage::Open(*conninfo, 2, size_t{16} << 20);
  BOOST_REQUIRE_MESSAGE(storage.ok(), storage.status().ToString());
  for (int i = 0; i < 500 && !(*storage)->listening(); ++i) ::usleep(10000);
  BOOST_REQUIRE((*storage)->listening());
  return std::move(*storage);
}

// Two "processes" on one fresh database, a clinician with a session.
struct Pair {
  std::string url = PgCluster::Get().NewDatabase();
  std::unique_ptr<PgStorage> a = OpenPg(url);
  std::unique_ptr<PgStorage> b = OpenPg(url);
  const std::string clinician = std::string(32, 'c');
  int links = 0;
  int reports = 0;

  Pair() {
    BOOST_REQUIRE(a->AddClinician(server::ClinicianRecord{clinician, "dr@example.org", "hash",
                                                          false, kStartTime},
                                  Event("add_clinician", "clinician:" + clinician))
                      .ok());
  }

  std::string Session(const std::string& token_hash) {
    BOOST_REQUIRE(a->AddSession(server::SessionRecord{token_hash, clinician, kStartTime, kStartTime,
                                                      kStartTime + 43200},
                                Event("login", "session"))
                      .ok());
    return token_hash;
  }

  std::string Link() {
    const std::string client = "client-" + std::to_string(++links);
    BOOST_REQUIRE(a->AddInvite(server::InviteRecord{"code-" + client, clinician, kStartTime,
                                                    kStartTime + 3600, "invite-" + client},
                               Event("invite", "clinician:" + clinician))
                      .ok());
    server::LinkRecord link{client, "", "cred-" + client, std::string(64, 'b'), kStartTime, ""};
    BOOST_REQUIRE(
        a->RedeemInvite("code-" + client, kStartTime, link, Event("link", "link:" + client)).ok());
    return client;
  }

  std::string Report(const std::string& client) {
    server::ReportRecord r;
    r.id = "report-" + std::to_string(++reports);
    r.client_id = client;
    r.period_end = "2026-11-01";
    const std::string envelope = TestEnvelope(r.id);
    r.size = static_cast<int64_t>(envelope.size());
    r.sha256 = std::string(64, '5');
    r.uploaded_at = kStartTime;
    r.expires_at = kStartTime + 86400;
    auto added = a->AddReport(r, core::crypto::AsBytes(envelope), server::Quota{16, 1 << 24},
                              Event("upload", "report:" + r.id));
    BOOST_REQUIRE(added.ok() && *added);
    return r.id;
  }

  // B's answer for a download of `report` with `token_hash`.
  DownloadCheck::Access Ask(const std::string& token_hash, const std::string& report,
                            bool* session_found = nullptr, int64_t now = kStartTime + 1) {
    DownloadCheck check;
    auto session = b->FindSessionForDownload(token_hash, report, now, kFresh, check);
    if (session_found != nullptr) *session_found = session.ok();
    return session.ok() ? check.access : DownloadCheck::Access::kUnknown;
  }

  // B reads the grant from the database, then answers it from memory. (The
  // notification of the previous round's change may reach B after its
  // first read and clear the grant; then it reads again.)
  void GrantKeptInB(const std::string& token_hash, const std::string& report) {
    for (int attempt = 0; attempt < 5; ++attempt) {
      const uint64_t before = b->decided_in_memory();
      BOOST_REQUIRE(Ask(token_hash, report) == DownloadCheck::Access::kGranted);
      if (b->decided_in_memory() == before + 1) return;
    }
    BOOST_FAIL("B never answered the grant from memory");
  }
};

// pg_terminate_backend on every listening connection of the database,
// waiting until they are gone.
void KillListeners(const std::string& url) {
  const std::string name = PgCluster::NameOf(url);
  const std::string killed = PgCluster::Get().Query(
      name, std::string("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE "
                        "datname = current_database() AND application_name = '") +
                server::PgListener::kApplicationName + "'");
  BOOST_REQUIRE_MESSAGE(killed.find("t") != std::string::npos, "no listener was found to kill");
}

BOOST_AUTO_TEST_SUITE(pg_access, *boost::unit_test::disabled())

constexpr int kRounds = 60;

BOOST_AUTO_TEST_CASE(a_withdrawal_in_one_process_is_never_served_by_another) {
  Pair p;
  const std::string token = p.Session("token-1");
  const std::string client = p.Link();
  for (int i = 0; i < kRounds; ++i) {
    const std::string report = p.Report(client);
    p.GrantKeptInB(token, report);
    BOOST_REQUIRE(p.a->WithdrawReport(client, report, Event("withdraw", "report:" + report)).ok());
    // Right after the commit, with nothing in between.
    BOOST_REQUIRE_MESSAGE(p.Ask(token, report) == DownloadCheck::Access::kDenied,
                          "round " << i << ": a withdrawn report was granted");
    DownloadCheck granted;
    granted.access = DownloadCheck::Access::kGranted;
    granted.sha256 = std::string(64, '5');
    granted.downloaded_before = true;
    BOOST_REQUIRE(
        !p.b->DownloadChecked(p.clinician, report, granted, Event("download", "report:" + report))
             .ok());
  }
  BOOST_TEST(p.b->syncs() >= static_cast<uint64_t>(kRounds));
}

BOOST_AUTO_TEST_CASE(an_ended_link_in_one_process_is_never_served_by_another) {
  Pair p;
  const std::string token = p.Session("token-1");
  for (int i = 0; i < kRounds; ++i) {
    const std::string client = p.Link();
    const std::string report = p.Report(client);
    p.GrantKeptInB(token, report);
    BOOST_REQUIRE(p.a->EndLink(p.clinician, client, Event("end_link", "link:" + client)).ok());
    BOOST_REQUIRE_MESSAGE(p.Ask(token, report) == DownloadCheck::Access::kDenied,
                          "round " << i << ": a report of an ended link was granted");
  }
}

BOOST_AUTO_TEST_CASE(a_revoked_session_in_one_process_is_never_served_by_another) {
  Pair p;
  const std::string client = p.Link();
  const std::string report = p.Report(client);
  for (int i = 0; i < kRounds; ++i) {
    const std::string token = p.Session("token-" + std::to_string(i));
    p.GrantKeptInB(token, report);
    BOOST_REQUIRE(p.a->DeleteSession(token, Event("logout", "session")).ok());
    bool found = true;
    p.Ask(token, report, &found);
    BOOST_REQUIRE_MESSAGE(!found, "round " << i << ": a logged out session was found");
  }
  // A disabled account and a new password end sessions the same way.
  const std::string token = p.Session("token-disabled");
  p.GrantKeptInB(token, report);
  BOOST_REQUIRE(p.a->SetClinicianDisabled(p.clinician, true, Event("disable", "clinician")).ok());
  bool found = true;
  p.Ask(token, report, &found);
  BOOST_TEST(!found);
  BOOST_REQUIRE(p.a->SetClinicianDisabled(p.clinician, false, Event("enable", "clinician")).ok());
  const std::string other = p.Session("token-password");
  p.GrantKeptInB(other, report);
  BOOST_REQUIRE(p.a->SetPasswordHash(p.clinician, "new hash", Event("reset", "clinician")).ok());
  p.Ask(other, report, &found);
  BOOST_TEST(!found);
}

BOOST_AUTO_TEST_CASE(a_key_change_or_a_purge_clears_what_other_processes_keep) {
  Pair p;
  const std::string token = p.Session("token-1");
  const std::string report = p.Report(p.Link());
  p.GrantKeptInB(token, report);
  BOOST_REQUIRE(p.a->AddKeys(server::KeyRecord{p.clinician, 0, std::string(64, 'a'),
                                               std::string(64, 'b'), kStartTime},
                             Event("keys", "clinician"))
                    .ok());
  uint64_t before = p.b->decided_in_memory();
  BOOST_TEST(p.Ask(token, report) == DownloadCheck::Access::kGranted);
  BOOST_TEST(p.b->decided_in_memory() == before);  // asked the database again
  // A purge that ends a session (idle) is heard the same way.
  p.GrantKeptInB(token, report);
  p.Session("token-idle");
  p.a->PurgeExpired(kStartTime + 10, 5);  // both sessions idle by then
  before = p.b->decided_in_memory();
  bool found = true;
  p.Ask(token, report, &found);
  BOOST_TEST(!found);
  BOOST_TEST(p.b->decided_in_memory() == before);
}

BOOST_AUTO_TEST_CASE(a_kept_grant_is_used_only_within_the_sessions_fresh_window) {
  Pair p;
  const std::string token = p.Session("token-1");
  const std::string report = p.Report(p.Link());
  p.GrantKeptInB(token, report);
  // Past last_seen + fresh_seconds the database is asked: another process
  // may have moved the idle clock.
  const uint64_t before = p.b->decided_in_memory();
  BOOST_TEST(p.Ask(token, report, nullptr, kStartTime + kFresh) == DownloadCheck::Access::kGranted);
  BOOST_TEST(p.b->decided_in_memory() == before);
  // A touch here moves it.
  p.b->TouchSession(token, kStartTime + kFresh);
  BOOST_TEST(p.Ask(token, report, nullptr, kStartTime + kFresh + 1) ==
             DownloadCheck::Access::kGranted);
  BOOST_TEST(p.b->decided_in_memory() == before + 1);
}

BOOST_AUTO_TEST_CASE(a_killed_listening_connection_falls_back_to_the_database_then_keeps_again) {
  Pair p;
  const std::string token = p.Session("token-1");
  const std::string client = p.Link();
  const std::string kept = p.Report(client);
  const std::string withdrawn = p.Report(client);
  p.GrantKeptInB(token, kept);
  p.GrantKeptInB(token, withdrawn);
  KillListeners(p.url);
  BOOST_REQUIRE(p.a->WithdrawReport(client, withdrawn, Event("withdraw", "report:x")).ok());
  BOOST_TEST(p.Ask(token, withdrawn) == DownloadCheck::Access::kDenied);
  // What was kept before the connection was lost is not used after it: the
  // next answers come from the database until B listens again.
  uint64_t before = p.b->decided_in_memory();
  BOOST_TEST(p.Ask(token, kept) == DownloadCheck::Access::kGranted);
  BOOST_TEST(p.b->decided_in_memory() == before);
  for (int i = 0; i < 500 && !p.b->listening(); ++i) ::usleep(10000);
  BOOST_REQUIRE(p.b->listening());
  // And once it listens, it keeps grants again, and hears withdrawals.
  const std::string next = p.Report(client);
  p.GrantKeptInB(token, next);
  BOOST_REQUIRE(p.a->WithdrawReport(client, next, Event("withdraw", "report:y")).ok());
  BOOST_TEST(p.Ask(token, next) == DownloadCheck::Access::kDenied);
}

// Through two real servers: a client withdraws through A, the clinician
// downloads through B at once, again and again.
BOOST_AUTO_TEST_CASE(two_servers_withdraw_on_one_and_fetch_on_the_other) {
  ServerFixture a;
  SecondServer b(a);
  auto* pg = dynamic_cast<PgStorage*>(b.storage.get());
  BOOST_REQUIRE(pg != nullptr);
  Clinician c = a.AddClinician("dr.pair@example.org");
  Client client = a.PairNewClient(c.token);
  const std::string envelope = TestEnvelope(std::string(20000, 'x'));
  const Request withdraw_template{"DELETE", "", "", client.credential, "application/json", {}};
  for (int i = 0; i < 20; ++i) {
    const std::string id = a.Upload(client, envelope);
    const Request get{"GET", "/v1/reports/" + id, "", c.token, "application/json", {}};
    // B reads the grant, then answers from memory (a notification of an
    // earlier change, heard after B's read, may make it read once more).
    bool kept = false;
    for (int attempt = 0; attempt < 5 && !kept; ++attempt) {
      const uint64_t before = pg->decided_in_memory();
      BOOST_REQUIRE(b.Call(get).body == envelope);
      kept = pg->decided_in_memory() == before + 1;
    }
    BOOST_REQUIRE_MESSAGE(kept, "round " << i << ": B never answered from memory");
    Request withdraw = withdraw_template;
    withdraw.path = "/v1/reports/" + id;
    BOOST_REQUIRE(a.Call(withdraw).status == 204);
    BOOST_REQUIRE_MESSAGE(b.Call(get).status == 404, "round " << i);
  }
  // A logout through A: B refuses the token at once.
  const std::string id = a.Upload(client, envelope);
  const Request get{"GET", "/v1/reports/" + id, "", c.token, "application/json", {}};
  BOOST_REQUIRE(b.Call(get).status == 200);
  BOOST_REQUIRE(b.Call(get).status == 200);
  BOOST_REQUIRE(a.Post("/v1/logout", "", c.token).status == 204);
  BOOST_TEST(b.Call(get).status == 401);
}

BOOST_AUTO_TEST_CASE(a_postgresql_restart_gives_503_then_grants_are_kept_again) {
  ServerFixture f;
  auto* pg = dynamic_cast<PgStorage*>(&f.storage());
  BOOST_REQUIRE(pg != nullptr);
  for (int i = 0; i < 500 && !pg->listening(); ++i) ::usleep(10000);
  Clinician c = f.AddClinician("dr.restart.cache@example.org");
  Client client = f.PairNewClient(c.token);
  const std::string envelope = TestEnvelope("kept across a restart");
  const std::string id = f.Upload(client, envelope);
  // Read, then answered from memory (the notification of the key change
  // made while pairing may reach the listener after the first read).
  for (int attempt = 0; attempt < 5 && pg->decided_in_memory() == 0; ++attempt) {
    BOOST_REQUIRE(f.Get("/v1/reports/" + id, c.token).status == 200);
  }
  BOOST_REQUIRE(pg->decided_in_memory() >= 1u);
  PgCluster::Get().Stop();
  // The grant is in memory, but nothing can be heard: the database is
  // asked, and is away.
  Response down = f.Get("/v1/reports/" + id, c.token);
  BOOST_TEST(down.status == 503);
  BOOST_TEST(down.headers["Retry-After"] == "1");
  PgCluster::Get().Start();
  BOOST_TEST(f.Get("/v1/reports/" + id, c.token).body == envelope);
  for (int i = 0; i < 500 && !pg->listening(); ++i) ::usleep(10000);
  BOOST_REQUIRE(pg->listening());
  const uint64_t before = pg->decided_in_memory();
  for (int attempt = 0; attempt < 5 && pg->decided_in_memory() == before; ++attempt) {
    BOOST_TEST(f.Get("/v1/reports/" + id, c.token).body == envelope);
  }
  BOOST_TEST(pg->decided_in_memory() == before + 1);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
