#include "reports/text_units.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "reports/sorted_sets.h"
#include "reports/vector_room.h"

namespace fieldnotes::reports {
namespace {

// Weight and number of the terms in both sorted ranges, and whether one of
// them is uncommon.
void Intersect(const TextUnits& units, const TermSpan& a, const TermSpan& b, double& shared_weight,
               size_t& shared, bool& shared_uncommon) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      shared_weight += units.Weight(a[i]);
      ++shared;
      shared_uncommon |= units.Uncommon(a[i]);
      ++i;
      ++j;
    }
  }
}

}  // namespace

std::string_view TextUnits::SourceText(const Unit& u, const core::Entry& e) {
  const core::CompactString& field = u.field == UnitField::kThought ? e.thought : e.text;
  return std::string_view(field).substr(u.begin, u.end - u.begin);
}

void TextUnits::WidenFor(std::span<const uint32_t> terms) {
  if (wide_ || std::none_of(terms.begin(), terms.end(), [](uint32_t t) { return t > UINT16_MAX; }))
    return;
  wide_pool_.reserve(narrow_pool_.capacity());
  wide_pool_.assign(narrow_pool_.begin(), narrow_pool_.end());
  std::vector<uint16_t>().swap(narrow_pool_);
  wide_ = true;
}

void TextUnits::Append(std::span<const uint32_t> terms) {
  WidenFor(terms);
  if (wide_) {
    wide_pool_.insert(wide_pool_.end(), terms.begin(), terms.end());
  } else {
    for (uint32_t t : terms) narrow_pool_.push_back(static_cast<uint16_t>(t));
  }
}

void TextUnits::AppendTerms(std::span<const uint32_t> all, std::span<const uint32_t> content,
                            Unit& u) {
  // The content terms are a subset of the terms: held once, the others
  // after them.
  rest_scratch_.clear();
  std::set_difference(all.begin(), all.end(), content.begin(), content.end(),
                      std::back_inserter(rest_scratch_));
  WidenFor(all);
  u.all_begin = static_cast<uint32_t>(pool_size());
  Append(content);
  u.content_end = static_cast<uint32_t>(pool_size());
  Append(rest_scratch_);
  u.all_end = static_cast<uint32_t>(pool_size());
}

void TextUnits::AddUnit(const Unit& u, std::span<const uint32_t> all,
                        std::span<const uint32_t> content) {
  Unit v = u;
  AppendTerms(all, content, v);
  units_.push_back(v);
}

void TextUnits::Clear() {
  units_.clear();
  narrow_pool_.clear();
  wide_pool_.clear();
  wide_ = false;
}

void TextUnits::Add(uint32_t entry_index, const core::Entry& e, std::vector<uint32_t>* terms_seen) {
  if (e.kind == core::EntryKind::kThread) return;
  const bool loop = e.kind == core::EntryKind::kLoop;
  auto add_field = [&](std::string_view text, UnitField field) {
    if (text.empty()) return;
    scratch_.clear();
    tokenizer_.Tokenize(text, scratch_);
    if (terms_seen) {
      for (const Token& t : scratch_) terms_seen->push_back(t.term);
    }
    size_t i = 0;
    while (i < scratch_.size()) {
      size_t j = i;
      while (j < scratch_.size() && scratch_[j].sentence == scratch_[i].sentence) ++j;
      all_scratch_.clear();
      content_scratch_.clear();
      for (size_t k = i; k < j; ++k) {
        all_scratch_.push_back(scratch_[k].term);
        if (!scratch_[k].stop) content_scratch_.push_back(scratch_[k].term);
      }
      std::sort(all_scratch_.begin(), all_scratch_.end());
      all_scratch_.erase(std::unique(all_scratch_.begin(), all_scratch_.end()), all_scratch_.end());
      std::sort(content_scratch_.begin(), content_scratch_.end());
      content_scratch_.erase(std::unique(content_scratch_.begin(), content_scratch_.end()),
                             content_scratch_.end());
      const bool comparable = content_scratch_.size() >= kMinContentTerms ||
                              (loop && all_scratch_.size() >= kMinVerbatimTerms);
      if (comparable) {
        Unit u;
        u.entry = entry_index;
        u.field = field;
        u.loop = loop;
        u.begin = scratch_[i].begin;
        u.end = scratch_[j - 1].end;
        u.words = static_cast<uint32_t>(j - i);
        AppendTerms(all_scratch_, content_scratch_, u);
        units_.push_back(u);
      }
      i = j;
    }
  };
  add_field(e.thought, UnitField::kThought);
  add_field(e.text, UnitField::kText);
}

