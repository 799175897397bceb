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

// Something an entry had in its app that Fieldnotes does not keep, counted.
// Each kind is said as one whole sentence (LeftoverSentence).
struct Leftover {
  enum class Kind {
    // Day One: entries that had these; counted in entries.
    kPhotos,
    kVideos,
    kAudio,
    kPdfs,
    kPlaces,
    kWeather,
    // Bearable: rows of a category not kept (`category`, as the export names
    // it: "Energy"), of no category, or of a category too long to show.
    kRows,
    kRowsWithoutCategory,
    kRowsOfAnotherKind,
    // Daylio: moods the person named themselves, kept as feeling words.
    kOwnMoods,
    // Bearable: a mood rated again in the same part of a day.
    kMoodsRatedAgain,
  };
  Kind kind = Kind::kPhotos;
  size_t count = 0;
  std::string category;  // kRows only; empty otherwise
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
  // Adds `n` to the leftover of `kind` (and `category`, for kRows),
  // appending it when new.
  void AddLeftover(Leftover::Kind kind, std::string_view category = "", size_t n = 1);
};

// "Import 312 entries from Day One, written from 4 March 2019 to 30
// November 2026?": the question asked before an import, one sentence (a
// Fieldnotes export's sessions and the leftovers are sentences of their own:
// SessionsSentence, LeftoverSentences).
std::string ImportQuestion(const SourceImport& import);

// "Found 312 entries from Day One, written from 4 March 2019 to 30
// November 2026.": what an import would bring, as one sentence (the
// entries only, without the leftovers or a Fieldnotes export's sessions).
std::string FoundSentence(const SourceImport& import);

// "3 sessions are imported with them.": for a Fieldnotes export that holds
// sessions; empty otherwise.
std::string SessionsSentence(const SourceImport& import);

// One whole sentence for one leftover: "The photos of 14 entries are not
// imported.", "2 rows of “Energy” are not imported."
std::string LeftoverSentence(const Leftover& leftover);

// LeftoverSentence of each leftover, in the import's order.
std::vector<std::string> LeftoverSentences(const SourceImport& import);

// For after the import, one leftover a line:
//   Fieldnotes keeps words, moods and tags:
//     The photos of 14 entries are not imported.
// Empty when nothing was left behind.
std::string DescribeLeftovers(const SourceImport& import);

}  // namespace fieldnotes::importers

#endif  // FIELDNOTES_IMPORTERS_IMPORT_SOURCE_H_
