// Reports: upload, delivery, receipts, withdrawal, expiry, quota, size limits.
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <thread>

#include "server_fixture.h"
#include "sync/messages.h"

namespace fieldnotes::testing {
namespace {

void SmallLimits(server::ServerConfig& c) {
  c.max_envelope_bytes = 64 * 1024;
  c.link_quota_reports = 2;
  c.link_quota_bytes = 100 * 1024;
}

std::vector<sync::Receipt> Receipts(ServerFixture& f, const Client& client) {
  auto receipts = sync::ListFromJson<sync::Receipt>(f.Get("/v1/receipts", client.credential).Json(),
                                                    "receipts");
  BOOST_REQUIRE(receipts.ok());
  return *receipts;
}

std::string UploadHead(const Client& client, const std::string& length_header) {
  return "POST /v1/reports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
         client.credential + "\r\nFieldnotes-Period-End: 2026-11-01\r\n" + length_header +
         "Content-Type: application/octet-stream\r\n\r\n";
}

BOOST_AUTO_TEST_SUITE(reports)

BOOST_AUTO_TEST_CASE(a_report_travels_and_its_receipts_follow) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  Client client = f.PairNewClient(c.token);
  std::string content(5000, '\0');
  for (size_t i = 0; i < content.size(); ++i) content[i] = static_cast<char>(i * 7);
  const std::string envelope = TestEnvelope(content);
  const std::string id = f.Upload(client, envelope);
  BOOST_TEST(Receipts(f, client)[0].state == "pending");

  auto list = sync::ListFromJson<sync::ReportInfo>(f.Get("/v1/reports", c.token).Json(), "reports");
  BOOST_REQUIRE(list.ok());
  BOOST_REQUIRE(list->size() == 1u);
  BOOST_TEST((*list)[0].report_id == id);
  BOOST_TEST((*list)[0].client_id == client.client_id);
  BOOST_TEST((*list)[0].period_end == "2026-11-01");
  BOOST_TEST((*list)[0].size == static_cast<int64_t>(envelope.size()));

  Response download = f.Get("/v1/reports/" + id, c.token);
  BOOST_TEST(download.status == 200);
  BOOST_TEST(download.body == envelope);
  BOOST_TEST(download.headers["Fieldnotes-Sha256"] == (*list)[0].sha256);
  BOOST_TEST(download.headers["Content-Type"] == "application/octet-stream");
  BOOST_TEST(Receipts(f, client)[0].state == "delivered");

  BOOST_TEST(f.Post("/v1/reports/" + id + "/opened", "", c.token).status == 204);
  BOOST_TEST(f.Post("/v1/reports/" + id + "/opened", "", c.token).status == 204);  // idempotent
  auto receipt = Receipts(f, client)[0];
  BOOST_TEST(receipt.state == "opened");
  BOOST_TEST(receipt.opened_at.has_value());
  BOOST_TEST(*receipt.opened_at == kStartTime);
}

BOOST_AUTO_TEST_CASE(a_withdrawn_report_is_gone_at_once) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  Client client = f.PairNewClient(c.token);
  const std::string marker = "WITHDRAW-ME-" + std::string(3000, 'q');
  const std::string id = f.Upload(client, TestEnvelope(marker));
  f.storage().Checkpoint();
  BOOST_REQUIRE(f.DatabaseFileBytes().find("WITHDRAW-ME-") != std::string::npos);

