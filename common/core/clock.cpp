#include "core/clock.h"

#include <chrono>

namespace fieldnotes::core {

Timestamp SystemClock::Now() const {
  using namespace std::chrono;
  Timestamp t;
  t.unix_seconds = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
  t.offset_minutes = LocalOffsetMinutesAt(t.unix_seconds);
  return t;
}

const SystemClock& SystemClock::Instance() {
  static const SystemClock clock;
  return clock;
}

}  // namespace fieldnotes::core
