#include "core/model.h"

#include <algorithm>
#include <array>

#include "core/crypto.h"
#include "core/i18n.h"
#include "core/json.h"

namespace fieldnotes::core {
namespace {

// A thread's title, in bytes.
constexpr size_t kMaxThreadTitleBytes = 512;

// Kept in English in the journal (records stay the same in every language);
// shown in the reader's language by core/display.h EmotionWord.
constexpr std::array<std::string_view, 28> kVocabulary = {
    // TRANSLATORS: the feelings a person can pick for an entry (a fixed
    // list; people may also type their own words). Lower case, a noun where
    // the language allows one: the report says "anxiety in 5 entries".
    N_("anxiety"),       N_("fear"),           N_("worry"),
    N_("panic"),         N_("sadness"),        N_("grief"),
    N_("loneliness"),    N_("shame"),          N_("guilt"),
    N_("embarrassment"), N_("anger"),          N_("irritation"),
    N_("frustration"),   N_("resentment"),     N_("jealousy"),
    N_("hurt"),          N_("disappointment"), N_("overwhelm"),
    N_("numbness"),      N_("confusion"),      N_("exhaustion"),
    N_("calm"),          N_("relief"),         N_("hope"),
    N_("joy"),           N_("pride"),          N_("gratitude"),
    N_("tenderness"),
};

using Problem = ModelError::Problem;

// The check's reason in English (logs, tests); the problem for words.
Status Bad(ModelError* why, Problem problem, std::string_view field, std::string_view reason,
           size_t limit = 0) {
  if (why) *why = ModelError{problem, std::string(field), limit};
  return Status::InvalidArgument(reason);
}

Status CheckText(std::string_view field, const std::string& value, ModelError* why) {
  const std::string f(field);
  if (value.size() > kMaxFieldBytes)
    return Bad(why, Problem::kTooLong, field, f + " is longer than 64 KiB");
  if (!json::IsValidUtf8(value))
    return Bad(why, Problem::kNotUtf8, field, f + " is not valid UTF-8");
  return Status::Ok();
}

Status CheckList(std::string_view field, const std::vector<std::string>& values, ModelError* why) {
  const std::string f(field);
  if (values.size() > kMaxListItems)
    return Bad(why, Problem::kTooManyItems, field, f + " has more than 64 items");
  for (const auto& v : values) {
    FN_RETURN_IF_ERROR(CheckText(field, v, why));
    if (v.empty()) return Bad(why, Problem::kEmptyItem, field, f + " has an empty item");
  }
  return Status::Ok();
}

Status CheckScale(std::string_view field, const std::optional<int>& v, ModelError* why) {
  if (v && (*v < 0 || *v > kMaxIntensity))
    return Bad(why, Problem::kOutOfScale, field, std::string(field) + " must be between 0 and 10");
  return Status::Ok();
}

Status CheckTimestamp(std::string_view field, const Timestamp& t, ModelError* why) {
  // Years 1 to 9999, so the text form stays four digits.
  if (t.unix_seconds < -62135596800 + 86400 || t.unix_seconds > 253402214400 - 86400)
    return Bad(why, Problem::kTimeOutOfRange, field, "time is out of range");
  if (t.offset_minutes < -18 * 60 || t.offset_minutes > 18 * 60)
    return Bad(why, Problem::kOffsetOutOfRange, field, "UTC offset is out of range");
  return Status::Ok();
}

// A source is a short lower-case ASCII name; its id is printable text. Both
// or neither.
Status CheckSource(const std::string& source, const std::string& source_id, ModelError* why) {
  if (source.empty() != source_id.empty())
    return Bad(why, Problem::kSourceAlone, source.empty() ? "source_id" : "source",
               "source and source_id go together");
  if (source.size() > kMaxSourceBytes)
    return Bad(why, Problem::kTooManyBytes, "source", "source is longer than 32 bytes",
               kMaxSourceBytes);
  for (char c : source) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
      return Bad(why, Problem::kSourceLetters, "source",
                 "source must be lower-case letters, digits or -");
  }
  if (source_id.size() > kMaxSourceIdBytes)
    return Bad(why, Problem::kTooManyBytes, "source_id", "source_id is longer than 256 bytes",
               kMaxSourceIdBytes);
  FN_RETURN_IF_ERROR(CheckText("source_id", source_id, why));
  for (unsigned char c : source_id) {
    if (c < 0x20 || c == 0x7f)
      return Bad(why, Problem::kControlCharacter, "source_id", "source_id has a control character");
  }
  return Status::Ok();
}

}  // namespace

