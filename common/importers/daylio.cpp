#include "importers/daylio.h"

#include <algorithm>
#include <map>

#include "core/i18n.h"
#include "core/json.h"
#include "core/json_error_words.h"
#include "importers/csv_reader.h"
#include "importers/csv_table.h"
#include "importers/parse_util.h"
#include "importers/zones.h"

namespace fieldnotes::importers {
namespace {

using internal::Columns;
using internal::Field;

constexpr size_t kProgressEvery = 1000;
constexpr std::string_view kRequired[] = {"full_date", "time", "mood", "activities", "note"};

}  // namespace

bool IsDaylioHeader(std::string_view text) {
  auto columns = internal::PeekHeader(text);
  if (!columns) return false;
  return std::all_of(std::begin(kRequired), std::end(kRequired),
                     [&](std::string_view c) { return columns->contains(c); });
}

std::optional<int> DaylioMood(std::string_view name) {
  std::string lower(Trim(name));
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  if (lower == "rad") return 10;
  if (lower == "good") return 8;
  if (lower == "meh") return 5;
  if (lower == "bad") return 3;
  if (lower == "awful") return 0;
  return std::nullopt;
}

core::Result<SourceImport> ParseDaylio(std::string_view csv, const ImportOptions& options,
                                       const core::ProgressFn& progress) {
  CsvReader reader(csv);
  CsvRow row;
  auto got = reader.Next(&row);
  if (!got.ok()) return got.status();
  if (!*got) return core::Status::InvalidArgument(core::Tr("the file is empty"));
  const Columns columns = internal::ReadHeader(row);
  const size_t header_fields = row.fields.size();
  for (std::string_view c : kRequired) {
    if (!columns.contains(c))
      return core::Status::InvalidArgument(core::Format(
          // TRANSLATORS: %1 a column of Daylio's export, as it is written
          // ("full_date").
          core::Tr("line 1: not a Daylio export: no column \"%1\""), c));
  }
  SourceImport out;
  out.source = Source::kDaylio;
  Zones zones;
  std::map<std::string, int> seen;
  size_t rows = 0;
  while (true) {
    got = reader.Next(&row);
    if (!got.ok()) return got.status();
    if (!*got) break;
    const size_t line = row.line;
    for (const std::string& field : row.fields) {
      if (!core::json::IsValidUtf8(field))
        return core::Status::InvalidArgument(
            // TRANSLATORS: %1 a line number of a file to import.
            core::Format(core::Tr("line %1: invalid UTF-8"), line));
    }
    if (row.fields.size() != header_fields)
      return core::Status::InvalidArgument(core::Format(
          core::Tr("line %1: %2 fields where the header has %3 (is the file cut short?)"), line,
          row.fields.size(), header_fields));
    core::ImportItem item;
    item.line = static_cast<int>(line);
    core::Entry& e = item.entry;
    auto date = core::ParseDate(Trim(Field(row, columns, "full_date")));
    if (!date.ok())
      return core::Status::InvalidArgument(core::Format(
          // TRANSLATORS: %1 a line number; "full_date" is a column of
          // Daylio's export, as the file writes it.
          core::Tr("line %1: full_date must be a date such as 2026-11-03"), line));
    auto clock = internal::ParseClock(Field(row, columns, "time"));
    if (!clock)
      return core::Status::InvalidArgument(core::Format(
          // TRANSLATORS: %1 a line number; "time" is a column of Daylio's
          // export.
          core::Tr("line %1: time must be a time such as 21:04 or 9:04 pm"), line));
    auto at = zones.FromLocal(options.local_zone, *date, clock->hour, clock->minute, clock->second);
    if (!at.ok())
      return core::Status::InvalidArgument(core::Format(
          // TRANSLATORS: %1 a line number. Rare: the computer's time zone
          // is unknown to the time zone data, or it cannot place the time.
          core::Tr(
              "line %1: Fieldnotes cannot place this date and time in your computer’s time zone"),
          line));
    e.written_at = *at;
    e.kind = core::EntryKind::kNote;
    std::string_view mood = Trim(Field(row, columns, "mood"));
    if (auto m = DaylioMood(mood)) {
      e.mood_before = *m;
    } else if (!mood.empty()) {
      // A mood the person named themselves: no number can be honest, so the
      // word is kept as a feeling.
      e.emotions.emplace_back(mood);
      out.AddLeftover(Leftover::Kind::kOwnMoods);
    }
    for (const std::string& a : SplitList(Field(row, columns, "activities")))
      internal::AddTag(e, a);
    internal::AddParagraph(e.text, Trim(Field(row, columns, "note_title")));
    internal::AddParagraph(e.text, Field(row, columns, "note"));
    e.source = std::string(SourceKey(Source::kDaylio));
    std::string key = core::FormatDate(*date) + "T" + (clock->hour < 10 ? "0" : "") +
                      std::to_string(clock->hour) + ":" + (clock->minute < 10 ? "0" : "") +
                      std::to_string(clock->minute);
    e.source_id = key + "#" + std::to_string(++seen[key]);
    if (core::ModelError invalid; !core::Validate(e, &invalid).ok())
      return core::ModelErrorStatus({core::ErrorPlace::Unit::kLine, line, {}}, invalid);
    item.type = core::ImportItem::Type::kEntry;
    out.items.push_back(std::move(item));
    if (progress && ++rows % kProgressEvery == 0) progress(line, reader.total_lines());
  }
  if (progress && rows >= kProgressEvery) progress(reader.total_lines(), reader.total_lines());
  out.FindDays();
  return out;
}

}  // namespace fieldnotes::importers
