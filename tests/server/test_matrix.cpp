// Two clinicians, two clients each, every endpoint: no access across the
// lines, and "not yours" is indistinguishable from "does not exist".
#include <boost/test/unit_test.hpp>

#include "server/secrets.h"
#include "server_fixture.h"
#include "sync/messages.h"

namespace fieldnotes::testing {
namespace {

struct Practice {
  Clinician clinician;
  Client clients[2];
  std::string reports[2];
};

BOOST_AUTO_TEST_CASE(two_clinicians_two_clients_every_endpoint) {
  ServerFixture f;
  Practice practices[2];
  for (int p = 0; p < 2; ++p) {
    practices[p].clinician = f.AddClinician("dr." + std::to_string(p) + "@example.org");
    for (int c = 0; c < 2; ++c) {
      practices[p].clients[c] = f.PairNewClient(practices[p].clinician.token);
      practices[p].reports[c] =
          f.Upload(practices[p].clients[c],
                   TestEnvelope("ENVELOPE-" + std::to_string(p) + std::to_string(c)));
    }
  }
  const std::string before = f.StoredState();
  const std::string nonexistent = server::NewId();
  const Response not_found = f.Get("/v1/reports/" + nonexistent, practices[0].clinician.token);
  BOOST_REQUIRE(not_found.status == 404);
  int checks = 0;

  for (int p = 0; p < 2; ++p) {
    const Practice& mine = practices[p];
    const Practice& other = practices[1 - p];
    const std::string& token = mine.clinician.token;

    // A clinician sees exactly their own links and reports.
    auto links = sync::ListFromJson<sync::LinkSummary>(f.Get("/v1/links", token).Json(), "links");
    auto reports =
        sync::ListFromJson<sync::ReportInfo>(f.Get("/v1/reports", token).Json(), "reports");
    BOOST_REQUIRE(links.ok() && reports.ok());
    BOOST_TEST(links->size() == 2u);
    BOOST_TEST(reports->size() == 2u);
    for (const auto& l : *links) {
      BOOST_TEST(
          (l.client_id == mine.clients[0].client_id || l.client_id == mine.clients[1].client_id));
    }
    for (const auto& r : *reports) {
      BOOST_TEST((r.report_id == mine.reports[0] || r.report_id == mine.reports[1]));
    }

    for (int c = 0; c < 2; ++c) {
      // The other clinician's objects: 404, with the body of "no such thing".
      const std::string& theirs = other.reports[c];
      for (const Response& r : {f.Get("/v1/reports/" + theirs, token),
                                f.Post("/v1/reports/" + theirs + "/opened", "", token),
                                f.Delete("/v1/links/" + other.clients[c].client_id, token)}) {
        BOOST_TEST(r.status == 404);
        BOOST_TEST(r.body == not_found.body);
        ++checks;
      }
      // A clinician's token on every client endpoint: 401.
      for (const Response& r :
           {f.Get("/v1/receipts", token), f.Get("/v1/link", token), f.Delete("/v1/link", token),
            f.Delete("/v1/reports/" + mine.reports[c], token),
            f.Call(Request{"POST",
                           "/v1/reports",
                           "x",
                           token,
                           "application/octet-stream",
                           {{"Fieldnotes-Period-End", "2026-11-01"}}})}) {
        BOOST_TEST(r.status == 401);
        ++checks;
      }

      const Client& client = mine.clients[c];
      // A client's credential on every clinician endpoint, even for its own
      // report and link: 401.
      for (const Response& r :
           {f.Get("/v1/reports", client.credential),
            f.Get("/v1/reports/" + mine.reports[c], client.credential),
            f.Post("/v1/reports/" + mine.reports[c] + "/opened", "", client.credential),
            f.Get("/v1/links", client.credential),
            f.Delete("/v1/links/" + client.client_id, client.credential),
            f.Post("/v1/invites", "", client.credential), f.Get("/v1/keys", client.credential),
            f.Call(Request{
                "PUT",
                "/v1/keys",
                JsonBody({{"x25519", std::string(64, '1')}, {"ed25519", std::string(64, '2')}}),
                client.credential,
                "application/json",
                {}}),
            f.Post("/v1/logout", "", client.credential),
            f.Post("/v1/password", JsonBody({{"current_password", "x"}, {"new_password", "y"}}),
                   client.credential)}) {
        BOOST_TEST(r.status == 401);
        ++checks;
      }
      // Another client's reports, in the same practice or the other: 404.
      for (const std::string& foreign : {mine.reports[1 - c], other.reports[0], other.reports[1]}) {
        Response r = f.Delete("/v1/reports/" + foreign, client.credential);
        BOOST_TEST(r.status == 404);
        BOOST_TEST(r.body == not_found.body);
        ++checks;
      }
      // A client sees only its own receipts and link.
      auto receipts = sync::ListFromJson<sync::Receipt>(
          f.Get("/v1/receipts", client.credential).Json(), "receipts");
      BOOST_REQUIRE(receipts.ok());
      BOOST_REQUIRE(receipts->size() == 1u);
      BOOST_TEST((*receipts)[0].report_id == mine.reports[c]);
      auto link = sync::LinkInfo::FromJson(f.Get("/v1/link", client.credential).Json());
      BOOST_TEST(link->client_id == client.client_id);
    }
  }
  BOOST_TEST(checks == 2 * 2 * (3 + 5 + 10 + 3));
  BOOST_TEST(f.StoredState() == before);
  // And each owner still has everything.
  for (int p = 0; p < 2; ++p) {
    for (int c = 0; c < 2; ++c) {
      Response r = f.Get("/v1/reports/" + practices[p].reports[c], practices[p].clinician.token);
      BOOST_TEST(r.status == 200);
      BOOST_TEST(r.body == TestEnvelope("ENVELOPE-" + std::to_string(p) + std::to_string(c)));
    }
  }
}

}  // namespace
}  // namespace fieldnotes::testing
