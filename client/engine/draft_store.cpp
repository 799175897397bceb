#include "engine/draft_store.h"

#include "core/json.h"
#include "core/json_binding.h"
#include "core/record_codec.h"
#include "engine/settings.h"

namespace fieldnotes::client {
namespace {

namespace json = core::json;
constexpr int kFormat = 1;

}  // namespace

std::string DraftToJson(const Draft& draft) {
  json::Object o;
  o.Set("format", kFormat);
  o.Set("editing", draft.editing_id);
  o.Set("backdated", draft.backdated);
  o.Set("entry", json::Value(core::EntryToJson(draft.entry)));
  return json::Write(json::Value(std::move(o)));
}

core::Result<Draft> DraftFromJson(std::string_view text) {
  auto parsed = json::Parse(text);
  if (!parsed.ok()) return parsed.status();
  Draft draft;
  json::Object entry;
  json::Reader r(*parsed, "draft");
  r.Required("entry", entry).Optional("editing", draft.editing_id).Optional("backdated",
                                                                           draft.backdated);
  if (!r.ok()) return r.status();
  auto e = core::EntryFromJson(entry);
  if (!e.ok()) return e.status().WithContext("draft");
  draft.entry = std::move(e).value();
  return draft;
}

core::Status SaveDraft(core::Journal& journal, const Draft& draft) {
  // In the shape of every settings record, so fieldnotes-cli, which reads
  // them all, is never surprised (it shows only the keys it knows).
  return journal.PutRecord(core::Table::kSettings, kDraftRecord, SettingRecord(DraftToJson(draft)));
}

core::Result<std::optional<Draft>> LoadDraft(const core::Journal& journal) {
  auto record = journal.GetRecord(core::Table::kSettings, kDraftRecord);
  if (!record.ok()) {
    if (record.status().IsNotFound()) return std::optional<Draft>();
    return record.status();
  }
  auto value = SettingValue(record->str());
  if (!value.ok()) return value.status();
  auto draft = DraftFromJson(*value);
  if (!draft.ok()) return draft.status();
  return std::optional<Draft>(std::move(draft).value());
}

core::Status ClearDraft(core::Journal& journal) {
  core::Status s = journal.DeleteRecord(core::Table::kSettings, kDraftRecord);
  if (s.IsNotFound()) return core::Status::Ok();
  return s;
}

bool IsBlank(const core::Entry& e) {
  return e.emotions.empty() && !e.intensity && e.before.empty() && e.body.empty() &&
         e.thought.empty() && e.unsaid.empty() && e.text.empty() && e.tags.empty() &&
         e.thread.empty() && !e.mood_before && !e.mood_after;
}

bool HasUnsavedWords(const Draft& draft, const core::Entry& original) {
  if (!draft.editing_id.empty()) return !(draft.entry == original);
  return !IsBlank(draft.entry);
}

core::Result<bool> KeepDraft(core::Journal& journal, const Draft& draft,
                             const core::Entry& original) {
  const bool unsaved = HasUnsavedWords(draft, original);
  FN_RETURN_IF_ERROR(unsaved ? SaveDraft(journal, draft) : ClearDraft(journal));
  return unsaved;
}

core::Result<std::optional<ResumedDraft>> ResumeDraft(const core::Journal& journal) {
  auto loaded = LoadDraft(journal);
  if (!loaded.ok()) return loaded.status();
  if (!loaded->has_value()) return std::optional<ResumedDraft>();
  ResumedDraft resumed;
  resumed.draft = std::move(**loaded);
  if (!resumed.draft.editing_id.empty()) {
    if (auto entry = journal.GetEntry(resumed.draft.editing_id); entry.ok())
      resumed.original = std::move(entry).value();
    else
      resumed.draft.editing_id.clear();
  }
  resumed.keep_time = resumed.draft.backdated || resumed.original.has_value();
  return std::optional<ResumedDraft>(std::move(resumed));
}

MissingWords WhatIsMissing(const core::Entry& e) {
  if (e.kind != core::EntryKind::kThread || IsBlank(e)) return {};
  if (e.thread.empty())
    return {"Which suggestion from a session is it about? Name it first, in a few words.",
            "thread"};
  if (e.text.empty()) return {"How did it go? A line is enough, then save.", "text"};
  return {};
}

}  // namespace fieldnotes::client
