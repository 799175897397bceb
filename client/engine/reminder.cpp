#include "engine/reminder.h"

#include <cstdio>

namespace fieldnotes::client {

std::optional<int> ParseReminderTime(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || text.size() != colon + 3)
    return std::nullopt;
  int hours = 0;
  for (char c : text.substr(0, colon)) {
    if (c < '0' || c > '9') return std::nullopt;
    hours = hours * 10 + (c - '0');
  }
  int minutes = 0;
  for (char c : text.substr(colon + 1)) {
    if (c < '0' || c > '9') return std::nullopt;
    minutes = minutes * 10 + (c - '0');
  }
  if (hours > 23 || minutes > 59) return std::nullopt;
  return hours * 60 + minutes;
}

std::string ReminderTimeText(std::optional<int> minutes) {
  if (!minutes || *minutes < 0 || *minutes >= 24 * 60) return "off";
  char out[8];
  std::snprintf(out, sizeof out, "%02d:%02d", *minutes / 60, *minutes % 60);
  return out;
}

bool ReminderDue(std::optional<int> minutes, const core::Timestamp& now,
                 std::optional<core::Date> last_written, std::optional<core::Date> last_shown) {
  if (!minutes) return false;
  const core::Date today = now.LocalDate();
  if (last_written && *last_written >= today) return false;
  if (last_shown && *last_shown >= today) return false;
  const int clock = now.LocalHour() * 60 + static_cast<int>((now.LocalSeconds() / 60 % 60 + 60) % 60);
  return clock >= *minutes && clock <= *minutes + kReminderLateMinutes;
}

std::optional<core::Date> LastWrittenDay(const core::Journal& journal) {
  std::optional<core::Date> last;
  for (const core::Entry* e : journal.ListEntries({})) {
    const core::Date d = e->written_at.LocalDate();
    if (!last || d > *last) last = d;
  }
  return last;
}

}  // namespace fieldnotes::client
