// A generated journal that looks like ten years of heavy use: the four entry
// kinds in realistic proportions, short spikes and long notes, threads that
// change every few months, sessions every two weeks, follow-up questions,
// and a share of entries written in other languages and scripts.
//
// Generation is deterministic for a given seed, so two runs of the benchmark
// measure the same journal.
#ifndef FIELDNOTES_BENCH_CORPUS_H_
#define FIELDNOTES_BENCH_CORPUS_H_

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/model.h"

namespace fieldnotes::bench {

struct Corpus {
  std::vector<core::Entry> entries;     // oldest first, each with an id
  std::vector<core::Session> sessions;  // oldest first
  size_t text_bytes = 0;                // sum of SearchableText() sizes
  size_t non_ascii_entries = 0;
};

class CorpusGenerator {
 public:
  explicit CorpusGenerator(uint64_t seed) : rng_(seed) {}

  // `entries` entries spread over the ten years before `end` (a UTC
  // instant), with a therapy session about every two weeks.
  Corpus Generate(size_t entries, int64_t end_unix_seconds);

  // One new entry written at `at`, as a user would save it today.
  core::Entry MakeEntry(const core::Timestamp& at);

 private:
  size_t Uniform(size_t n);  // 0 .. n-1
  bool Chance(double p);
  std::string Sentence();
  std::string Paragraph(size_t sentences);
  core::Entry MakeEntry(const core::Timestamp& at, const std::string& thread);

  std::mt19937_64 rng_;
  bool multilingual_ = false;  // the entry being made mixes in other languages
};

// About fifty queries a client would type: words and phrases from their own
// writing in any case, with and without accents, other scripts, and a few
// that match nothing.
const std::vector<std::string>& SearchQueries();

}  // namespace fieldnotes::bench

#endif  // FIELDNOTES_BENCH_CORPUS_H_
