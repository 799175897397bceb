// Dates, times and kinds in words for people (English), shared by every
// place that writes for a person: the CLI, the Markdown export, the reports.
#ifndef FIELDNOTES_CORE_DISPLAY_H_
#define FIELDNOTES_CORE_DISPLAY_H_

#include <string>
#include <string_view>

#include "core/model.h"
#include "core/timestamp.h"

namespace fieldnotes::core {

// 0 = Monday ... 6 = Sunday (Timestamp::LocalWeekday); out-of-range wraps.
std::string_view WeekdayName(int weekday);
// 1 = January ... 12 = December; out-of-range wraps.
std::string_view MonthName(int month);

// "Tuesday 3 November 2026", in the writer's local time.
std::string LongDate(const Timestamp& t);
// "21:40", in the writer's local time.
std::string LocalClock(const Timestamp& t);
// "Spike", "Loop", "Thread", "Note".
std::string_view KindTitle(EntryKind kind);

}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_DISPLAY_H_
