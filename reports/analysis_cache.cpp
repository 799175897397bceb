#include "reports/analysis_cache.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

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

// An entry's key in the cache (FNV-1a: not HashOf, so that the key and the
// fingerprint do not collide together).
uint64_t IdHash(std::string_view id) {
  uint64_t h = 1469598103934665603ull;
  for (char ch : id) h = (h ^ static_cast<unsigned char>(ch)) * 1099511628211ull;
  return h;
}

// A history of more entries than this brought up to date at once is sized
// from its first kSample entries, then trimmed.
constexpr size_t kBulk = 2048;
constexpr size_t kSample = 512;

// One unit as the cache keeps it: its place and kind, and its terms (all,
// then content) appended through `put`, with `count` telling where they
// begin and end. `CU` is AnalysisCache's private CachedUnit; the same for
// units worked out now and for units read back from the history.
template <typename CU, typename AllTerms, typename ContentTerms, typename Put, typename Count>
CU MakeCachedUnit(const Unit& u, const AllTerms& all, const ContentTerms& content, Put& put,
                  Count& count) {
  CU cu;
  cu.begin = u.begin;
  cu.end = u.end;
  cu.words = u.words;
  cu.field = u.field;
  cu.loop = u.loop;
  cu.all_begin = count();
  for (uint32_t t : all) put(t);
  cu.all_end = count();
  cu.content_begin = count();
  for (uint32_t t : content) put(t);
  cu.content_end = count();
  return cu;
}

