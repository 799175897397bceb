// Downloaded envelopes kept in memory (server/envelope_cache.h): the cache on
// its own, and through the server: it never serves what the database no
// longer grants, whichever process withdrew it.
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "pg_cluster.h"
#include "server/audit_chain.h"
#include "server/envelope_cache.h"
#include "server/secrets.h"
#include "server/open_storage.h"
#include "server_fixture.h"

namespace fieldnotes::testing {
namespace {

using server::EnvelopeCache;

EnvelopeCache::Bytes Bytes(size_t size, uint8_t fill) {
  return std::make_shared<const std::vector<uint8_t>>(size, fill);
}

BOOST_AUTO_TEST_SUITE(envelope_cache)

BOOST_AUTO_TEST_CASE(keeps_finds_and_forgets) {
  EnvelopeCache cache(4000, 600);
  BOOST_TEST(!cache.Find("a", 100));
  cache.Put("a", Bytes(500, 1), 100, cache.Generation());
  auto found = cache.Find("a", 200);
  BOOST_REQUIRE(found);
  BOOST_TEST(found->size() == 500u);
  BOOST_TEST((*found)[0] == 1);
  BOOST_TEST(cache.bytes() == 500u);
  cache.Erase("a");
  BOOST_TEST(!cache.Find("a", 200));
  BOOST_TEST(cache.bytes() == 0u);
  // The bytes handed out stay valid after their entry went.
  BOOST_TEST(found->size() == 500u);
}

BOOST_AUTO_TEST_CASE(least_recently_used_go_first_beyond_the_bound) {
  EnvelopeCache cache(2000, 600);
  for (const char* id : {"a", "b", "c", "d"}) cache.Put(id, Bytes(500, 1), 0, cache.Generation());
  BOOST_TEST(cache.bytes() == 2000u);
  BOOST_REQUIRE(cache.Find("a", 1));  // "b" is now the least recently used
  cache.Put("e", Bytes(500, 2), 0, cache.Generation());
  BOOST_TEST(!cache.Find("b", 1));
  for (const char* id : {"a", "c", "d", "e"}) BOOST_TEST(cache.Find(id, 1), id);
  BOOST_TEST(cache.bytes() == 2000u);
  BOOST_TEST(cache.entries() == 4u);
}

BOOST_AUTO_TEST_CASE(too_large_or_disabled_keeps_nothing) {
  EnvelopeCache cache(2000, 600);
  cache.Put("big", Bytes(501, 1), 0, cache.Generation());  // over a quarter
  BOOST_TEST(!cache.Find("big", 0));
  EnvelopeCache off(0, 600);
  off.Put("a", Bytes(1, 1), 0, off.Generation());
  BOOST_TEST(!off.Find("a", 0));
  BOOST_TEST(off.entries() == 0u);
  cache.Put("null", nullptr, 0, cache.Generation());
  BOOST_TEST(cache.entries() == 0u);
}

BOOST_AUTO_TEST_CASE(entries_older_than_the_age_bound_are_dropped_when_met) {
  EnvelopeCache cache(4000, 600);
  cache.Put("a", Bytes(100, 1), 1000, cache.Generation());
  BOOST_TEST(cache.Find("a", 1599));
  BOOST_TEST(!cache.Find("a", 1600));
  BOOST_TEST(cache.entries() == 0u);
  // A clock that went back does not make an entry young forever.
  cache.Put("b", Bytes(100, 1), 1000, cache.Generation());
  BOOST_TEST(!cache.Find("b", 999));
}

BOOST_AUTO_TEST_CASE(bytes_read_before_a_withdrawal_are_not_put_back_after_it) {
  EnvelopeCache cache(4000, 600);
  const uint64_t before = cache.Generation();  // a download starts its query
  cache.Erase("a");                            // a withdrawal commits
  cache.Put("a", Bytes(100, 1), 0, before);    // the download ends
  BOOST_TEST(!cache.Find("a", 0));
  const uint64_t again = cache.Generation();
  cache.Clear();
  cache.Put("a", Bytes(100, 1), 0, again);
  BOOST_TEST(!cache.Find("a", 0));
  cache.Put("a", Bytes(100, 1), 0, cache.Generation());
  BOOST_TEST(cache.Find("a", 0));
}

// Through the server.

struct Shared {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  Client client = f.PairNewClient(c.token);
  std::string envelope = TestEnvelope(std::string(40000, 'e'));
  std::string id = f.Upload(client, envelope);

