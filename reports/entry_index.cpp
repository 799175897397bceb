#include "reports/entry_index.h"

#include <algorithm>

namespace fieldnotes::reports {

EntryIndex::EntryIndex(const JournalData& data, const Period& period)
    : data_(data), period_(period) {
  entries_.reserve(data.entries.size());
  for (const core::Entry& e : data.entries) {
    IndexedEntry ie;
    ie.entry = &e;
    ie.date = e.written_at.LocalDate();
    ie.day = core::DaysFromCivil(ie.date);
    ie.in_period = period.Contains(e);
    entries_.push_back(ie);
  }
  auto older = [](const IndexedEntry& a, const IndexedEntry& b) {
    if (a.entry->written_at != b.entry->written_at)
      return a.entry->written_at < b.entry->written_at;
    return a.entry->id < b.entry->id;
  };
  // The journal's entries come oldest first already: one pass to see it.
  if (!std::is_sorted(entries_.begin(), entries_.end(), older))
    std::sort(entries_.begin(), entries_.end(), older);
  last_day_ = core::DaysFromCivil(period.to());
  window_first_day_ = std::min(core::DaysFromCivil(period.from()), last_day_ - (kEvidenceDays - 1));
}

}  // namespace fieldnotes::reports
