#include "core/record_codec.h"

#include <algorithm>
#include <initializer_list>

namespace fieldnotes::core {
namespace {

using json::Object;
using json::Value;

// A key name is safe to echo only when it is short printable ASCII; anything
// else could be a fragment of private text.
std::string Quote(std::string_view key) {
  bool printable = key.size() <= 32 && std::all_of(key.begin(), key.end(), [](char c) {
                     return c >= 0x20 && c < 0x7f && c != '"';
                   });
  return printable ? "\"" + std::string(key) + "\"" : std::string("(unprintable key)");
}

Status CheckKeys(const Object& o, std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : o.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      return Status::InvalidArgument("unknown key " + Quote(key));
  }
  return Status::Ok();
}

Status WrongType(std::string_view key, std::string_view expected) {
  return Status::InvalidArgument("key " + Quote(key) + " must be " + std::string(expected));
}

Status GetString(const Object& o, std::string_view key, std::string* out, bool required = false) {
  const Value* v = o.Find(key);
  if (!v) {
    return required ? Status::InvalidArgument("missing key " + Quote(key)) : Status::Ok();
  }
  if (!v->is_string()) return WrongType(key, "a string");
  *out = v->as_string();
  return Status::Ok();
}

Status GetStringList(const Object& o, std::string_view key, std::vector<std::string>* out) {
  const Value* v = o.Find(key);
  if (!v) return Status::Ok();
  if (!v->is_array()) return WrongType(key, "an array of strings");
  for (const Value& item : v->as_array()) {
    if (!item.is_string()) return WrongType(key, "an array of strings");
    out->push_back(item.as_string());
  }
  return Status::Ok();
}

Status GetScale(const Object& o, std::string_view key, std::optional<int>* out) {
  const Value* v = o.Find(key);
  if (!v || v->is_null()) return Status::Ok();
  if (!v->is_int()) return WrongType(key, "an integer from 0 to 10");
  if (v->as_int() < 0 || v->as_int() > kMaxIntensity)
    return Status::InvalidArgument("key " + Quote(key) + " must be between 0 and 10");
  *out = static_cast<int>(v->as_int());
  return Status::Ok();
}

Status GetTime(const Object& o, std::string_view key, Timestamp* out) {
  std::string text;
  FN_RETURN_IF_ERROR(GetString(o, key, &text, /*required=*/true));
  auto t = ParseTimestamp(text);
  if (!t.ok()) return t.status().WithContext("key " + Quote(key));
  *out = *t;
  return Status::Ok();
}

Status GetId(const Object& o, std::string* id) {
  FN_RETURN_IF_ERROR(GetString(o, "id", id));
  std::transform(id->begin(), id->end(), id->begin(),
                 [](char c) { return c >= 'A' && c <= 'F' ? static_cast<char>(c + 32) : c; });
  if (!id->empty() && !IsUuid(*id)) return Status::InvalidArgument("key \"id\" is not a UUID");
  return Status::Ok();
}

Status CheckType(const Object& o, std::string_view expected) {
  std::string type;
  FN_RETURN_IF_ERROR(GetString(o, "type", &type, /*required=*/true));
  if (type != expected)
    return Status::InvalidArgument("key \"type\" must be \"" + std::string(expected) + "\"");
  return Status::Ok();
}

void PutString(Object& o, const char* key, const std::string& s) {
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
      fo.Set("question", Value(f.question));
      fo.Set("answer", Value(f.answer));
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

Result<Entry> EntryFromJson(const Object& o) {
  FN_RETURN_IF_ERROR(CheckKeys(
      o, {"type", "id", "kind", "at", "emotions", "intensity", "before", "body", "thought",
          "unsaid", "text", "thread", "tags", "followups", "mood_before", "mood_after",
          "source", "source_id"}));
  FN_RETURN_IF_ERROR(CheckType(o, "entry"));
  Entry e;
  FN_RETURN_IF_ERROR(GetId(o, &e.id));
  std::string kind;
  FN_RETURN_IF_ERROR(GetString(o, "kind", &kind, /*required=*/true));
  auto k = ParseKind(kind);
  if (!k) return Status::InvalidArgument("key \"kind\" must be spike, loop, thread or note");
  e.kind = *k;
  FN_RETURN_IF_ERROR(GetTime(o, "at", &e.written_at));
  FN_RETURN_IF_ERROR(GetStringList(o, "emotions", &e.emotions));
  FN_RETURN_IF_ERROR(GetScale(o, "intensity", &e.intensity));
  FN_RETURN_IF_ERROR(GetString(o, "before", &e.before));
  FN_RETURN_IF_ERROR(GetString(o, "body", &e.body));
  FN_RETURN_IF_ERROR(GetString(o, "thought", &e.thought));
  FN_RETURN_IF_ERROR(GetString(o, "unsaid", &e.unsaid));
  FN_RETURN_IF_ERROR(GetString(o, "text", &e.text));
  FN_RETURN_IF_ERROR(GetString(o, "thread", &e.thread));
  FN_RETURN_IF_ERROR(GetStringList(o, "tags", &e.tags));
  if (const Value* f = o.Find("followups")) {
    if (!f->is_array()) return WrongType("followups", "an array of objects");
    for (const Value& item : f->as_array()) {
      if (!item.is_object()) return WrongType("followups", "an array of objects");
      const Object& fo = item.as_object();
      FN_RETURN_IF_ERROR(CheckKeys(fo, {"question", "answer"}).WithContext("in followups"));
      FollowUp fu;
      FN_RETURN_IF_ERROR(GetString(fo, "question", &fu.question, true).WithContext("in followups"));
      FN_RETURN_IF_ERROR(GetString(fo, "answer", &fu.answer).WithContext("in followups"));
      e.followups.push_back(std::move(fu));
    }
  }
  FN_RETURN_IF_ERROR(GetScale(o, "mood_before", &e.mood_before));
  FN_RETURN_IF_ERROR(GetScale(o, "mood_after", &e.mood_after));
  FN_RETURN_IF_ERROR(GetString(o, "source", &e.source));
  FN_RETURN_IF_ERROR(GetString(o, "source_id", &e.source_id));
  FN_RETURN_IF_ERROR(Validate(e));
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

Result<Session> SessionFromJson(const Object& o) {
  FN_RETURN_IF_ERROR(CheckKeys(o, {"type", "id", "at", "note"}));
  FN_RETURN_IF_ERROR(CheckType(o, "session"));
  Session s;
  FN_RETURN_IF_ERROR(GetId(o, &s.id));
  FN_RETURN_IF_ERROR(GetTime(o, "at", &s.at));
  FN_RETURN_IF_ERROR(GetString(o, "note", &s.note));
  FN_RETURN_IF_ERROR(Validate(s));
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
  FN_RETURN_IF_ERROR(CheckKeys(o, {"type", "id", "title", "created_at"}));
  FN_RETURN_IF_ERROR(CheckType(o, "thread"));
  Thread t;
  FN_RETURN_IF_ERROR(GetId(o, &t.id));
  FN_RETURN_IF_ERROR(GetString(o, "title", &t.title, true));
  FN_RETURN_IF_ERROR(GetTime(o, "created_at", &t.created_at));
  return t;
}

}  // namespace fieldnotes::core
