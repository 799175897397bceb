#include "ui/timeline_model.h"

namespace fieldnotes::client {

void TimelineModel::Build(const std::vector<const core::Entry*>& entries) {
  rows_.clear();
  rows_.reserve(entries.size() + entries.size() / 2 + 1);
  std::optional<core::Date> day;
  for (const core::Entry* e : entries) {
    const core::Date d = e->written_at.LocalDate();
    if (!day || *day != d) {
      rows_.push_back({nullptr, d});
      day = d;
    }
    rows_.push_back({e, d});
  }
  entry_count_ = entries.size();
}

void TimelineModel::Clear() {
  rows_.clear();
  rows_.shrink_to_fit();
  entry_count_ = 0;
}

std::optional<size_t> TimelineModel::RowOf(std::string_view id) const {
  for (size_t i = 0; i < rows_.size(); ++i)
    if (rows_[i].entry != nullptr && rows_[i].entry->id == id) return i;
  return std::nullopt;
}

std::optional<size_t> TimelineModel::EntryRowFrom(size_t row, int step) const {
  for (size_t i = row; i < rows_.size(); i += step) {
    if (rows_[i].entry != nullptr) return i;
    if (step < 0 && i == 0) break;
  }
  return std::nullopt;
}

}  // namespace fieldnotes::client
