#include "core/folded_text.h"

#include <algorithm>
#include <cstring>

#include "core/text.h"

namespace fieldnotes::core::internal {
namespace {

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

unsigned PairBit(unsigned char a, unsigned char b) {
  // A multiplicative hash of the two bytes, its top 8 bits.
  return static_cast<unsigned>(((uint32_t{a} << 8 | b) * 0x9E3779B1u) >> 24);
}

// True when `needle` (folded: no ASCII capitals) is in `text` with its
// ASCII letters lower-cased. The needle's first byte is looked for with
// memchr, as a capital and as itself (the next place of each kept), so
// the bytes between are not compared one by one.
bool ContainsLowered(std::string_view text, std::string_view needle) {
  if (needle.empty()) return true;
  if (needle.size() > text.size()) return false;
  const char first = needle[0];
  const char capital = first >= 'a' && first <= 'z' ? static_cast<char>(first - 'a' + 'A') : first;
  const char* const begin = text.data();
  const char* const end = begin + (text.size() - needle.size() + 1);  // the last start, + 1
  auto next = [end](const char* from, char c) -> const char* {
    const void* at = std::memchr(from, c, static_cast<size_t>(end - from));
    return at ? static_cast<const char*>(at) : end;
  };
  const char* lower_at = next(begin, first);
  const char* capital_at = capital == first ? end : next(begin, capital);
  while (true) {
    const char* at = std::min(lower_at, capital_at);
    if (at == end) return false;
    size_t k = 1;
    while (k < needle.size() && AsciiLower(at[k]) == needle[k]) ++k;
    if (k == needle.size()) return true;
    if (at == lower_at) lower_at = next(at + 1, first);
    if (at == capital_at) capital_at = next(at + 1, capital);
  }
}

}  // namespace

PairSignature PairSignature::Of(std::string_view text) {
  PairSignature s;
  for (size_t i = 1; i < text.size(); ++i) {
    const unsigned bit =
        PairBit(static_cast<unsigned char>(text[i - 1]), static_cast<unsigned char>(text[i]));
    s.bits[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  return s;
}

FoldedText FoldedText::Of(const Entry& e) {
  const std::string text = e.SearchableText();
  std::string folded = text::Fold(text);
  FoldedText out;
  out.pairs = PairSignature::Of(folded);
  const bool lowered =
      folded.size() == text.size() && std::equal(text.begin(), text.end(), folded.begin(),
                                                 [](char t, char f) { return AsciiLower(t) == f; });
  if (!lowered) out.kept = std::move(folded);
  return out;
}

std::string_view FoldedText::Text(const Entry& e, std::string& scratch) const {
  if (!kept.empty()) return kept;
  scratch.clear();
  e.AppendSearchableText(scratch);
  for (char& c : scratch) c = AsciiLower(c);
  return scratch;
}

bool FoldedText::Contains(const Entry& e, std::string_view needle,
                          const PairSignature& needle_pairs, std::string& scratch) const {
  if (!pairs.MayContain(needle_pairs)) return false;
  if (!kept.empty()) return text::ContainsFolded(kept, needle);
  // Read where they are: a needle without a newline lies inside one of
  // the fields SearchableText joins with newlines.
  if (needle.find('\n') != std::string_view::npos)
    return text::ContainsFolded(Text(e, scratch), needle);
  return e.AnySearchableField([needle](std::string_view f) { return ContainsLowered(f, needle); });
}

}  // namespace fieldnotes::core::internal
