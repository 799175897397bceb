// Sharing a kept report at the engine's level (engine/sharing.h), against a
// real fieldnotes-server process on 127.0.0.1 (port 0) over HTTPS: link,
// refused until verified, consent → sealed envelope → upload, the receipt,
// withdrawal (the server deletes it), and what the journal knows without
// asking.
#ifdef FIELDNOTES_SERVER_BIN

#include <string>

#include <boost/test/unit_test.hpp>

#include "client_ui/server_process.h"
#include "core/envelope.h"
#include "core/key_file.h"
#include "engine/settings.h"
#include "engine/sharing.h"
#include "engine/weekly_report.h"
#include "engine_fixture.h"
#include "reports/report_store.h"

namespace fieldnotes::testing {
namespace {

// The fixture's journal with its weekly report kept.
reports::StoredReport KeepOne(const EngineFixture& f, core::Journal& journal) {
  auto snapshot = client::TakeSnapshot(journal);
  BOOST_REQUIRE_MESSAGE(snapshot.ok(), snapshot.status().ToString());
  auto made = client::MakeReport(*snapshot, {}, f.now);
  BOOST_REQUIRE_MESSAGE(made.ok(), made.status().ToString());
  auto kept = client::KeepReport(journal, *made, f.now);
  BOOST_REQUIRE_MESSAGE(kept.ok(), kept.status().ToString());
  auto stored = client::FindKeptReport(journal, kept->id.substr(0, 8));  // a prefix finds it
  BOOST_REQUIRE_MESSAGE(stored.ok(), stored.status().ToString());
  BOOST_TEST(stored->id == kept->id);
  BOOST_TEST(stored->pdf == kept->pdf);
  return std::move(stored).value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sharing_flow)

BOOST_FIXTURE_TEST_CASE(link_share_receipt_withdraw, EngineFixture) {
  MakeJournal();
  ServerProcess server(dir.File("server"));
  const core::Clock& clock = core::SystemClock::Instance();
  auto journal = Open();
  const reports::StoredReport report = KeepOne(*this, *journal);

  auto linked = client::LinkTherapist(
      *journal, sync::LinkRequest{server.url(), server.Invite(), server.ca(), "Dr Rivera"}, clock);
  BOOST_REQUIRE_MESSAGE(linked.ok(), linked.status().ToString());
  BOOST_TEST(linked->safety_number.size() == 60u);
  BOOST_TEST((client::WhyNotShare(linked->link) == client::ShareBlock::kNotVerified));

  // Not verified: refused, nothing recorded, nothing on the server.
  const int64_t expires = client::ExpiryAfterDays(clock, 7);
  auto early = client::ShareKeptReport(*journal, linked->link, report, expires, clock);
  BOOST_TEST((early.status().code() == core::Status::Code::kRefused));
  BOOST_TEST(server.connection().ListReports(server.token()).value().empty());
  BOOST_TEST(sync::ListConsents(*journal).value().empty());

  auto verified = client::VerifyTherapist(*journal, linked->link, clock);
  BOOST_REQUIRE_MESSAGE(verified.ok(), verified.status().ToString());
  BOOST_TEST((client::WhyNotShare(verified->link) == client::ShareBlock::kNone));
  auto found = client::FindTherapist(*journal, verified->link.id.substr(0, 8));
  BOOST_REQUIRE(found.ok());
  BOOST_TEST(client::SafetyNumberOf(*journal, *found).value() == linked->safety_number);

  // What the consent shows is what leaves.
  const client::ShareSummary summary = client::SummarizeShare(report);
  BOOST_TEST(summary.title == report.content.title);
  BOOST_TEST(summary.bytes == report.pdf.size());
  BOOST_TEST(summary.pages == report.pages);
  BOOST_TEST(summary.sha256 == reports::PdfSha256(report.pdf));
  BOOST_TEST(summary.sections.size() == report.content.sections.size());

  auto consent = client::ShareKeptReport(*journal, *found, report, expires, clock);
  BOOST_REQUIRE_MESSAGE(consent.ok(), consent.status().ToString());
  BOOST_TEST(consent->report_id == report.id);
  BOOST_TEST(consent->sha256 == summary.sha256);
  BOOST_TEST(consent->expires_at == expires);

  // On the server: an envelope only the therapist opens, of exactly this PDF.
  auto arrived = server.connection().ListReports(server.token()).value();
  BOOST_REQUIRE(arrived.size() == 1u);
  const std::string server_id = arrived[0].report_id;
  BOOST_TEST(server_id == consent->server_report_id);
  auto envelope = server.connection().DownloadReport(server.token(), server_id);
  BOOST_REQUIRE(envelope.ok());
  auto signing = core::LoadOrCreateSigningKey(*journal).value();
  auto opened = core::envelope::Open(*envelope, server.keys().sealing, signing.public_key);
  BOOST_REQUIRE_MESSAGE(opened.ok(), opened.status().ToString());
  BOOST_TEST(std::string(reinterpret_cast<const char*>(opened->content.data()),
                         opened->content.size()) == report.pdf);

  // Receipts: what the journal knows at once, then what the server says.
  auto known = client::KnownReceipts(*journal);
  BOOST_REQUIRE(known.ok());
  BOOST_REQUIRE(known->size() == 1u);
  BOOST_TEST((*known)[0].state == "unknown");
  BOOST_TEST((*known)[0].link_label == "Dr Rivera");
  BOOST_REQUIRE(server.connection().MarkOpened(server.token(), server_id).ok());
  auto receipts = client::FetchReceipts(*journal);
  BOOST_REQUIRE_MESSAGE(receipts.ok(), receipts.status().ToString());
  BOOST_REQUIRE(receipts->lines.size() == 1u);
  BOOST_TEST(receipts->lines[0].state == "opened");
  BOOST_TEST(receipts->unreachable.empty());

  // Withdrawn: the server deletes it at once.
  auto withdrawn = client::WithdrawShared(*journal, report.id, clock);
  BOOST_REQUIRE_MESSAGE(withdrawn.ok(), withdrawn.status().ToString());
  BOOST_REQUIRE(withdrawn->size() == 1u);
  BOOST_TEST((*withdrawn)[0].withdrawn_at != 0);
  BOOST_TEST(server.connection().DownloadReport(server.token(), server_id).status().IsNotFound());
  auto after = client::FetchReceipts(*journal);
  BOOST_REQUIRE(after.ok());
  BOOST_TEST(after->lines[0].state == "withdrawn");

  // Unlinking ends it.
  BOOST_REQUIRE(client::UnlinkTherapist(*journal, *found).ok());
  BOOST_TEST(client::ListTherapists(*journal).value().empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_SERVER_BIN