namespace {
constexpr bool KindsInOrder() {
  for (size_t i = 0; i < std::size(kEntryKinds); ++i) {
    if (kEntryKinds[i].kind != static_cast<EntryKind>(i)) return false;
    if (kEntryKinds[i].name.empty() || kEntryKinds[i].title.empty()) return false;
    for (size_t j = 0; j < i; ++j)
      if (kEntryKinds[j].name == kEntryKinds[i].name) return false;
  }
  return true;
}
static_assert(KindsInOrder(), "kEntryKinds: one row per EntryKind, in order, names unique");
static_assert(std::size(kEntryKinds) == static_cast<size_t>(EntryKind::kNote) + 1,
              "kEntryKinds: a row for every EntryKind (kNote is the last)");
}  // namespace

const EntryKindInfo& InfoOf(EntryKind kind) { return kEntryKinds[static_cast<size_t>(kind)]; }

std::string_view KindName(EntryKind kind) { return InfoOf(kind).name; }

std::optional<EntryKind> ParseKind(std::string_view name) {
  for (const EntryKindInfo& k : kEntryKinds) {
    if (k.name == name) return k.kind;
  }
  return std::nullopt;
}

std::span<const std::string_view> EmotionVocabulary() { return kVocabulary; }

bool IsVocabularyEmotion(std::string_view emotion) {
  return std::find(kVocabulary.begin(), kVocabulary.end(), emotion) != kVocabulary.end();
}

std::string Entry::SearchableText() const {
  std::string out;
  auto add = [&out](std::string_view s) {
    if (s.empty()) return;
    if (!out.empty()) out += '\n';
    out += s;
  };
  for (const auto& e : emotions) add(e);
  add(before);
  add(body);
  add(thought);
  add(unsaid);
  add(text);
  for (const auto& t : tags) add(t);
  add(thread);
  for (const auto& f : followups) {
    add(f.question);
    add(f.answer);
  }
  return out;
}

Status Validate(const Entry& e, ModelError* why) {
  if (!e.id.empty() && !IsUuid(e.id)) return Bad(why, Problem::kNotUuid, "id", "id is not a UUID");
  FN_RETURN_IF_ERROR(CheckTimestamp("at", e.written_at, why));
  FN_RETURN_IF_ERROR(CheckList("emotions", e.emotions, why));
  FN_RETURN_IF_ERROR(CheckScale("intensity", e.intensity, why));
  FN_RETURN_IF_ERROR(CheckText("before", e.before, why));
  FN_RETURN_IF_ERROR(CheckText("body", e.body, why));
  FN_RETURN_IF_ERROR(CheckText("thought", e.thought, why));
  FN_RETURN_IF_ERROR(CheckText("unsaid", e.unsaid, why));
  FN_RETURN_IF_ERROR(CheckText("text", e.text, why));
  FN_RETURN_IF_ERROR(CheckList("tags", e.tags, why));
  FN_RETURN_IF_ERROR(CheckText("thread", e.thread, why));
  if (e.thread.size() > kMaxThreadTitleBytes)
    return Bad(why, Problem::kTooManyBytes, "thread", "thread title is longer than 512 bytes",
               kMaxThreadTitleBytes);
  if (e.followups.size() > kMaxListItems)
    return Bad(why, Problem::kTooManyItems, "followups", "followups has more than 64 items");
  for (const auto& f : e.followups) {
    FN_RETURN_IF_ERROR(CheckText("question", f.question, why));
    FN_RETURN_IF_ERROR(CheckText("answer", f.answer, why));
    if (f.question.empty())
      return Bad(why, Problem::kEmptyQuestion, "question", "followups has an empty question");
  }
  FN_RETURN_IF_ERROR(CheckScale("mood_before", e.mood_before, why));
  FN_RETURN_IF_ERROR(CheckScale("mood_after", e.mood_after, why));
  FN_RETURN_IF_ERROR(CheckSource(e.source, e.source_id, why));
  return Status::Ok();
}

Status Validate(const Session& s, ModelError* why) {
  if (!s.id.empty() && !IsUuid(s.id)) return Bad(why, Problem::kNotUuid, "id", "id is not a UUID");
  FN_RETURN_IF_ERROR(CheckTimestamp("at", s.at, why));
  return CheckText("note", s.note, why);
}

std::string NewUuid() {
  uint8_t b[16];
  if (!crypto::RandomBytes(b).ok()) std::abort();  // no randomness: nothing is safe
  b[6] = static_cast<uint8_t>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<uint8_t>((b[8] & 0x3F) | 0x80);
  std::string hex = crypto::HexEncode(b);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20);
}

bool IsUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

}  // namespace fieldnotes::core
