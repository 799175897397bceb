#include "reports/six_word_rule.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/text.h"
#include "core/unicode.h"
#include "reports/analysis_cache.h"
#include "reports/trigram_filter.h"

namespace fieldnotes::reports {
namespace {

using core::unicode::WordBounds;

// The rule's words: core::unicode::ForEachWord with each Han character and
// kana a word of its own (a run of six characters of Chinese or Japanese is
// already a lot of someone's words; dictionary words would let ten or more
// through), apostrophes and invisible characters left out of the word.
template <typename F>
void ForEachRuleWord(std::string_view text, F&& fn) {
  core::unicode::ForEachWordOf(text, core::unicode::Ideographs::kEachOne, std::forward<F>(fn));
}

// Calls word(text) for each word of already folded text, in order, with the
// joining characters removed.
template <typename F>
void ForEachWord(std::string_view folded, F&& word) {
  std::string current;
  ForEachRuleWord(folded, [&](const WordBounds& b) {
    current.clear();
    core::unicode::AppendWordBytes(folded, b, core::unicode::Apostrophes::kDrop, current);
    if (!current.empty()) word(current);
  });
}

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

struct RuleWord {
  uint32_t begin;
  uint32_t end;
  uint64_t hash;  // FNV-1a of the word's bytes, joining characters left out
  bool plain;     // no joining characters inside
};

// The words of already folded text as spans and hashes, without building a
// string per plain word: the journal side of Check() reads every entry, so
// this is the hot loop. Must agree with ForEachWord.
void WordSpans(std::string_view folded, std::vector<RuleWord>& out) {
  out.clear();
  std::string scratch;
  ForEachRuleWord(folded, [&](const WordBounds& b) {
    std::string_view bytes = folded.substr(b.begin, b.end - b.begin);
    if (!b.plain) {
      scratch.clear();
      core::unicode::AppendWordBytes(folded, b, core::unicode::Apostrophes::kDrop, scratch);
      bytes = scratch;
    }
    if (bytes.empty()) return;
    uint64_t hash = kFnvOffset;
    for (const char c : bytes) {
      hash ^= static_cast<unsigned char>(c);
      hash *= kFnvPrime;
    }
    out.push_back({b.begin, b.end, hash, b.plain});
  });
}

// The word of a span as ForEachWord gives it (joining characters removed).
std::string WordOf(std::string_view folded, const RuleWord& w) {
  std::string out;
  WordBounds b;
  b.begin = w.begin;
  b.end = w.end;
  b.plain = w.plain;
  core::unicode::AppendWordBytes(folded, b, core::unicode::Apostrophes::kDrop, out);
  return out;
}

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = kFnvOffset;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h;
}

// The hash of a run of words, from the words' own hashes.
uint64_t RunHash(const uint64_t* word_hashes) {
  uint64_t h = 0;
  for (size_t k = 0; k < SixWordRule::kRunWords; ++k)
    h = (h ^ word_hashes[k]) * 0x100000001b3ull + k;
  return h;
}

std::string JoinRun(const std::vector<std::string>& words, size_t first) {
  std::string out;
  for (size_t k = 0; k < SixWordRule::kRunWords; ++k) {
    if (k > 0) out += ' ';
    out += words[first + k];
  }
  return out;
}

// The runs of `words`, as joined strings.
std::set<std::string> Runs(const std::vector<std::string>& words) {
  std::set<std::string> out;
  for (size_t i = 0; i + SixWordRule::kRunWords <= words.size(); ++i) out.insert(JoinRun(words, i));
  return out;
}

}  // namespace

std::vector<std::string> SixWordRule::Words(std::string_view text) {
  std::vector<std::string> out;
  ForEachWord(core::text::Fold(text), [&out](const std::string& w) { out.push_back(w); });
  return out;
}

std::vector<std::string_view> SixWordRule::ProtectedFields(const core::Entry& e) {
  std::vector<std::string_view> out;
  for (const auto& s : e.emotions) out.push_back(s);
  for (const core::CompactString* s : {&e.before, &e.body, &e.thought, &e.unsaid, &e.text}) {
    if (!s->empty()) out.push_back(*s);
  }
  for (const auto& s : e.tags) out.push_back(s);
  if (!e.thread.empty()) out.push_back(e.thread);
  for (const auto& f : e.followups) {
    out.push_back(f.question);
    if (!f.answer.empty()) out.push_back(f.answer);
  }
  return out;
}

std::vector<SixWordViolation> SixWordRule::Check(std::span<const core::Entry> entries,
                                                 std::span<const GuardedText> texts) {
  return Check(entries, texts, nullptr);
}

