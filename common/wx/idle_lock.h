// IdleLock: calls `on_idle` once nobody has pressed a key or clicked for
// the configured time (the client app's AppSettings::auto_lock_minutes, the
// viewer's fixed limit). The app reports activity (its wxApp::FilterEvent);
// a timer checks twice a minute. Tests call Check() with a time of their
// choosing.
#ifndef FIELDNOTES_COMMON_WX_IDLE_LOCK_H_
#define FIELDNOTES_COMMON_WX_IDLE_LOCK_H_

#include <wx/timer.h>

#include <chrono>
#include <functional>

namespace fieldnotes::wxcommon {

class IdleLock : public wxTimer {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  explicit IdleLock(std::function<void()> on_idle);
  ~IdleLock() override;

  // Starts watching: `on_idle` fires after `minutes` without activity.
  void Arm(int minutes);
  // Stops watching (while locked).
  void Disarm();
  bool armed() const { return armed_; }

  void NoteActivity(TimePoint now = std::chrono::steady_clock::now());
  // Fires `on_idle` (once) if the time has passed by `now`.
  void Check(TimePoint now = std::chrono::steady_clock::now());

  void Notify() override { Check(); }

 private:
  std::function<void()> on_idle_;
  bool armed_ = false;
  std::chrono::minutes limit_{10};
  TimePoint last_activity_;
};

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_IDLE_LOCK_H_