  void DownloadTwice() {
    for (int i = 0; i < 2; ++i) {
      Response r = f.Get("/v1/reports/" + id, c.token);
      BOOST_REQUIRE(r.status == 200);
      BOOST_TEST(r.body == envelope);
    }
    BOOST_TEST(f.envelope_cache().entries() == 1u);
  }
};

BOOST_AUTO_TEST_CASE(a_kept_envelope_is_served_byte_for_byte_and_audited_each_time) {
  Shared s;
  s.DownloadTwice();
  int downloads = 0;
  for (const auto& record : s.f.storage().ReadAudit()) {
    if (record.event.action == "download" && record.event.object == "report:" + s.id) ++downloads;
  }
  BOOST_TEST(downloads == 2);
}

BOOST_AUTO_TEST_CASE(withdrawal_drops_it_and_the_download_gets_404) {
  Shared s;
  s.DownloadTwice();
  BOOST_TEST(s.f.Delete("/v1/reports/" + s.id, s.client.credential).status == 204);
  BOOST_TEST(s.f.envelope_cache().entries() == 0u);
  BOOST_TEST(s.f.Get("/v1/reports/" + s.id, s.c.token).status == 404);
}

BOOST_AUTO_TEST_CASE(a_withdrawal_by_another_process_is_not_undone_by_memory) {
  Shared s;
  s.DownloadTwice();
  {
    // A second server process on the same database, as docs/server.md allows.
    auto other = server::OpenStorage(s.f.config(), 1);
    BOOST_REQUIRE(other.ok());
    BOOST_REQUIRE(
        (*other)
            ->WithdrawReport(s.client.client_id, s.id,
                             server::AuditEvent{kStartTime, "client:" + s.client.client_id,
                                                "withdraw", "report:" + s.id})
            .ok());
  }
  if (OnPostgres()) {
    // The other process's NOTIFY reaches this one's listener: the bytes go.
    for (int i = 0; i < 200 && s.f.envelope_cache().entries() != 0; ++i) ::usleep(10000);
    BOOST_TEST(s.f.envelope_cache().entries() == 0u);
  } else {
    // This process still holds the bytes (until the age bound), but its
    // query says no.
    BOOST_TEST(s.f.envelope_cache().entries() == 1u);
  }
  BOOST_TEST(s.f.Get("/v1/reports/" + s.id, s.c.token).status == 404);
}

// Issue #22: the database decides on every download, in the same read as
// the session, so another process's change is honoured by the very next
// request, before any notice of it could have arrived here.
BOOST_AUTO_TEST_CASE(another_process_withdrawal_link_end_or_logout_is_refused_at_once) {
  auto other_storage = [](Shared& s) {
    auto other = server::OpenStorage(s.f.config(), 1);
    BOOST_REQUIRE(other.ok());
    return std::move(*other);
  };
  auto event = [](const std::string& actor, const std::string& action,
                  const std::string& object) {
    return server::AuditEvent{kStartTime, actor, action, object};
  };
  {
    Shared s;
    s.DownloadTwice();
    auto other = other_storage(s);
    BOOST_REQUIRE(other->WithdrawReport(s.client.client_id, s.id,
                                        event("client:" + s.client.client_id, "withdraw",
                                              "report:" + s.id))
                      .ok());
    BOOST_TEST(s.f.Get("/v1/reports/" + s.id, s.c.token).status == 404);
  }
  {
    Shared s;
    s.DownloadTwice();
    auto other = other_storage(s);
    auto session = s.f.storage().FindSession(server::HashSecret("session", s.c.token));
    BOOST_REQUIRE(session.ok());
    BOOST_REQUIRE(other->EndLink(session->clinician_id, s.client.client_id,
                                 event("clinician:" + session->clinician_id, "end_link",
                                       "link:" + s.client.client_id))
                      .ok());
    BOOST_TEST(s.f.Get("/v1/reports/" + s.id, s.c.token).status == 404);
  }
  {
    Shared s;
    s.DownloadTwice();
    auto other = other_storage(s);
    const std::string hash = server::HashSecret("session", s.c.token);
    BOOST_REQUIRE(other->DeleteSession(hash, event("operator", "logout", "session")).ok());
    BOOST_TEST(s.f.Get("/v1/reports/" + s.id, s.c.token).status == 401);
  }
  {
    Shared s;
    s.DownloadTwice();
    auto other = other_storage(s);
    auto session = s.f.storage().FindSession(server::HashSecret("session", s.c.token));
    BOOST_REQUIRE(session.ok());
    BOOST_REQUIRE(other->SetClinicianDisabled(session->clinician_id, true,
                                              event("operator", "disable", "clinician"))
                      .ok());
    BOOST_TEST(s.f.Get("/v1/reports/" + s.id, s.c.token).status == 401);
  }
}

// A repeat download's audit record is not waited for (server/deferred_audit.h),
// but it is written, in the one chain; the first download is durable before
// its answer, so another process sees "delivered" at once.
BOOST_AUTO_TEST_CASE(repeat_downloads_are_audited_in_the_chain_the_first_one_at_once) {
  Shared s;
  Response first = s.f.Get("/v1/reports/" + s.id, s.c.token);
  BOOST_REQUIRE(first.status == 200);
  {
    auto other = server::OpenStorage(s.f.config(), 1);
    BOOST_REQUIRE(other.ok());
    auto receipts = (*other)->ListReceipts(s.client.client_id);
    BOOST_REQUIRE(receipts.size() == 1u);
    BOOST_TEST(receipts[0].downloaded_at != 0);
  }
  constexpr int kRepeats = 40;
  for (int i = 0; i < kRepeats; ++i) {
    BOOST_REQUIRE(s.f.Get("/v1/reports/" + s.id, s.c.token).status == 200);
  }
  const auto records = s.f.storage().ReadAudit();
  BOOST_TEST(server::VerifyAuditChain(records, s.f.storage().AuditHead()).ok());
  int downloads = 0;
  for (const auto& record : records) {
    if (record.event.action == "download" && record.event.object == "report:" + s.id) ++downloads;
  }
  BOOST_TEST(downloads == kRepeats + 1);
}

BOOST_AUTO_TEST_CASE(ending_the_link_and_expiry_drop_it) {
  {
    Shared s;
    s.DownloadTwice();
    BOOST_TEST(s.f.Delete("/v1/links/" + s.client.client_id, s.c.token).status == 204);
    BOOST_TEST(s.f.envelope_cache().entries() == 0u);
    BOOST_TEST(s.f.Get("/v1/reports/" + s.id, s.c.token).status == 404);
  }
  {
    Shared s;
    s.DownloadTwice();
    s.f.clock().Advance(31 * 86400);
    BOOST_TEST(s.f.server().services().reports.PurgeExpired() == 1);
    BOOST_TEST(s.f.envelope_cache().entries() == 0u);
    const std::string token = s.f.Login(s.c.email, s.c.password);  // the old session ended
    BOOST_TEST(s.f.Get("/v1/reports/" + s.id, token).status == 404);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
