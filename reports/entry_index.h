// EntryIndex: the journal as the detectors read it. Entries are sorted
// oldest first once, with their local dates worked out, and marked as in
// or out of the period being analysed.
#ifndef FIELDNOTES_REPORTS_ENTRY_INDEX_H_
#define FIELDNOTES_REPORTS_ENTRY_INDEX_H_

#include <cstdint>
#include <span>
#include <vector>

#include "core/model.h"
#include "reports/period.h"

namespace fieldnotes::reports {

class AnalysisCache;

// What the analysis reads. The spans are borrowed: they must outlive every
// call that is given them (and any EntryIndex built from them). Any order;
// core::Journal's entries(), sessions() and threads() fit as they are.
struct JournalData {
  std::span<const core::Entry> entries;
  std::span<const core::Session> sessions;
  std::span<const core::Thread> threads;
  // Loops the client confirmed as the same worry in other words (entry
  // ids; loop_groups.h): they count together.
  std::span<const std::vector<std::string>> same_worry = {};
  // What earlier analyses worked out per entry (analysis_cache.h), or none.
  // With a cache the results are the same, only faster; it must outlive the
  // call.
  AnalysisCache* cache = nullptr;
  // With a cache: core::Journal::revision() when `entries` were read (or
  // copied) from the journal, or 0 when unknown. Equal nonzero revisions
  // promise the same entries, field for field, in the same order, so the
  // cache does not compare every entry with what it kept again (with 0, or
  // a revision it has not seen, it does).
  uint64_t revision = 0;
};

// (In this order, 32 bytes; 40 with the date first. One per entry for every
// analysis.)
struct IndexedEntry {
  const core::Entry* entry = nullptr;
  int64_t day = 0;  // core::DaysFromCivil(date)
  core::Date date;  // local date of written_at
  bool in_period = false;
};
static_assert(sizeof(IndexedEntry) <= 32);

class EntryIndex {
 public:
  // Time patterns and triggers need more than two weeks of evidence: they
  // look back at least this many days from the period's end.
  static constexpr int kEvidenceDays = 56;

  // Borrows `data` (see JournalData) and copies `period`.
  EntryIndex(const JournalData& data, const Period& period);

  const JournalData& data() const { return data_; }
  const Period& period() const { return period_; }
  // Every entry, oldest first (by instant, then id).
  const std::vector<IndexedEntry>& entries() const { return entries_; }

  // The evidence window for time patterns and triggers: from
  // min(period start, period end - kEvidenceDays + 1) to the period's end,
  // by local date.
  int64_t window_first_day() const { return window_first_day_; }
  int64_t last_day() const { return last_day_; }
  bool InWindow(const IndexedEntry& e) const {
    return e.day >= window_first_day_ && e.day <= last_day_;
  }

 private:
  JournalData data_;
  Period period_;
  std::vector<IndexedEntry> entries_;
  int64_t window_first_day_ = 0;
  int64_t last_day_ = 0;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_ENTRY_INDEX_H_
