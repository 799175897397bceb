#include "importers/jrnl.h"

#include <map>

#include "importers/parse_util.h"

namespace fieldnotes::importers {
namespace {

using core::json::Object;
using core::json::Value;
using internal::GetBool;
using internal::GetString;
using internal::GetStringList;

constexpr size_t kProgressEvery = 1000;

// jrnl writes a tag with its symbol ("@work"); the symbol is how jrnl finds
// tags in text, not part of the word.
std::string_view WithoutSymbol(std::string_view tag) {
  if (!tag.empty() && (tag.front() == '@' || tag.front() == '#')) tag.remove_prefix(1);
  return tag;
}

core::Status ParseEntry(const Object& o, const ImportOptions& options, Zones& zones,
                        std::map<std::string, int>& seen, core::Entry* e) {
  std::string date_text, time_text, title, body, uuid;
  FN_RETURN_IF_ERROR(GetString(o, "date", &date_text, /*required=*/true));
  FN_RETURN_IF_ERROR(GetString(o, "time", &time_text, /*required=*/true));
  FN_RETURN_IF_ERROR(GetString(o, "title", &title));
  FN_RETURN_IF_ERROR(GetString(o, "body", &body));
  FN_RETURN_IF_ERROR(GetString(o, "uuid", &uuid));
  auto date = core::ParseDate(date_text);
  if (!date.ok()) return date.status().WithContext("key \"date\"");
  auto clock = internal::ParseClock(time_text);
  if (!clock) return core::Status::InvalidArgument("key \"time\" must be a time such as 21:04");
  auto at = zones.FromLocal(options.local_zone, *date, clock->hour, clock->minute, clock->second);
  if (!at.ok()) return at.status();
  e->written_at = *at;
  e->kind = core::EntryKind::kNote;
  // jrnl splits an entry's text after its first sentence: the title is that
  // sentence, the body the rest.
  e->text = title;
  std::string_view rest = body;
  while (!rest.empty() && (rest.front() == '\n' || rest.front() == ' ')) rest.remove_prefix(1);
  while (!rest.empty() && (rest.back() == '\n' || rest.back() == ' ')) rest.remove_suffix(1);
  if (!rest.empty()) {
    if (!e->text.empty()) e->text += '\n';
    e->text += rest;
  }
  std::vector<std::string> tags;
  FN_RETURN_IF_ERROR(GetStringList(o, "tags", &tags));
  for (const auto& t : tags) internal::AddTag(*e, WithoutSymbol(t));
  bool starred = false;
  FN_RETURN_IF_ERROR(GetBool(o, "starred", &starred));
  if (starred) internal::AddTag(*e, "starred");
  e->source = std::string(SourceKey(Source::kJrnl));
  if (!uuid.empty()) {
    e->source_id = uuid;
  } else {
    // No id in plain jrnl journals: the minute it was written, and which of
    // the entries written in that minute it is.
    std::string key = core::FormatDate(*date) + "T" + (clock->hour < 10 ? "0" : "") +
                      std::to_string(clock->hour) + ":" + (clock->minute < 10 ? "0" : "") +
                      std::to_string(clock->minute);
    e->source_id = key + "#" + std::to_string(++seen[key]);
  }
  return core::Validate(*e);
}

}  // namespace

bool IsJrnlExport(const Object& doc) {
  const Value* tags = doc.Find("tags");
  const Value* entries = doc.Find("entries");
  return !doc.Contains("metadata") && tags && tags->is_object() && entries && entries->is_array();
}

core::Status AddJrnl(const Object& doc, const ImportOptions& options, Zones& zones,
                     SourceImport* out, const core::ProgressFn& progress) {
  if (!IsJrnlExport(doc))
    return core::Status::InvalidArgument("not a jrnl export: no \"tags\" and \"entries\"");
  out->source = Source::kJrnl;
  const auto& entries = doc.Find("entries")->as_array();
  std::map<std::string, int> seen;
  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string where = "entry " + std::to_string(i + 1);
    if (!entries[i].is_object())
      return core::Status::InvalidArgument(where + ": an entry must be a JSON object");
    core::ImportItem item;
    item.line = static_cast<int>(i + 1);
    FN_RETURN_IF_ERROR(
        ParseEntry(entries[i].as_object(), options, zones, seen, &item.entry).WithContext(where));
    out->items.push_back(std::move(item));
    if (progress && (i + 1) % kProgressEvery == 0) progress(i + 1, entries.size());
  }
  return core::Status::Ok();
}

core::Result<SourceImport> ParseJrnl(std::string_view json_text, const ImportOptions& options,
                                     const core::ProgressFn& progress) {
  if (!core::json::IsValidUtf8(json_text)) return core::Status::InvalidArgument("invalid UTF-8");
  auto doc = core::json::Parse(json_text);
  if (!doc.ok()) return internal::JsonError(json_text, doc.status());
  if (!doc->is_object())
    return core::Status::InvalidArgument("not a jrnl export: not a JSON object");
  SourceImport out;
  Zones zones;
  FN_RETURN_IF_ERROR(AddJrnl(doc->as_object(), options, zones, &out, progress));
  out.FindDays();
  return out;
}

}  // namespace fieldnotes::importers
