// FoldedTexts: the journal's folded searchable text, one text per entry
// (parallel to its entries, oldest first), held in a few large blocks
// instead of one std::string each. In memory only, like the entries.
//
// Each text lies whole in one block (a 1 MiB block, or one of its own for a
// text longer than that), so a search reads it as one string_view. A text
// removed (an entry deleted or edited) leaves a hole in its block; a block
// with nothing left in it is freed, and one less than half full (not the
// last) has its texts copied to the last block and is then freed, so holes
// never hold more than about half of what the texts take.
//
// Not thread-safe for changes; const reads may run on several threads.
#ifndef FIELDNOTES_CORE_FOLDED_TEXTS_H_
#define FIELDNOTES_CORE_FOLDED_TEXTS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace fieldnotes::core::internal {

class FoldedTexts {
 public:
  // The size of an ordinary block.
  static constexpr size_t kBlockBytes = size_t{1} << 20;

  FoldedTexts() = default;
  FoldedTexts(const FoldedTexts&) = delete;
  FoldedTexts& operator=(const FoldedTexts&) = delete;
  // The texts move with their blocks; `o` is left empty.
  FoldedTexts(FoldedTexts&& o) noexcept { *this = std::move(o); }
  FoldedTexts& operator=(FoldedTexts&& o) noexcept {
    if (this != &o) {
      slots_ = std::exchange(o.slots_, {});
      blocks_ = std::exchange(o.blocks_, {});
      free_blocks_ = std::exchange(o.free_blocks_, {});
      last_ = std::exchange(o.last_, 0);
      has_last_ = std::exchange(o.has_last_, false);
    }
    return *this;
  }

  size_t size() const { return slots_.size(); }
  bool empty() const { return slots_.empty(); }
  // Valid until the next change.
  std::string_view operator[](size_t i) const {
    const Slot& s = slots_[i];
    if (s.size == 0) return {};
    return {blocks_[s.block].bytes.get() + s.offset, s.size};
  }

  // Room for `n` texts' slots (not their bytes).
  void Reserve(size_t n) { slots_.reserve(n); }
  void PushBack(std::string_view folded) { slots_.push_back(Place(folded)); }
  // Puts `folded` at position `i` (0 <= i <= size()), after the others move
  // up by one.
  void Insert(size_t i, std::string_view folded);
  void Erase(size_t i);
  // Gives back every block.
  void Clear();
  // Puts the text at position order[i] at position i, for every i (order
  // is a permutation of 0..size()-1). Only the slots move.
  void Permute(const std::vector<uint32_t>& order);

  // Bytes of the blocks allocated, and of the texts in them: what the
  // tests and the probe read.
  size_t BlockBytes() const;
  size_t TextBytes() const;

 private:
  struct Slot {
    uint32_t block;
    uint32_t offset;
    uint32_t size;
  };
  struct Block {
    std::unique_ptr<char[]> bytes;  // null once freed
    size_t capacity = 0;
    size_t used = 0;  // bytes [0, used) were written
    size_t live = 0;  // of those, held by a slot
  };
  Slot Place(std::string_view folded);
  // `s` no longer holds its bytes: frees or empties its block when that
  // pays (the slots are then updated; none may be half removed).
  void Release(const Slot& s);
  void MoveOut(uint32_t block);

  std::vector<Slot> slots_;
  std::vector<Block> blocks_;
  std::vector<uint32_t> free_blocks_;  // indices of freed blocks, reused first
  uint32_t last_ = 0;                  // the block new texts go to, when any
  bool has_last_ = false;
};

}  // namespace fieldnotes::core::internal

#endif  // FIELDNOTES_CORE_FOLDED_TEXTS_H_
