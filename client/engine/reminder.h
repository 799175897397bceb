// The daily reminder (setting "reminder", off unless the client sets a
// time): while the app is running, at that time of day, if nothing was
// written that day, the app says so once, gently. Whether it is due is
// worked out here, from the clock and the journal, so the app and the tests
// ask the same question; the app only shows the words.
#ifndef FIELDNOTES_CLIENT_ENGINE_REMINDER_H_
#define FIELDNOTES_CLIENT_ENGINE_REMINDER_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/journal.h"
#include "core/timestamp.h"

namespace fieldnotes::client {

// Minutes after local midnight (0-1439) of "HH:MM" ("7:05" too); nullopt
// for anything else, "off" included.
std::optional<int> ParseReminderTime(std::string_view text);
// "07:05"; "off" for nullopt.
std::string ReminderTimeText(std::optional<int> minutes);

// Late by more than this, the reminder waits for the next day (a journal
// unlocked at midnight is not told about the evening it missed).
inline constexpr int kReminderLateMinutes = 60;

// Whether to remind now: a time is set, `now` (local time) is at it or up
// to kReminderLateMinutes past it, nothing was written on now's local day
// (`last_written`, the local day of the newest entry), and it was not shown
// today already (`last_shown`).
bool ReminderDue(std::optional<int> minutes, const core::Timestamp& now,
                 std::optional<core::Date> last_written, std::optional<core::Date> last_shown);

// The local day of the newest entry in the journal; nullopt when empty.
std::optional<core::Date> LastWrittenDay(const core::Journal& journal);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_REMINDER_H_
