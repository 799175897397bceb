#include "ui/daily_reminder.h"

#include <wx/notifmsg.h>
#include <wx/translation.h>
#include <wx/window.h>

#include "engine/journal_controller.h"
#include "engine/reminder.h"

namespace fieldnotes::client {

DailyReminder::DailyReminder(wxWindow* owner, const core::Clock& clock,
                             std::function<JournalController*()> controller)
    : owner_(owner), clock_(clock), controller_(std::move(controller)), timer_(this) {
  notify_ = [this](const wxString& title, const wxString& text) {
    wxNotificationMessage note(title, text, owner_);
    note.Show(wxNotificationMessage::Timeout_Auto);
  };
  Bind(wxEVT_TIMER, [this](wxTimerEvent&) { Check(); });
  timer_.Start(kCheckMs);
}

DailyReminder::~DailyReminder() { timer_.Stop(); }

wxString DailyReminder::Words() {
  return _("Nothing written today yet. If something moved today, a few lines are enough; if "
           "not, that is fine too. (Your reminder, set in Settings.)");
}

bool DailyReminder::Check() {
  if (JournalController* c = controller_(); c != nullptr && !c->lent()) {
    minutes_ = c->settings().reminder_minutes;
    last_written_ = LastWrittenDay(c->journal());
  }
  const core::Timestamp now = clock_.Now();
  if (!ReminderDue(minutes_, now, last_written_, last_shown_)) return false;
  last_shown_ = now.LocalDate();
  if (notify_) notify_("Fieldnotes", Words());
  return true;
}

}  // namespace fieldnotes::client