void TextUnits::ComputeWeights() {
  // Frequencies count distinct sentences: a worry written the same way
  // forty times must not make its own words "common" and so hide itself.
  df_.assign(tokenizer_.term_count(), 0);
  std::unordered_set<uint64_t> seen;
  seen.reserve(units_.size());
  for (const Unit& u : units_) {
    uint64_t h = 1469598103934665603ull;
    for (uint32_t t : AllTerms(u)) h = (h ^ t) * 1099511628211ull;
    if (!seen.insert(h).second) continue;
    for (uint32_t t : AllTerms(u)) ++df_[t];
  }
  distinct_ = seen.size();
  total_ = static_cast<double>(distinct_) + kSmoothingUnits;
  weights_.resize(df_.size());
  for (size_t t = 0; t < df_.size(); ++t) {
    weights_[t] = static_cast<float>(std::log(total_ / (df_[t] + 0.5)));
  }
  max_weight_ = static_cast<float>(std::log(total_ / 0.5));
  uncommon_.resize(df_.size());
  for (size_t t = 0; t < df_.size(); ++t) uncommon_[t] = df_[t] / total_ <= kCommonShare;
  for (Unit& u : units_) {
    double w = 0;
    for (uint32_t t : ContentTerms(u)) w += Weight(t);
    u.content_weight = static_cast<float>(w);
  }
}

namespace {
template <typename Terms>
uint64_t HashOfTerms(const Terms& terms) {
  uint64_t h = 1469598103934665603ull;
  for (uint32_t t : terms) h = (h ^ t) * 1099511628211ull;
  return h;
}
}  // namespace

void TextUnits::Reserve(size_t units, size_t terms) {
  units_.reserve(units_.size() + units);
  if (wide_) {
    wide_pool_.reserve(wide_pool_.size() + terms);
  } else {
    narrow_pool_.reserve(narrow_pool_.size() + terms);
  }
}

void TextUnits::Trim() {
  TrimRoom(units_);
  TrimRoom(narrow_pool_);
  TrimRoom(wide_pool_);
}

void TextUnits::AddCounted(const Unit& u, std::span<const uint32_t> all,
                           std::span<const uint32_t> content) {
  Room(units_, 1);
  WidenFor(all);
  if (wide_) {
    Room(wide_pool_, all.size());
  } else {
    Room(narrow_pool_, all.size());
  }
  AddUnit(u, all, content);
  weights_stale_ = true;
  // As ComputeWeights counts: a term set once, the first time it is met
  // (by its hash).
  if (++counted_[HashOfTerms(all)] == 1) {
    for (uint32_t t : all) {
      if (t >= df_.size()) df_.resize(t + 1, 0);
      ++df_[t];
    }
    ++distinct_;
  }
}

void TextUnits::TruncateTo(size_t unit_count) {
  // Last in, first out: a term set leaves the frequencies with the unit
  // that brought it in.
  if (units_.size() > unit_count) weights_stale_ = true;
  while (units_.size() > unit_count) {
    const auto all = AllTerms(units_.back());
    auto it = counted_.find(HashOfTerms(all));
    if (--it->second == 0) {
      counted_.erase(it);
      for (uint32_t t : all) --df_[t];
      --distinct_;
    }
    units_.pop_back();
  }
  const size_t pool = units_.empty() ? 0 : units_.back().all_end;
  if (wide_) {
    wide_pool_.resize(pool);
  } else {
    narrow_pool_.resize(pool);
  }
}

