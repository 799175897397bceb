#include "reports/analysis_cache.h"

#include <algorithm>

namespace fieldnotes::reports {
namespace {

constexpr uint32_t kUnmapped = UINT32_MAX;

uint64_t Mix(uint64_t h, uint64_t v) {
  // 64-bit FNV-style combine of field hashes: one bit changed anywhere
  // changes the fingerprint.
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

uint64_t HashOf(std::string_view s) { return std::hash<std::string_view>{}(s); }

// Every field an analysis or the six-word rule reads, with their lengths
// (so that moving bytes between two fields changes it too).
uint64_t Fingerprint(const core::Entry& e) {
  uint64_t h = static_cast<uint64_t>(e.kind) + 1;
  auto add = [&h](std::string_view s) {
    h = Mix(h, s.size());
    h = Mix(h, HashOf(s));
  };
  for (const std::string* s : {&e.before, &e.body, &e.thought, &e.unsaid, &e.text, &e.thread})
    add(*s);
  h = Mix(h, e.emotions.size());
  for (const std::string& s : e.emotions) add(s);
  h = Mix(h, e.tags.size());
  for (const std::string& s : e.tags) add(s);
  h = Mix(h, e.followups.size());
  for (const auto& f : e.followups) {
    add(f.question);
    add(f.answer);
  }
  return h;
}

}  // namespace

AnalysisCache::AnalysisCache()
    : tokenizer_(std::make_unique<Tokenizer>()), scratch_(std::make_unique<TextUnits>(*tokenizer_)) {}

AnalysisCache::~AnalysisCache() = default;

size_t AnalysisCache::size() const {
  std::lock_guard lock(mu_);
  return entries_.size();
}

AnalysisCache::Cached& AnalysisCache::Slot(const core::Entry& e) {
  const uint64_t fp = Fingerprint(e);
  Cached& c = entries_[e.id];
  if (c.generation == 0 || c.fingerprint != fp) {
    c = Cached{};
    c.fingerprint = fp;
  }
  c.generation = generation_;
  return c;
}

void AnalysisCache::Sweep() {
  std::erase_if(entries_, [&](const auto& kv) { return kv.second.generation != generation_; });
}

void AnalysisCache::ComputeUnits(const core::Entry& e, Cached& c) {
  // The same units TextUnits::Add makes, with this cache's term ids, and
  // every term in the order the tokenizer first met it.
  scratch_->Clear();
  order_scratch_.clear();
  scratch_->Add(0, e, &order_scratch_);
  c.order.clear();
  if (stamp_.size() < tokenizer_->term_count()) stamp_.resize(tokenizer_->term_count(), 0);
  ++stamp_now_;
  for (uint32_t t : order_scratch_) {
    if (stamp_[t] == stamp_now_) continue;
    stamp_[t] = stamp_now_;
    c.order.push_back(t);
  }
  c.order.shrink_to_fit();
  c.terms.clear();
  c.units.clear();
  for (const Unit& u : scratch_->units()) {
    CachedUnit cu{u};
    auto all = scratch_->AllTerms(u);
    auto content = scratch_->ContentTerms(u);
    cu.unit.all_begin = static_cast<uint32_t>(c.terms.size());
    c.terms.insert(c.terms.end(), all.begin(), all.end());
    cu.unit.all_end = static_cast<uint32_t>(c.terms.size());
    cu.unit.content_begin = static_cast<uint32_t>(c.terms.size());
    c.terms.insert(c.terms.end(), content.begin(), content.end());
    cu.unit.content_end = static_cast<uint32_t>(c.terms.size());
    c.units.push_back(cu);
  }
  c.terms.shrink_to_fit();
  c.units.shrink_to_fit();
  c.units_ready = true;
}

void AnalysisCache::Warm(std::span<const core::Entry> entries) {
  std::lock_guard lock(mu_);
  ++generation_;
  for (const core::Entry& e : entries) {
    Cached& c = Slot(e);
    if (!c.units_ready) ComputeUnits(e, c);
  }
  if (entries_.size() > entries.size()) Sweep();
}

void AnalysisCache::FillUnits(const std::vector<IndexedEntry>& entries, Tokenizer& tokenizer,
                              TextUnits& units) {
  std::lock_guard lock(mu_);
  ++generation_;
  std::vector<const Cached*> slots;
  slots.reserve(entries.size());
  for (const IndexedEntry& ie : entries) {
    Cached& c = Slot(*ie.entry);
    if (!c.units_ready) ComputeUnits(*ie.entry, c);
    slots.push_back(&c);
  }
  if (entries_.size() > entries.size()) Sweep();

  // The caller's tokenizer learns the terms in the order it would have met
  // them tokenizing the entries in this order (so its ids, which decide
  // ties in the analysis, are the ids it would have given).
  local_.assign(tokenizer_->term_count(), kUnmapped);
  for (const Cached* c : slots) {
    for (uint32_t t : c->order) {
      if (local_[t] == kUnmapped) local_[t] = tokenizer.TermOfStem(tokenizer_->StemOf(t));
    }
  }
  for (uint32_t i = 0; i < slots.size(); ++i) {
    const Cached& c = *slots[i];
    for (const CachedUnit& cu : c.units) {
      all_scratch_.clear();
      content_scratch_.clear();
      for (uint32_t k = cu.unit.all_begin; k < cu.unit.all_end; ++k)
        all_scratch_.push_back(local_[c.terms[k]]);
      for (uint32_t k = cu.unit.content_begin; k < cu.unit.content_end; ++k)
        content_scratch_.push_back(local_[c.terms[k]]);
      std::sort(all_scratch_.begin(), all_scratch_.end());
      std::sort(content_scratch_.begin(), content_scratch_.end());
      Unit u = cu.unit;
      u.entry = i;
      units.AddUnit(u, all_scratch_, content_scratch_);
    }
  }
}

void AnalysisCache::VisitRuns(std::span<const core::Entry> entries, const RunsFn& compute,
                              const VisitFn& visit) {
  std::lock_guard lock(mu_);
  ++generation_;
  for (const core::Entry& e : entries) {
    Cached& c = Slot(e);
    if (!c.runs_ready) {
      c.runs.clear();
      compute(e, c.runs);
      c.runs.shrink_to_fit();
      c.runs_ready = true;
    }
    visit(e, c.runs);
  }
  if (entries_.size() > entries.size()) Sweep();
}

}  // namespace fieldnotes::reports
