#include "core/model.h"

#include <algorithm>
#include <array>

#include "core/crypto.h"
#include "core/i18n.h"
#include "core/json.h"

namespace fieldnotes::core {
namespace {

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

Status CheckText(std::string_view field, const std::string& value) {
  if (value.size() > kMaxFieldBytes)
    return Status::InvalidArgument(std::string(field) + " is longer than 64 KiB");
  if (!json::IsValidUtf8(value))
    return Status::InvalidArgument(std::string(field) + " is not valid UTF-8");
  return Status::Ok();
}

Status CheckList(std::string_view field, const std::vector<std::string>& values) {
  if (values.size() > kMaxListItems)
    return Status::InvalidArgument(std::string(field) + " has more than 64 items");
  for (const auto& v : values) {
    FN_RETURN_IF_ERROR(CheckText(field, v));
    if (v.empty()) return Status::InvalidArgument(std::string(field) + " has an empty item");
  }
  return Status::Ok();
}

Status CheckScale(std::string_view field, const std::optional<int>& v) {
  if (v && (*v < 0 || *v > kMaxIntensity))
    return Status::InvalidArgument(std::string(field) + " must be between 0 and 10");
  return Status::Ok();
}

Status CheckTimestamp(const Timestamp& t) {
  // Years 1 to 9999, so the text form stays four digits.
  if (t.unix_seconds < -62135596800 + 86400 || t.unix_seconds > 253402214400 - 86400)
    return Status::InvalidArgument("time is out of range");
  if (t.offset_minutes < -18 * 60 || t.offset_minutes > 18 * 60)
    return Status::InvalidArgument("UTC offset is out of range");
  return Status::Ok();
}

// A source is a short lower-case ASCII name; its id is printable text. Both
// or neither.
Status CheckSource(const std::string& source, const std::string& source_id) {
  if (source.empty() != source_id.empty())
    return Status::InvalidArgument("source and source_id go together");
  if (source.size() > kMaxSourceBytes)
    return Status::InvalidArgument("source is longer than 32 bytes");
  for (char c : source) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
      return Status::InvalidArgument("source must be lower-case letters, digits or -");
  }
  if (source_id.size() > kMaxSourceIdBytes)
    return Status::InvalidArgument("source_id is longer than 256 bytes");
  FN_RETURN_IF_ERROR(CheckText("source_id", source_id));
  for (unsigned char c : source_id) {
    if (c < 0x20 || c == 0x7f) return Status::InvalidArgument("source_id has a control character");
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
  auto add = [&out](const std::string& s) {
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

Status Validate(const Entry& e) {
  if (!e.id.empty() && !IsUuid(e.id)) return Status::InvalidArgument("id is not a UUID");
  FN_RETURN_IF_ERROR(CheckTimestamp(e.written_at));
  FN_RETURN_IF_ERROR(CheckList("emotions", e.emotions));
  FN_RETURN_IF_ERROR(CheckScale("intensity", e.intensity));
  FN_RETURN_IF_ERROR(CheckText("before", e.before));
  FN_RETURN_IF_ERROR(CheckText("body", e.body));
  FN_RETURN_IF_ERROR(CheckText("thought", e.thought));
  FN_RETURN_IF_ERROR(CheckText("unsaid", e.unsaid));
  FN_RETURN_IF_ERROR(CheckText("text", e.text));
  FN_RETURN_IF_ERROR(CheckList("tags", e.tags));
  FN_RETURN_IF_ERROR(CheckText("thread", e.thread));
  if (e.thread.size() > 512)
    return Status::InvalidArgument("thread title is longer than 512 bytes");
  if (e.followups.size() > kMaxListItems)
    return Status::InvalidArgument("followups has more than 64 items");
  for (const auto& f : e.followups) {
    FN_RETURN_IF_ERROR(CheckText("followups.question", f.question));
    FN_RETURN_IF_ERROR(CheckText("followups.answer", f.answer));
    if (f.question.empty()) return Status::InvalidArgument("followups has an empty question");
  }
  FN_RETURN_IF_ERROR(CheckScale("mood_before", e.mood_before));
  FN_RETURN_IF_ERROR(CheckScale("mood_after", e.mood_after));
  FN_RETURN_IF_ERROR(CheckSource(e.source, e.source_id));
  return Status::Ok();
}

Status Validate(const Session& s) {
  if (!s.id.empty() && !IsUuid(s.id)) return Status::InvalidArgument("id is not a UUID");
  FN_RETURN_IF_ERROR(CheckTimestamp(s.at));
  return CheckText("note", s.note);
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
