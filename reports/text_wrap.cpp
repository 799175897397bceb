#include "reports/text_wrap.h"

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

#include "core/unicode.h"

namespace fieldnotes::reports {
namespace {

struct BreakFree {
  void operator()(UBreakIterator* b) const { ubrk_close(b); }
};
struct TextFree {
  void operator()(UText* t) const { utext_close(t); }
};

// Byte offsets inside `text` (0 and its size included) where ICU's break
// iterator of `type` puts a boundary: line-break opportunities (between
// Thai, Lao, Khmer or Burmese words from ICU's dictionaries, between
// ideographs, after a hyphen), or grapheme clusters (a letter with its
// marks). Every code point boundary when ICU fails.
std::vector<size_t> Boundaries(std::string_view text, UBreakIteratorType type) {
  std::vector<size_t> out;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UText, TextFree> ut(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &err));
  std::unique_ptr<UBreakIterator, BreakFree> it(ubrk_open(type, "", nullptr, 0, &err));
  if (U_SUCCESS(err)) ubrk_setUText(it.get(), ut.get(), &err);
  if (U_SUCCESS(err)) {
    for (int32_t at = ubrk_first(it.get()); at != UBRK_DONE; at = ubrk_next(it.get()))
      out.push_back(static_cast<size_t>(at));
  }
  if (U_FAILURE(err) || out.empty() || out.back() != text.size()) {
    out.clear();
    for (size_t i = 0; i < text.size(); i = core::unicode::NextBoundary(text, i)) out.push_back(i);
    out.push_back(text.size());
  }
  return out;
}

// Cuts `word` into pieces no wider than a line at `boundaries`; a piece
// wider than the line on its own is cut again at grapheme clusters.
void Cut(std::string_view word, const std::vector<size_t>& boundaries, double max_width,
         const MeasureFn& width, bool graphemes, std::vector<std::string>& pieces,
         std::string& piece, double& piece_width) {
  for (size_t k = 0; k + 1 < boundaries.size(); ++k) {
    const std::string_view part = word.substr(boundaries[k], boundaries[k + 1] - boundaries[k]);
    const double w = width(part);
    if (!piece.empty() && piece_width + w > max_width) {
      pieces.push_back(std::move(piece));
      piece.clear();
      piece_width = 0;
    }
    if (w > max_width && !graphemes) {
      Cut(part, Boundaries(part, UBRK_CHARACTER), max_width, width, true, pieces, piece,
          piece_width);
      continue;
    }
    piece.append(part);
    piece_width += w;
  }
}

// Cuts a word wider than a line into pieces that fit: where a line may
// break inside it, else between characters.
std::vector<std::string> SplitWord(std::string_view word, double max_width,
                                   const MeasureFn& width) {
  std::vector<std::string> pieces;
  std::string piece;
  double piece_width = 0;
  Cut(word, Boundaries(word, UBRK_LINE), max_width, width, false, pieces, piece, piece_width);
  if (!piece.empty()) pieces.push_back(std::move(piece));
  return pieces;
}

void WrapParagraph(std::string_view text, double max_width, const MeasureFn& width,
                   std::vector<std::string>& lines) {
  const double space = width(" ");
  std::string line;
  double line_width = 0;
  auto flush = [&] {
    if (!line.empty()) lines.push_back(std::move(line));
    line.clear();
    line_width = 0;
  };
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    if (end == i) break;
    const std::string_view word = text.substr(i, end - i);
    i = end;
    const double w = width(word);
    if (!line.empty() && line_width + space + w <= max_width) {
      line += ' ';
      line.append(word);
      line_width += space + w;
      continue;
    }
    flush();
    if (w <= max_width) {
      line.assign(word);
      line_width = w;
      continue;
    }
    std::vector<std::string> pieces = SplitWord(word, max_width, width);
    for (size_t k = 0; k + 1 < pieces.size(); ++k) lines.push_back(std::move(pieces[k]));
    line = std::move(pieces.back());
    line_width = width(line);
  }
  flush();
}

}  // namespace

std::vector<std::string> WrapText(std::string_view text, double max_width, const MeasureFn& width) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    WrapParagraph(text.substr(start, end - start), max_width, width, lines);
    start = end + 1;
  }
  return lines;
}

}  // namespace fieldnotes::reports
