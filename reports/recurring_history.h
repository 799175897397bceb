// RecurringHistory: what the recurring detector reads of the whole history,
// kept between analyses inside an AnalysisCache (analysis_cache.h) so that
// an analysis since the last session reads only what changed and the
// period, not every sentence of the journal again.
//
// Kept: every unit (sentence as sets of terms) of every entry, in the
// entries' order, with its term ids as a fresh Tokenizer would give them
// reading the entries in that order; the document frequencies of the terms
// (TextUnits::AddCounted); the units grouped into nodes (units with exactly
// the same terms, first one the node's representative, nodes numbered in
// the order they first appear); and for each term the nodes whose
// comparable terms hold it (what a node can be looked up by).
//
// All of it is a fold over the entries in order, so it is brought up to
// date by taking back every entry from the first one that changed (or
// moved) and adding the rest again: a new entry at the end costs only
// itself, an edit of last week's entry costs the entries since. The
// result is then exactly what building it all again would give
// (tests/reports/test_analysis_cache.cpp compares the detector's
// observations with and without it after random adds, edits and deletes).
// Memory only; not thread-safe (the cache's mutex guards it).
#ifndef FIELDNOTES_REPORTS_RECURRING_HISTORY_H_
#define FIELDNOTES_REPORTS_RECURRING_HISTORY_H_

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "reports/text_units.h"
#include "reports/tokenizer.h"

namespace fieldnotes::reports {

class RecurringHistory {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;

  // `terms` gives the stems of the term ids entries are added with (the
  // cache's own tokenizer); it must outlive this object.
  explicit RecurringHistory(const Tokenizer& terms);

  // Entries kept, and the serial each was added with (AnalysisCache gives
  // a new serial whenever an entry's units are worked out again).
  size_t entry_count() const { return serials_.size(); }
  uint64_t serial(size_t entry) const { return serials_[entry]; }

  // Takes back every entry from `entry` on (the last added first).
  void TruncateTo(size_t entry);

  // One unit of the next entry: as TextUnits::Add makes it but for its
  // terms, given in the ids of `terms` (any order, unique).
  struct NewUnit {
    Unit unit;
    std::span<const uint32_t> all, content;
  };
  // Adds the next entry: `order`, its distinct terms in the order they
  // are first read (ids of `terms`), then its units.
  void AddEntry(uint64_t serial, std::span<const uint32_t> order, std::span<const NewUnit> units);
  // Room for `entries` more entries with `units` units and `terms` terms
  // (as TextUnits::pool_size counts them) between them,
  // before adding many; Trim after, to give back what was not used.
  void Reserve(size_t entries, size_t units, size_t terms);
  void Trim();

  // The units, in this history's term ids. ComputeTermWeights() before
  // comparing; ComputeUnitWeight(u) before comparing unit u by content.
  TextUnits& units() { return units_; }
  const TextUnits& units() const { return units_; }
  size_t term_count() const { return cache_term_.size(); }
  // The id in `terms` (the cache's) of this history's term `term`.
  uint32_t cache_term(uint32_t term) const { return cache_term_[term]; }

  // Units of an entry: [unit_begin(e), unit_begin(e + 1)).
  uint32_t unit_begin(size_t entry) const {
    return entry < unit_begin_.size() ? unit_begin_[entry]
                                      : static_cast<uint32_t>(units_.units().size());
  }
  uint32_t node_of(uint32_t unit) const { return unit_node_[unit]; }
  uint32_t node_count() const { return static_cast<uint32_t>(node_units_.size()); }
  uint32_t rep(uint32_t node) const { return node_rep_[node]; }
  const std::vector<uint32_t>& node_units(uint32_t node) const { return node_units_[node]; }
  // Nodes (ascending) whose comparable terms (content terms when there are
  // TextUnits::kMinContentTerms, else all) hold `term`.
  std::span<const uint32_t> nodes_with(uint32_t term) const {
    if (term >= term_nodes_.size()) return {};
    return term_nodes_[term];
  }

  // Gives `tokenizer` (which must know no term yet) every term of this
  // history under the same id, as reading the entries would have.
  void Teach(Tokenizer& tokenizer) const;

 private:
  static AllTermSpan Comparable(const TextUnits& units, const Unit& u);

  const Tokenizer& terms_;
  Tokenizer own_;  // TextUnits wants one; never used to tokenize
  TextUnits units_;
  std::vector<uint64_t> serials_;
  std::vector<uint32_t> unit_begin_, node_begin_, term_begin_;  // per entry
  std::vector<uint32_t> history_term_;  // the cache's term id -> this history's, or kNone
  std::vector<uint32_t> cache_term_;    // this history's term id -> the cache's
  std::vector<uint32_t> unit_node_;
  std::vector<std::vector<uint32_t>> node_units_;
  std::vector<uint32_t> node_rep_;
  std::vector<uint64_t> node_hash_;
  std::vector<uint32_t> next_same_hash_;            // per node: an older node of that hash
  std::unordered_map<uint64_t, uint32_t> by_hash_;  // the newest node of each hash
  std::vector<std::vector<uint32_t>> term_nodes_;
  std::vector<uint32_t> all_scratch_, content_scratch_;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_RECURRING_HISTORY_H_
