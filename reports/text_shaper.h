// TextShaper: turns one line of UTF-8 into positioned glyphs, the way a
// text engine lays out a line (docs/report.md, "The PDF").
//
// 1. Each character gets a font: the style's DejaVu face, the regular face,
//    FontSet::fallbacks, the fallbacks this shaper already opened for the
//    same weight, then the one fontconfig prefers for it (FontFinder). Marks, joiners and
//    variation selectors stay in their base character's font. A character
//    no font has becomes a visible "□" and is listed in missing().
// 2. ICU's bidi algorithm (ubidi) orders the line: runs of right-to-left
//    text (Arabic, Hebrew) are laid out right to left, the line's base
//    direction is that of its first strong character.
// 3. HarfBuzz shapes each run of one font, script and direction: Arabic
//    joining forms, Devanagari conjuncts and reordered vowel signs, Thai
//    marks, ligatures and kerning.
//
// The result is a list of clusters in visual order, each the glyphs drawn
// for a piece of the text, with that text, so the PDF can map glyphs back
// to characters.
#ifndef FIELDNOTES_REPORTS_TEXT_SHAPER_H_
#define FIELDNOTES_REPORTS_TEXT_SHAPER_H_

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "reports/font_locator.h"
#include "reports/font_program.h"

namespace fieldnotes::reports {

struct ShapedGlyph {
  uint16_t gid = 0;
  // In ems (font units / units per em).
  double advance = 0;
  double x_offset = 0;
  double y_offset = 0;
};

struct GlyphCluster {
  int font = 0;                     // TextShaper::font(font)
  std::u32string text;              // the characters drawn, in logical order
  bool rtl = false;                 // part of a right-to-left run
  std::vector<ShapedGlyph> glyphs;  // left to right
};

struct ShapedLine {
  std::vector<GlyphCluster> clusters;  // left to right
  double width = 0;                    // in ems
};

class TextShaper {
 public:
  // Opens the regular and bold faces; IoError or Unsupported when they
  // cannot be used.
  static core::Result<std::unique_ptr<TextShaper>> Create(const FontSet& fonts);
  ~TextShaper();

  ShapedLine Shape(std::string_view text, bool bold);

  // Fonts by number, in the order they were first needed (0 regular, 1 bold).
  const FontProgram& font(int index) const { return *fonts_[static_cast<size_t>(index)]; }
  int font_count() const { return static_cast<int>(fonts_.size()); }

  // Code points drawn as the placeholder, ascending.
  const std::set<uint32_t>& missing() const { return missing_; }

 private:
  explicit TextShaper(const FontSet& fonts);
  int FontFor(char32_t cp, bool bold);
  int Open(const FontFace& face, int weight);

  FontSet set_;
  FontFinder finder_;
  std::vector<std::unique_ptr<FontProgram>> fonts_;
  // For each font: 0 found for regular text, 1 for bold, 2 either (the
  // DejaVu faces and FontSet::fallbacks).
  std::vector<int> weight_of_;
  std::vector<FontFace> refused_;  // faces that could not be opened
  std::set<uint32_t> missing_;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_TEXT_SHAPER_H_
