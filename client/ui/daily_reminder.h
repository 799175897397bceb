// DailyReminder: the optional daily reminder (setting "reminder"; off by
// default). While the app runs it looks at the clock twice a minute; when
// ReminderDue (engine/reminder.h) says so, a gentle desktop notification,
// once that day.
//
// Unlocked, it reads the setting and the day of the newest entry from the
// journal; locked, it goes by what it last read (the time of day and that
// one date, in memory only), since a locked journal cannot be read.
#ifndef FIELDNOTES_CLIENT_UI_DAILY_REMINDER_H_
#define FIELDNOTES_CLIENT_UI_DAILY_REMINDER_H_

#include <wx/string.h>
#include <wx/timer.h>

#include <functional>
#include <optional>

#include "core/clock.h"
#include "core/timestamp.h"

class wxWindow;

namespace fieldnotes::client {

class JournalController;

class DailyReminder : public wxEvtHandler {
 public:
  static constexpr int kCheckMs = 30000;
  // Shows the words (a wxNotificationMessage; tests put their own here).
  using NotifyFn = std::function<void(const wxString& title, const wxString& text)>;

  // `controller()` is the unlocked journal's controller, or null when locked.
  DailyReminder(wxWindow* owner, const core::Clock& clock,
                std::function<JournalController*()> controller);
  ~DailyReminder() override;

  // Looks now; returns whether it reminded.
  bool Check();
  void SetNotify(NotifyFn notify) { notify_ = std::move(notify); }
  // The words of the notification.
  static wxString Words();

 private:
  wxWindow* owner_;
  const core::Clock& clock_;
  std::function<JournalController*()> controller_;
  NotifyFn notify_;
  wxTimer timer_;
  std::optional<int> minutes_;
  std::optional<core::Date> last_written_;
  std::optional<core::Date> last_shown_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_DAILY_REMINDER_H_