  BOOST_TEST(f.Delete("/v1/reports/" + id, client.credential).status == 204);
  BOOST_TEST(f.Get("/v1/reports/" + id, c.token).status == 404);
  BOOST_TEST(f.Delete("/v1/reports/" + id, client.credential).status == 404);
  BOOST_TEST(Receipts(f, client)[0].state == "withdrawn");
  const std::string file = f.DatabaseFileBytes();
  BOOST_TEST(file.find("WITHDRAW-ME-") == std::string::npos);
  BOOST_TEST(file.find(std::string(200, 'q')) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_servers_own_timer_purges_expired_reports) {
  ServerFixture f([](server::ServerConfig& c) { c.purge_interval_seconds = 1; });
  Clinician c = f.AddClinician("dr.t@example.org");
  Client client = f.PairNewClient(c.token);
  Request request{"POST",
                  "/v1/reports",
                  TestEnvelope("TIMER-PURGED-ENVELOPE"),
                  client.credential,
                  "application/octet-stream",
                  {}};
  request.headers["Fieldnotes-Period-End"] = "2026-11-01";
  request.headers["Fieldnotes-Expires-At"] = sync::FormatTime(kStartTime + 3600);
  BOOST_REQUIRE(f.Call(request).status == 201);
  // Nothing is due yet: a few ticks of the timer change nothing.
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  BOOST_TEST(Receipts(f, client)[0].state == "pending");
  f.clock().Advance(3600);
  std::string state;
  for (int i = 0; i < 100 && state != "expired"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    state = Receipts(f, client)[0].state;
  }
  BOOST_TEST(state == "expired");
  // The receipt turns "expired" inside the purge, before the purge's own
  // checkpoint has moved the deletion into the database file: wait for it
  // (a purge that never reaches the file still fails here).
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {
    gone = f.DatabaseFileBytes().find("TIMER-PURGED-ENVELOPE") == std::string::npos;
    if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  BOOST_TEST(gone);
}

BOOST_AUTO_TEST_CASE(expired_reports_are_purged) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  Client client = f.PairNewClient(c.token);
  Request request{"POST",
                  "/v1/reports",
                  TestEnvelope("EXPIRING-ENVELOPE-BYTES"),
                  client.credential,
                  "application/octet-stream",
                  {}};
  request.headers["Fieldnotes-Period-End"] = "2026-11-01";
  request.headers["Fieldnotes-Expires-At"] = sync::FormatTime(kStartTime + 2 * 86400);
  BOOST_REQUIRE(f.Call(request).status == 201);
  const std::string keeps = f.Upload(client, TestEnvelope("LONGER-LIVED-ENVELOPE"));

  f.clock().Advance(2 * 86400 - 1);
  BOOST_TEST(f.server().services().reports.PurgeExpired() == 0);
  f.clock().Advance(1);
  BOOST_TEST(f.server().services().reports.PurgeExpired() == 1);
  auto receipts = Receipts(f, client);
  BOOST_REQUIRE(receipts.size() == 2u);
  int expired = 0;
  for (const auto& r : receipts) expired += r.state == "expired";
  BOOST_TEST(expired == 1);
  const std::string token = f.Login(c.email, c.password);
  auto list = sync::ListFromJson<sync::ReportInfo>(f.Get("/v1/reports", token).Json(), "reports");
  BOOST_REQUIRE(list->size() == 1u);
  BOOST_TEST((*list)[0].report_id == keeps);
  BOOST_TEST(f.DatabaseFileBytes().find("EXPIRING-ENVELOPE") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(upload_metadata_is_checked) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  Client client = f.PairNewClient(c.token);
  const std::string before = f.StoredState();
  auto upload = [&](std::map<std::string, std::string> headers, const std::string& body) {
    return f.Call(Request{"POST", "/v1/reports", body, client.credential,
                          "application/octet-stream", std::move(headers)});
  };
  const std::string x = TestEnvelope("x");
  BOOST_TEST(upload({}, x).status == 400);
  BOOST_TEST(upload({{"Fieldnotes-Period-End", "2026-02-30"}}, x).status == 400);
  BOOST_TEST(upload({{"Fieldnotes-Period-End", "yesterday"}}, x).status == 400);
  BOOST_TEST(upload({{"Fieldnotes-Period-End", "2026-11-01"}}, "").status == 400);
  BOOST_TEST(upload({{"Fieldnotes-Period-End", "2026-11-01"},
                     {"Fieldnotes-Expires-At", sync::FormatTime(kStartTime - 1)}},
                    x)
                 .status == 400);
  BOOST_TEST(upload({{"Fieldnotes-Period-End", "2026-11-01"},
                     {"Fieldnotes-Expires-At", sync::FormatTime(kStartTime + 91 * 86400)}},
                    x)
                 .status == 400);
  BOOST_TEST(
      upload({{"Fieldnotes-Period-End", "2026-11-01"}, {"Fieldnotes-Sha256", std::string(64, '0')}},
             x)
          .status == 400);
  BOOST_TEST(f.StoredState() == before);
}

BOOST_AUTO_TEST_CASE(only_envelopes_signed_by_the_links_own_key_are_taken) {
  ServerFixture f;
  Clinician c = f.AddClinician("dr.a@example.org");
  Client client = f.PairNewClient(c.token);
  const std::string other_key(64, 'e');
  Client other = f.Pair(f.Invite(c.token), other_key);
  const std::string before = f.StoredState();
  auto upload = [&](const Client& from, const std::string& body) {
    return f.Call(Request{"POST",
                          "/v1/reports",
                          body,
                          from.credential,
                          "application/octet-stream",
                          {{"Fieldnotes-Period-End", "2026-11-01"}}});
  };
  auto message = [](const Response& r) {
    const core::json::Value json = r.Json();
    const auto* m = json.as_object().Find("message");
    return m != nullptr && m->is_string() ? m->as_string() : std::string();
  };

  // Another client's key, in both directions: refused, saying why.
  for (const auto& [from, key] : {std::pair<Client, std::string>{client, other_key},
                                  std::pair<Client, std::string>{other, kTestClientKey}}) {
    Response r = upload(from, TestEnvelope("PASSED-OFF", key));
    BOOST_TEST(r.status == 400);
    BOOST_TEST(r.Error() == "bad_request");
    BOOST_TEST(message(r).find("sender key") != std::string::npos, message(r));
  }
  // Bodies that are not envelopes: no header, a header cut short, another
  // magic, an unknown version, set flags, a length that is not a bucket,
  // bytes missing or left over.
  const std::string good = TestEnvelope("FORM");
  std::vector<std::string> bad = {"not an envelope", good.substr(0, 100),
                                  good.substr(0, good.size() - 1), good + "!"};
  for (size_t offset : {size_t{0}, size_t{4}, size_t{5}, size_t{7}, size_t{141}}) {
    std::string edited = good;
    edited[offset] = static_cast<char>(edited[offset] ^ 0x01);
    bad.push_back(edited);
  }
  for (const std::string& body : bad) {
    Response r = upload(client, body);
    BOOST_TEST(r.status == 400);
    BOOST_TEST(message(r).find("not a report envelope") == 0u, message(r));
  }
  BOOST_TEST(f.StoredState() == before);

  // Each link's own key: taken.
  BOOST_TEST(upload(client, TestEnvelope("OWN", kTestClientKey)).status == 201);
  BOOST_TEST(upload(other, TestEnvelope("OWN", other_key)).status == 201);
}

BOOST_AUTO_TEST_CASE(the_link_quota_holds) {
  ServerFixture f(SmallLimits);
  Clinician c = f.AddClinician("dr.a@example.org");
  Client client = f.PairNewClient(c.token);
  const std::string first = f.Upload(client, TestEnvelope(std::string(1000, 'a')));
  f.Upload(client, TestEnvelope(std::string(1000, 'b')));
  Request third{"POST",
                "/v1/reports",
                TestEnvelope(std::string(1000, 'c')),
                client.credential,
                "application/octet-stream",
                {{"Fieldnotes-Period-End", "2026-11-01"}}};
  Response over = f.Call(third);
  BOOST_TEST(over.status == 409);
  BOOST_TEST(over.Error() == "quota_exceeded");
  BOOST_TEST(f.Delete("/v1/reports/" + first, client.credential).status == 204);
  BOOST_TEST(f.Call(third).status == 201);
}

BOOST_AUTO_TEST_CASE(oversized_bodies_get_413) {
  ServerFixture f(SmallLimits);
  Clinician c = f.AddClinician("dr.a@example.org");
  Client client = f.PairNewClient(c.token);
  const std::string before = f.StoredState();

  // An honest Content-Length over the limit, body sent in full.
  Request big{"POST",
              "/v1/reports",
              std::string(65 * 1024, 'x'),
              client.credential,
              "application/octet-stream",
              {{"Fieldnotes-Period-End", "2026-11-01"}}};
  Response r = f.Call(big);
  BOOST_TEST(r.status == 413);
  BOOST_TEST(r.Error() == "payload_too_large");

  // A huge Content-Length is refused from the headers alone, before any byte.
  std::string answer = f.RawExchange(UploadHead(client, "Content-Length: 50000000000\r\n"));
  BOOST_TEST(answer.rfind("HTTP/1.1 413", 0) == 0);

  // Chunked: cut off at the first chunk past the limit, no final chunk sent.
  std::string chunked = UploadHead(client, "Transfer-Encoding: chunked\r\n");
  for (int i = 0; i < 5; ++i) chunked += "4000\r\n" + std::string(0x4000, 'y') + "\r\n";
  answer = f.RawExchange(chunked);
  BOOST_TEST(answer.rfind("HTTP/1.1 413", 0) == 0);

  // A Content-Length that lies low: only that many bytes are the body; the
  // rest is not a request and gets 400, and the connection closes.
  const std::string envelope = TestEnvelope("LYING-LENGTH");
  std::string lying =
      UploadHead(client, "Content-Length: " + std::to_string(envelope.size()) + "\r\n") + envelope +
      std::string(200 * 1024, 'z');
  answer = f.RawExchange(lying);
  BOOST_TEST(answer.rfind("HTTP/1.1 201", 0) == 0);
  BOOST_TEST(answer.find("HTTP/1.1 400") != std::string::npos);
  auto receipts = Receipts(f, client);
  BOOST_REQUIRE(receipts.size() == 1u);

  // A JSON body over 16 KiB.
  Response json = f.Post("/v1/login", "{\"email\":\"" + std::string(20000, 'a') + "\"}");
  BOOST_TEST(json.status == 413);
  BOOST_TEST(f.Get("/v1/health").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
