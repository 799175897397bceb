// Line breaking for the report PDF, apart from any PDF library so it can be
// tested on its own.
#ifndef FIELDNOTES_REPORTS_TEXT_WRAP_H_
#define FIELDNOTES_REPORTS_TEXT_WRAP_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace fieldnotes::reports {

// Measures a piece of text (in points). Widths must add up: the width of
// "ab" is the width of "a" plus the width of "b" (true for a PDF font
// without kerning, as libharu draws).
using MeasureFn = std::function<double(std::string_view)>;

// Breaks `text` into lines no wider than `max_width`: at spaces (runs of
// spaces count as one), and a word wider than a whole line where ICU's line
// breaking allows (between Thai or Lao words, between ideographs, after a
// hyphen), else between characters (grapheme clusters: a letter keeps its
// marks), so nothing ever runs off the page. "\n" starts a new line.
// A single character wider than the line gets a line of its own. An empty
// text gives no lines.
std::vector<std::string> WrapText(std::string_view text, double max_width, const MeasureFn& width);

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_TEXT_WRAP_H_
