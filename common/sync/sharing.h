// The client's end of sharing (DESIGN.md §3-§4, docs/sharing.md): links to
// a therapist, the safety number, consent records, and sealing, uploading,
// withdrawing and following a report. fieldnotes-cli and the desktop app
// both call this; neither talks to the server by itself.
//
// Everything stays in the journal, encrypted like entries: a link (table
// links, id = the server's pseudonymous client id) holds the server, the
// device credential and the clinician's keys as last seen and as verified;
// a consent (table consents) holds what was shared, with whom, until when,
// and when it was withdrawn.
//
// Sharing is refused unless the link is verified (the client compared the
// safety number with their therapist) and the clinician's keys are still
// the verified ones: a server that swapped them gets nothing.
#ifndef FIELDNOTES_SYNC_SHARING_H_
#define FIELDNOTES_SYNC_SHARING_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/journal.h"
#include "core/status.h"
#include "sync/messages.h"

namespace fieldnotes::sync {

using core::Result;
using core::Status;

inline constexpr int kLinkRecordFormat = 1;
inline constexpr int kConsentRecordFormat = 1;

struct TherapistLink {
  std::string id;  // the server's client id: 32 hex
  std::string server_url;
  std::string ca_file;  // empty: the system's authorities
  std::string device_credential;
  std::string label;  // the client's name for the link ("Dr Rivera"); local only
  int64_t linked_at = 0;
  // The clinician's public keys (64 hex each) as the server last gave them.
  std::string clinician_x25519;
  std::string clinician_ed25519;
  int64_t keys_version = 0;
  // The keys the client verified (safety number compared), and when; empty
  // and 0 until then.
  std::string verified_x25519;
  std::string verified_ed25519;
  int64_t verified_at = 0;

  bool verified() const { return verified_at != 0; }
  // Verified once, but the clinician's keys changed since.
  bool key_changed() const {
    return verified() &&
           (verified_x25519 != clinician_x25519 || verified_ed25519 != clinician_ed25519);
  }
  bool can_share() const { return verified() && !key_changed(); }
};

struct Consent {
  std::string id;         // 32 hex, local
  std::string report_id;  // the journal's report
  std::string link_id;
  std::string server_report_id;  // empty until the upload was acknowledged
  int64_t granted_at = 0;
  int64_t expires_at = 0;
  int64_t withdrawn_at = 0;  // 0 unless withdrawn
  std::string sha256;        // of the PDF that was sealed, 64 hex
  std::string envelope_sha256;
  int64_t envelope_size = 0;
};

// The safety number of a link, as 60 digits: the client's signing key and
// the clinician's keys as last seen.
Result<std::string> LinkSafetyNumber(core::Journal& journal, const TherapistLink& link);

// ---- links ----

struct LinkRequest {
  std::string server_url;
  std::string code;
  std::string ca_file;
  std::string label;
};
// Redeems the invite code, keeps the link (unverified) in the journal.
Result<TherapistLink> CreateLink(core::Journal& journal, const LinkRequest& request,
                                 const core::Clock& clock);

// Every link, oldest first.
Result<std::vector<TherapistLink>> ListLinks(const core::Journal& journal);
// By id or a unique prefix of 4 or more characters.
Result<TherapistLink> FindLink(const core::Journal& journal, std::string_view id_or_prefix);

// Asks the server for the clinician's current keys and records them. A
// change leaves the link "key changed" until verified again. Returns the
// updated link.
Result<TherapistLink> RefreshLink(core::Journal& journal, const TherapistLink& link);

// The link's server's limits (GET /v1/health): how long it keeps a shared
// report at most, how large one may be.
Result<ServerLimits> ServerLimitsOf(const TherapistLink& link);

// Marks the keys the client saw (`link` as last read) as verified. If the
// server now reports other keys, nothing is verified: Refused, so the client
// compares the new number first.
Result<TherapistLink> VerifyLink(core::Journal& journal, const TherapistLink& link,
                                 const core::Clock& clock);

// Ends the link on the server (its stored reports are deleted there) and
// forgets it here. A link the server no longer knows is forgotten anyway.
Status RemoveLink(core::Journal& journal, const TherapistLink& link);

// ---- sharing ----

struct ShareRequest {
  std::string report_id;
  std::string pdf;         // the report's PDF bytes, exactly as stored
  std::string period_end;  // YYYY-MM-DD
  int64_t expires_at = 0;  // when the server deletes it
};

// Records the consent, seals the PDF to the clinician's key, signs it with
// the client's key, uploads it and records the server's id. Refused for a
// link that is not verified or whose keys changed (checked against the
// server's current keys first). On any failure after the consent was
// recorded, the consent is removed again: nothing half-shared remains.
Result<Consent> ShareReport(core::Journal& journal, const TherapistLink& link,
                            const ShareRequest& request, const core::Clock& clock);

// Every consent, oldest first.
Result<std::vector<Consent>> ListConsents(const core::Journal& journal);

// The journal's report ids that reached a server (an acknowledged upload),
// withdrawn later or not: reports that were brought to a session.
Result<std::set<std::string>> SharedReportIds(const core::Journal& journal);

// Withdraws every active consent for `report_id` (all links): the server
// deletes the envelope at once. A report the server no longer has (expired)
// is marked withdrawn here all the same. NotFound when nothing of it is
// shared.
Result<std::vector<Consent>> WithdrawReport(core::Journal& journal, std::string_view report_id,
                                            const core::Clock& clock);

struct ReceiptLine {
  Consent consent;
  std::string link_label;
  std::string state;  // delivered | pending | opened | withdrawn | expired | unknown
  int64_t uploaded_at = 0;
  int64_t downloaded_at = 0;
  int64_t opened_at = 0;
  int64_t withdrawn_at = 0;
  int64_t expired_at = 0;
};
// What the server says of every shared report, joined with the consents.
// A link that cannot be reached is reported in `unreachable` (its lines show
// what the journal knows, state "unknown").
struct Receipts {
  std::vector<ReceiptLine> lines;
  // One sentence per link ("could not ask the server about the reports
  // shared on the link Dr Lee: ..."), translated.
  std::vector<std::string> unreachable;
  // A link's server was refused for safety (its certificate is not the one
  // trusted, or not trusted at all): nothing was sent to it.
  bool refused = false;
};
Result<Receipts> FetchReceipts(core::Journal& journal);

}  // namespace fieldnotes::sync

#endif  // FIELDNOTES_SYNC_SHARING_H_
