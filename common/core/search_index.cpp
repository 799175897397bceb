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

// A candidate list longer than this share of the journal is not worth
// merging: scanning every entry is as fast.
constexpr size_t kScanShareDivisor = 3;

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
    std::vector<uint32_t>& p = postings_[id];
    if (p.empty() || p.back() != pos) p.push_back(pos);
  });
}

std::optional<std::vector<uint32_t>> SearchIndex::Candidates(std::string_view needle) const {
  std::vector<std::string_view> parts;
  ForEachIndexWord(needle, [&](std::string_view w) { parts.push_back(w); });
  if (parts.empty()) return std::nullopt;
  const size_t limit = added_ / kScanShareDivisor;
  // For each word of the needle, the dictionary words it can stand for:
  // inner words exactly; the first and the last (and a lone word) anywhere
  // inside a word. The word with the fewest postings in all wins.
  std::vector<uint32_t> best;
  size_t best_total = SIZE_MAX;
  for (size_t k = 0; k < parts.size(); ++k) {
    const std::string_view part = parts[k];
    const bool inner = k > 0 && k + 1 < parts.size();
    std::vector<uint32_t> ids;
    size_t total = 0;
    if (inner) {
      auto it = ids_.find(std::string(part));
      if (it == ids_.end()) return std::vector<uint32_t>{};  // no entry has this word
      ids.push_back(it->second);
      total = postings_[it->second].size();
    } else {
      size_t at = 0;
      while ((at = dict_.find(part, at)) != std::string::npos) {
        const auto id = static_cast<uint32_t>(
            std::upper_bound(starts_.begin(), starts_.end(), static_cast<uint32_t>(at)) -
            starts_.begin() - 1);
        ids.push_back(id);
        total += postings_[id].size();
        if (total >= best_total) break;  // already worse than the best
        at = id + 1 < starts_.size() ? starts_[id + 1] : dict_.size();
      }
      if (ids.empty()) return std::vector<uint32_t>{};
    }
    if (total < best_total) {
      best_total = total;
      best = std::move(ids);
    }
  }
  if (best_total > limit) return std::nullopt;
  std::vector<uint32_t> out;
  out.reserve(best_total);
  for (uint32_t id : best) out.insert(out.end(), postings_[id].begin(), postings_[id].end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace fieldnotes::core::internal
