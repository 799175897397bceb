// Linking a therapist and sharing, from the client's side: the steps both
// fieldnotes-cli (link, link verify, share, withdraw, receipts) and the
// app's sharing dialogs take, over sync/sharing.h. Each call may talk to
// the server: the app runs it on a worker thread with the journal lent to
// it (SharingController), the CLI calls it directly.
#ifndef FIELDNOTES_CLIENT_ENGINE_SHARING_H_
#define FIELDNOTES_CLIENT_ENGINE_SHARING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/journal.h"
#include "core/status.h"
#include "reports/report_store.h"
#include "sync/sharing.h"

namespace fieldnotes::client {

// How long the server keeps a shared report when the person does not
// choose (`share` without --expires, the share dialog's default).
inline constexpr int kDefaultShareDays = 30;
// The longest a person can ask the server to keep a report.
inline constexpr int kMaxShareDays = 365;

// A link with what the person compares and chooses by.
struct LinkedTherapist {
  sync::TherapistLink link;
  std::string safety_number;  // 60 digits
  // The most days the link's server keeps a report (RefreshTherapist only);
  // 0 when it did not say.
  int64_t max_retention_days = 0;
};

// `link` with its safety number (computed from both public keys).
core::Result<LinkedTherapist> WithSafetyNumber(core::Journal& journal, sync::TherapistLink link);

// Redeems the invite code; the new link is not verified yet, so nothing can
// be shared on it until the person compares the number and verifies.
core::Result<LinkedTherapist> LinkTherapist(core::Journal& journal,
                                            const sync::LinkRequest& request,
                                            const core::Clock& clock);
// Asks the server for the clinician's current keys (a change shows as
// key_changed()) and its limits.
core::Result<LinkedTherapist> RefreshTherapist(core::Journal& journal,
                                               const sync::TherapistLink& link);
// Marks the number shown for `link` as compared. Refused when the server
// has other keys by now; the journal then holds them.
core::Result<LinkedTherapist> VerifyTherapist(core::Journal& journal,
                                              const sync::TherapistLink& link,
                                              const core::Clock& clock);

// The links, oldest first; one by its id or a unique prefix of it.
core::Result<std::vector<sync::TherapistLink>> ListTherapists(const core::Journal& journal);
core::Result<sync::TherapistLink> FindTherapist(const core::Journal& journal,
                                                const std::string& id_or_prefix);
// The link's safety number alone (60 digits).
core::Result<std::string> SafetyNumberOf(core::Journal& journal, const sync::TherapistLink& link);
// Ends the link; its server deletes the reports shared on it.
core::Status UnlinkTherapist(core::Journal& journal, const sync::TherapistLink& link);

// ---- sharing a kept report: consent, envelope, upload ----

// Why nothing can be shared on a link yet (the faces say it in words).
enum class ShareBlock { kNone, kNotVerified, kKeyChanged };
ShareBlock WhyNotShare(const sync::TherapistLink& link);

// When the server deletes a report kept `days` days from now.
int64_t ExpiryAfterDays(const core::Clock& clock, int days);

// What leaves the computer, for the consent the person gives first.
struct ShareSummary {
  struct Section {
    reports::SectionKind kind;
    size_t lines = 0;
  };
  std::string title;
  std::string subtitle;  // the period
  std::vector<Section> sections;
  size_t bytes = 0;
  int pages = 0;
  std::string sha256;  // of the PDF, hex
};
ShareSummary SummarizeShare(const reports::StoredReport& report);

// After consent: records it, seals the report's PDF to the therapist's key,
// signs it and uploads it. Refused (nothing sent) when the link cannot
// share (WhyNotShare).
core::Result<sync::Consent> ShareKeptReport(core::Journal& journal,
                                            const sync::TherapistLink& link,
                                            const reports::StoredReport& report,
                                            int64_t expires_at, const core::Clock& clock);

// ---- withdrawal and receipts ----

// The kept report `id` (or a unique prefix of it), with its PDF.
core::Result<reports::StoredReport> FindKeptReport(const core::Journal& journal,
                                                   const std::string& id);

// The server deletes every shared copy of the report `report_id` (its full
// id); the consents withdrawn.
core::Result<std::vector<sync::Consent>> WithdrawShared(core::Journal& journal,
                                                        const std::string& report_id,
                                                        const core::Clock& clock);

// What the journal knows of each report shared, without asking a server:
// every line's state is "unknown", with the link's name.
core::Result<std::vector<sync::ReceiptLine>> KnownReceipts(const core::Journal& journal);

// Asks each link's server what happened to what was shared.
core::Result<sync::Receipts> FetchReceipts(core::Journal& journal);

// Where a link stands, in the order each face says it: a changed key first
// (verified once, but the therapist's keys changed since: nothing is shared
// until it is verified again), then verified, else not verified yet.
enum class LinkStanding { kKeyChanged, kVerified, kNotVerified };
LinkStanding StandingOf(const sync::TherapistLink& link);

// What the server says of a shared report, and when that happened (`at`,
// unix seconds; 0 when no time goes with it: pending, unknown).
enum class ReceiptStage { kPending, kDownloaded, kOpened, kWithdrawn, kExpired, kUnknown };
struct ReceiptStatus {
  ReceiptStage stage = ReceiptStage::kUnknown;
  int64_t at = 0;
};
// From the line's state ("pending", "delivered", "opened", "withdrawn",
// "expired"); any other state is kUnknown (the server could not be asked).
ReceiptStatus StatusOf(const sync::ReceiptLine& line);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_SHARING_H_
