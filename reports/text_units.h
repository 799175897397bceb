// TextUnits: the sentences of a journal's entries, as sets of terms, and
// the rules that decide when two of them "say the same thing".
//
// A unit is one sentence of an entry's `thought` or `text` (thread
// follow-ups are left to the thread detector). Two units say the same thing
// when either
//   - by content: they share at least kMinSharedContent content terms, one
//     of them not common in this journal (in at most kCommonShare of its
//     distinct sentences), and either they differ by one content term at
//     most, or the shared terms carry at least kContentShared of the
//     weight of each side's content terms. Weights
//     are inverse document frequencies over the journal's sentences, so
//     sharing words the client uses everywhere ("work", "today") counts for
//     little, and a sentence about the same thing with a different verb
//     ("I packed the school run", "my dad missed the school run") is not
//     the same thing; or
//   - near-verbatim (both from loops): the Dice overlap of all their terms,
//     stop words included, is at least kVerbatimDice.
// Stems make both robust to inflections; sets make them robust to word
// order; the thresholds allow a word added or dropped. docs/patterns.md
// explains the numbers.
#ifndef FIELDNOTES_REPORTS_TEXT_UNITS_H_
#define FIELDNOTES_REPORTS_TEXT_UNITS_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model.h"
#include "reports/tokenizer.h"

namespace fieldnotes::reports {

enum class UnitField : uint8_t { kThought, kText };

struct Unit {
  uint32_t entry = 0;  // the caller's index of the entry it came from
  UnitField field = UnitField::kText;
  bool loop = false;   // from a loop entry
  uint32_t begin = 0;  // byte range of the sentence within the field
  uint32_t end = 0;
  uint32_t words = 0;                           // words in the sentence
  uint32_t all_begin = 0, all_end = 0;          // every term, sorted, unique
  uint32_t content_begin = 0, content_end = 0;  // content terms, sorted, unique
  float content_weight = 0;  // sum of Weight() over content terms, set by ComputeWeights
};

class TextUnits {
 public:
  static constexpr size_t kMinContentTerms = 2;  // to be compared by content
  static constexpr size_t kMinSharedContent = 2;
  static constexpr double kContentShared = 0.6;
  static constexpr size_t kMinDistinctive = 2;    // uncommon content terms to be reported
  static constexpr double kCommonShare = 0.05;    // "common": in more than 5 % of units
  static constexpr double kSmoothingUnits = 100;  // so a young journal has no "common" words
  static constexpr size_t kMinVerbatimTerms = 4;  // to be compared word for word
  static constexpr double kVerbatimDice = 0.75;

  // Uses `tokenizer` for every Add; it must outlive this object.
  explicit TextUnits(Tokenizer& tokenizer) : tokenizer_(tokenizer) {}

  // Adds the units of `e` (its thought and text, split into sentences),
  // tagged with `entry_index`. Thread follow-ups add nothing. Units too
  // short to compare (see Comparable) are not kept. Then call
  // ComputeWeights() before comparing.
  // With `terms_seen`, also appends the term of every token read, in order
  // (what the tokenizer met, kept or not).
  void Add(uint32_t entry_index, const core::Entry& e, std::vector<uint32_t>* terms_seen = nullptr);
  // Adds one unit made elsewhere (AnalysisCache): `u` as Add makes it, with
  // its terms given sorted and unique; its term ranges are set here.
  void AddUnit(const Unit& u, std::span<const uint32_t> all, std::span<const uint32_t> content);
  // Forgets every unit (the tokenizer keeps its terms).
  void Clear();
  // Document frequencies over every unit added so far.
  void ComputeWeights();

  // Kept up to date one unit at a time instead (RecurringHistory): units
  // added with AddCounted count in the document frequencies as they come,
  // TruncateTo takes the last ones back out, ComputeTermWeights then gives
  // exactly the weights ComputeWeights gives over the same units, and
  // ComputeUnitWeight sets one unit's content_weight (only those compared
  // need it). Do not mix with Add/AddUnit/ComputeWeights on one object.
  void AddCounted(const Unit& u, std::span<const uint32_t> all, std::span<const uint32_t> content);
  void TruncateTo(size_t unit_count);
  void ComputeTermWeights();
  void ComputeUnitWeight(uint32_t unit);
  // Room for `units` more units with `terms` more terms between them. Units
  // added with AddCounted grow the vectors by an eighth when they are full,
  // not by doubling them (a history of half a million units would carry as
  // much again unused); Trim gives back what is beyond that after a bulk add.
  void Reserve(size_t units, size_t terms);
  void Trim();
  // Terms held for all units (all, then content, of each).
  size_t pool_size() const { return pool_.size(); }

  const std::vector<Unit>& units() const { return units_; }
  std::span<const uint32_t> AllTerms(const Unit& u) const {
    return {pool_.data() + u.all_begin, u.all_end - u.all_begin};
  }
  std::span<const uint32_t> ContentTerms(const Unit& u) const {
    return {pool_.data() + u.content_begin, u.content_end - u.content_begin};
  }
  // The field a unit came from, to quote it: `e` must be the entry it came from.
  static std::string_view SourceText(const Unit& u, const core::Entry& e);

  // Document frequencies count distinct sentences (equal term sets once).
  // Inverse document frequency, ln((N + kSmoothingUnits) / (df + 0.5)).
  double Weight(uint32_t term) const {
    return term < weights_.size() ? weights_[term] : max_weight_;
  }
  // Smoothed share of units containing the term, df / (N + kSmoothingUnits).
  double Share(uint32_t term) const;
  // Share(term) <= kCommonShare.
  bool Uncommon(uint32_t term) const { return term >= uncommon_.size() || uncommon_[term]; }

  // False for a sentence with fewer than kMinDistinctive content terms that
  // are not common in this journal ("work was busy today"): it is never
  // reported as recurring, even verbatim. Loops are distinctive when they
  // have a content term at all: a loop of fillers only ("ugh") is not.
  bool Distinctive(const Unit& u) const;

  // The two rules above. Symmetric.
  bool SameThing(const Unit& a, const Unit& b) const;
  bool SameContent(const Unit& a, const Unit& b) const;
  bool NearVerbatim(const Unit& a, const Unit& b) const;
  // Weight of the shared content terms over the weight of the heavier
  // side's content terms, 0..1.
  double ContentSimilarity(const Unit& a, const Unit& b) const;

 private:
  Tokenizer& tokenizer_;
  std::vector<Unit> units_;
  std::vector<uint32_t> pool_;
  std::vector<uint32_t> df_;
  std::vector<float> weights_;
  std::vector<bool> uncommon_;
  float max_weight_ = 0;
  bool weights_stale_ = true;  // ComputeTermWeights has work to do
  size_t distinct_ = 0;        // distinct sentences
  double total_ = 0;           // distinct sentences + smoothing
  // AddCounted: how many units there are of each term set (by hash).
  std::unordered_map<uint64_t, uint32_t> counted_;
  std::vector<Token> scratch_;
  std::vector<uint32_t> all_scratch_, content_scratch_;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_TEXT_UNITS_H_
