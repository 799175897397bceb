// The client's domain model (DESIGN.md §3): entries, sessions, threads.
//
// These are plain values. Validation lives in Validate(); persistence in
// Journal; the JSON form (records, import, export) in record_codec.h.
#ifndef FIELDNOTES_CORE_MODEL_H_
#define FIELDNOTES_CORE_MODEL_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/compact_string.h"
#include "core/status.h"
#include "core/timestamp.h"

namespace fieldnotes::core {

enum class EntryKind { kSpike, kLoop, kThread, kNote };

// The entry kinds, described once: one row per kind, in the enum's order
// (checked at compile time in model.cpp).
struct EntryKindInfo {
  EntryKind kind;
  std::string_view name;   // in records, JSON, import/export and the CLI: "spike"
  std::string_view title;  // for people, capitalised: "Spike" (core/display.h KindTitle)
};
inline constexpr EntryKindInfo kEntryKinds[] = {
    {EntryKind::kSpike, "spike", "Spike"},
    {EntryKind::kLoop, "loop", "Loop"},
    {EntryKind::kThread, "thread", "Thread"},
    {EntryKind::kNote, "note", "Note"},
};
const EntryKindInfo& InfoOf(EntryKind kind);

std::string_view KindName(EntryKind kind);  // "spike", "loop", "thread", "note"
std::optional<EntryKind> ParseKind(std::string_view name);

// The fixed emotion vocabulary, lower case. Clients may also use their own
// words; those are kept as written (trimmed).
std::span<const std::string_view> EmotionVocabulary();
bool IsVocabularyEmotion(std::string_view emotion);

// A question the journal asked after an entry, and the client's answer
// (empty when skipped or not yet answered).
struct FollowUp {
  CompactString question;
  CompactString answer;
  bool operator==(const FollowUp&) const = default;
};

inline constexpr int kMaxIntensity = 10;
inline constexpr size_t kMaxFieldBytes = size_t{64} * 1024;  // one text field
inline constexpr size_t kMaxListItems = 64;                  // emotions, tags, follow-ups
inline constexpr size_t kMaxSourceBytes = 32;                // Entry::source
inline constexpr size_t kMaxSourceIdBytes = 256;             // Entry::source_id

struct Entry {
  std::string id;  // lower-case UUID
  Timestamp written_at;
  EntryKind kind = EntryKind::kNote;
  std::vector<std::string> emotions;
  std::optional<int> intensity;  // 0-10
  CompactString before;          // what happened right before
  CompactString body;            // where it was felt in the body
  CompactString thought;         // the exact thought
  CompactString unsaid;          // what they almost said
  CompactString text;            // free text; for a loop, the thought word for word
  std::vector<std::string> tags;
  CompactString thread;  // title of the thread this entry follows up, or empty
  std::vector<FollowUp> followups;
  std::optional<int> mood_before;  // 0-10, optional
  std::optional<int> mood_after;   // 0-10, optional
  // Where an imported entry came from (docs/import-format.md, "Other apps"):
  // the app ("dayone", "daylio", "jrnl", "bearable") and the entry's id in
  // it. Both empty for entries written in Fieldnotes. Importing skips an
  // entry whose source and source id are already in the journal.
  CompactString source;
  CompactString source_id;

  bool operator==(const Entry&) const = default;

  // Every text field joined with newlines: what search looks at.
  std::string SearchableText() const;
};

// A therapy appointment.
struct Session {
  std::string id;
  Timestamp at;
  std::string note;  // "what landed", optional
  bool operator==(const Session&) const = default;
};

// A suggestion or practice from a session that entries follow up.
struct Thread {
  std::string id;
  std::string title;
  Timestamp created_at;
  bool operator==(const Thread&) const = default;
};

// What Validate found wrong, for words a person can read
// (core/json_error_words.h DescribeModelError): the problem and the field
// it is in, named as an export writes it ("text", "mood_before").
struct ModelError {
  enum class Problem {
    kNone,
    kNotUuid,           // id
    kTimeOutOfRange,    // at: not within the years 1 to 9999
    kOffsetOutOfRange,  // at: more than 18 hours from UTC
    kTooLong,           // longer than 64 KiB
    kTooManyBytes,      // longer than `limit` bytes
    kNotUtf8,
    kTooManyItems,  // more than 64 items
    kEmptyItem,
    kOutOfScale,  // not from 0 to 10
    kEmptyQuestion,
    kSourceAlone,  // source without source_id, or the other way round
    kSourceLetters,
    kControlCharacter,
  };
  Problem problem = Problem::kNone;
  std::string field;
  size_t limit = 0;  // for kTooManyBytes
};

// Checks ranges and sizes: intensity and moods 0-10, field sizes, list
// lengths, valid UTF-8, a UUID id (when not empty), a known kind. The
// message names the field, never its content.
// InvalidArgument with a developer's reason in English when a check fails;
// `why`, when given, gets the problem for words (core::DescribeModelError).
Status Validate(const Entry& e, ModelError* why = nullptr);
Status Validate(const Session& s, ModelError* why = nullptr);

// A random (version 4) UUID, lower case, from OpenSSL's CSPRNG.
std::string NewUuid();
bool IsUuid(std::string_view s);

}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_MODEL_H_