// Every field an analysis or the six-word rule reads, with their lengths
// (so that moving bytes between two fields changes it too).
uint64_t Fingerprint(const core::Entry& e) {
  uint64_t h = static_cast<uint64_t>(e.kind) + 1;
  auto add = [&h](std::string_view s) {
    h = Mix(h, s.size());
    h = Mix(h, HashOf(s));
  };
  for (const core::CompactString* s :
       {&e.before, &e.body, &e.thought, &e.unsaid, &e.text, &e.thread})
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
    : tokenizer_(std::make_unique<Tokenizer>()),
      scratch_(std::make_unique<TextUnits>(*tokenizer_)),
      history_(std::make_unique<RecurringHistory>(*tokenizer_)) {}

AnalysisCache::~AnalysisCache() = default;

void AnalysisCache::TermOrder::Assign(std::span<const uint32_t> terms) {
  wide_ = std::any_of(terms.begin(), terms.end(), [](uint32_t t) { return t > UINT16_MAX; });
  size_ = static_cast<uint32_t>(terms.size());
  data_.reset();
  if (terms.empty()) return;
  data_ = std::make_unique_for_overwrite<uint16_t[]>(wide_ ? 2 * terms.size() : terms.size());
  for (size_t k = 0; k < terms.size(); ++k) {
    if (wide_) {
      data_[2 * k] = static_cast<uint16_t>(terms[k] & 0xffffu);
      data_[2 * k + 1] = static_cast<uint16_t>(terms[k] >> 16);
    } else {
      data_[k] = static_cast<uint16_t>(terms[k]);
    }
  }
}

size_t AnalysisCache::size() const {
  std::lock_guard lock(mu_);
  return entries_.size() + collided_.size();
}

AnalysisCache::Cached& AnalysisCache::Slot(const core::Entry& e, size_t position) {
  const uint64_t fp = Fingerprint(e);
  const uint64_t key = IdHash(e.id);
  Cached* c = nullptr;
  if (position < last_.size() && last_[position].first == &e &&
      last_[position].second->key == key && last_[position].second->generation != generation_) {
    c = last_[position].second;
  } else {
    c = &entries_.try_emplace(key).first->second;
    // Taken in this pass by another entry whose id has the same hash: this
    // one is kept by its id (ids are unique in a journal).
    if (c->generation == generation_) c = &collided_.try_emplace(e.id).first->second;
    c->key = key;
  }
  if (c->generation == 0 || c->fingerprint != fp) {
    *c = Cached{};
    c->key = key;
    c->fingerprint = fp;
    c->serial = ++serial_;
  }
  c->generation = generation_;
  next_.emplace_back(&e, c);
  return *c;
}

void AnalysisCache::BeginPass(size_t count) {
  ++generation_;
  next_.clear();
  next_.reserve(count);
}

void AnalysisCache::EndPass(size_t count, uint64_t revision, bool contiguous) {
  if (entries_.size() + collided_.size() > count) {
    auto stale = [&](const auto& kv) { return kv.second.generation != generation_; };
    std::erase_if(entries_, stale);
    std::erase_if(collided_, stale);
  }
  last_.swap(next_);
  next_.clear();
  seen_revision_ = revision;
  seen_contiguous_ = contiguous;
  // The history holds the entries of history_revision_: still so only when
  // this pass saw those (the caller of a pass that extends it sets it).
  if (revision != history_revision_) history_revision_ = 0;
}

void AnalysisCache::ComputeUnits(const core::Entry& e, Cached& c) {
  // The same units TextUnits::Add makes, with this cache's term ids, and
  // every term in the order the tokenizer first met it.
  scratch_->Clear();
  order_scratch_.clear();
  scratch_->Add(0, e, &order_scratch_);
  if (stamp_.size() < tokenizer_->term_count()) {
    stamp_.resize(tokenizer_->term_count(), 0);
    place_.resize(tokenizer_->term_count(), 0);
  }
  ++stamp_now_;
  distinct_scratch_.clear();
  for (uint32_t t : order_scratch_) {
    if (stamp_[t] == stamp_now_) continue;
    stamp_[t] = stamp_now_;
    place_[t] = static_cast<uint32_t>(distinct_scratch_.size());
    distinct_scratch_.push_back(t);
  }
  c.order.Assign(distinct_scratch_);
  auto held = std::make_unique<Held>();
  // Places fit 16 bits unless an entry has more than 65,535 distinct words.
  const bool wide = c.order.size() > UINT16_MAX;
  auto put = [&](uint32_t t) {
    if (wide) {
      held->wide_terms.push_back(place_[t]);
    } else {
      held->terms.push_back(static_cast<uint16_t>(place_[t]));
    }
  };
  auto count = [&] {
    return static_cast<uint32_t>(wide ? held->wide_terms.size() : held->terms.size());
  };
  held->units.reserve(scratch_->units().size());
  for (const Unit& u : scratch_->units())
    held->units.push_back(MakeCachedUnit<CachedUnit>(u, scratch_->AllTerms(u),
                                                     scratch_->ContentTerms(u), put, count));
  held->wide_terms.shrink_to_fit();
  held->terms.shrink_to_fit();
  c.held = std::move(held);
  c.units_ready = true;
  c.units_held = true;
}

void AnalysisCache::HoldUnits(const core::Entry& e, Cached& c, size_t at) {
  if (c.units_held) return;
  if (!c.units_ready || at >= history_->entry_count() || history_->serial(at) != c.serial) {
    ComputeUnits(e, c);
    return;
  }
  // The history's units of that entry, their terms as places in `order`
  // again (a unit's terms in any order: every reader sorts them).
  if (stamp_.size() < tokenizer_->term_count()) {
    stamp_.resize(tokenizer_->term_count(), 0);
    place_.resize(tokenizer_->term_count(), 0);
  }
  ++stamp_now_;
  for (size_t k = 0; k < c.order.size(); ++k) {
    stamp_[c.order[k]] = stamp_now_;
    place_[c.order[k]] = static_cast<uint32_t>(k);
  }
  const bool wide = c.order.size() > UINT16_MAX;
  auto held = std::make_unique<Held>();
  auto put = [&](uint32_t history_term) {
    const uint32_t place = place_[history_->cache_term(history_term)];
    if (wide) {
      held->wide_terms.push_back(place);
    } else {
      held->terms.push_back(static_cast<uint16_t>(place));
    }
  };
  auto count = [&] {
    return static_cast<uint32_t>(wide ? held->wide_terms.size() : held->terms.size());
  };
  const TextUnits& units = history_->units();
  held->units.reserve(history_->unit_begin(at + 1) - history_->unit_begin(at));
  for (uint32_t u = history_->unit_begin(at); u < history_->unit_begin(at + 1); ++u) {
    const Unit& x = units.units()[u];
    held->units.push_back(
        MakeCachedUnit<CachedUnit>(x, units.AllTerms(x), units.ContentTerms(x), put, count));
  }
  c.held = std::move(held);
  c.units_held = true;
}

void AnalysisCache::ReleaseUnits(Cached& c) {
  c.held.reset();
  c.units_held = false;
}

void AnalysisCache::Warm(std::span<const core::Entry> entries, uint64_t revision) {
  std::lock_guard lock(mu_);
  if (Seen(entries.size(), revision, true) && history_revision_ == revision &&
      history_->entry_count() == entries.size())
    return;  // warm at this revision already
  BeginPass(entries.size());
  std::vector<std::pair<const core::Entry*, Cached*>> slots;
  slots.reserve(entries.size());
  size_t first = entries.size();
  for (size_t i = 0; i < entries.size(); ++i) {
    Cached& c = Slot(entries[i], i);
    slots.emplace_back(&entries[i], &c);
    if (first == entries.size() &&
        (i >= history_->entry_count() || history_->serial(i) != c.serial))
      first = i;
  }
  EndPass(entries.size(), revision, true);
  // The journal keeps its entries in the analysis' order (oldest first);
  // were they not, the first analysis would read them again.
  ExtendHistory(first, slots);
  history_revision_ = revision;
}

void AnalysisCache::ExtendHistory(
    size_t first, const std::vector<std::pair<const core::Entry*, Cached*>>& slots) {
  // The entries from `first` on are taken back and added again. Those the
  // history holds unchanged (by serial: they may have moved) have their
  // units read back from it before it is cut; an entry at or after
  // `first` now was at or after it before, since the entries before it
  // are the same ones at the same places.
  if (first < history_->entry_count()) {
    std::unordered_map<uint64_t, size_t> old_at;
    for (size_t p = first; p < history_->entry_count(); ++p) old_at.emplace(history_->serial(p), p);
    for (size_t i = first; i < slots.size(); ++i) {
      auto [e, c] = slots[i];
      if (c->units_held || !c->units_ready) continue;
      auto it = old_at.find(c->serial);
      if (it != old_at.end()) HoldUnits(*e, *c, it->second);
    }
  }
  history_->TruncateTo(first);
  // Many entries at once (a first warm, an edit long ago): the history's
  // vectors are sized from the first ones, by the length of the text
  // (sentences and words come with it), not doubled as they grow.
  const size_t adding = slots.size() - first;
  const size_t units_before = history_->units().units().size();
  const size_t pool_before = history_->units().pool_size();
  auto text_bytes = [&slots](size_t from, size_t to) {
    double bytes = 0;
    for (size_t k = from; k < to; ++k)
      bytes += static_cast<double>(slots[k].first->thought.size() + slots[k].first->text.size());
    return bytes;
  };
  for (size_t i = first; i < slots.size(); ++i) {
    if (adding >= kBulk && i == first + kSample) {
      const double sample = text_bytes(first, i);
      const double share = sample > 0 ? text_bytes(i, slots.size()) / sample * 1.06 : 0;
      auto more = [share](size_t now, size_t before) {
        return static_cast<size_t>(share * static_cast<double>(now - before));
      };
      history_->Reserve(slots.size() - i, more(history_->units().units().size(), units_before),
                        more(history_->units().pool_size(), pool_before));
    }
    auto [e, slot] = slots[i];
    // New or changed entries are worked out here, one at a time.
    if (!slot->units_held) ComputeUnits(*e, *slot);
    const Cached& c = *slot;
    const Held& held = *c.held;
    // The units' terms as the cache's ids, in one buffer.
    mapped_.clear();
    auto place = [&held](uint32_t k) -> uint32_t {
      return held.wide_terms.empty() ? held.terms[k] : held.wide_terms[k];
    };
    for (const CachedUnit& cu : held.units) {
      for (uint32_t k = cu.all_begin; k < cu.all_end; ++k) mapped_.push_back(c.order[place(k)]);
      for (uint32_t k = cu.content_begin; k < cu.content_end; ++k)
        mapped_.push_back(c.order[place(k)]);
    }
    new_units_.clear();
    size_t at = 0;
    for (const CachedUnit& cu : held.units) {
      RecurringHistory::NewUnit nu;
      nu.unit.field = cu.field;
      nu.unit.loop = cu.loop;
      nu.unit.begin = cu.begin;
      nu.unit.end = cu.end;
      nu.unit.words = cu.words;
      nu.all = std::span<const uint32_t>(mapped_).subspan(at, cu.all_end - cu.all_begin);
      at += cu.all_end - cu.all_begin;
      nu.content =
          std::span<const uint32_t>(mapped_).subspan(at, cu.content_end - cu.content_begin);
      at += cu.content_end - cu.content_begin;
      new_units_.push_back(nu);
    }
    order_scratch_.resize(c.order.size());
    for (size_t k = 0; k < c.order.size(); ++k) order_scratch_[k] = c.order[k];
    history_->AddEntry(c.serial, order_scratch_, new_units_);
    // The history holds them now.
    ReleaseUnits(*slot);
  }
  if (adding >= kBulk) history_->Trim();
}

void AnalysisCache::WithHistory(const std::vector<IndexedEntry>& entries, uint64_t revision,
                                const std::function<void(RecurringHistory&)>& use) {
  std::lock_guard lock(mu_);
  // In the order they lie in memory (EntryIndex did not sort them)?
  bool contiguous = true;
  for (size_t i = 1; i < entries.size() && contiguous; ++i)
    contiguous = entries[i].entry == entries[i - 1].entry + 1;
  if (Seen(entries.size(), revision, contiguous) && history_revision_ == revision &&
      history_->entry_count() == entries.size()) {
    // The same entries as when the history was last brought up to date
    // (perhaps a copy: the next pass finds them by place).
    for (size_t i = 0; i < entries.size(); ++i) last_[i].first = entries[i].entry;
    use(*history_);
    return;
  }
  BeginPass(entries.size());
  std::vector<std::pair<const core::Entry*, Cached*>> slots;
  slots.reserve(entries.size());
  size_t first = entries.size();
  for (size_t i = 0; i < entries.size(); ++i) {
    Cached& c = Slot(*entries[i].entry, i);
    slots.emplace_back(entries[i].entry, &c);
    if (first == entries.size() &&
        (i >= history_->entry_count() || history_->serial(i) != c.serial))
      first = i;
  }
  EndPass(entries.size(), revision, contiguous);
  ExtendHistory(first, slots);
  history_revision_ = revision;
  use(*history_);
}

size_t AnalysisCache::history_entries() const {
  std::lock_guard lock(mu_);
  return history_->entry_count();
}

void AnalysisCache::FillUnits(const std::vector<IndexedEntry>& entries, Tokenizer& tokenizer,
                              TextUnits& units) {
  std::lock_guard lock(mu_);
  BeginPass(entries.size());
  std::vector<const Cached*> slots;
  slots.reserve(entries.size());
  // Units the history holds are read back from it for this call only.
  std::unordered_map<uint64_t, size_t> history_at;
  std::vector<Cached*> borrowed;
  for (size_t i = 0; i < entries.size(); ++i) {
    Cached& c = Slot(*entries[i].entry, i);
    if (!c.units_held) {
      size_t at = SIZE_MAX;
      if (c.units_ready) {
        if (history_at.empty()) {
          for (size_t p = 0; p < history_->entry_count(); ++p)
            history_at.emplace(history_->serial(p), p);
        }
        auto it = history_at.find(c.serial);
        if (it != history_at.end()) {
          at = it->second;
          borrowed.push_back(&c);
        }
      }
      HoldUnits(*entries[i].entry, c, at);
    }
    slots.push_back(&c);
  }
  EndPass(entries.size(), 0, false);
  struct GiveBack {
    std::vector<Cached*>& borrowed;
    ~GiveBack() {
      for (Cached* c : borrowed) ReleaseUnits(*c);
    }
  } give_back{borrowed};

  // The caller's tokenizer learns the terms in the order it would have met
  // them tokenizing the entries in this order (so its ids, which decide
  // ties in the analysis, are the ids it would have given).
  local_.assign(tokenizer_->term_count(), kUnmapped);
  for (const Cached* c : slots) {
    for (size_t k = 0; k < c->order.size(); ++k) {
      const uint32_t t = c->order[k];
      if (local_[t] == kUnmapped) local_[t] = tokenizer.TermOfStem(tokenizer_->StemOf(t));
    }
  }
  for (uint32_t i = 0; i < slots.size(); ++i) {
    const Cached& c = *slots[i];
    mapped_.resize(c.order.size());
    for (size_t k = 0; k < c.order.size(); ++k) mapped_[k] = local_[c.order[k]];
    const Held& held = *c.held;
    for (const CachedUnit& cu : held.units) {
      all_scratch_.clear();
      content_scratch_.clear();
      auto place = [&held](uint32_t k) -> uint32_t {
        return held.wide_terms.empty() ? held.terms[k] : held.wide_terms[k];
      };
      for (uint32_t k = cu.all_begin; k < cu.all_end; ++k)
        all_scratch_.push_back(mapped_[place(k)]);
      for (uint32_t k = cu.content_begin; k < cu.content_end; ++k)
        content_scratch_.push_back(mapped_[place(k)]);
      std::sort(all_scratch_.begin(), all_scratch_.end());
      std::sort(content_scratch_.begin(), content_scratch_.end());
      Unit u;
      u.entry = i;
      u.field = cu.field;
      u.loop = cu.loop;
      u.begin = cu.begin;
      u.end = cu.end;
      u.words = cu.words;
      units.AddUnit(u, all_scratch_, content_scratch_);
    }
  }
}

void AnalysisCache::VisitRunBlocks(std::span<const core::Entry> entries, uint64_t revision,
                                   const TrigramsFn& trigrams, const MayHoldFn& may_hold,
                                   const ReadFn& read) {
  std::lock_guard lock(mu_);
  if (Seen(entries.size(), revision, true)) {
    // The same entries at the same places as in the last pass.
    for (size_t i = 0; i < entries.size(); ++i) last_[i].first = &entries[i];
  } else {
    BeginPass(entries.size());
    for (size_t i = 0; i < entries.size(); ++i) (void)Slot(entries[i], i);
    EndPass(entries.size(), revision, true);
  }
  UpdateRunBlocks(trigrams);
  std::vector<char> hit(run_blocks_.size(), 0);
  for (size_t b = 0; b < run_blocks_.size(); ++b)
    hit[b] = run_blocks_[b].built_from > 0 && may_hold(run_blocks_[b].filter) ? 1 : 0;
  for (const auto& [e, c] : last_) {
    if (hit[c->run_block] != 0) read(*e);
  }
}

void AnalysisCache::UpdateRunBlocks(const TrigramsFn& trigrams) {
  // An entry whose fields changed lost its block with the rest of its slot
  // (Slot); the block's filter still holds its old trigrams, which only makes
  // the block read more often, until it is taken apart.
  std::vector<uint32_t> live(run_blocks_.size(), 0);
  bool waiting = false;
  for (const auto& [e, c] : last_) {
    if (c->run_block == kNoRunBlock) {
      waiting = true;
    } else {
      ++live[c->run_block];
    }
  }
  std::vector<char> apart(run_blocks_.size(), 0);
  bool any = waiting;
  for (size_t b = 0; b < run_blocks_.size(); ++b) {
    const uint32_t built = run_blocks_[b].built_from;
    if (built == 0) continue;
    // Gone, or half stale, or small while new entries wait for a block (so
    // that adding entries one at a time does not leave a block for each).
    const size_t twice_live = 2 * static_cast<size_t>(live[b]);
    if (live[b] == 0 || twice_live < built || (waiting && twice_live < kRunBlockEntries)) {
      apart[b] = 1;
      any = true;
      run_blocks_[b] = RunBlock{};
      free_run_blocks_.push_back(static_cast<uint32_t>(b));
    }
  }
  if (!any) return;
  // The entries without a block, in the order of the journal, into new
  // blocks of kRunBlockEntries.
  std::vector<uint64_t> hashes;
  TrigramFilter::Scratch distinct;
  std::vector<Cached*> members;
  members.reserve(kRunBlockEntries);
  auto build = [&] {
    TrigramFilter::KeepDistinct(hashes, distinct);
    uint32_t b = 0;
    if (free_run_blocks_.empty()) {
      b = static_cast<uint32_t>(run_blocks_.size());
      run_blocks_.emplace_back();
    } else {
      b = free_run_blocks_.back();
      free_run_blocks_.pop_back();
    }
    run_blocks_[b].filter = TrigramFilter(hashes, ++run_filter_seed_);
    run_blocks_[b].built_from = static_cast<uint32_t>(members.size());
    for (Cached* c : members) c->run_block = b;
    hashes.clear();
    members.clear();
  };
  for (const auto& [e, c] : last_) {
    if (c->run_block != kNoRunBlock && apart[c->run_block] == 0) continue;
    trigrams(*e, hashes);
    members.push_back(c);
    if (members.size() == kRunBlockEntries) build();
  }
  if (!members.empty()) build();
}

size_t AnalysisCache::run_filter_bytes() const {
  std::lock_guard lock(mu_);
  size_t bytes = run_blocks_.capacity() * sizeof(RunBlock);
  for (const RunBlock& b : run_blocks_) bytes += b.filter.bytes();
  return bytes;
}

size_t AnalysisCache::run_blocks() const {
  std::lock_guard lock(mu_);
  size_t n = 0;
  for (const RunBlock& b : run_blocks_) n += b.built_from > 0 ? 1 : 0;
  return n;
}

}  // namespace fieldnotes::reports
