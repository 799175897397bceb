#include "engine/month_moods.h"

#include <algorithm>

namespace fieldnotes::client {

int MonthMoods::days_written() const {
  return static_cast<int>(
      std::count_if(days.begin(), days.end(), [](const DayMoods& d) { return d.entries > 0; }));
}

const DayMoods* MonthMoods::Day(int day) const {
  if (day < 1 || day > static_cast<int>(days.size())) return nullptr;
  return &days[static_cast<size_t>(day - 1)];
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[(month - 1 + 12) % 12];
}

void AddMonths(int& year, int& month, int delta) {
  int index = year * 12 + (month - 1) + delta;
  // Floor division, for months before year 0 that never come up but must
  // not wrap oddly.
  year = index >= 0 ? index / 12 : -((-index + 11) / 12);
  month = index - year * 12 + 1;
}

MonthMoods SummariseMonth(const std::vector<const core::Entry*>& entries, int year, int month) {
  MonthMoods m;
  m.year = year;
  m.month = month;
  const int64_t first = core::DaysFromCivil(core::Date{year, month, 1});
  // 1970-01-01 was a Thursday (3 with Monday as 0).
  m.first_weekday = static_cast<int>(((first % 7) + 7 + 3) % 7);
  const int n = DaysInMonth(year, month);
  m.days.resize(static_cast<size_t>(n));
  for (int d = 1; d <= n; ++d) m.days[static_cast<size_t>(d - 1)].day = core::Date{year, month, d};

  // Oldest first, so the last mood noted is the one kept.
  std::vector<const core::Entry*> in_month;
  for (const core::Entry* e : entries) {
    const core::Date d = e->written_at.LocalDate();
    if (d.year == year && d.month == month) in_month.push_back(e);
  }
  std::stable_sort(in_month.begin(), in_month.end(),
                   [](const core::Entry* a, const core::Entry* b) {
                     return a->written_at.LocalSeconds() < b->written_at.LocalSeconds();
                   });
  for (const core::Entry* e : in_month) {
    DayMoods& day = m.days[static_cast<size_t>(e->written_at.LocalDate().day - 1)];
    ++day.entries;
    day.newest_entry_id = e->id;
    if (e->intensity) day.strongest = std::max(day.strongest.value_or(0), *e->intensity);
    if (e->mood_after)
      day.last_mood = e->mood_after;
    else if (e->mood_before)
      day.last_mood = e->mood_before;
  }
  return m;
}

MonthMoods SummariseMonth(const core::Journal& journal, int year, int month) {
  core::EntryFilter filter;
  filter.from = core::Date{year, month, 1};
  filter.to = core::Date{year, month, DaysInMonth(year, month)};
  return SummariseMonth(journal.ListEntries(filter), year, month);
}

}  // namespace fieldnotes::client
