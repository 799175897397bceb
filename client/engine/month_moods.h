// MonthMoods: one calendar month of the journal as the month view draws it
// — for each day, how many entries, the strongest intensity given and the
// last mood noted. Numbers only, as written: nothing here is a score, an
// average or a judgement of a day (DESIGN.md §1: describe, never interpret).
//
// Days are the writer's local days (Timestamp::LocalDate), as the timeline
// groups them. Weeks start on Monday (ISO), as the patterns' weekdays do.
#ifndef FIELDNOTES_CLIENT_ENGINE_MONTH_MOODS_H_
#define FIELDNOTES_CLIENT_ENGINE_MONTH_MOODS_H_

#include <optional>
#include <string>
#include <vector>

#include "core/journal.h"
#include "core/model.h"
#include "core/timestamp.h"

namespace fieldnotes::client {

struct DayMoods {
  core::Date day;
  int entries = 0;
  // The highest intensity (0-10) given in that day's entries; none when no
  // entry gave one.
  std::optional<int> strongest;
  // The last mood noted that day (an entry's mood after writing, else its
  // mood before), 0-10; none when no entry noted one.
  std::optional<int> last_mood;
  // The day's latest entry (the one the timeline shows first), "" when none.
  std::string newest_entry_id;
};

struct MonthMoods {
  int year = 1970;
  int month = 1;             // 1-12
  int first_weekday = 0;     // of the 1st: 0 = Monday ... 6 = Sunday
  std::vector<DayMoods> days;  // one per day of the month, the 1st first

  // Days with at least one entry.
  int days_written() const;
  // The day `day` (1-based) of the month; nullptr outside it.
  const DayMoods* Day(int day) const;
};

// 28-31.
int DaysInMonth(int year, int month);
// The month `delta` months from year/month (delta may be negative).
void AddMonths(int& year, int& month, int delta);

// The month from `entries` (any order; those outside the month are left out).
MonthMoods SummariseMonth(const std::vector<const core::Entry*>& entries, int year, int month);
// The same from the journal (Journal::ListEntries over the month).
MonthMoods SummariseMonth(const core::Journal& journal, int year, int month);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_MONTH_MOODS_H_
