// Helpers shared by the durability tests: starting journal_writer, reading
// what it acknowledged, and checking a journal against it.
#ifndef FIELDNOTES_TESTS_DURABILITY_HARNESS_H_
#define FIELDNOTES_TESTS_DURABILITY_HARNESS_H_

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/journal.h"

namespace fieldnotes::durability {

// Non-ASCII on purpose, like the temporary directory the journals live in.
inline constexpr char kTestPassphrase[] = "durability: ça tient, 日記";

// Puts kTestPassphrase into the environment the writers inherit.
void ExportPassphrase();

// argv for journal_writer on `journal` with `tag`, plus `extra` arguments.
std::vector<std::string> WriterArgs(const std::string& journal, const std::string& tag,
                                    const std::vector<std::string>& extra = {});

struct Ack {
  uint64_t seq = 0;
  std::string id;
};

// What a writer printed: "ready", then "<seq> <id>" lines with seq 1, 2, ...
// in order, then maybe "done". `problem` is set when the output breaks that
// protocol (which would be a bug in the writer or in the journal).
struct WriterOutput {
  bool ready = false;
  bool done = false;
  std::vector<Ack> acks;
  std::string problem;
};
WriterOutput ParseWriterOutput(const std::vector<std::string>& lines);

// Entries a journal must hold: id -> which writer (tag) and which entry of
// it (seq); the content is ExpectedEntry(tag, seq).
struct Expected {
  std::string tag;
  uint64_t seq = 0;
};
using ExpectedMap = std::unordered_map<std::string, Expected>;

// Empty when every expected entry is in `journal` with exactly the expected
// content; else a description of the first few that are not.
std::string FindMissing(const core::Journal& journal, const ExpectedMap& expected);

// Entries of the writer tagged `tag` that are in `journal` but not in
// `expected`: saves that were committed but not (yet) acknowledged.
std::vector<const core::Entry*> Unacknowledged(const core::Journal& journal,
                                               const ExpectedMap& expected, const std::string& tag);

// A short description of a CheckReport's problems.
std::string DescribeCheck(const core::CheckReport& report);

}  // namespace fieldnotes::durability

#endif  // FIELDNOTES_TESTS_DURABILITY_HARNESS_H_
