// Dates, times and kinds in words for people (English), shared by every
// place that writes for a person: the CLI, the Markdown export, the reports.
#ifndef FIELDNOTES_CORE_DISPLAY_H_
#define FIELDNOTES_CORE_DISPLAY_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/timestamp.h"

namespace fieldnotes::core {

// 0 = Monday ... 6 = Sunday (Timestamp::LocalWeekday); out-of-range wraps.
std::string_view WeekdayName(int weekday);
// 1 = January ... 12 = December; out-of-range wraps.
std::string_view MonthName(int month);

// "Tuesday 3 November 2026", in the writer's local time.
std::string LongDate(const Timestamp& t);
// "6 December 2026": the one way a day is written where no weekday is
// needed (lists, the date fields, the viewer), in every locale.
std::string DayMonthYear(const Date& d);
// "21:40", in the writer's local time.
std::string LocalClock(const Timestamp& t);
// "Spike", "Loop", "Thread", "Note".
std::string_view KindTitle(EntryKind kind);

// "a, b, c".
std::string JoinWithCommas(const std::vector<std::string>& items);

// Who the labels speak to: the CLI says "What you almost said" to the
// writer; the Markdown export is the writer's own record ("What I almost
// said").
enum class Voice { kYou, kI };

struct LabelledField {
  std::string_view label;  // "What happened right before"
  std::string value;       // as written; scales as "7 out of 10"
};

// An entry's fields in the order people read them, each with its label,
// leaving out the empty ones: feelings, how strong, before, body, thought,
// what was almost said, the text, the thread, tags, each follow-up question
// with its answer ("(not answered)" when none), moods.
std::vector<LabelledField> DescribeEntry(const Entry& e, Voice voice);

}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_DISPLAY_H_
