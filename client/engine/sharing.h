// Linking a therapist and sharing, from the client's side: the steps both
// fieldnotes-cli (link, link verify, share, withdraw, receipts) and the
// app's sharing dialogs take, over sync/sharing.h. Each call may talk to
// the server: the app runs it on a worker thread with the journal lent to
// it (SharingController), the CLI calls it directly.
#ifndef FIELDNOTES_CLIENT_ENGINE_SHARING_H_
#define FIELDNOTES_CLIENT_ENGINE_SHARING_H_

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "core/journal.h"
#include "core/status.h"
#include "sync/sharing.h"

namespace fieldnotes::client {

// How long the server keeps a shared report when the person does not
// choose (`share` without --expires, the share dialog's default).
inline constexpr int kDefaultShareDays = 30;

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

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_SHARING_H_
