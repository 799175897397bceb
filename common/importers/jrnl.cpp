#include "importers/jrnl.h"

#include <map>

#include "core/i18n.h"
#include "core/json_binding.h"
#include "core/json_error_words.h"
#include "importers/parse_util.h"

namespace fieldnotes::importers {
namespace {

using core::json::Object;
using core::json::Value;
namespace json = core::json;

constexpr size_t kProgressEvery = 1000;

// jrnl writes a tag with its symbol ("@work"); the symbol is how jrnl finds
// tags in text, not part of the word.
std::string_view WithoutSymbol(std::string_view tag) {
  if (!tag.empty() && (tag.front() == '@' || tag.front() == '#')) tag.remove_prefix(1);
  return tag;
}

// `where` (entry 3) names the entry in errors.
core::Status ParseEntry(const Object& o, const core::ErrorPlace& where,
                        const ImportOptions& options, Zones& zones,
                        std::map<std::string, int>& seen, core::Entry* e) {
  json::Reader r(o, "a jrnl entry", json::Reader::kInput);
  std::string date_text, time_text;
  std::optional<std::string> title, body, uuid_field;
  std::optional<std::vector<std::string>> tags;
  std::optional<bool> starred;
  r.Required("date", date_text)
      .Required("time", time_text)
      .Optional("title", title)
      .Optional("body", body)
      .Optional("uuid", uuid_field)
      .Optional("tags", tags)
      .Optional("starred", starred);
  const std::string uuid = uuid_field.value_or(std::string());
  auto date = core::ParseDate(date_text);
  if (r.ok() && !date.ok())
    r.Refuse("date", json::FieldError::Problem::kWrongKind, json::Kind::kDate,
             date.status().message());
  auto clock = internal::ParseClock(time_text);
  if (r.ok() && !clock)
    r.Refuse("time", json::FieldError::Problem::kWrongKind, json::Kind::kClock,
             "is not a time such as 21:04");
  if (!r.ok()) return core::FieldErrorStatus(where, r.error());
  auto at = zones.FromLocal(options.local_zone, *date, clock->hour, clock->minute, clock->second);
  if (!at.ok()) {
    // Rare: the computer's zone is unknown to ICU, or cannot place the time.
    r.Refuse("time", json::FieldError::Problem::kNotAccepted, json::Kind::kClock,
             at.status().message());
    return core::FieldErrorStatus(where, r.error());
  }
  e->written_at = *at;
  e->kind = core::EntryKind::kNote;
  // jrnl splits an entry's text after its first sentence: the title is that
  // sentence, the body the rest.
  e->text = title.value_or(std::string());
  const std::string body_text = body.value_or(std::string());
  std::string_view rest = body_text;
  while (!rest.empty() && (rest.front() == '\n' || rest.front() == ' ')) rest.remove_prefix(1);
  while (!rest.empty() && (rest.back() == '\n' || rest.back() == ' ')) rest.remove_suffix(1);
  if (!rest.empty()) {
    if (!e->text.empty()) e->text += '\n';
    e->text += rest;
  }
  for (const auto& t : tags.value_or(std::vector<std::string>()))
    internal::AddTag(*e, WithoutSymbol(t));
  if (starred.value_or(false)) internal::AddTag(*e, "starred");
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
  core::ModelError invalid;
  if (!core::Validate(*e, &invalid).ok()) return core::ModelErrorStatus(where, invalid);
  return core::Status::Ok();
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
    return core::Status::InvalidArgument(
        core::Tr("not a jrnl export: no \"tags\" and \"entries\""));
  out->source = Source::kJrnl;
  const auto& entries = doc.Find("entries")->as_array();
  std::map<std::string, int> seen;
  for (size_t i = 0; i < entries.size(); ++i) {
    const core::ErrorPlace where{core::ErrorPlace::Unit::kEntry, i + 1, {}};
    if (!entries[i].is_object())
      return core::FieldErrorStatus(where,
                                    json::MakeFieldError(json::FieldError::Problem::kNotObject));
    core::ImportItem item;
    item.line = static_cast<int>(i + 1);
    FN_RETURN_IF_ERROR(
        ParseEntry(entries[i].as_object(), where, options, zones, seen, &item.entry));
    out->items.push_back(std::move(item));
    if (progress && (i + 1) % kProgressEvery == 0) progress(i + 1, entries.size());
  }
  return core::Status::Ok();
}

core::Result<SourceImport> ParseJrnl(std::string_view json_text, const ImportOptions& options,
                                     const core::ProgressFn& progress) {
  if (!core::json::IsValidUtf8(json_text))
    return core::Status::InvalidArgument(core::Tr("invalid UTF-8"));
  auto doc = core::json::Parse(json_text);
  if (!doc.ok()) return internal::JsonError(json_text, doc.status());
  if (!doc->is_object())
    return core::Status::InvalidArgument(core::Tr("not a jrnl export: not a JSON object"));
  SourceImport out;
  Zones zones;
  FN_RETURN_IF_ERROR(AddJrnl(doc->as_object(), options, zones, &out, progress));
  out.FindDays();
  return out;
}

}  // namespace fieldnotes::importers
