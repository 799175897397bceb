#include "importers/day_one.h"

#include <algorithm>
#include <iterator>

#include "core/i18n.h"
#include "core/json_binding.h"
#include "core/json_error_words.h"
#include "importers/parse_util.h"
#include "importers/zip_reader.h"

namespace fieldnotes::importers {
namespace {

using core::json::Object;
using core::json::Value;
namespace json = core::json;

constexpr size_t kProgressEvery = 1000;

// Media and metadata Fieldnotes does not keep, by Day One key, with the
// leftover each is counted as; in the order the summary lists them.
struct Dropped {
  std::string_view key;
  Leftover::Kind kind;
};
constexpr Dropped kDropped[] = {
    {"photos", Leftover::Kind::kPhotos},   {"videos", Leftover::Kind::kVideos},
    {"audios", Leftover::Kind::kAudio},    {"pdfAttachments", Leftover::Kind::kPdfs},
    {"location", Leftover::Kind::kPlaces}, {"weather", Leftover::Kind::kWeather},
};

bool HasContent(const Value& v) {
  if (v.is_null()) return false;
  if (v.is_array()) return !v.as_array().empty();
  if (v.is_object()) return !v.as_object().empty();
  return true;
}

// `where` (entry 3, of which file) names the entry in errors.
core::Status ParseEntry(const Object& o, const core::ErrorPlace& where,
                        const ImportOptions& options, Zones& zones, core::Entry* e,
                        SourceImport* out) {
  json::Reader r(o, "a Day One entry", json::Reader::kInput);
  std::string uuid;
  std::string created;
  std::optional<std::string> zone;
  std::optional<std::string> text;
  std::optional<std::vector<std::string>> tags;
  std::optional<bool> starred;
  r.Required("uuid", uuid)
      .NotEmpty("uuid", uuid)
      .Required("creationDate", created)
      .Optional("timeZone", zone)
      .Optional("text", text)
      .Optional("tags", tags)
      .Optional("starred", starred);
  auto at = core::ParseTimestamp(created);
  if (r.ok() && !at.ok())
    r.Refuse("creationDate", json::FieldError::Problem::kWrongKind, json::Kind::kTimestamp,
             at.status().message());
  if (!r.ok()) return core::FieldErrorStatus(where, r.error());
  auto offset = zones.OffsetAt(zone.value_or(options.local_zone), at->unix_seconds);
  if (!offset.ok()) {
    r.Refuse("timeZone", json::FieldError::Problem::kUnknownZone, json::Kind::kText,
             offset.status().message());
    return core::FieldErrorStatus(where, r.error());
  }
  e->written_at = core::Timestamp{at->unix_seconds, *offset};
  e->kind = core::EntryKind::kNote;
  e->text = text.value_or(std::string());
  for (const auto& t : tags.value_or(std::vector<std::string>())) internal::AddTag(*e, t);
  if (starred.value_or(false)) internal::AddTag(*e, "starred");
  e->source = std::string(SourceKey(Source::kDayOne));
  e->source_id = uuid;
  if (core::ModelError invalid; !core::Validate(*e, &invalid).ok())
    return core::ModelErrorStatus(where, invalid);
  for (const Dropped& d : kDropped) {
    const Value* v = o.Find(d.key);
    if (v && HasContent(*v)) out->AddLeftover(d.kind);
  }
  return core::Status::Ok();
}

}  // namespace

bool IsDayOneExport(const Object& doc) {
  const Value* meta = doc.Find("metadata");
  const Value* entries = doc.Find("entries");
  return meta && meta->is_object() && entries && entries->is_array();
}

core::Status AddDayOne(const Object& doc, std::string_view label, const ImportOptions& options,
                       Zones& zones, SourceImport* out, const core::ProgressFn& progress) {
  if (!IsDayOneExport(doc)) {
    if (label.empty())
      return core::Status::InvalidArgument(
          // TRANSLATORS: "metadata" and "entries" are fields of Day One's
          // export, as the file writes them.
          core::Tr("This is not a Day One export: it has no “metadata” and “entries”."));
    return core::Status::InvalidArgument(core::Format(
        // TRANSLATORS: %1 a file in a zip ("Journal.json"); "metadata" and
        // "entries" are fields of Day One's export, as the file writes them.
        core::Tr("%1 is not a Day One export: it has no “metadata” and “entries”."), label));
  }
  out->source = Source::kDayOne;
  const auto& entries = doc.Find("entries")->as_array();
  for (size_t i = 0; i < entries.size(); ++i) {
    const core::ErrorPlace where{core::ErrorPlace::Unit::kEntry, i + 1, std::string(label)};
    if (!entries[i].is_object())
      return core::FieldErrorStatus(where,
                                    json::MakeFieldError(json::FieldError::Problem::kNotObject));
    core::ImportItem item;
    item.type = core::ImportItem::Type::kEntry;
    item.line = static_cast<int>(i + 1);
    FN_RETURN_IF_ERROR(ParseEntry(entries[i].as_object(), where, options, zones, &item.entry, out));
    out->items.push_back(std::move(item));
    if (progress && (i + 1) % kProgressEvery == 0) progress(i + 1, entries.size());
  }
  // Leftovers in a fixed order (photos first), whatever entry had them first.
  auto rank = [](const Leftover& l) {
    for (size_t r = 0; r < std::size(kDropped); ++r)
      if (kDropped[r].kind == l.kind) return r;
    return std::size(kDropped);
  };
  std::stable_sort(out->leftovers.begin(), out->leftovers.end(),
                   [&](const Leftover& a, const Leftover& b) { return rank(a) < rank(b); });
  return core::Status::Ok();
}

core::Result<SourceImport> ParseDayOne(std::string_view json_text, const ImportOptions& options,
                                       const core::ProgressFn& progress) {
  if (!core::json::IsValidUtf8(json_text))
    return core::Status::InvalidArgument(core::Tr("invalid UTF-8"));
  auto doc = core::json::Parse(json_text);
  if (!doc.ok()) return internal::JsonError(json_text, doc.status());
  if (!doc->is_object())
    return core::Status::InvalidArgument(core::Tr("not a Day One export: not a JSON object"));
  SourceImport out;
  Zones zones;
  FN_RETURN_IF_ERROR(AddDayOne(doc->as_object(), "", options, zones, &out, progress));
  out.FindDays();
  return out;
}

core::Result<SourceImport> ParseDayOneZip(std::string_view zip_bytes, const ImportOptions& options,
                                          const core::ProgressFn& progress) {
  auto is_journal = [](std::string_view name) {
    return name.find('/') == std::string_view::npos && name.size() > 5 &&
           name.substr(name.size() - 5) == ".json";
  };
  auto members = ReadZip(zip_bytes, options, is_journal);
  if (!members.ok()) return members.status();
  SourceImport out;
  out.source = Source::kDayOne;
  Zones zones;
  size_t journals = 0;
  for (const ZipMember& m : *members) {
    if (!m.read) continue;
    ++journals;
    // TRANSLATORS: stands for a journal file of a Day One zip whose name is
    // too long to show, in "%1, entry %2" and "%1: invalid UTF-8".
    const std::string label =
        m.name.size() <= 80 ? m.name : std::string(core::Tr("a journal file"));
    if (!core::json::IsValidUtf8(m.data))
      // TRANSLATORS: %1 a journal file in a Day One zip ("Journal.json").
      return core::Status::InvalidArgument(core::Format(core::Tr("%1: invalid UTF-8"), label));
    auto doc = core::json::Parse(m.data);
    if (!doc.ok()) return internal::JsonError(m.data, doc.status(), label);
    if (!doc->is_object())
      return core::Status::InvalidArgument(core::Format(
          // TRANSLATORS: %1 a journal file in a Day One zip ("Journal.json").
          core::Tr("%1: not a Day One export: not a JSON object"), label));
    FN_RETURN_IF_ERROR(AddDayOne(doc->as_object(), label, options, zones, &out, progress));
  }
  if (journals == 0)
    return core::Status::InvalidArgument(core::Tr(
        "a zip, but not a Day One export: it has no journal (.json) file at its top level"));
  out.FindDays();
  return out;
}

}  // namespace fieldnotes::importers
