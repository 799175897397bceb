// TrigramFilter: a Bloom filter over hashes of three adjacent words, for the
// six-word rule (six_word_rule.h). The analysis cache keeps one for each
// block of entries (analysis_cache.h) in place of every entry's run hashes:
// a run of six words holds four trigrams, and a block whose filter lacks one
// of them cannot hold the run, so its entries need not be read.
//
// No false negatives: a hash the filter was built from is always found. One
// it was not built from is found with a probability of about 7 in 100,000
// (20 bits a hash, 14 probes). That matters because a run of the report
// often differs from the journal by one word only (the word before or after
// a quote), so its other trigrams are in many blocks and one trigram decides.
// Each filter has its own seed, so that filters built from the same trigrams
// (a journal that repeats itself) do not all err on the same hash. Every
// entry of a block that passes is read and compared word for word: the
// filter changes how much is read, never the answer.
#ifndef FIELDNOTES_REPORTS_TRIGRAM_FILTER_H_
#define FIELDNOTES_REPORTS_TRIGRAM_FILTER_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace fieldnotes::reports {

class TrigramFilter {
 public:
  static constexpr size_t kBitsPerHash = 20;
  static constexpr size_t kProbes = 14;

  // The hash of three words in this order, from their own 64-bit hashes.
  static uint64_t Hash(uint64_t first, uint64_t second, uint64_t third) {
    return Mix(Mix(first * 0x9e3779b97f4a7c15ull + second) * 0x9e3779b97f4a7c15ull + third);
  }

  // An empty filter: contains nothing.
  TrigramFilter() = default;
  // A filter holding every hash of `distinct` (duplicates only cost space),
  // sized for their number; `seed` chooses its bits.
  TrigramFilter(std::span<const uint64_t> distinct, uint64_t seed);

  // True when `hash` was one the filter was built from, and rarely else.
  bool MayContain(uint64_t hash) const {
    if (bits_.empty()) return false;
    const uint64_t m = bits_.size() * 64;
    uint64_t x = Mix(hash ^ seed_);
    for (size_t i = 0; i < kProbes; ++i, x = Next(x)) {
      const uint64_t bit = Probe(x, m);
      if ((bits_[bit / 64] >> (bit % 64) & 1) == 0) return false;
    }
    return true;
  }

  // Removes repeated hashes from `hashes`, keeping the first of each in
  // order, with `scratch` kept between calls (so that it is allocated once).
  // Linear: sorting a block's trigrams took longer than reading them.
  struct Scratch {
    std::vector<std::pair<uint64_t, uint32_t>> slots;  // hash, stamp
    uint32_t stamp = 0;
  };
  static void KeepDistinct(std::vector<uint64_t>& hashes, Scratch& scratch);

  // What it holds on the heap.
  size_t bytes() const { return bits_.capacity() * sizeof(uint64_t); }

 private:
  static uint64_t Mix(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
  }
  // One of `m` bits from the high half of `x`, without a division.
  static uint64_t Probe(uint64_t x, uint64_t m) { return ((x >> 32) * m) >> 32; }
  // The next probe's bits (a 64-bit LCG, whose high half is the best).
  static uint64_t Next(uint64_t x) { return x * 6364136223846793005ull + 1442695040888963407ull; }

  uint64_t seed_ = 0;
  std::vector<uint64_t> bits_;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_TRIGRAM_FILTER_H_
