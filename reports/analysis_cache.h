// AnalysisCache: what the analysis works out once per entry, kept between
// analyses, so that the daily work (patterns since the last session, the
// weekly report) does not read the whole history again each time
// (docs/performance.md, the run of 2026-12-07).
//
// Two things are kept per entry, both in memory only (never on disk: they
// are derived from the client's words):
//   - the sentences of its thought and text as sets of terms, as TextUnits
//     makes them for the recurring detector (the long-term totals per loop);
//   - for the six-word rule, the block of entries it is in: each block of
//     up to 64 entries keeps one filter of their trigrams (three adjacent
//     words; trigram_filter.h), 20 bits a distinct trigram, instead of 32
//     bits for every run of each entry.
// And, for the recurring detector, the whole history's units, their term
// frequencies and their nodes (recurring_history.h), brought up to date
// from the first entry that changed, so that an analysis since the last
// session reads what changed and the period, not every sentence again.
// An entry's sentences are held once: by the history once it is there
// (only the order its terms were met in stays with the entry), read back
// from it when the history is brought up to date from an earlier entry or
// when FillUnits needs them.
// An entry is worked out again when its id is new or its fields changed (a
// fingerprint of every field read), and forgotten when it is gone from the
// journal, so adds, edits and deletes need no call of their own: each use
// brings the cache up to date with the entries it is given. Comparing
// every entry is itself a pass over the journal: a use given the journal's
// revision (core::Journal::revision(), JournalData::revision) that the
// last comparison was made at skips it, since the journal promises the
// same entries then. The results are
// exactly those of the analysis without a cache (tests/reports/
// test_analysis_cache.cpp compares them after random adds, edits and
// deletes).
//
// Give one cache to JournalData::cache and keep it as long as the journal is
// open (the desktop app warms it on a worker thread after unlock). Thread-
// safe: uses are serialised by an internal mutex.
#ifndef FIELDNOTES_REPORTS_ANALYSIS_CACHE_H_
#define FIELDNOTES_REPORTS_ANALYSIS_CACHE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model.h"
#include "reports/entry_index.h"
#include "reports/recurring_history.h"
#include "reports/text_units.h"
#include "reports/tokenizer.h"
#include "reports/trigram_filter.h"

namespace fieldnotes::reports {

class AnalysisCache {
 public:
  AnalysisCache();
  ~AnalysisCache();
  AnalysisCache(const AnalysisCache&) = delete;
  AnalysisCache& operator=(const AnalysisCache&) = delete;

  // Works out every entry of `entries` that is not cached yet (both parts),
  // so that the next analysis only reads what changed. For a worker thread
  // after unlock.
  void Warm(std::span<const core::Entry> entries, uint64_t revision = 0);

  // Adds to `units` the units of every entry of `entries`, in order, tagged
  // with its index there, with the terms `tokenizer` gives: exactly what
  // TextUnits::Add(i, *entries[i].entry) for each i would add, and leaves
  // `tokenizer` knowing the same terms under the same ids. `units` must use
  // `tokenizer`.
  void FillUnits(const std::vector<IndexedEntry>& entries, Tokenizer& tokenizer, TextUnits& units);

  // For SixWordRule::Check: calls `read` with every entry of `entries`, in
  // order, that is in a block whose filter `may_hold` accepts, and with no
  // other. Each entry is in one block of up to kRunBlockEntries entries,
  // whose filter holds the hashes `trigrams` appends for each of them.
  // `trigrams` is called for an entry that is new or changed, and for the
  // entries of a block taken apart (every entry of it gone; half of the
  // entries it was built from gone or changed; or fewer than half of
  // kRunBlockEntries left while new entries wait for a block). A changed
  // entry's old trigrams stay in its old block's filter until then, which
  // only makes that block read more often. `revision`: as
  // JournalData::revision.
  static constexpr size_t kRunBlockEntries = 64;
  using TrigramsFn = std::function<void(const core::Entry&, std::vector<uint64_t>&)>;
  using MayHoldFn = std::function<bool(const TrigramFilter&)>;
  using ReadFn = std::function<void(const core::Entry&)>;
  void VisitRunBlocks(std::span<const core::Entry> entries, uint64_t revision,
                      const TrigramsFn& trigrams, const MayHoldFn& may_hold, const ReadFn& read);
  // What the blocks' filters hold on the heap, and how many blocks there
  // are (for tests and measurements).
  size_t run_filter_bytes() const;
  size_t run_blocks() const;

  // Brings the recurring detector's history (recurring_history.h) up to
  // date with `entries`, in this order, and calls `use` with it: only the
  // entries from the first one new, changed or moved since the last call
  // are read again; none when `revision` (as JournalData::revision) is the
  // one the history was last brought up to date at. For
  // RecurringDetector::Detect.
  void WithHistory(const std::vector<IndexedEntry>& entries, uint64_t revision,
                   const std::function<void(RecurringHistory&)>& use);

  // Entries cached now (for tests).
  size_t size() const;
  // Entries the recurring history holds now (for tests).
  size_t history_entries() const;