std::vector<SixWordViolation> SixWordRule::Check(std::span<const core::Entry> entries,
                                                 std::span<const GuardedText> texts,
                                                 AnalysisCache* cache, uint64_t revision) {
  // The report's runs that are not allowed, by hash. The report is small
  // and the journal large, so the report's runs go into the table and the
  // journal is streamed past it once.
  struct Candidate {
    size_t text;
    std::string run;
  };
  std::unordered_multimap<uint64_t, Candidate> candidates;
  // The same runs as the trigrams (three adjacent words) they hold.
  using RunTrigrams = std::array<uint64_t, kRunWords - 2>;
  std::vector<RunTrigrams> run_trigrams;
  for (size_t t = 0; t < texts.size(); ++t) {
    const GuardedText& g = texts[t];
    if (g.client_written) continue;
    const std::vector<std::string> words = Words(g.text);
    if (words.size() < kRunWords) continue;
    std::set<std::string> allowed;
    for (const std::string& excerpt : g.excerpts) allowed.merge(Runs(Words(excerpt)));
    std::vector<uint64_t> hashes;
    hashes.reserve(words.size());
    for (const auto& w : words) hashes.push_back(Fnv1a(w));
    for (size_t i = 0; i + kRunWords <= words.size(); ++i) {
      std::string run = JoinRun(words, i);
      if (allowed.count(run) != 0) continue;
      candidates.emplace(RunHash(&hashes[i]), Candidate{t, std::move(run)});
      RunTrigrams trigrams;
      for (size_t k = 0; k < trigrams.size(); ++k)
        trigrams[k] = TrigramFilter::Hash(hashes[i + k], hashes[i + k + 1], hashes[i + k + 2]);
      run_trigrams.push_back(trigrams);
    }
  }
  if (candidates.empty()) return {};
  std::sort(run_trigrams.begin(), run_trigrams.end());
  run_trigrams.erase(std::unique(run_trigrams.begin(), run_trigrams.end()), run_trigrams.end());
  std::vector<size_t> missing_first(run_trigrams.size(), 0);

  std::set<std::pair<size_t, std::string>> found;
  std::vector<RuleWord> spans;
  std::vector<uint64_t> hashes;
  auto check_entry = [&](const core::Entry& entry) {
    for (std::string_view field : ProtectedFields(entry)) {
      const std::string folded = core::text::Fold(field);
      WordSpans(folded, spans);
      if (spans.size() < kRunWords) continue;
      hashes.resize(spans.size());
      for (size_t k = 0; k < spans.size(); ++k) hashes[k] = spans[k].hash;
      for (size_t i = 0; i + kRunWords <= spans.size(); ++i) {
        auto [first, last] = candidates.equal_range(RunHash(&hashes[i]));
        if (first == last) continue;
        // Hashes can collide: compare the words themselves.
        std::vector<std::string> words;
        for (size_t k = 0; k < kRunWords; ++k) words.push_back(WordOf(folded, spans[i + k]));
        const std::string run = JoinRun(words, 0);
        for (auto it = first; it != last; ++it) {
          if (it->second.run == run) found.emplace(it->second.text, run);
        }
      }
    }
  };
  if (cache == nullptr) {
    for (const core::Entry& entry : entries) check_entry(entry);
  } else {
    // The cache keeps, per block of entries, a filter of the trigrams of
    // their fields; a block is read only when its filter may hold all four
    // trigrams of one of the report's runs (trigram_filter.h).
    cache->VisitRunBlocks(
        entries, revision,
        [&](const core::Entry& entry, std::vector<uint64_t>& trigrams) {
          for (std::string_view field : ProtectedFields(entry)) {
            const std::string folded = core::text::Fold(field);
            WordSpans(folded, spans);
            // A field of fewer words has no run to find.
            if (spans.size() < kRunWords) continue;
            for (size_t k = 0; k + 2 < spans.size(); ++k)
              trigrams.push_back(
                  TrigramFilter::Hash(spans[k].hash, spans[k + 1].hash, spans[k + 2].hash));
          }
        },
        [&](const TrigramFilter& filter) {
          // Most runs of a report differ from the journal in one trigram
          // (the one that crosses the edge of a quote): each run's trigram
          // that was missing from the last block is tried first.
          for (size_t r = 0; r < run_trigrams.size(); ++r) {
            const RunTrigrams& run = run_trigrams[r];
            size_t& first = missing_first[r];
            if (!filter.MayContain(run[first])) continue;
            bool all = true;
            for (size_t k = 0; k < run.size() && all; ++k) {
              if (k != first && !filter.MayContain(run[k])) {
                first = k;
                all = false;
              }
            }
            if (all) return true;
          }
          return false;
        },
        check_entry);
  }
  std::vector<SixWordViolation> out;
  out.reserve(found.size());
  for (const auto& [t, run] : found) out.push_back({texts[t].where, run});
  return out;
}

std::string SixWordRule::FirstWords(std::string_view text, size_t max_words) {
  // Count words as Words() would, on the original text, and cut right
  // before the first word past the allowed ones.
  size_t words = 0;
  size_t cut = text.size();
  ForEachRuleWord(text, [&](const WordBounds& b) {
    if (cut != text.size()) return;
    if (words == max_words) {
      cut = b.begin;
      return;
    }
    ++words;
  });
  if (cut >= text.size()) return std::string(text);
  std::string out(text.substr(0, cut));
  auto trailing_mark = [](char c) {  // ASCII space or punctuation, not an apostrophe
    using core::unicode::CharKind;
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    const CharKind kind = core::unicode::Classify(static_cast<unsigned char>(c));
    return kind != CharKind::kLetter && kind != CharKind::kApostrophe;
  };
  while (!out.empty() && trailing_mark(out.back())) out.pop_back();
  return out + "\u2026";
}

}  // namespace fieldnotes::reports
