// Guessing limits that hold under concurrency (docs/server.md, "Limits").
// An attempt at a secret (a password, an invite code) is reserved on its
// counter before the slow check, in the same transaction that reads the
// counter, so forty guesses at once meet a limit of ten as ten, not forty.
// A failed attempt keeps its reservation as the failure; a successful one
// gives it back.
#ifndef FIELDNOTES_SERVER_THROTTLE_H_
#define FIELDNOTES_SERVER_THROTTLE_H_

#include <cstdint>
#include <string>

#include "server/storage.h"

namespace fieldnotes::server {

// Reserves one attempt on `key` (a fixed window of `window_seconds` that
// starts at the first attempt after the previous one ended). Returns 0
// when the attempt may go ahead, else the seconds until the window ends;
// an attempt over the limit is not kept.
int64_t ReserveAttempt(Storage& storage, const std::string& key, int64_t limit,
                       int64_t window_seconds, int64_t now);

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_THROTTLE_H_
