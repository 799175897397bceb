#include "importers/bearable.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>

#include "core/i18n.h"
#include "core/json.h"
#include "core/json_error_words.h"
#include "core/unicode.h"
#include "importers/csv_reader.h"
#include "importers/csv_table.h"
#include "importers/parse_util.h"
#include "importers/zones.h"

namespace fieldnotes::importers {
namespace {

using internal::Columns;
using internal::Field;

constexpr size_t kProgressEvery = 1000;

std::string Lower(std::string_view s) {
  std::string out(Trim(s));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  return out;
}

std::string_view CategoryColumn(const Columns& c) {
  return c.contains("category") ? "category" : "type";
}

bool HasColumns(const Columns& c) {
  return c.contains("time of day") && (c.contains("category") || c.contains("type")) &&
         c.contains("rating/amount") && c.contains("detail") && c.contains("notes") &&
         (c.contains("date formatted") || c.contains("date"));
}

core::Status LineError(size_t line, std::string_view reason) {
  // TRANSLATORS: where a file to import went wrong: %1 a line number, %2
  // what is wrong there, a message of its own.
  return core::Status::InvalidArgument(core::Format(core::Tr("line %1: %2"), line, reason));
}

// "2022-01-05" (optionally followed by a time), or Bearable's "5th Jan 2022".
std::optional<core::Date> ParseBearableDate(std::string_view text) {
  text = Trim(text);
  if (text.size() >= 10) {
    auto iso = core::ParseDate(text.substr(0, 10));
    if (iso.ok()) return *iso;
  }
  size_t sp1 = text.find(' ');
  if (sp1 == std::string_view::npos) return std::nullopt;
  size_t sp2 = text.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos) return std::nullopt;
  std::string_view day_part = text.substr(0, sp1);
  std::string month = Lower(text.substr(sp1 + 1, sp2 - sp1 - 1)).substr(0, 3);
  std::string_view year_part = text.substr(sp2 + 1);
  int day = 0, year = 0;
  auto [p, ec] = std::from_chars(day_part.data(), day_part.data() + day_part.size(), day);
  if (ec != std::errc()) return std::nullopt;
  std::string_view suffix(p, static_cast<size_t>(day_part.data() + day_part.size() - p));
  if (!(suffix.empty() || suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th"))
    return std::nullopt;
  auto [q, ec2] = std::from_chars(year_part.data(), year_part.data() + year_part.size(), year);
  if (ec2 != std::errc() || q != year_part.data() + year_part.size()) return std::nullopt;
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  auto it = std::find(kMonths.begin(), kMonths.end(), month);
  if (it == kMonths.end()) return std::nullopt;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, static_cast<int>(it - kMonths.begin()) + 1,
                day);
  auto d = core::ParseDate(buf);
  if (!d.ok()) return std::nullopt;
  return *d;
}

// Bearable's parts of the day, at a fixed time each (docs/import-format.md):
// it records only the part, so the entry needs some time within it.
std::optional<internal::Clock> PartOfDay(std::string_view text) {
  std::string t = Lower(text);
  if (t == "am") return internal::Clock{9, 0, 0};
  if (t == "mid") return internal::Clock{13, 0, 0};
  if (t == "pm") return internal::Clock{18, 0, 0};
  if (t == "pre") return internal::Clock{22, 0, 0};
  return internal::ParseClock(text);
}

// Drops emoji and other symbols in front of an item ("☕ Caffeine - Little").
std::string_view WithoutLeadingSymbols(std::string_view s) {
  while (!s.empty()) {
    unsigned char c = static_cast<unsigned char>(s[0]);
    if (c == ' ') {
      s.remove_prefix(1);
      continue;
    }
    size_t len = 0;
    const char32_t cp = core::unicode::Next(s, len);
    const bool symbol = (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
                        (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0x200D ||
                        (cp >= 0xE0020 && cp <= 0xE007F);
    if (!symbol) break;
    s.remove_prefix(len);
  }
  return s;
}

enum class Use { kMood, kText, kTag, kTagList, kNone };

Use UseOf(const std::string& category) {
  if (category == "mood") return Use::kMood;
  if (category == "notes" || category == "note" || category == "extra notes" ||
      category == "gratitude" || category == "gratitudes")
    return Use::kText;
  if (category == "symptom" || category == "symptoms") return Use::kTag;
  if (category == "factors" || category == "lifestyle" || category == "active" ||
      category == "social" || category == "work" || category == "personal care" ||
      category == "behavioural patterns" || category == "behavioral patterns")
    return Use::kTagList;
  return Use::kNone;
}

struct Group {
  core::ImportItem item;
  bool has_content = false;
};

}  // namespace

bool IsBearableHeader(std::string_view text) {
  auto columns = internal::PeekHeader(text);
  return columns && HasColumns(*columns);
}

core::Result<SourceImport> ParseBearable(std::string_view csv, const ImportOptions& options,
                                         const core::ProgressFn& progress) {
  CsvReader reader(csv);
  CsvRow row;
  auto got = reader.Next(&row);
  if (!got.ok()) return got.status();
  if (!*got) return core::Status::InvalidArgument(core::Tr("the file is empty"));
  const Columns columns = internal::ReadHeader(row);
  const size_t header_fields = row.fields.size();
  if (!HasColumns(columns))
    return core::Status::InvalidArgument(
        // TRANSLATORS: the column names are Bearable's, as its export
        // writes them: keep them in English.
        core::Tr("line 1: not a Bearable export: it needs the columns date formatted, time of "
                 "day, category, rating/amount, detail and notes"));
  const std::string_view category_column = CategoryColumn(columns);
  const std::string_view date_column =
      columns.contains("date formatted") ? "date formatted" : "date";

  SourceImport out;
  out.source = Source::kBearable;
  Zones zones;
  std::vector<Group> groups;
  std::map<std::string, size_t> group_of;  // source id -> index in groups
  size_t rows = 0;
  while (true) {
    got = reader.Next(&row);
    if (!got.ok()) return got.status();
    if (!*got) break;
    const size_t line = row.line;
    if (progress && ++rows % kProgressEvery == 0) progress(line, reader.total_lines());
    for (const std::string& field : row.fields) {
      if (!core::json::IsValidUtf8(field))
        return core::Status::InvalidArgument(
            // TRANSLATORS: %1 a line number of a file to import.
            core::Format(core::Tr("line %1: invalid UTF-8"), line));
    }
    if (row.fields.size() != header_fields)
      return core::Status::InvalidArgument(core::Format(
          // TRANSLATORS: %1 a line number of a file to import, %2 how many
          // fields that line has, %3 how many the header has.
          core::Tr("line %1: %2 fields where the header has %3 (is the file cut short?)"), line,
          row.fields.size(), header_fields));
    const std::string category = Lower(Field(row, columns, category_column));
    const Use use = UseOf(category);
    std::string_view notes = Trim(Field(row, columns, "notes"));
    std::string_view detail = Trim(Field(row, columns, "detail"));
    if (use == Use::kNone) {
      const std::string_view shown = Trim(Field(row, columns, category_column));
      if (shown.empty()) {
        out.AddLeftover(Leftover::Kind::kRowsWithoutCategory);
      } else if (shown.size() > 40) {
        out.AddLeftover(Leftover::Kind::kRowsOfAnotherKind);
      } else {
        out.AddLeftover(Leftover::Kind::kRows, shown);
      }
      if (notes.empty()) continue;
    }
    auto date = ParseBearableDate(Field(row, columns, date_column));
    if (!date)
      return LineError(line, core::Format(
                                 // TRANSLATORS: %1 a column of Bearable's export, as
                                 // it is written ("date formatted").
                                 core::Tr("%1 must be a date such as 2022-01-05"), date_column));
    std::string_view part = Trim(Field(row, columns, "time of day"));
    auto clock = PartOfDay(part);
    if (!clock)
      return LineError(line,
                       // TRANSLATORS: "time of day" is a column of Bearable's export and am,
                       // mid, pm, pre its values: keep them in English.
                       core::Tr("time of day must be am, mid, pm, pre or a time such as 21:04"));
    const std::string id = core::FormatDate(*date) + "/" + Lower(part);
    auto [it, is_new] = group_of.emplace(id, groups.size());
    if (is_new) {
      Group g;
      auto at = zones.FromLocal(options.local_zone, *date, clock->hour, clock->minute);
      if (!at.ok())
        return core::Status::InvalidArgument(core::Format(
            // TRANSLATORS: %1 a line number. Rare: the computer's time zone
            // is unknown to the time zone data, or it cannot place the time.
            core::Tr(
                "line %1: Fieldnotes cannot place this date and time in your computer’s time zone"),
            line));
      g.item.line = static_cast<int>(line);
      g.item.entry.written_at = *at;
      g.item.entry.kind = core::EntryKind::kNote;
      g.item.entry.source = std::string(SourceKey(Source::kBearable));
      g.item.entry.source_id = id;
      groups.push_back(std::move(g));
    }
    Group& g = groups[it->second];
    core::Entry& e = g.item.entry;
    switch (use) {
      case Use::kMood: {
        std::string_view value = Trim(Field(row, columns, "rating/amount"));
        int mood = -1;
        auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), mood);
        if (ec != std::errc() || p != value.data() + value.size() || mood < 0 || mood > 10)
          return LineError(line,
                           // TRANSLATORS: "rating/amount" is a column of Bearable's export.
                           core::Tr("rating/amount of a mood must be a whole number from 0 to 10"));
        if (!e.mood_before) {
          e.mood_before = mood;
        } else {
          out.AddLeftover(Leftover::Kind::kMoodsRatedAgain);
        }
        g.has_content = true;
        break;
      }
      case Use::kText:
        internal::AddParagraph(e.text, detail);
        break;
      case Use::kTag:
        internal::AddTag(e, WithoutLeadingSymbols(detail));
        g.has_content = g.has_content || !detail.empty();
        break;
      case Use::kTagList:
        for (const std::string& item : SplitList(detail)) {
          internal::AddTag(e, WithoutLeadingSymbols(item));
          g.has_content = true;
        }
        break;
      case Use::kNone:
        break;
    }
    internal::AddParagraph(e.text, notes);
    g.has_content = g.has_content || !e.text.empty();
    if (e.tags.size() > core::kMaxListItems)
      return LineError(line, core::Tr("more than 64 tags in one part of a day"));
    if (core::ModelError invalid; !core::Validate(e, &invalid).ok())
      return core::ModelErrorStatus({core::ErrorPlace::Unit::kLine, line, {}}, invalid);
  }
  for (Group& g : groups) {
    if (!g.has_content) continue;
    g.item.type = core::ImportItem::Type::kEntry;
    out.items.push_back(std::move(g.item));
  }
  if (progress && rows >= kProgressEvery) progress(reader.total_lines(), reader.total_lines());
  out.FindDays();
  return out;
}

}  // namespace fieldnotes::importers
