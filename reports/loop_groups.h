// Loops that are the same worry in other words (issue: the memory across
// sessions, docs/patterns.md "The same worry in other words").
//
// The journal only suggests: two loops written differently ("Mum will be
// so disappointed" and "My mother is going to be let down by me") may be
// the same worry when they share word stems after stop words, or concepts
// through a small per-language synonym list kept as data
// (reports/data/synonyms/<lang>.txt). The client decides: "the same worry"
// joins them, "not the same" keeps them apart and the pair is never
// suggested again. Confirmed groups count together in "what repeated"
// ("in these or other words"); nothing is merged without the client.
//
// The decisions are entry ids only, kept as one encrypted record in the
// journal's settings table ("loop_groups").
#ifndef FIELDNOTES_REPORTS_LOOP_GROUPS_H_
#define FIELDNOTES_REPORTS_LOOP_GROUPS_H_

#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/journal.h"
#include "core/model.h"
#include "core/status.h"
#include "reports/tokenizer.h"

namespace fieldnotes::reports {

// The client's decisions.
struct LoopGroups {
  // Entry ids confirmed as one worry; each group has 2 or more, sorted.
  std::vector<std::vector<std::string>> same;
  // Pairs the client said are not the same worry (each pair sorted).
  std::vector<std::pair<std::string, std::string>> apart;

  // "The same worry": one group of `ids` and every group holding any of
  // them; declines between them are forgotten.
  void Join(std::span<const std::string> ids);
  // "Not the same": each of `ids` leaves its group, and every pair of them
  // is declined. With one id, it only leaves its group.
  void Separate(std::span<const std::string> ids);
  // The group holding `id`, or nullptr.
  const std::vector<std::string>* GroupOf(std::string_view id) const;
  bool Declined(std::string_view a, std::string_view b) const;
  bool empty() const { return same.empty() && apart.empty(); }
  bool operator==(const LoopGroups&) const = default;
};

std::string LoopGroupsToJson(const LoopGroups& groups);
// Corruption when the record does not parse or an id is not a UUID.
core::Result<LoopGroups> LoopGroupsFromJson(std::string_view json);
// Empty groups when the journal has none yet.
core::Result<LoopGroups> LoadLoopGroups(const core::Journal& journal);
core::Status SaveLoopGroups(core::Journal& journal, const LoopGroups& groups);

// A concept per synonym line: alternatives (words or short phrases) mapped
// to the line's first word. Built from the embedded lists of every
// language, with `tokenizer`'s folding and stemming on both sides.
class SynonymTable {
 public:
  static constexpr size_t kMaxPhraseWords = 8;
  // Every reports/data/synonyms/*.txt. InvalidArgument names the file and
  // line of a malformed list (a test keeps the lists well formed).
  static core::Result<SynonymTable> FromEmbedded(Tokenizer& tokenizer);
  // One list's text (the same format), for tests.
  static core::Result<SynonymTable> FromText(std::string_view text, std::string_view name,
                                             Tokenizer& tokenizer);

  // The concept of the stems starting at `stems[0]` (longest match), and
  // how many stems it covers; {"", 0} when none.
  std::pair<std::string_view, size_t> Match(std::span<const std::string_view> stems) const;
  size_t size() const { return concepts_; }

 private:
  core::Status AddList(std::string_view text, std::string_view name, Tokenizer& tokenizer);
  // Concepts that share a word across lists are one: their names point at
  // one name.
  std::string_view Root(std::string_view name) const;
  void Finish();
  // The stems of an alternative joined with '\x1f' -> the concept.
  std::map<std::string, std::string, std::less<>> phrases_;
  std::map<std::string, std::string, std::less<>> merged_;  // concept -> the one it joined
  size_t concepts_ = 0;
};

// One suggestion: two worries (each one or more loops that say the same in
// the same words, or a group the client confirmed) that may be one.
struct LoopSuggestion {
  std::vector<std::string> first;   // entry ids, oldest first
  std::vector<std::string> second;  // entry ids, oldest first; first.back() is older
  std::string first_label;          // a sentence of each, as written (at most 14 words)
  std::string second_label;
  double score = 0;  // weighted Dice of their concepts, 0-1
};

class LoopSuggester {
 public:
  // Suggested from this score up when two concepts or more are shared, and
  // from kThresholdOneShared when one is (one shared word, "mum", is more
  // often a topic than a worry); chosen on the dev half of
  // tests/data/paraphrase (docs/patterns.md).
  static constexpr double kThreshold = 0.35;
  static constexpr double kThresholdOneShared = 0.48;
  // Loops written this alike are one worry already (the word-for-word rule).
  static constexpr double kSameWords = 0.8;
  static constexpr size_t kMaxSuggestions = 5;
  static constexpr size_t kMaxLoops = 2000;  // the most recent loops looked at

  // Uses `tokenizer` and `synonyms` during calls; both must outlive it.
  LoopSuggester(Tokenizer& tokenizer, const SynonymTable& synonyms)
      : tokenizer_(tokenizer), synonyms_(synonyms) {}

  // The concepts of a loop's text, sorted: synonym concepts ("=mother") and
  // the stems of its other content words; without `synonyms`, the stems of
  // every content word.
  std::vector<std::string> Concepts(std::string_view text, bool synonyms = true);

  // Weighted Dice of two loops' concepts; `df` counts, per concept, the
  // loops that have it among `loops` (more common concepts weigh less).
  // `shared_count`, when given, receives how many concepts they share.
  static double Similarity(const std::vector<std::string>& a, const std::vector<std::string>& b,
                           const std::map<std::string, int, std::less<>>& df, size_t loops,
                           size_t* shared_count = nullptr);
  // Whether a pair with this score and this many shared concepts is
  // suggested.
  static bool Suggests(double score, size_t shared);

  // Suggestions over the journal's loop entries: pairs of worries scoring
  // kThreshold or more that the client has neither joined nor declined,
  // best first, at most kMaxSuggestions.
  std::vector<LoopSuggestion> Suggest(std::span<const core::Entry> entries,
                                      const LoopGroups& groups);

 private:
  Tokenizer& tokenizer_;
  const SynonymTable& synonyms_;
};

// The words of a loop entry: its text, else its thought.
std::string_view LoopText(const core::Entry& e);

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_LOOP_GROUPS_H_
