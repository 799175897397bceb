#include "core/display.h"

#include <array>
#include <cstdio>

namespace fieldnotes::core {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

}  // namespace

std::string_view WeekdayName(int weekday) {
  return kWeekdays[static_cast<size_t>((weekday % 7 + 7) % 7)];
}

std::string_view MonthName(int month) {
  return kMonths[static_cast<size_t>(((month - 1) % 12 + 12) % 12)];
}

std::string LongDate(const Timestamp& t) {
  Date d = t.LocalDate();
  return std::string(WeekdayName(t.LocalWeekday())) + " " + std::to_string(d.day) + " " +
         std::string(MonthName(d.month)) + " " + std::to_string(d.year);
}

std::string LocalClock(const Timestamp& t) {
  int64_t minutes_of_day = ((t.LocalSeconds() % 86400) + 86400) % 86400 / 60;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(minutes_of_day / 60),
                static_cast<int>(minutes_of_day % 60));
  return buf;
}

std::string_view KindTitle(EntryKind kind) {
  switch (kind) {
    case EntryKind::kSpike:
      return "Spike";
    case EntryKind::kLoop:
      return "Loop";
    case EntryKind::kThread:
      return "Thread";
    case EntryKind::kNote:
      return "Note";
  }
  return "Note";
}

}  // namespace fieldnotes::core
