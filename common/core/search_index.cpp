#include "core/search_index.h"

#include <algorithm>

namespace fieldnotes::core::internal {
namespace {

bool WordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z');
}

// Calls fn(word) for each word of `text`.
template <typename Fn>
void ForEachIndexWord(std::string_view text, Fn&& fn) {
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !WordByte(text[i])) ++i;
    size_t j = i;
    while (j < text.size() && WordByte(text[j])) ++j;
    if (j > i) fn(text.substr(i, j - i));
    i = j;
  }
}

// A word whose entries, summed over the dictionary words that fit it, are
// more than this many times the journal's entries is not worth a bitmap of
// its own: the other words of the needle, or a scan, do better.
constexpr size_t kPostingsPerEntryCap = 4;

// One bit per entry.
using Bits = std::vector<uint64_t>;

size_t CountBits(const Bits& b) {
  size_t n = 0;
  for (uint64_t w : b) n += static_cast<size_t>(__builtin_popcountll(w));
  return n;
}

}  // namespace

void SearchIndex::Add(std::string_view folded) {
  const auto pos = static_cast<uint32_t>(added_++);
  ForEachIndexWord(folded, [&](std::string_view w) {
    auto it = ids_.find(std::string(w));
    uint32_t id;
    if (it == ids_.end()) {
      id = static_cast<uint32_t>(starts_.size());
      ids_.emplace(std::string(w), id);
      starts_.push_back(static_cast<uint32_t>(dict_.size()));
      dict_.append(w);
      dict_.push_back('\n');
      postings_.emplace_back();
    } else {
      id = it->second;
    }
    postings_[id].Add(pos);
  });
}

void SearchIndex::Shrink() {
  for (PostingList& p : postings_) p.Shrink();
  postings_.shrink_to_fit();
  starts_.shrink_to_fit();
  dict_.shrink_to_fit();
}

std::optional<SearchIndex::Narrowed> SearchIndex::Candidates(std::string_view needle) const {
  std::vector<std::string_view> parts;
  ForEachIndexWord(needle, [&](std::string_view w) { parts.push_back(w); });
  if (parts.empty()) return std::nullopt;
  const bool one_word = parts.size() == 1 && parts[0].size() == needle.size();
  const size_t cap = kPostingsPerEntryCap * std::max<size_t>(added_, 1);
  // For each word of the needle, the dictionary words it can stand for:
  // inner words exactly; the first and the last (and a lone word) anywhere
  // inside a word; and how many postings they have in all (counted up to
  // the cap: past it the word is not used to narrow).
  struct Part {
    std::vector<uint32_t> ids;
    size_t total = 0;
  };
  std::vector<Part> usable;
  for (size_t k = 0; k < parts.size(); ++k) {
    const std::string_view part = parts[k];
    const bool inner = k > 0 && k + 1 < parts.size();
    Part p;
    if (inner) {
      auto it = ids_.find(std::string(part));
      if (it != ids_.end()) {
        p.ids.push_back(it->second);
        p.total = postings_[it->second].size();
      }
    } else {
      size_t at = 0;
      while (p.total <= cap && (at = dict_.find(part, at)) != std::string::npos) {
        const auto id = static_cast<uint32_t>(
            std::upper_bound(starts_.begin(), starts_.end(), static_cast<uint32_t>(at)) -
            starts_.begin() - 1);
        p.ids.push_back(id);
        p.total += postings_[id].size();
        at = id + 1 < starts_.size() ? starts_[id + 1] : dict_.size();
      }
    }
    if (p.ids.empty()) return Narrowed{{}, true};  // no entry has a word that fits
    if (p.total <= cap) usable.push_back(std::move(p));
  }
  if (usable.empty()) return std::nullopt;
  // The most selective words first; each further one only narrows.
  std::sort(usable.begin(), usable.end(),
            [](const Part& a, const Part& b) { return a.total < b.total; });
  const size_t words = (added_ + 63) / 64;
  Bits bits(words, 0);
  Bits more;
  size_t count = 0;
  for (size_t k = 0; k < usable.size(); ++k) {
    Bits& target = k == 0 ? bits : more;
    if (k > 0) target.assign(words, 0);
    for (uint32_t id : usable[k].ids)
      postings_[id].ForEach(
          [&target](uint32_t pos) { target[pos >> 6] |= uint64_t{1} << (pos & 63); });
    if (k > 0)
      for (size_t w = 0; w < words; ++w) bits[w] &= more[w];
    count = CountBits(bits);
    // A few candidates are read faster than another word is looked up.
    if (count < 64 || one_word) break;
  }
  Narrowed out;
  out.exact = one_word;
  out.positions.reserve(count);
  for (size_t w = 0; w < words; ++w) {
    for (uint64_t x = bits[w]; x != 0; x &= x - 1)
      out.positions.push_back(
          static_cast<uint32_t>(w * 64 + static_cast<size_t>(__builtin_ctzll(x))));
  }
  return out;
}

}  // namespace fieldnotes::core::internal
