#include "core/record_codec.h"

#include <algorithm>

#include "core/json_binding.h"

namespace fieldnotes::core {
namespace {

using json::Object;
using json::Value;

constexpr json::Reader::Source kInput = json::Reader::kInput;

// A scale from 0 to 10, absent or null when not given.
void ReadScale(json::Reader& r, std::string_view key, std::optional<int>& out) {
  r.Optional(key, out);
  if (out)
    r.Expect(key, *out >= 0 && *out <= kMaxIntensity, json::Kind::kScale, "is not from 0 to 10");
}

// An id (absent: a new one is given), lower case.
void ReadId(json::Reader& r, std::string& id) {
  r.Optional("id", id);
  std::transform(id.begin(), id.end(), id.begin(),
                 [](char c) { return c >= 'A' && c <= 'F' ? static_cast<char>(c + 32) : c; });
  r.Expect("id", id.empty() || IsUuid(id), json::Kind::kUuid, "is not a UUID");
}

// "type" must be `expected`.
void ReadType(json::Reader& r, std::string_view expected) {
  std::string type;
  r.Required("type", type);
  r.OneOf("type", type == expected, expected);
}

void PutString(Object& o, const char* key, std::string_view s) {
  if (!s.empty()) o.Set(key, Value(s));
}

void PutList(Object& o, const char* key, const std::vector<std::string>& list) {
  if (list.empty()) return;
  json::Array a;
  a.reserve(list.size());
  for (const auto& s : list) a.emplace_back(s);
  o.Set(key, Value(std::move(a)));
}

}  // namespace

Object EntryToJson(const Entry& e) {
  Object o;
  o.Set("type", "entry");
  PutString(o, "id", e.id);
  o.Set("kind", Value(KindName(e.kind)));
  o.Set("at", Value(FormatTimestamp(e.written_at)));
  PutList(o, "emotions", e.emotions);
  if (e.intensity) o.Set("intensity", Value(*e.intensity));
  PutString(o, "before", e.before);
  PutString(o, "body", e.body);
  PutString(o, "thought", e.thought);
  PutString(o, "unsaid", e.unsaid);
  PutString(o, "text", e.text);
  PutString(o, "thread", e.thread);
  PutList(o, "tags", e.tags);
  if (!e.followups.empty()) {
    json::Array a;
    for (const auto& f : e.followups) {
      Object fo;
      fo.Set("question", Value(f.question.view()));
      fo.Set("answer", Value(f.answer.view()));
      a.emplace_back(std::move(fo));
    }
    o.Set("followups", Value(std::move(a)));
  }
  if (e.mood_before) o.Set("mood_before", Value(*e.mood_before));
  if (e.mood_after) o.Set("mood_after", Value(*e.mood_after));
  PutString(o, "source", e.source);
  PutString(o, "source_id", e.source_id);
  return o;
}

Result<Entry> EntryFromJson(const Object& o, json::FieldError* why, ModelError* invalid) {
  auto failed = [why](const json::Reader& reader) {
    if (why) *why = reader.error();
    return reader.status();
  };
  json::Reader r(o, "entry", kInput);
  r.Known({"type", "id", "kind", "at", "emotions", "intensity", "before", "body", "thought",
           "unsaid", "text", "thread", "tags", "followups", "mood_before", "mood_after", "source",
           "source_id"});
  ReadType(r, "entry");
  Entry e;
  ReadId(r, e.id);
  std::string kind;
  r.Required("kind", kind);
  const auto k = ParseKind(kind);
  r.OneOf("kind", k.has_value(), "spike, loop, thread, note");
  r.Required("at", e.written_at)
      .Optional("emotions", e.emotions)
      .Optional("before", e.before)
      .Optional("body", e.body)
      .Optional("thought", e.thought)
      .Optional("unsaid", e.unsaid)
      .Optional("text", e.text)
      .Optional("thread", e.thread)
      .Optional("tags", e.tags);
  ReadScale(r, "intensity", e.intensity);
  std::vector<Object> followups;
  r.Optional("followups", followups);
  if (!r.ok()) return failed(r);
  e.kind = *k;
  for (const Object& fo : followups) {
    json::Reader f(fo, "entry: a follow-up", kInput);
    FollowUp fu;
    f.Known({"question", "answer"}).Required("question", fu.question).Optional("answer", fu.answer);
    if (!f.ok()) return failed(f);
    e.followups.push_back(std::move(fu));
  }
  ReadScale(r, "mood_before", e.mood_before);
  ReadScale(r, "mood_after", e.mood_after);
  r.Optional("source", e.source).Optional("source_id", e.source_id);
  if (!r.ok()) return failed(r);
  FN_RETURN_IF_ERROR(Validate(e, invalid));
  return e;
}

Object SessionToJson(const Session& s) {
  Object o;
  o.Set("type", "session");
  PutString(o, "id", s.id);
  o.Set("at", Value(FormatTimestamp(s.at)));
  PutString(o, "note", s.note);
  return o;
}

Result<Session> SessionFromJson(const Object& o, json::FieldError* why, ModelError* invalid) {
  auto failed = [why](const json::Reader& reader) {
    if (why) *why = reader.error();
    return reader.status();
  };
  json::Reader r(o, "session", kInput);
  r.Known({"type", "id", "at", "note"});
  ReadType(r, "session");
  Session s;
  ReadId(r, s.id);
  r.Required("at", s.at).Optional("note", s.note);
  if (!r.ok()) return failed(r);
  FN_RETURN_IF_ERROR(Validate(s, invalid));
  return s;
}

Object ThreadToJson(const Thread& t) {
  Object o;
  o.Set("type", "thread");
  o.Set("id", Value(t.id));
  o.Set("title", Value(t.title));
  o.Set("created_at", Value(FormatTimestamp(t.created_at)));
  return o;
}

Result<Thread> ThreadFromJson(const Object& o) {
  json::Reader r(o, "thread", kInput);
  r.Known({"type", "id", "title", "created_at"});
  ReadType(r, "thread");
  Thread t;
  ReadId(r, t.id);
  r.Required("title", t.title).Required("created_at", t.created_at);
  if (!r.ok()) return r.status();
  return t;
}

}  // namespace fieldnotes::core
