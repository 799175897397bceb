#include "server/throttle.h"

#include <algorithm>

namespace fieldnotes::server {

int64_t ReserveAttempt(Storage& storage, const std::string& key, int64_t limit,
                       int64_t window_seconds, int64_t now) {
  const ThrottleRecord t = storage.AddFailure(key, now, window_seconds);
  if (t.count <= limit) return 0;
  storage.ReleaseAttempt(key);
  return std::max<int64_t>(1, t.window_start + window_seconds - now);
}

}  // namespace fieldnotes::server
