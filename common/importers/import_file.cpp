#include "importers/import_file.h"

#include "core/i18n.h"
#include "core/import_export.h"
#include "core/json.h"
#include "importers/bearable.h"
#include "importers/csv_table.h"
#include "importers/day_one.h"
#include "importers/daylio.h"
#include "importers/jrnl.h"
#include "importers/parse_util.h"
#include "importers/zip_reader.h"
#include "importers/zones.h"

namespace fieldnotes::importers {
namespace {

struct Magic {
  std::string_view bytes;
  const char* what;  // translated where shown
};
constexpr Magic kMagic[] = {
    // TRANSLATORS: kinds of file someone may try to import by mistake, in
    // "this is %1, not a journal export (…)".
    {"\x89PNG", N_("a PNG picture")},      {"\xFF\xD8\xFF", N_("a JPEG picture")},
    {"GIF8", N_("a GIF picture")},         {"%PDF", N_("a PDF document")},
    {"SQLite format 3", N_("a database")}, {"\x1F\x8B", N_("a gzip archive")},
};

core::Result<SourceImport> Fieldnotes(std::string_view content, const core::ProgressFn& progress) {
  auto items = core::ParseImport(content, progress);
  if (!items.ok()) return items.status();
  SourceImport out;
  out.source = Source::kFieldnotes;
  out.items = std::move(items).value();
  out.FindDays();
  return out;
}

// True when the first non-blank line is a JSON object with a "type": the
// Fieldnotes JSON Lines format.
bool LooksLikeJsonl(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = Trim(text.substr(pos, end - pos));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) {
      if (line.size() > core::kMaxImportLineBytes) return false;
      auto v = core::json::Parse(line);
      return v.ok() && v->is_object() && v->as_object().Contains("type");
    }
    pos = end + 1;
  }
  return false;
}

}  // namespace

core::Result<SourceImport> ParseAnyImport(std::string_view content, const ImportOptions& options,
                                          const core::ProgressFn& progress) {
  if (LooksLikeZip(content)) return ParseDayOneZip(content, options);
  for (const Magic& m : kMagic) {
    if (content.substr(0, m.bytes.size()) == m.bytes)
      // TRANSLATORS: %1 is a kind of file ("a PNG picture").
      return core::Status::InvalidArgument(core::Format(
          core::Tr("this is %1, not a journal export (Fieldnotes reads its own export, Day One, "
                   "Daylio, jrnl and Bearable exports)"),
          core::Tr(m.what)));
  }
  std::string_view text = content;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos)
    return core::Status::InvalidArgument(core::Tr("the file is empty"));
  if (text[first] == '{' || text[first] == '[') {
    // Our own format first: its parser names the line of any fault.
    if (LooksLikeJsonl(text)) return Fieldnotes(content, progress);
    auto doc = core::json::Parse(text);
    if (doc.ok() && doc->is_object()) {
      const auto& o = doc->as_object();
      Zones zones;
      SourceImport out;
      // The JSON exports are read whole before their entries; checking the
      // entries is quick, so no progress is reported for them (only lines
      // of CSV and JSON Lines are).
      if (IsDayOneExport(o)) {
        FN_RETURN_IF_ERROR(AddDayOne(o, "", options, zones, &out));
      } else if (IsJrnlExport(o)) {
        FN_RETURN_IF_ERROR(AddJrnl(o, options, zones, &out));
      } else if (o.Contains("type")) {
        return Fieldnotes(content, progress);
      } else {
        return core::Status::InvalidArgument(
            core::Tr("a JSON file, but not a Day One or jrnl export: it has no \"entries\" list "
                     "with \"metadata\" (Day One) or \"tags\" (jrnl)"));
      }
      out.FindDays();
      return out;
    }
    if (!doc.ok()) return internal::JsonError(text, doc.status());
    return core::Status::InvalidArgument(
        core::Tr("a JSON file, but not a Day One or jrnl export: it is not a JSON object"));
  }

  const std::optional<internal::Columns> header = internal::PeekHeader(text);
  if (!header && !core::json::IsValidUtf8(text)) {
    return core::Status::InvalidArgument(
        core::Tr("not a file Fieldnotes can import: it is not text (invalid UTF-8) nor a zip "
                 "(Fieldnotes reads its own export, Day One, Daylio, jrnl and Bearable exports)"));
  }
  if (IsDaylioHeader(text)) return ParseDaylio(text, options, progress);
  if (IsBearableHeader(text)) return ParseBearable(text, options, progress);
  if (header && header->size() >= 2) {
    return core::Status::InvalidArgument(
        core::Tr("line 1: a CSV file, but not a Daylio or Bearable export: its columns are not "
                 "theirs"));
  }
  return core::Status::InvalidArgument(
      core::Tr("not a file Fieldnotes can import (Fieldnotes reads its own export, Day One, "
               "Daylio, jrnl and Bearable exports)"));
}

}  // namespace fieldnotes::importers
