#include "importers/import_source.h"

#include <algorithm>

#include "core/display.h"
#include "core/i18n.h"

namespace fieldnotes::importers {

std::string_view SourceTitle(Source source) {
  switch (source) {
    case Source::kFieldnotes:
      return "Fieldnotes";
    case Source::kDayOne:
      return "Day One";
    case Source::kDaylio:
      return "Daylio";
    case Source::kJrnl:
      return "jrnl";
    case Source::kBearable:
      return "Bearable";
  }
  return "Fieldnotes";
}

std::string_view SourceKey(Source source) {
  switch (source) {
    case Source::kFieldnotes:
      return "";
    case Source::kDayOne:
      return "dayone";
    case Source::kDaylio:
      return "daylio";
    case Source::kJrnl:
      return "jrnl";
    case Source::kBearable:
      return "bearable";
  }
  return "";
}

size_t SourceImport::EntryCount() const {
  return static_cast<size_t>(std::count_if(items.begin(), items.end(), [](const auto& i) {
    return i.type == core::ImportItem::Type::kEntry;
  }));
}

size_t SourceImport::SessionCount() const { return items.size() - EntryCount(); }

void SourceImport::FindDays() {
  first_day.reset();
  last_day.reset();
  for (const auto& item : items) {
    if (item.type != core::ImportItem::Type::kEntry) continue;
    core::Date d = item.entry.written_at.LocalDate();
    if (!first_day || d < *first_day) first_day = d;
    if (!last_day || d > *last_day) last_day = d;
  }
}

void SourceImport::AddLeftover(Leftover::Kind kind, std::string_view category, size_t n) {
  if (n == 0) return;
  for (Leftover& l : leftovers) {
    if (l.kind == kind && l.category == category) {
      l.count += n;
      return;
    }
  }
  leftovers.push_back({kind, n, std::string(category)});
}

namespace {

// The plural message of one leftover kind, before its count is filled in.
const char* LeftoverMessage(Leftover::Kind kind, unsigned long n) {
  using Kind = Leftover::Kind;
  switch (kind) {
    case Kind::kPhotos:
      // TRANSLATORS: what an import from Day One leaves behind; %1 a number
      // of entries (written 1,234). Said before and after the import.
      return core::TrN("The photos of %1 entry are not imported.",
                       "The photos of %1 entries are not imported.", n);
    case Kind::kVideos:
      // TRANSLATORS: as "The photos of %1 entry are not imported."
      return core::TrN("The videos of %1 entry are not imported.",
                       "The videos of %1 entries are not imported.", n);
    case Kind::kAudio:
      // TRANSLATORS: as "The photos of %1 entry are not imported."
      return core::TrN("The audio recordings of %1 entry are not imported.",
                       "The audio recordings of %1 entries are not imported.", n);
    case Kind::kPdfs:
      // TRANSLATORS: as "The photos of %1 entry are not imported."
      return core::TrN("The PDF files attached to %1 entry are not imported.",
                       "The PDF files attached to %1 entries are not imported.", n);
    case Kind::kPlaces:
      // TRANSLATORS: as "The photos of %1 entry are not imported"; the place
      // where an entry was written, as Day One records it.
      return core::TrN("The place of %1 entry is not imported.",
                       "The places of %1 entries are not imported.", n);
    case Kind::kWeather:
      // TRANSLATORS: as "The photos of %1 entry are not imported"; the
      // weather Day One recorded with an entry.
      return core::TrN("The weather of %1 entry is not imported.",
                       "The weather of %1 entries is not imported.", n);
    case Kind::kRows:
      // TRANSLATORS: what an import from Bearable leaves behind: %1 a number
      // of rows (written 1,234), %2 the category of those rows as the
      // export names it, usually in English ("Energy", "Sleep"), in your
      // language's quotation marks.
      return core::TrN("%1 row of “%2” is not imported.", "%1 rows of “%2” are not imported.", n);
    case Kind::kRowsWithoutCategory:
      // TRANSLATORS: what an import from Bearable leaves behind: %1 a number
      // of rows of the export that name no category.
      return core::TrN("%1 row without a category is not imported.",
                       "%1 rows without a category are not imported.", n);
    case Kind::kRowsOfAnotherKind:
      // TRANSLATORS: what an import from Bearable leaves behind: %1 a number
      // of rows of a category whose name is too long to show.
      return core::TrN("%1 row of another kind is not imported.",
                       "%1 rows of another kind are not imported.", n);
    case Kind::kOwnMoods:
      // TRANSLATORS: what an import from Daylio changes: %1 a number of
      // moods the person named themselves; the word is kept as a feeling,
      // without a mood number from 0 to 10.
      return core::TrN("%1 mood of your own is kept as a feeling word, without a number.",
                       "%1 moods of your own are kept as feeling words, without a number.", n);
    case Kind::kMoodsRatedAgain:
      // TRANSLATORS: what an import from Bearable leaves behind: %1 a number
      // of moods rated a second time in the same morning, afternoon or
      // evening; the first rating of each is imported.
      return core::TrN(
          "%1 mood rated again in the same part of a day is not imported; the first one is kept.",
          "%1 moods rated again in the same part of a day are not imported; the first one of "
          "each is kept.",
          n);
  }
  return "";
}

}  // namespace

std::string LeftoverSentence(const Leftover& leftover) {
  return core::Format(LeftoverMessage(leftover.kind, static_cast<unsigned long>(leftover.count)),
                      core::FormatCount(leftover.count), leftover.category);
}

std::vector<std::string> LeftoverSentences(const SourceImport& import) {
  std::vector<std::string> out;
  out.reserve(import.leftovers.size());
  for (const Leftover& l : import.leftovers) out.push_back(LeftoverSentence(l));
  return out;
}

std::string ImportQuestion(const SourceImport& import) {
  const size_t n = import.EntryCount();
  const std::string count = core::FormatCount(n);
  const std::string_view source = SourceTitle(import.source);
  if (!import.first_day || !import.last_day) {
    // TRANSLATORS: asked before an import: %1 a number of entries, %2 the
    // app they come from ("Day One").
    return core::Format(core::TrN("Import %1 entry from %2?", "Import %1 entries from %2?", n),
                        count, source);
  }
  if (*import.first_day == *import.last_day) {
    // TRANSLATORS: asked before an import: %1 a number of entries, %2 the
    // app they come from ("Day One"), %3 the day they were written.
    return core::Format(core::TrN("Import %1 entry from %2, written on %3?",
                                  "Import %1 entries from %2, all written on %3?", n),
                        count, source, core::FormatDate(*import.first_day));
  }
  // TRANSLATORS: asked before an import: %1 a number of entries (2 or
  // more), %2 the app they come from ("Day One"), %3 and %4 the first and
  // last day they were written.
  return core::Format(core::TrN("Import %1 entry from %2, written from %3 to %4?",
                                "Import %1 entries from %2, written from %3 to %4?", n),
                      count, source, core::FormatDate(*import.first_day),
                      core::FormatDate(*import.last_day));
}

std::string FoundSentence(const SourceImport& import) {
  const size_t n = import.EntryCount();
  const std::string count = core::FormatCount(n);
  const std::string_view source = SourceTitle(import.source);
  if (!import.first_day || !import.last_day) {
    // TRANSLATORS: what a file to import holds: %1 a number of entries, %2
    // the app it came from ("Day One").
    return core::Format(core::TrN("Found %1 entry from %2.", "Found %1 entries from %2.", n), count,
                        source);
  }
  if (*import.first_day == *import.last_day) {
    // TRANSLATORS: what a file to import holds: %1 a number of entries, %2
    // the app it came from ("Day One"), %3 the day they were written.
    return core::Format(core::TrN("Found %1 entry from %2, written on %3.",
                                  "Found %1 entries from %2, all written on %3.", n),
                        count, source, core::FormatDate(*import.first_day));
  }
  // TRANSLATORS: what a file to import holds: %1 a number of entries (2 or
  // more), %2 the app it came from ("Day One"), %3 and %4 the first and
  // last day they were written.
  return core::Format(core::TrN("Found %1 entry from %2, written from %3 to %4.",
                                "Found %1 entries from %2, written from %3 to %4.", n),
                      count, source, core::FormatDate(*import.first_day),
                      core::FormatDate(*import.last_day));
}

std::string SessionsSentence(const SourceImport& import) {
  if (import.source != Source::kFieldnotes) return "";
  const size_t n = import.SessionCount();
  if (n == 0) return "";
  // TRANSLATORS: after "Import 12 entries from Fieldnotes…?": %1 a number
  // of therapy sessions the same file holds, imported with the entries.
  return core::Format(
      core::TrN("%1 session is imported with them.", "%1 sessions are imported with them.", n),
      core::FormatCount(n));
}

std::string DescribeLeftovers(const SourceImport& import) {
  if (import.leftovers.empty()) return "";
  // TRANSLATORS: after an import from another app, above the list of what
  // it left behind ("The photos of 14 entries are not imported."), one a
  // line.
  std::string out = std::string(core::Tr("Fieldnotes keeps words, moods and tags:")) + "\n";
  for (const Leftover& l : import.leftovers) out += "  " + LeftoverSentence(l) + "\n";
  return out;
}

}  // namespace fieldnotes::importers
