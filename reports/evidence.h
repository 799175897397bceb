// Evidence: the entries an observation rests on, oldest first, each with
// its local date: the "entry_ids" and "dates" of an observation's JSON
// (docs/patterns.md; same length, same order).
//
// Over the whole history one observation can rest on tens of thousands of
// entries, so the list is held compactly and shared: an id that is a
// lower-case UUID (every journal entry's, core::IsUuid) as its 16 bytes, a
// date as its day number, about 20 bytes an entry instead of a string and
// a date (about 90); and copies of an Evidence (the report's content
// copies each observation it shows) share one list until one of them adds
// to it. Ids that are not such UUIDs are kept as they are, so what comes
// out is always exactly what went in.
//
// A value type: copying is cheap, adding to a shared list copies it first.
// Like a std::vector, one object must not be read and changed at once
// from two threads; copies may be used on different threads.
#ifndef FIELDNOTES_REPORTS_EVIDENCE_H_
#define FIELDNOTES_REPORTS_EVIDENCE_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/timestamp.h"

namespace fieldnotes::reports {

class Evidence {
 public:
  Evidence() = default;

  // Room for `n` entries in all, so a list whose length is known is
  // allocated once.
  void Reserve(size_t n);
  // Adds an entry after the others. `date` is a calendar date (as
  // core::Timestamp::LocalDate or core::ParseDate give).
  void Add(std::string_view entry_id, const core::Date& date);

  size_t size() const;
  bool empty() const { return size() == 0; }
  // The i-th entry's id, exactly as it was added, and its date; i < size().
  std::string id(size_t i) const;
  core::Date date(size_t i) const;
  // Whether an entry with this id is in the list.
  bool Contains(std::string_view entry_id) const;

  // Copies of the whole list, for a caller that wants plain vectors.
  std::vector<std::string> Ids() const;
  std::vector<core::Date> Dates() const;

  // Same entries and dates in the same order.
  bool operator==(const Evidence& other) const;

 private:
  using Uuid = std::array<uint8_t, 16>;
  struct List {
    std::vector<Uuid> uuids;         // every id while each is a lower-case UUID
    std::vector<std::string> other;  // every id as given, once one is not
    std::vector<int32_t> days;       // core::DaysFromCivil of each date
  };
  List& Own();

  std::shared_ptr<List> list_;  // null when empty; shared by copies, never changed while shared
};

// The JSON forms' "entry_ids" (strings) and "dates" ("YYYY-MM-DD"), in order.
core::json::Value EntryIdsToJson(const Evidence& evidence);
core::json::Value DatesToJson(const Evidence& evidence);

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_EVIDENCE_H_
