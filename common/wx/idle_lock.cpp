#include "common/wx/idle_lock.h"

namespace fieldnotes::wxcommon {

namespace {
constexpr int kCheckEveryMs = 30 * 1000;
}

IdleLock::IdleLock(std::function<void()> on_idle) : on_idle_(std::move(on_idle)) {}

IdleLock::~IdleLock() { wxTimer::Stop(); }

void IdleLock::Arm(int minutes) {
  limit_ = std::chrono::minutes(minutes);
  last_activity_ = std::chrono::steady_clock::now();
  armed_ = true;
  Start(kCheckEveryMs);
}

void IdleLock::Disarm() {
  armed_ = false;
  wxTimer::Stop();
}

void IdleLock::NoteActivity(TimePoint now) {
  if (now > last_activity_) last_activity_ = now;
}

void IdleLock::Check(TimePoint now) {
  if (!armed_ || now - last_activity_ < limit_) return;
  Disarm();
  if (on_idle_) on_idle_();
}

}  // namespace fieldnotes::wxcommon
