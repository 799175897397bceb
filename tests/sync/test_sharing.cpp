// The client's end of sharing against the real server in process: links,
// safety numbers, verification, consent records, sealing and uploading,
// receipts, withdrawal, and the refusals that keep a client safe.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <iterator>

#include "certificates.h"
#include "core/envelope.h"
#include "core/journal.h"
#include "core/key_file.h"
#include "core/safety_number.h"
#include "server_fixture.h"
#include "sync/connection.h"
#include "sync/sharing.h"

namespace fieldnotes::testing {
namespace {

using core::Status;
namespace crypto = core::crypto;

constexpr char kPdf[] = "%PDF-1.7\nsealed-canary-7f3a1c Notes for my next session\n%%EOF\n";
constexpr char kPassphrase[] = "a journal passphrase";

crypto::ByteView View(const std::string& s) {
  return crypto::ByteView(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

// A practice with one clinician who has real keys, and a client journal.
struct Practice {
  ServerFixture f;
  core::FakeClock clock{core::Timestamp{kStartTime, 60}};
  Clinician dr = f.AddClinician("dr@example.org");
  core::ClinicianKeys keys = core::ClinicianKeys::Generate().value();
  std::unique_ptr<sync::Connection> c;
  std::unique_ptr<core::Journal> journal;

  Practice() {
    sync::ConnectionOptions options;
    options.ca_file = ca();
    c = std::move(sync::Connection::Open(url(), options).value());
    Publish(keys);
    core::JournalOptions o;
    o.kdf_log2_n = crypto::KdfParams::kMinLog2N;
    auto j = core::Journal::Create(f.dir().File("journal.db"), kPassphrase, o);
    BOOST_REQUIRE_MESSAGE(j.ok(), j.status().ToString());
    journal = std::move(j).value();
  }
  std::string url() const { return "https://localhost:" + std::to_string(f.port()); }
  std::string ca() { return f.dir().File("ca.pem"); }
  void Publish(const core::ClinicianKeys& k) {
    auto put = c->PutKeys(dr.token, sync::KeysRequest{crypto::HexEncode(k.sealing.public_key),
                                                      crypto::HexEncode(k.signing.public_key)});
    BOOST_REQUIRE_MESSAGE(put.ok(), put.status().ToString());
  }
  sync::TherapistLink Link(const std::string& label = "Dr Rivera") {
    auto invite = c->CreateInvite(dr.token);
    BOOST_REQUIRE(invite.ok());
    auto link = sync::CreateLink(*journal, {url(), invite->code, ca(), label}, clock);
    BOOST_REQUIRE_MESSAGE(link.ok(), link.status().ToString());
    return *link;
  }
  sync::TherapistLink VerifiedLink() {
    auto verified = sync::VerifyLink(*journal, Link(), clock);
    BOOST_REQUIRE_MESSAGE(verified.ok(), verified.status().ToString());
    return *verified;
  }
  sync::ShareRequest Request(const std::string& pdf = kPdf) {
    return sync::ShareRequest{"report-1", pdf, "2026-10-25", kStartTime + 7 * 86400};
  }
  size_t StoredReports() { return c->ListReports(dr.token).value().size(); }
};

}  // namespace

BOOST_AUTO_TEST_CASE(a_shared_report_opens_only_with_the_clinicians_key_and_the_clients_signature) {
  Practice p;
  sync::TherapistLink link = p.Link();
  BOOST_TEST(!link.verified());
  BOOST_TEST(link.clinician_x25519 == crypto::HexEncode(p.keys.sealing.public_key));

  // The same safety number on both sides.
  auto client_number = sync::LinkSafetyNumber(*p.journal, link);
  BOOST_REQUIRE(client_number.ok());
  auto signing = core::LoadOrCreateSigningKey(*p.journal);
  BOOST_REQUIRE(signing.ok());
  auto links = p.c->ListLinks(p.dr.token);
  BOOST_REQUIRE(links.ok());
  BOOST_REQUIRE(links->size() == 1u);
  BOOST_TEST((*links)[0].client_key == crypto::HexEncode(signing->public_key));
  auto clinician_number = core::SafetyNumber(crypto::HexDecode((*links)[0].client_key).value(),
                                             p.keys.sealing.public_key, p.keys.signing.public_key);
  BOOST_TEST(*client_number == *clinician_number);

  // Not verified: refused, nothing sent, no consent kept.
  auto early = sync::ShareReport(*p.journal, link, p.Request(), p.clock);
  BOOST_TEST(early.status().code() == Status::Code::kRefused);
  BOOST_TEST(p.StoredReports() == 0u);
  BOOST_TEST(sync::ListConsents(*p.journal).value().empty());

  auto verified = sync::VerifyLink(*p.journal, link, p.clock);
  BOOST_REQUIRE(verified.ok());
  BOOST_TEST(verified->can_share());
  auto consent = sync::ShareReport(*p.journal, *verified, p.Request(), p.clock);
  BOOST_REQUIRE_MESSAGE(consent.ok(), consent.status().ToString());
  BOOST_TEST(consent->sha256 == crypto::HexEncode(crypto::Sha256(View(kPdf))));
  BOOST_TEST(consent->link_id == link.id);
  BOOST_TEST(consent->granted_at == kStartTime);
  BOOST_TEST(!consent->server_report_id.empty());

  // What the server holds is the sealed envelope, and it opens only with the
  // clinician's key and this client's signature.
  auto envelope = p.c->DownloadReport(p.dr.token, consent->server_report_id);
  BOOST_REQUIRE(envelope.ok());
  const std::string bytes(envelope->begin(), envelope->end());
  BOOST_TEST(bytes.find("sealed-canary-7f3a1c") == std::string::npos);
  BOOST_TEST(bytes.find("%PDF") == std::string::npos);
  BOOST_TEST(crypto::HexEncode(crypto::Sha256(*envelope)) == consent->envelope_sha256);
  auto opened = core::envelope::Open(*envelope, p.keys.sealing, signing->public_key);
  BOOST_REQUIRE_MESSAGE(opened.ok(), opened.status().ToString());
  BOOST_TEST(std::string(reinterpret_cast<const char*>(opened->content.data()),
                         opened->content.size()) == kPdf);
  auto stranger = core::ClinicianKeys::Generate().value();
  BOOST_TEST(!core::envelope::Open(*envelope, stranger.sealing, signing->public_key).ok());
  BOOST_TEST(!core::envelope::Open(*envelope, p.keys.sealing, stranger.signing.public_key).ok());

  // Receipts follow the report.
  auto receipts = sync::FetchReceipts(*p.journal);
  BOOST_REQUIRE(receipts.ok());
  BOOST_REQUIRE(receipts->lines.size() == 1u);
  BOOST_TEST(receipts->lines[0].state == "delivered");  // downloaded above
  BOOST_TEST(receipts->lines[0].link_label == "Dr Rivera");
  BOOST_TEST(p.c->MarkOpened(p.dr.token, consent->server_report_id).ok());
  BOOST_TEST(sync::FetchReceipts(*p.journal).value().lines[0].state == "opened");

  // Withdrawal deletes it on the server and is on record in the journal.
  p.clock.AdvanceSeconds(60);
  auto withdrawn = sync::WithdrawReport(*p.journal, "report-1", p.clock);
  BOOST_REQUIRE(withdrawn.ok());
  BOOST_REQUIRE(withdrawn->size() == 1u);
  BOOST_TEST(p.c->DownloadReport(p.dr.token, consent->server_report_id).status().IsNotFound());
  auto consents = sync::ListConsents(*p.journal);
  BOOST_REQUIRE(consents.ok());
  BOOST_TEST((*consents)[0].withdrawn_at == kStartTime + 60);
  BOOST_TEST(sync::FetchReceipts(*p.journal).value().lines[0].state == "withdrawn");
  BOOST_TEST(sync::WithdrawReport(*p.journal, "report-1", p.clock).status().IsNotFound());
}

BOOST_AUTO_TEST_CASE(a_changed_clinician_key_stops_sharing_until_verified_again) {
  Practice p;
  sync::TherapistLink link = p.VerifiedLink();
  const std::string number_before = sync::LinkSafetyNumber(*p.journal, link).value();

  // The server (or someone who took it over) swaps the clinician's keys.
  core::ClinicianKeys attacker = core::ClinicianKeys::Generate().value();
  p.Publish(attacker);
  auto refused = sync::ShareReport(*p.journal, link, p.Request(), p.clock);
  BOOST_TEST(refused.status().code() == Status::Code::kRefused);
  BOOST_TEST(refused.status().message().find("changed") != std::string::npos);
  BOOST_TEST(p.StoredReports() == 0u);
  BOOST_TEST(sync::ListConsents(*p.journal).value().empty());

  // The link now says so, and shows another number.
  sync::TherapistLink changed = sync::FindLink(*p.journal, link.id).value();
  BOOST_TEST(changed.key_changed());
  BOOST_TEST(!changed.can_share());
  BOOST_TEST(sync::LinkSafetyNumber(*p.journal, changed).value() != number_before);
  // Still refused with the stale link in hand.
  BOOST_TEST(sync::ShareReport(*p.journal, changed, p.Request(), p.clock).status().code() ==
             Status::Code::kRefused);

  // Verifying an old view of the keys verifies nothing.
  BOOST_TEST(sync::VerifyLink(*p.journal, link, p.clock).status().code() == Status::Code::kRefused);
  // Verifying what is shown now lets sharing go on, sealed to the new key.
  auto again = sync::VerifyLink(*p.journal, changed, p.clock);
  BOOST_REQUIRE(again.ok());
  auto consent = sync::ShareReport(*p.journal, *again, p.Request(), p.clock);
  BOOST_REQUIRE(consent.ok());
  auto envelope = p.c->DownloadReport(p.dr.token, consent->server_report_id).value();
  auto signing = core::LoadOrCreateSigningKey(*p.journal).value();
  BOOST_TEST(core::envelope::Open(envelope, attacker.sealing, signing.public_key).ok());
  BOOST_TEST(!core::envelope::Open(envelope, p.keys.sealing, signing.public_key).ok());
}

BOOST_AUTO_TEST_CASE(a_refused_upload_leaves_no_consent_behind) {
  Practice p;
  sync::TherapistLink link = p.VerifiedLink();
  sync::ShareRequest too_long = p.Request();
  too_long.expires_at = kStartTime + 10 * 365 * 86400;  // past the server's retention
  auto refused = sync::ShareReport(*p.journal, link, too_long, p.clock);
  BOOST_TEST(refused.status().code() == Status::Code::kInvalidArgument,
             refused.status().ToString());
  BOOST_TEST(sync::ListConsents(*p.journal).value().empty());
  BOOST_TEST(p.StoredReports() == 0u);
}

BOOST_AUTO_TEST_CASE(links_and_consents_are_encrypted_in_the_journal) {
  Practice p;
  sync::TherapistLink link = p.VerifiedLink();
  BOOST_REQUIRE(sync::ShareReport(*p.journal, link, p.Request(), p.clock).ok());
  // Reopen: everything is there, and none of it is in the file in clear.
  p.journal.reset();
  std::string file;
  for (const char* suffix : {"", "-wal"}) {
    std::ifstream in(p.f.dir().File("journal.db") + suffix, std::ios::binary);
    file += std::string(std::istreambuf_iterator<char>(in), {});
  }
  BOOST_TEST(file.find("Dr Rivera") == std::string::npos);
  BOOST_TEST(file.find(link.device_credential) == std::string::npos);
  BOOST_TEST(file.find(link.clinician_x25519) == std::string::npos);
  auto j = core::Journal::Open(p.f.dir().File("journal.db"), kPassphrase);
  BOOST_REQUIRE(j.ok());
  auto links = sync::ListLinks(**j);
  BOOST_REQUIRE(links.ok());
  BOOST_REQUIRE(links->size() == 1u);
  BOOST_TEST((*links)[0].label == "Dr Rivera");
  BOOST_TEST((*links)[0].can_share());
  BOOST_TEST(sync::ListConsents(**j).value().size() == 1u);
}

BOOST_AUTO_TEST_CASE(removing_a_link_ends_it_on_the_server_and_deletes_its_reports) {
  Practice p;
  sync::TherapistLink link = p.VerifiedLink();
  auto consent = sync::ShareReport(*p.journal, link, p.Request(), p.clock);
  BOOST_REQUIRE(consent.ok());
  BOOST_TEST(sync::RemoveLink(*p.journal, link).ok());
  BOOST_TEST(p.c->ListLinks(p.dr.token).value().empty());
  BOOST_TEST(p.c->DownloadReport(p.dr.token, consent->server_report_id).status().IsNotFound());
  BOOST_TEST(sync::ListLinks(*p.journal).value().empty());
  BOOST_TEST(sync::FindLink(*p.journal, link.id).status().IsNotFound());
  // A link the clinician ended first is forgotten all the same.
  sync::TherapistLink second = p.VerifiedLink();
  BOOST_TEST(p.c->EndLink(p.dr.token, second.id).ok());
  BOOST_TEST(sync::ShareReport(*p.journal, second, p.Request(), p.clock).status().code() ==
             Status::Code::kUnauthenticated);
  BOOST_TEST(sync::RemoveLink(*p.journal, second).ok());
  BOOST_TEST(sync::ListLinks(*p.journal).value().empty());
}

BOOST_AUTO_TEST_CASE(receipts_from_an_impostor_server_are_refused) {
  Practice p;
  sync::TherapistLink link = p.VerifiedLink();
  auto consent = sync::ShareReport(*p.journal, link, p.Request(), p.clock);
  BOOST_REQUIRE_MESSAGE(consent.ok(), consent.status().ToString());
  BOOST_TEST(!sync::FetchReceipts(*p.journal).value().refused);

  // The authority the link trusts is now another one: the server that
  // answers is not the one the client linked with.
  WriteTestCertificate({}, p.ca(), p.f.dir().File("other-key.pem"));
  auto receipts = sync::FetchReceipts(*p.journal);
  BOOST_REQUIRE(receipts.ok());
  BOOST_TEST(receipts->refused);
  BOOST_REQUIRE(receipts->unreachable.size() == 1u);
  // One sentence that names the link, then why.
  BOOST_TEST(receipts->unreachable[0].starts_with(
                 "could not ask the server about the reports shared on the link Dr Rivera: "),
             receipts->unreachable[0]);
  // What the journal knows is still there.
  BOOST_REQUIRE(receipts->lines.size() == 1u);
  BOOST_TEST(receipts->lines[0].state == "unknown");
}

BOOST_AUTO_TEST_CASE(bad_link_requests_are_clear_errors) {
  Practice p;
  auto bad_code = sync::CreateLink(*p.journal, {p.url(), "ZZZZZ-ZZZZZ", p.ca(), ""}, p.clock);
  BOOST_TEST(bad_code.status().IsNotFound());
  auto bad_url = sync::CreateLink(*p.journal, {"http://localhost", "ZZZZZ-ZZZZZ", "", ""}, p.clock);
  BOOST_TEST(bad_url.status().code() == Status::Code::kInvalidArgument);
  auto untrusted = sync::CreateLink(*p.journal, {p.url(), "ZZZZZ-ZZZZZ", "", ""}, p.clock);
  BOOST_TEST(untrusted.status().code() == Status::Code::kRefused);
  BOOST_TEST(sync::ListLinks(*p.journal).value().empty());
  BOOST_TEST(sync::FindLink(*p.journal, "abc").status().code() == Status::Code::kInvalidArgument);
  BOOST_TEST(sync::FindLink(*p.journal, "abcd").status().IsNotFound());
}

}  // namespace fieldnotes::testing
