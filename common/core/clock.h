// Clock: the one source of "now". Date logic ("since the last session",
// "Sunday night") takes a Clock so tests can use a fake one.
#ifndef FIELDNOTES_CORE_CLOCK_H_
#define FIELDNOTES_CORE_CLOCK_H_

#include <cstdint>

#include "core/timestamp.h"

namespace fieldnotes::core {

class Clock {
 public:
  virtual ~Clock() = default;
  // The current instant, with the machine's current UTC offset.
  virtual Timestamp Now() const = 0;
};

// The real clock: the system time and the local time zone's offset.
class SystemClock final : public Clock {
 public:
  Timestamp Now() const override;
  // A process-wide instance.
  static const SystemClock& Instance();
};

// A clock that only moves when told to; for tests and deterministic runs.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Timestamp now) : now_(now) {}
  Timestamp Now() const override { return now_; }
  void Set(Timestamp now) { now_ = now; }
  void AdvanceSeconds(int64_t seconds) { now_.unix_seconds += seconds; }

 private:
  Timestamp now_;
};

}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_CLOCK_H_
