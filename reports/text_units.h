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

#include <cstddef>
#include <cstdint>
#include <iterator>
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
  uint32_t words = 0;  // words in the sentence
  // Its terms in the pool: [all_begin, content_end) the content terms,
  // sorted, unique; [content_end, all_end) the others (only stop words in
  // this sentence), sorted. AllTerms reads both runs merged, in order.
  uint32_t all_begin = 0, content_end = 0, all_end = 0;
  float content_weight = 0;  // sum of Weight() over content terms, set by ComputeWeights
};

// Sorted, unique terms of one run of TextUnits' pool (a unit's content
// terms): 16 bits a term while every term id of its units fits in 16 bits,
// else 32. Read as uint32_t either way.
class TermSpan {
 public:
  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = uint32_t;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = uint32_t;
    Iterator() = default;
    Iterator(const uint16_t* narrow, const uint32_t* wide, size_t i)
        : narrow_(narrow), wide_(wide), i_(i) {}
    uint32_t operator*() const { return wide_ != nullptr ? wide_[i_] : narrow_[i_]; }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++i_;
      return before;
    }
    bool operator==(const Iterator& other) const { return i_ == other.i_; }

   private:
    const uint16_t* narrow_ = nullptr;
    const uint32_t* wide_ = nullptr;
    size_t i_ = 0;
  };

  TermSpan() = default;
  TermSpan(const uint16_t* narrow, size_t size) : narrow_(narrow), size_(size) {}
  TermSpan(const uint32_t* wide, size_t size) : wide_(wide), size_(size) {}
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  uint32_t operator[](size_t i) const { return wide_ != nullptr ? wide_[i] : narrow_[i]; }
  Iterator begin() const { return {narrow_, wide_, 0}; }
  Iterator end() const { return {narrow_, wide_, size_}; }

 private:
  const uint16_t* narrow_ = nullptr;
  const uint32_t* wide_ = nullptr;
  size_t size_ = 0;
};

// A unit's terms, sorted and unique, as two sorted runs of the pool (its
// content terms, then the ones that are only stop words there) read merged.
// A TermSpan converts to one (a single run).
class AllTermSpan {
 public:
  class Iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = uint32_t;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = uint32_t;
    Iterator() = default;
    Iterator(TermSpan first, TermSpan second, size_t i, size_t j)
        : first_(first), second_(second), i_(i), j_(j) {}
    uint32_t operator*() const { return FromSecond() ? second_[j_] : first_[i_]; }
    Iterator& operator++() {
      if (FromSecond()) {
        ++j_;
      } else {
        ++i_;
      }
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const Iterator& other) const { return i_ == other.i_ && j_ == other.j_; }

   private:
    bool FromSecond() const {
      return j_ < second_.size() && (i_ >= first_.size() || second_[j_] < first_[i_]);
    }
    TermSpan first_, second_;
    size_t i_ = 0, j_ = 0;
  };

  AllTermSpan() = default;
  AllTermSpan(TermSpan only) : first_(only) {}  // NOLINT(google-explicit-constructor)
  AllTermSpan(TermSpan first, TermSpan second) : first_(first), second_(second) {}
  size_t size() const { return first_.size() + second_.size(); }
  bool empty() const { return size() == 0; }
  Iterator begin() const { return {first_, second_, 0, 0}; }
  Iterator end() const { return {first_, second_, first_.size(), second_.size()}; }

 private:
  TermSpan first_, second_;
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
  // Terms held for all units (each one once a unit).
  size_t pool_size() const { return wide_ ? wide_pool_.size() : narrow_pool_.size(); }
  // The terms are held in 32 bits (a term id above 65,535 was added since
  // the last Clear).
  bool wide() const { return wide_; }

  const std::vector<Unit>& units() const { return units_; }
  AllTermSpan AllTerms(const Unit& u) const {
    return {Terms(u.all_begin, u.content_end), Terms(u.content_end, u.all_end)};
  }
  TermSpan ContentTerms(const Unit& u) const { return Terms(u.all_begin, u.content_end); }
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
  TermSpan Terms(uint32_t begin, uint32_t end) const {
    if (wide_) return {wide_pool_.data() + begin, end - begin};
    return {narrow_pool_.data() + begin, end - begin};
  }
  // Appends `terms` to the pool, first widening it if one needs 32 bits.
  void Append(std::span<const uint32_t> terms);
  void WidenFor(std::span<const uint32_t> terms);
  // Appends `u`'s terms (`content`, then the rest of `all`) and sets its ranges.
  void AppendTerms(std::span<const uint32_t> all, std::span<const uint32_t> content, Unit& u);

  Tokenizer& tokenizer_;
  std::vector<Unit> units_;
  // Every unit's terms: 16 bits each until a term id above 65,535 comes,
  // then all of them in 32 bits (a journal of that many distinct words).
  std::vector<uint16_t> narrow_pool_;
  std::vector<uint32_t> wide_pool_;
  bool wide_ = false;
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
  std::vector<uint32_t> all_scratch_, content_scratch_, rest_scratch_;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_TEXT_UNITS_H_
