// What journal_writer writes and prints, shared by the writer and the tests
// that kill it.
//
// The writer prints "ready" once the journal is open, then one line
// "<seq> <id>" per entry, only after AddEntry returned ok, and flushes each
// line. Entry number `seq` of the writer tagged `tag` has exactly the content
// ExpectedEntry(tag, seq), so the test can check every acknowledged entry
// field by field without any other channel.
#ifndef FIELDNOTES_TESTS_DURABILITY_WRITER_PROTOCOL_H_
#define FIELDNOTES_TESTS_DURABILITY_WRITER_PROTOCOL_H_

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "core/model.h"
#include "core/timestamp.h"

namespace fieldnotes::durability {

inline constexpr char kPassphraseEnv[] = "FIELDNOTES_PASSPHRASE";
inline constexpr char kReadyLine[] = "ready";
inline constexpr char kDoneLine[] = "done";
// The cheapest cost the journal accepts (DESIGN.md §4): the writer is
// started hundreds of times.
inline constexpr int kWriterKdfLog2N = 15;

// journal_writer's exit codes.
inline constexpr int kExitOk = 0;     // wrote --count entries
inline constexpr int kExitError = 1;  // any other failure (message on stderr)
inline constexpr int kExitUsage = 2;
inline constexpr int kExitBusy = 3;  // Status::Busy: "journal is busy" on stderr

// The tag is in the entry's tags so a test can find which writer and trial
// an entry belongs to.
inline constexpr char kDurabilityTag[] = "durability";

inline core::Entry ExpectedEntry(std::string_view tag, uint64_t seq) {
  core::Entry e;
  e.kind = static_cast<core::EntryKind>(seq % 4);
  // 2026-01-01T00:00:00Z plus a minute per entry, in a few time zones.
  e.written_at.unix_seconds = 1767225600 + static_cast<int64_t>(seq) * 61;
  e.written_at.offset_minutes = static_cast<int32_t>(seq % 5) * 60 - 120;
  e.emotions = {"anxiety"};
  if (seq % 3 == 0) e.emotions.push_back("wobbly " + std::to_string(seq));
  e.intensity = static_cast<int>(seq % 11);
  e.text = "durability " + std::string(tag) + " seq " + std::to_string(seq) + ":";
  // Mostly a few hundred bytes, every 17th entry a few pages long so that
  // records land in overflow pages too; some non-ASCII on the way.
  const size_t words = seq % 17 == 0 ? 700 + seq % 300 : (seq * 7919) % 120;
  for (size_t i = 0; i < words; ++i) e.text += (i % 13 == 0) ? " ça-日記" : " word";
  e.tags = {kDurabilityTag, std::string(tag)};
  if (seq % 10 == 0) e.thread = "durability thread " + std::to_string(seq / 50);
  if (seq % 7 == 0) e.followups = {{"What were you afraid would happen?", std::to_string(seq)}};
  if (seq % 6 == 0) {
    e.mood_before = static_cast<int>(seq % 11);
    e.mood_after = static_cast<int>((seq + 3) % 11);
  }
  return e;
}

// The tag of a writer's entry, or nullopt for an entry no writer made.
inline std::optional<std::string> WriterTagOf(const core::Entry& e) {
  if (e.tags.size() != 2 || e.tags[0] != kDurabilityTag) return std::nullopt;
  return e.tags[1];
}

// The sequence number in a writer's entry text, or 0.
inline uint64_t WriterSeqOf(const core::Entry& e) {
  const std::string marker = " seq ";
  size_t at = e.text.find(marker);
  if (at == std::string::npos) return 0;
  return std::strtoull(e.text.c_str() + at + marker.size(), nullptr, 10);
}

}  // namespace fieldnotes::durability

#endif  // FIELDNOTES_TESTS_DURABILITY_WRITER_PROTOCOL_H_
