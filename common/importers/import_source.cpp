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

void SourceImport::AddLeftover(std::string_view what, Leftover::Kind kind,
                               std::string_view what_one, size_t n) {
  if (n == 0) return;
  for (Leftover& l : leftovers) {
    if (l.what == what && l.kind == kind) {
      l.count += n;
      return;
    }
  }
  leftovers.push_back({std::string(what), n, kind, std::string(what_one)});
}

namespace {

// Thousands separated by commas, as the CLI writes numbers.
std::string Digits(size_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
  return digits;
}

std::string Count(size_t n, std::string_view one, std::string_view many) {
  return Digits(n) + " " + std::string(n == 1 ? one : many);
}

std::string Phrase(const Leftover& l) {
  switch (l.kind) {
    case Leftover::Kind::kEntriesWith:
      return Count(l.count, "with ", "with ") + l.what + ", whose " + l.what +
             (l.what == "weather" ? " is" : " are") + " not imported";
    case Leftover::Kind::kRows:
      return Count(l.count, l.what + " row", l.what + " rows") + ", not imported";
    case Leftover::Kind::kOther:
      return Count(l.count, l.what_one.empty() ? l.what : l.what_one, l.what);
  }
  return "";
}

// The same, for the list after an import.
std::string Line(const Leftover& l) {
  switch (l.kind) {
    case Leftover::Kind::kEntriesWith:
      return "the " + l.what + " of " + Count(l.count, "entry", "entries");
    case Leftover::Kind::kRows:
      return Count(l.count, l.what + " row", l.what + " rows");
    case Leftover::Kind::kOther:
      return Phrase(l);
  }
  return "";
}

}  // namespace

std::string DescribeImport(const SourceImport& import, bool with_leftovers) {
  const size_t entries = import.EntryCount();
  // TRANSLATORS: what an import holds: %1 a number of entries (written
  // 1,234), %2 the app it came from ("Day One").
  std::string out = core::Format(core::TrN("%1 entry from %2", "%1 entries from %2", entries),
                                 Digits(entries), SourceTitle(import.source));
  if (import.source == Source::kFieldnotes) {
    const size_t sessions = import.SessionCount();
    // TRANSLATORS: what a Fieldnotes export holds: %1 its entries ("12
    // entries"), %2 a number of sessions, %3 "Fieldnotes".
    out = core::Format(core::TrN("%1 and %2 session from %3", "%1 and %2 sessions from %3",
                                 sessions),
                       core::Format(core::TrN("%1 entry", "%1 entries", entries), Digits(entries)),
                       Digits(sessions), SourceTitle(import.source));
  }
  if (import.first_day && import.last_day) {
    // TRANSLATORS: after what an import holds: the day of its entries
    // (2026-03-12); the next one, the first and last day.
    out += *import.first_day == *import.last_day
               ? core::Format(core::Tr(", on %1"), core::FormatDate(*import.first_day))
               : core::Format(core::Tr(", %1 to %2"), core::FormatDate(*import.first_day),
                              core::FormatDate(*import.last_day));
  }
  if (with_leftovers) {
    for (const Leftover& l : import.leftovers) out += "; " + Phrase(l);
  }
  return out;
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

std::string DescribeLeftovers(const SourceImport& import) {
  if (import.leftovers.empty()) return "";
  std::string out =
      std::string(core::Tr("Not imported, because Fieldnotes keeps words, moods and tags:")) + "\n";
  for (const Leftover& l : import.leftovers) out += "  " + Line(l) + "\n";
  return out;
}

}  // namespace fieldnotes::importers
