// Bad input and attacks: each gets a clear 4xx, the server stays up, and
// nothing stored is lost or changed.
#include <boost/test/unit_test.hpp>

#include <Poco/URI.h>

#include "server_fixture.h"

namespace fieldnotes::testing {
namespace {

// A server with one clinician, keys, one paired client and one report.
struct Populated {
  Populated() {
    clinician = f.AddClinician("dr.a@example.org");
    client = f.PairNewClient(clinician.token);
    report = f.Upload(client, TestEnvelope("SEALED-ENVELOPE"));
    (void)f.Get("/v1/reports/" + report, clinician.token);  // delivered
    before = f.StoredState();
  }
  // After an attack: up, and nothing stored changed.
  void CheckIntact() {
    BOOST_TEST(f.Get("/v1/health").status == 200);
    BOOST_TEST(f.StoredState() == before);
  }
  ServerFixture f;
  Clinician clinician;
  Client client;
  std::string report;
  std::string before;
};

BOOST_AUTO_TEST_SUITE(attacks)

BOOST_AUTO_TEST_CASE(malformed_json_wrong_types_missing_fields_bad_utf8) {
  Populated p;
  const std::vector<std::string> bodies = {
      "",
      "{",
      "not json",
      "[]",
      "null",
      "{\"email\": \"a@b.c\", \"password\": \"x\",}",
      "{\"email\": \"a@b.c\"}",
      "{\"password\": \"a long enough passphrase 1\"}",
      "{\"email\": 5, \"password\": \"a long enough passphrase 1\"}",
      "{\"email\": \"dr.a@example.org\", \"password\": [\"a\"]}",
      "{\"email\": \"dr.a@example.org\", \"password\": null}",
      "{\"email\": \"dr.a@example.org\", \"email\": \"x@y.z\", \"password\": \"p\"}",
      "{\"email\": \"dr.a@\xC3\x28xample.org\", \"password\": \"a long enough passphrase 1\"}",
      "{\"email\": \"dr.a@example.org\", \"password\": \"\xED\xA0\x80\"}",
      "{\"email\": \"dr.a@example.org\", \"password\": \"\\ud800\"}",
      std::string("{\"email\": \"a\0b\", \"password\": \"p\"}", 33),
  };
  for (const std::string& body : bodies) {
    Response r = p.f.Post("/v1/login", body);
    BOOST_TEST(r.status == 400, "login with " << body << " -> " << r.status);
    BOOST_TEST(r.Error() == "bad_request");
  }
  for (const std::string& body :
       {std::string("{"), std::string("{\"code\": 12345}"), std::string("{}"),
        std::string("{\"code\": \"\xFF\"}"), PairBody("ABCDE-FGHJK", "not-a-key"),
        PairBody("ABCDE-FGHJK", std::string(64, 'A')), JsonBody({{"code", "ABCDE-FGHJK"}})}) {
    BOOST_TEST(p.f.Post("/v1/pair", body).status == 400);
  }
  for (const std::string& body :
       {std::string("{"), std::string("{\"x25519\": 1, \"ed25519\": 2}"), std::string("{}")}) {
    BOOST_TEST(p.f.Call(Request{"PUT", "/v1/keys", body, p.clinician.token, "application/json", {}})
                   .status == 400);
  }
  BOOST_TEST(p.f.Post("/v1/password", "{\"current_password\": 1}", p.clinician.token).status ==
             400);
  p.CheckIntact();
}

BOOST_AUTO_TEST_CASE(unknown_routes_and_wrong_methods) {
  Populated p;
  for (const std::string& path : std::vector<std::string>{
           "/", "/v1", "/v1/", "/v2/health", "/v1/entries", "/v1/journal", "/v1/health/",
           "/V1/HEALTH", "/v1/reports/" + p.report + "/opened/x", "/v1/links/x/y", "/index.html"}) {
    Response r = p.f.Get(path, p.clinician.token);
    BOOST_TEST(r.status == 404, path << " -> " << r.status);
    BOOST_TEST(r.Error() == "not_found");
    BOOST_TEST(p.f.Post(path, "{}", p.clinician.token).status == 404);
  }
  struct Case {
    std::string method, path, allow;
  };
  const std::vector<Case> cases = {
      {"DELETE", "/v1/health", "GET"},
      {"GET", "/v1/login", "POST"},
      {"PUT", "/v1/logout", "POST"},
      {"GET", "/v1/password", "POST"},
      {"POST", "/v1/keys", "GET, PUT"},
      {"GET", "/v1/invites", "POST"},
      {"GET", "/v1/pair", "POST"},
      {"POST", "/v1/links", "GET"},
      {"GET", "/v1/links/" + p.client.client_id, "DELETE"},
      {"POST", "/v1/link", "GET, DELETE"},
      {"PUT", "/v1/reports", "GET, POST"},
      {"POST", "/v1/reports/" + p.report, "GET, DELETE"},
      {"GET", "/v1/reports/" + p.report + "/opened", "POST"},
      {"POST", "/v1/receipts", "GET"},
      {"TRACE", "/v1/health", "GET"},
  };
  for (const Case& c : cases) {
    Response r = p.f.Call(Request{c.method, c.path, "", p.clinician.token, "application/json", {}});
    BOOST_TEST(r.status == 405, c.method << " " << c.path << " -> " << r.status);
    BOOST_TEST(r.headers["Allow"] == c.allow);
  }
  p.CheckIntact();
}

BOOST_AUTO_TEST_CASE(path_tricks_in_ids) {
  Populated p;
  const std::string& id = p.report;
  std::string upper = id;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(ch));
  for (const std::string& path : std::vector<std::string>{
           "/v1/reports/../keys",
           "/v1/reports/..%2Fkeys",
           "/v1/reports/%2e%2e%2fkeys",
           "/v1/reports/" + id + "%00",
           "/v1/reports/" + id + "/",
           "/v1/reports/" + upper,
           "/v1/reports/" + id.substr(1),
           "/v1/reports/" + id + "0",
           "/v1/reports//opened",
           "/v1/reports/./" + id,
           "/v1/reports/" + id + "/../../keys",
           "/v1/links/../../etc/passwd",
           "/v1/reports/%30" + id.substr(1),
       }) {
    Response r = p.f.Get(path, p.clinician.token);
    BOOST_TEST(r.status == 404, path << " -> " << r.status);
    BOOST_TEST(p.f.Delete(path, p.client.credential).status != 204);
  }
  // The real one still works, with a query string ignored.
  BOOST_TEST(p.f.Get("/v1/reports/" + id + "?x=1", p.clinician.token).status == 200);
  p.CheckIntact();
}

BOOST_AUTO_TEST_CASE(sql_metacharacters_are_just_data) {
  Populated p;
  for (const std::string& evil :
       {std::string("' OR '1'='1"), std::string("dr.a@example.org' --"),
        std::string("x@y.z'; DROP TABLE clinicians; --"),
        std::string("\"; DELETE FROM reports; --"), std::string("%' OR email LIKE '%")}) {
    BOOST_TEST(p.f.Post("/v1/login", JsonBody({{"email", evil}, {"password", evil}})).status ==
               401);
    BOOST_TEST(p.f.Post("/v1/pair", PairBody(evil)).status == 404);
    std::string encoded;
    Poco::URI::encode(evil, "/?#", encoded);
    BOOST_TEST(p.f.Get("/v1/reports/" + encoded, p.clinician.token).status == 404);
    BOOST_TEST(
        p.f.Call(Request{"GET", "/v1/keys", "", "", "", {{"Authorization", "Bearer " + evil}}})
            .status == 401);
    p.f.clock().Advance(61);  // keep clear of the login throttle
  }
  BOOST_TEST(p.f.Post("/v1/login",
                      JsonBody({{"email", p.clinician.email}, {"password", p.clinician.password}}))
                 .status == 200);
  p.CheckIntact();
}

BOOST_AUTO_TEST_CASE(forged_expired_and_misused_tokens_get_401) {
  Populated p;
  const std::string forged(64, 'a');
  for (const std::string& header :
       {std::string(""), std::string("Bearer"), std::string("Bearer "), std::string("Basic abc"),
        std::string("Bearer ") + forged, std::string("Bearer ") + p.clinician.token + "0",
        std::string("bearer ") + p.clinician.token, std::string("Bearer ") + p.client.credential}) {
    Request r{"GET", "/v1/reports", "", "", "", {}};
    if (!header.empty()) r.headers["Authorization"] = header;
    Response res = p.f.Call(r);
    BOOST_TEST(res.status == 401, header << " -> " << res.status);
    BOOST_TEST(res.headers["WWW-Authenticate"] == "Bearer");
  }
  // A clinician token is no device credential.
  BOOST_TEST(p.f.Get("/v1/receipts", p.clinician.token).status == 401);
  BOOST_TEST(p.f.Get("/v1/receipts", forged).status == 401);
  // Expired.
  p.f.clock().Advance(p.f.config().session_idle_seconds);
  BOOST_TEST(p.f.Get("/v1/reports", p.clinician.token).status == 401);
  p.CheckIntact();
}

BOOST_AUTO_TEST_CASE(used_and_expired_invites) {
  Populated p;
  const std::string token = p.f.Login(p.clinician.email, p.clinician.password);
  const std::string used = p.f.Invite(token);
  p.f.Pair(used);
  const std::string expiring = p.f.Invite(token);
  p.before = p.f.StoredState();
  BOOST_TEST(p.f.Post("/v1/pair", PairBody(used)).status == 404);
  p.f.clock().Advance(24 * 3600 + 1);
  BOOST_TEST(p.f.Post("/v1/pair", PairBody(expiring)).status == 404);
  p.CheckIntact();
}

BOOST_AUTO_TEST_CASE(garbage_on_the_wire) {
  Populated p;
  for (const std::string& raw :
       {std::string("GARBAGE\r\n\r\n"), std::string("GET /v1/health HTTP/9.9\r\n\r\n"),
        std::string("GET /v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"),
        std::string("POST /v1/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    "zz\r\nabc\r\n0\r\n\r\n"),
        std::string("GET /v1/health HTTP/1.1\r\n") + std::string(100000, 'H') + "\r\n\r\n",
        std::string(70000, '\0')}) {
    const std::string answer = p.f.RawExchange(raw, 2000);
    BOOST_TEST((answer.empty() || answer.rfind("HTTP/1.", 0) == 0), answer.substr(0, 60));
    BOOST_TEST(answer.find("HTTP/1.1 5") == std::string::npos, answer.substr(0, 40));
  }
  // A client that stops mid-body.
  p.f.RawExchange("POST /v1/login HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"em", 500);
  p.CheckIntact();
}

BOOST_AUTO_TEST_CASE(ambiguous_framing_is_refused_and_the_connection_closed) {
  Populated p;
  // Each shape is followed, on the same connection, by a request a proxy
  // might think is the next one: it must never be answered.
  const std::string next = "GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string login = "POST /v1/login HTTP/1.1\r\nHost: x\r\n";
  for (const std::string& shape : {
           login + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
           login + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
           login + "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n",
           login + "Transfer-Encoding: identity\r\n\r\n",
           login + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
           login + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}x",
           login + "Content-Length: 2x\r\n\r\n{}",
           login + "Content-Length: +2\r\n\r\n{}",
           login + "Content-Length: 99999999999999999999999\r\n\r\n{}",
           login + "Transfer-Encoding: chunked\r\n\r\n-1\r\n{}\r\n0\r\n\r\n",
           login + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n{}\r\n0\r\n\r\n",
       }) {
    const std::string answer = p.f.RawExchange(shape + next, 3000);
    BOOST_TEST(answer.rfind("HTTP/1.1 400 Bad Request\r\n", 0) == 0, shape << "\n->\n" << answer);
    BOOST_TEST(answer.find("HTTP/1.1 200") == std::string::npos, shape);
    BOOST_TEST(answer.find("100 Continue") == std::string::npos, shape);
  }
  // The same length twice is one length.
  const std::string same = p.f.RawExchange(
      login + "Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 2\r\n"
              "Connection: close\r\n\r\n{}", 3000);
  BOOST_TEST(same.rfind("HTTP/1.1 400 Bad Request\r\n", 0) == 0, same);  // {} is not a login
  BOOST_TEST(same.find("\"bad_request\"") != std::string::npos, same);    // but it was read
  p.CheckIntact();
}

BOOST_AUTO_TEST_CASE(every_status_line_has_its_own_reason_and_no_early_continue) {
  Populated p;
  const std::string unauthorised =
      p.f.RawExchange("GET /v1/receipts HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 3000);
  BOOST_TEST(unauthorised.rfind("HTTP/1.1 401 Unauthorized\r\n", 0) == 0, unauthorised);
  const std::string missing =
      p.f.RawExchange("GET /v1/nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 3000);
  BOOST_TEST(missing.rfind("HTTP/1.1 404 Not Found\r\n", 0) == 0, missing);
  const std::string health =
      p.f.RawExchange("GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 3000);
  BOOST_TEST(health.rfind("HTTP/1.1 200 OK\r\n", 0) == 0, health);
  // An upload with a forged credential never hears "go ahead".
  const std::string refused = p.f.RawExchange(
      "POST /v1/reports HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer forged\r\n"
      "Fieldnotes-Period-End: 2026-11-01\r\nContent-Type: application/octet-stream\r\n"
      "Content-Length: 100000\r\nExpect: 100-continue\r\n\r\n",
      3000);
  BOOST_TEST(refused.find("100 Continue") == std::string::npos, refused);
  BOOST_TEST(refused.rfind("HTTP/1.1 401 Unauthorized\r\n", 0) == 0, refused);
  p.CheckIntact();
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
