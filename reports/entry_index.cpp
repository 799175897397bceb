#include "reports/entry_index.h"

#include <algorithm>

namespace fieldnotes::reports {

EntryIndex::EntryIndex(const JournalData& data, const Period& period)
    : data_(data), period_(period) {
  entries_.reserve(data.entries.size());
  // Period::Contains, by day numbers: the local date is worked out once.
  const int64_t from_day = core::DaysFromCivil(period.from());
  const int64_t to_day = core::DaysFromCivil(period.to());
  const core::Session* session = period.session() ? &*period.session() : nullptr;
  for (const core::Entry& e : data.entries) {
    IndexedEntry ie;
    ie.entry = &e;
    const int64_t local = e.written_at.LocalSeconds();
    ie.day = local / 86400 - (local % 86400 < 0 ? 1 : 0);  // floor
    ie.date = core::CivilFromDays(ie.day);
    ie.in_period = ie.day >= from_day && ie.day <= to_day &&
                   (session == nullptr || e.written_at >= session->at);
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
