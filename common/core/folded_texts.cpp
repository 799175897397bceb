#include "core/folded_texts.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace fieldnotes::core::internal {

FoldedTexts::Slot FoldedTexts::Place(std::string_view folded) {
  if (folded.empty()) return Slot{0, 0, 0};
  if (folded.size() > std::numeric_limits<uint32_t>::max())
    throw std::length_error("FoldedTexts: text longer than 4 GiB");
  const size_t n = folded.size();
  const bool own_block = n > kBlockBytes;
  if (own_block || !has_last_ || blocks_[last_].capacity - blocks_[last_].used < n) {
    uint32_t index;
    if (!free_blocks_.empty()) {
      index = free_blocks_.back();
      free_blocks_.pop_back();
    } else {
      index = static_cast<uint32_t>(blocks_.size());
      blocks_.emplace_back();
    }
    Block& b = blocks_[index];
    b.capacity = own_block ? n : kBlockBytes;
    b.bytes.reset(new char[b.capacity]);
    b.used = 0;
    b.live = 0;
    if (!own_block) {
      // The last block, not yet full, is left with its holes: it is freed
      // or moved out like any other once its texts go.
      last_ = index;
      has_last_ = true;
    }
    if (own_block) {
      std::memcpy(b.bytes.get(), folded.data(), n);
      b.used = b.live = n;
      return Slot{index, 0, static_cast<uint32_t>(n)};
    }
  }
  Block& b = blocks_[last_];
  const Slot s{last_, static_cast<uint32_t>(b.used), static_cast<uint32_t>(n)};
  std::memcpy(b.bytes.get() + b.used, folded.data(), n);
  b.used += n;
  b.live += n;
  return s;
}

void FoldedTexts::Insert(size_t i, std::string_view folded) {
  const Slot s = Place(folded);
  slots_.insert(slots_.begin() + static_cast<std::ptrdiff_t>(i), s);
}

void FoldedTexts::Erase(size_t i) {
  const Slot s = slots_[i];
  slots_.erase(slots_.begin() + static_cast<std::ptrdiff_t>(i));
  Release(s);
}

void FoldedTexts::Release(const Slot& s) {
  if (s.size == 0) return;
  Block& b = blocks_[s.block];
  b.live -= s.size;
  const bool is_last = has_last_ && s.block == last_;
  if (b.live == 0) {
    if (is_last) {
      b.used = 0;  // written over from the start
      return;
    }
    b.bytes.reset();
    b.capacity = b.used = 0;
    free_blocks_.push_back(s.block);
    return;
  }
  if (!is_last && b.live * 2 < b.used) MoveOut(s.block);
}

void FoldedTexts::MoveOut(uint32_t block) {
  // Each text of the block is copied to the last block (never this one:
  // it is not the last, nor free), then the block is freed.
  for (Slot& s : slots_) {
    if (s.size == 0 || s.block != block) continue;
    const std::string_view text(blocks_[block].bytes.get() + s.offset, s.size);
    s = Place(text);
  }
  Block& b = blocks_[block];
  b.bytes.reset();
  b.capacity = b.used = b.live = 0;
  free_blocks_.push_back(block);
}

void FoldedTexts::Clear() {
  std::vector<Slot>().swap(slots_);
  std::vector<Block>().swap(blocks_);
  std::vector<uint32_t>().swap(free_blocks_);
  has_last_ = false;
  last_ = 0;
}

void FoldedTexts::Permute(const std::vector<uint32_t>& order) {
  std::vector<Slot> moved;
  moved.reserve(slots_.size());
  for (uint32_t from : order) moved.push_back(slots_[from]);
  slots_.swap(moved);
}

size_t FoldedTexts::BlockBytes() const {
  size_t n = 0;
  for (const Block& b : blocks_) n += b.capacity;
  return n;
}

size_t FoldedTexts::TextBytes() const {
  size_t n = 0;
  for (const Block& b : blocks_) n += b.live;
  return n;
}

}  // namespace fieldnotes::core::internal
