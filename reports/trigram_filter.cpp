#include "reports/trigram_filter.h"

namespace fieldnotes::reports {

TrigramFilter::TrigramFilter(std::span<const uint64_t> distinct, uint64_t seed) : seed_(seed) {
  if (distinct.empty()) return;
  bits_.assign((distinct.size() * kBitsPerHash + 63) / 64, 0);
  const uint64_t m = bits_.size() * 64;
  for (const uint64_t hash : distinct) {
    uint64_t x = Mix(hash ^ seed_);
    for (size_t i = 0; i < kProbes; ++i, x = Next(x)) {
      const uint64_t bit = Probe(x, m);
      bits_[bit / 64] |= 1ull << (bit % 64);
    }
  }
}

void TrigramFilter::KeepDistinct(std::vector<uint64_t>& hashes, Scratch& scratch) {
  // Open addressing, at most half full; a slot is taken when it carries this
  // call's stamp, so nothing needs clearing between calls.
  size_t size = 16;
  while (size < 2 * hashes.size()) size *= 2;
  if (scratch.slots.size() < size) {
    scratch.slots.assign(size, {0, 0});
    scratch.stamp = 0;
  }
  if (++scratch.stamp == 0) {  // wrapped: every old stamp must go
    for (auto& slot : scratch.slots) slot.second = 0;
    scratch.stamp = 1;
  }
  const size_t mask = size - 1;
  size_t kept = 0;
  for (size_t i = 0; i < hashes.size(); ++i) {
    const uint64_t h = hashes[i];
    for (size_t at = Mix(h) & mask;; at = (at + 1) & mask) {
      auto& slot = scratch.slots[at];
      if (slot.second != scratch.stamp) {
        slot = {h, scratch.stamp};
        hashes[kept++] = h;
        break;
      }
      if (slot.first == h) break;
    }
  }
  hashes.resize(kept);
}

}  // namespace fieldnotes::reports
