#include "reports/text_wrap.h"

#include <algorithm>

namespace fieldnotes::reports {
namespace {

size_t CharLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

// Cuts a word wider than a line into pieces that fit, between characters.
std::vector<std::string> SplitWord(std::string_view word, double max_width,
                                   const MeasureFn& width) {
  std::vector<std::string> pieces;
  std::string piece;
  double piece_width = 0;
  for (size_t i = 0; i < word.size();) {
    const size_t n = std::min(CharLength(static_cast<unsigned char>(word[i])), word.size() - i);
    const std::string_view ch = word.substr(i, n);
    const double w = width(ch);
    if (!piece.empty() && piece_width + w > max_width) {
      pieces.push_back(std::move(piece));
      piece.clear();
      piece_width = 0;
    }
    piece.append(ch);
    piece_width += w;
    i += n;
  }
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
