// What every importer of another app's export gives back (docs/import-format.md,
// "Other apps"): the entries as Fieldnotes import items, where they came from,
// and what could not be brought over, counted, so nothing is dropped silently.
//
// The parsers live in this library (`importers`) because reading a zip takes
// Poco::Zip and placing a time in a named zone takes ICU, neither of which
// core may use. Poco and ICU are linked privately: no header here names them.
#ifndef FIELDNOTES_IMPORTERS_IMPORT_SOURCE_H_
#define FIELDNOTES_IMPORTERS_IMPORT_SOURCE_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/journal.h"
#include "core/timestamp.h"

namespace fieldnotes::importers {

enum class Source { kFieldnotes, kDayOne, kDaylio, kJrnl, kBearable };

// "Fieldnotes", "Day One", "Daylio", "jrnl", "Bearable": for people.
std::string_view SourceTitle(Source source);
// "dayone", "daylio", "jrnl", "bearable" (Entry::source); empty for Fieldnotes.
std::string_view SourceKey(Source source);

struct ImportOptions {
  // The IANA time zone for sources that write local wall-clock times only
  // (Daylio, jrnl, Bearable), and for Day One entries without a zone. Empty:
  // this computer's zone.
  std::string local_zone;
  // A zip entry is refused above this many bytes once decompressed, whatever
  // its header says (zip bombs); so is a zip whose entries add up to more
  // than max_zip_total_bytes.
  size_t max_zip_entry_bytes = 256u * 1024 * 1024;
  size_t max_zip_total_bytes = 512u * 1024 * 1024;
  size_t max_zip_entries = 100000;
};

// Something an entry had in its app that Fieldnotes does not keep.
struct Leftover {
  enum class Kind {
    kEntriesWith,  // entries that had `what` ("photos"): "14 with photos, whose photos are not
                   // imported"
    kRows,         // rows of a kind not kept ("Energy"): "12 Energy rows, not imported"
    kOther,        // said as it is: "3 moods of their own, kept as a feeling word without a number"
  };
  std::string what;  // plural: "photos", "Energy", "moods of their own, ..."
  size_t count = 0;
  Kind kind = Kind::kEntriesWith;
  std::string what_one;  // kOther's singular ("a mood of their own, ..."); else empty
  bool operator==(const Leftover&) const = default;
};

struct SourceImport {
  Source source = Source::kFieldnotes;
  std::vector<core::ImportItem> items;
  // First and last day written (local dates), when there are entries.
  std::optional<core::Date> first_day;
  std::optional<core::Date> last_day;
  // In a fixed order per source; only kinds that occurred.
  std::vector<Leftover> leftovers;

  size_t EntryCount() const;
  size_t SessionCount() const;
  // Fills first_day and last_day from the entries.
  void FindDays();
  // Adds `n` to the leftover named `what` (appending it when new).
  void AddLeftover(std::string_view what, Leftover::Kind kind = Leftover::Kind::kEntriesWith,
                   std::string_view what_one = "", size_t n = 1);
};

// "312 entries from Day One, 2019-03-04 to 2026-11-30; 14 with photos,
// whose photos are not imported": what an import would bring, before it
// does; without the leftovers when `with_leftovers` is false.
std::string DescribeImport(const SourceImport& import, bool with_leftovers = true);

// "Found 312 entries from Day One, written from 4 March 2019 to 30
// November 2026.": what an import would bring, as one sentence (the
// entries only, without the leftovers or a Fieldnotes export's sessions).
std::string FoundSentence(const SourceImport& import);

// For after the import, one leftover a line:
//   Not imported, because Fieldnotes keeps words, moods and tags:
//     the photos of 14 entries
// Empty when nothing was left behind.
std::string DescribeLeftovers(const SourceImport& import);

}  // namespace fieldnotes::importers

#endif  // FIELDNOTES_IMPORTERS_IMPORT_SOURCE_H_
