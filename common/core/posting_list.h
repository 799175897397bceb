// PostingList: an ascending list of entry positions, as the search index
// keeps one per word (search_index.h), stored as the gaps between them in
// a variable number of bytes (seven bits a byte, the high bit saying that
// more follow): a word in most entries costs about one byte a position
// instead of four. Positions are only added at the end, which is how the
// index is built (entries in order) and kept (an entry added at the end).
// Memory only; not thread-safe for writing (readers may share a const one).
#ifndef FIELDNOTES_CORE_POSTING_LIST_H_
#define FIELDNOTES_CORE_POSTING_LIST_H_

#include <cstdint>
#include <vector>

namespace fieldnotes::core::internal {

class PostingList {
 public:
  // Adds `position`, which must be at least the last one added; the same
  // position again is ignored (a word seen twice in one entry).
  void Add(uint32_t position) {
    if (count_ != 0 && position == last_) return;
    uint32_t gap = count_ == 0 ? position : position - last_;
    while (gap >= 0x80) {
      bytes_.push_back(static_cast<uint8_t>(gap | 0x80));
      gap >>= 7;
    }
    bytes_.push_back(static_cast<uint8_t>(gap));
    last_ = position;
    ++count_;
  }

  // Positions held (each once).
  uint32_t size() const { return count_; }
  bool empty() const { return count_ == 0; }

  // Calls fn(position) for each position, ascending.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    uint32_t position = 0;
    size_t i = 0;
    for (uint32_t k = 0; k < count_; ++k) {
      uint32_t gap = 0;
      int shift = 0;
      uint8_t b;
      do {
        b = bytes_[i++];
        gap |= static_cast<uint32_t>(b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
      position = k == 0 ? gap : position + gap;
      fn(position);
    }
  }

  // Gives back what the list grew by but does not use (after a bulk build).
  void Shrink() { bytes_.shrink_to_fit(); }
  // Bytes held for the positions (for tests and measurements).
  size_t bytes() const { return bytes_.capacity(); }

 private:
  std::vector<uint8_t> bytes_;
  uint32_t last_ = 0;
  uint32_t count_ = 0;
};

}  // namespace fieldnotes::core::internal

#endif  // FIELDNOTES_CORE_POSTING_LIST_H_
