// TimelineModel: the rows of the timeline, newest first, with a heading row
// for each day. Rows point into the journal's entries, so the model must be
// rebuilt after any change to the journal (JournalController::revision())
// and cleared before the journal goes away.
#ifndef FIELDNOTES_CLIENT_UI_TIMELINE_MODEL_H_
#define FIELDNOTES_CLIENT_UI_TIMELINE_MODEL_H_

#include <optional>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/timestamp.h"

namespace fieldnotes::client {

struct TimelineRow {
  const core::Entry* entry = nullptr;  // nullptr: the heading of `day`
  core::Date day;
};

class TimelineModel {
 public:
  // `entries` newest first (as Journal::ListEntries and Search return them).
  void Build(const std::vector<const core::Entry*>& entries);
  void Clear();

  size_t size() const { return rows_.size(); }
  const TimelineRow& row(size_t i) const { return rows_[i]; }
  size_t entry_count() const { return entry_count_; }

  // The row showing the entry with `id`, if it is shown.
  std::optional<size_t> RowOf(std::string_view id) const;
  // The first entry row at or after `row` (in `step` direction, +1 or -1).
  std::optional<size_t> EntryRowFrom(size_t row, int step) const;

 private:
  std::vector<TimelineRow> rows_;
  size_t entry_count_ = 0;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_TIMELINE_MODEL_H_