void TextUnits::ComputeTermWeights() {
  if (!weights_stale_) return;  // no unit added or taken back since
  weights_stale_ = false;
  total_ = static_cast<double>(distinct_) + kSmoothingUnits;
  weights_.resize(df_.size());
  uncommon_.resize(df_.size());
  for (size_t t = 0; t < df_.size(); ++t) {
    weights_[t] = static_cast<float>(std::log(total_ / (df_[t] + 0.5)));
    uncommon_[t] = df_[t] / total_ <= kCommonShare;
  }
  max_weight_ = static_cast<float>(std::log(total_ / 0.5));
}

void TextUnits::ComputeUnitWeight(uint32_t unit) {
  Unit& u = units_[unit];
  double w = 0;
  for (uint32_t t : ContentTerms(u)) w += Weight(t);
  u.content_weight = static_cast<float>(w);
}

double TextUnits::Share(uint32_t term) const {
  if (term >= df_.size() || total_ <= 0) return 0.0;
  return df_[term] / total_;
}

double TextUnits::ContentSimilarity(const Unit& a, const Unit& b) const {
  auto ca = ContentTerms(a);
  auto cb = ContentTerms(b);
  double shared_weight = 0;
  size_t shared = 0;
  bool rare = false;
  Intersect(*this, ca, cb, shared_weight, shared, rare);
  const double larger = std::max(a.content_weight, b.content_weight);
  return larger <= 0 ? 0.0 : shared_weight / larger;
}

bool TextUnits::SameContent(const Unit& a, const Unit& b) const {
  auto ca = ContentTerms(a);
  auto cb = ContentTerms(b);
  if (ca.size() < kMinContentTerms || cb.size() < kMinContentTerms) return false;
  // Cheap first: sentences of very different weight cannot be mostly
  // shared, unless they differ by one word.
  const double lighter = std::min(a.content_weight, b.content_weight);
  const double heavier = std::max(a.content_weight, b.content_weight);
  const size_t size_gap = ca.size() > cb.size() ? ca.size() - cb.size() : cb.size() - ca.size();
  if (size_gap > 1 && lighter < kContentShared * heavier) return false;
  double shared_weight = 0;
  size_t shared = 0;
  bool rare = false;
  Intersect(*this, ca, cb, shared_weight, shared, rare);
  if (shared < kMinSharedContent || !rare) return false;
  // One content word added or dropped always passes, whatever its weight.
  if (ca.size() + cb.size() - 2 * shared <= 1) return true;
  // Otherwise each side's content must be mostly shared: the same object
  // with a different verb is not the same thing.
  return shared_weight >= kContentShared * heavier;
}

bool TextUnits::NearVerbatim(const Unit& a, const Unit& b) const {
  if (!a.loop || !b.loop) return false;
  auto ta = AllTerms(a);
  auto tb = AllTerms(b);
  if (ta.size() < kMinVerbatimTerms || tb.size() < kMinVerbatimTerms) return false;
  const size_t shared = CountShared(ta, tb);
  // Counts of a text's terms: far below 2^53, exact as doubles.
  return 2.0 * static_cast<double>(shared) >=
         kVerbatimDice * static_cast<double>(ta.size() + tb.size());
}

bool TextUnits::Distinctive(const Unit& u) const {
  // A loop is the client's own wording and counts as it is, but one that is
  // only fillers ("ugh", "oh well") says nothing that could recur.
  if (u.loop) return !ContentTerms(u).empty();
  size_t uncommon = 0;
  for (uint32_t t : ContentTerms(u)) uncommon += Uncommon(t);
  return uncommon >= kMinDistinctive;
}

bool TextUnits::SameThing(const Unit& a, const Unit& b) const {
  return SameContent(a, b) || NearVerbatim(a, b);
}

}  // namespace fieldnotes::reports