 private:
  static constexpr uint32_t kNoRunBlock = UINT32_MAX;
  // A Unit, smaller: its terms are places in its entry's `order`.
  struct CachedUnit {
    uint32_t begin = 0, end = 0, words = 0;
    uint32_t all_begin = 0, all_end = 0, content_begin = 0, content_end = 0;  // in the terms
    UnitField field = UnitField::kText;
    bool loop = false;
  };
  // The units an entry holds itself (until the history takes them).
  struct Held {
    std::vector<uint16_t> terms;       // the units' terms, as places in `order`
    std::vector<uint32_t> wide_terms;  // the same, for an entry of more than 65,535 words
    std::vector<CachedUnit> units;
  };
  // An entry's distinct terms (this cache's ids), first seen first: 16
  // bits a term while every id fits in them, else 32. One allocation.
  class TermOrder {
   public:
    void Assign(std::span<const uint32_t> terms);
    size_t size() const { return size_; }
    uint32_t operator[](size_t k) const {
      return wide_ ? data_[2 * k] | (static_cast<uint32_t>(data_[2 * k + 1]) << 16) : data_[k];
    }

   private:
    std::unique_ptr<uint16_t[]> data_;  // wide: low then high half of each id
    uint32_t size_ = 0;
    bool wide_ = false;
  };
  struct Cached {
    uint64_t key = 0;  // its key in entries_: IdHash of its id
    uint64_t fingerprint = 0;
    uint64_t generation = 0;
    uint64_t serial = 0;  // new whenever its units are worked out again
    // `order` is worked out, and the units are either held here
    // (units_held) or by the history, at the entry added with `serial`.
    bool units_ready = false;
    bool units_held = false;
    uint32_t run_block = kNoRunBlock;  // its block in run_blocks_
    TermOrder order;
    std::unique_ptr<Held> held;  // while units_held
  };

  // The slot of `e`, the `position`th entry of this pass, reset when its
  // fields changed; marks it as seen. An entry at the same place as in the
  // last pass is found without a lookup by id.
  Cached& Slot(const core::Entry& e, size_t position);
  // Starts a pass over `count` entries.
  void BeginPass(size_t count);
  // Ends it, forgetting the entries it did not see; the pass saw the
  // entries of `revision` (0: unknown), `contiguous` as below.
  void EndPass(size_t count, uint64_t revision, bool contiguous);
  // The last pass saw `count` entries at `revision`, which is not 0, in the
  // same order: both in the order they lie in memory (`contiguous`: a span,
  // or an EntryIndex that did not sort them), or both sorted by EntryIndex.
  // Its slots (last_) are then still those of the same positions.
  bool Seen(size_t count, uint64_t revision, bool contiguous) const {
    return revision != 0 && revision == seen_revision_ && last_.size() == count &&
           contiguous == seen_contiguous_;
  }
  void ComputeUnits(const core::Entry& e, Cached& c);
  // Makes `c`'s units held: read back from the history's entry `at`
  // (which must be the one added with c.serial), or worked out again.
  void HoldUnits(const core::Entry& e, Cached& c, size_t at);
  void HoldUnits(const core::Entry& e, Cached& c);  // finds it in the history first
  // Gives up the units `c` holds (the history holds them).
  static void ReleaseUnits(Cached& c);
  // The history from position `first` on: the entries of `slots` there.
  void ExtendHistory(size_t first,
                     const std::vector<std::pair<const core::Entry*, Cached*>>& slots);

  // A block of entries for the six-word rule, and its filter.
  struct RunBlock {
    TrigramFilter filter;
    uint32_t built_from = 0;  // entries its filter was built from; 0: free
  };
  // Gives every entry of the last pass (last_) a block whose filter was
  // built from its fields as they are, taking apart and building again the
  // blocks that need it.
  void UpdateRunBlocks(const TrigramsFn& trigrams);

  mutable std::mutex mu_;
  std::unique_ptr<Tokenizer> tokenizer_;  // this cache's own term ids
  std::unique_ptr<TextUnits> scratch_;
  // By IdHash of the entry's id; an entry whose id's hash another entry of
  // the same pass has is kept by id in collided_ instead.
  std::unordered_map<uint64_t, Cached> entries_;
  std::unordered_map<std::string, Cached> collided_;
  uint64_t generation_ = 0;
  uint64_t serial_ = 0;
  std::unique_ptr<RecurringHistory> history_;
  // Where each entry of the last pass was, and its slot.
  std::vector<std::pair<const core::Entry*, Cached*>> last_, next_;
  std::vector<uint32_t> local_;  // this cache's term id -> the caller's, during FillUnits
  std::vector<uint32_t> all_scratch_, content_scratch_, order_scratch_, distinct_scratch_, mapped_;
  std::vector<RecurringHistory::NewUnit> new_units_;
  std::vector<uint64_t> stamp_;  // per term: the ComputeUnits call that last saw it
  std::vector<uint32_t> place_;  // per term: its place in the order of that call
  uint64_t stamp_now_ = 0;
  // The revision of the entries the last pass saw, and the one history_
  // was last brought up to date at (0: unknown).
  uint64_t seen_revision_ = 0;
  bool seen_contiguous_ = false;
  uint64_t history_revision_ = 0;
  std::vector<RunBlock> run_blocks_;
  std::vector<uint32_t> free_run_blocks_;
  uint64_t run_filter_seed_ = 0;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_ANALYSIS_CACHE_H_
