// FontLocator: finds the TrueType fonts the report PDF embeds, at run time.
//
// The report's font is DejaVu Sans (Debian's fonts-dejavu-core), regular
// and bold: it covers Latin with accents, Greek and Cyrillic. Characters it
// lacks (Chinese, Japanese, Hebrew, …) fall back to other installed
// TrueType fonts, tried in the order of kFallbackFonts; a character no
// font has is drawn as a visible placeholder and reported (PdfDocument).
// Only fonts with TrueType outlines can be embedded by libharu 2.3, so
// OpenType/CFF files (.otf, Noto CJK) are never picked.
#ifndef FIELDNOTES_REPORTS_FONT_LOCATOR_H_
#define FIELDNOTES_REPORTS_FONT_LOCATOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace fieldnotes::reports {

// When set, fonts are looked for in this folder (and its subfolders) only:
// for tests, and for people whose fonts live somewhere unusual.
inline constexpr char kFontDirEnv[] = "FIELDNOTES_FONT_DIR";

inline constexpr std::string_view kRegularFont = "DejaVuSans.ttf";
inline constexpr std::string_view kBoldFont = "DejaVuSans-Bold.ttf";
// Tried in this order for characters DejaVu Sans lacks.
inline constexpr std::string_view kFallbackFonts[] = {
    "FreeSans.ttf",          // fonts-freefont-ttf: Hebrew, Armenian, Georgian, …
    "NotoSans-Regular.ttf",  // fonts-noto-core
    "NotoSansHebrew-Regular.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansDevanagari-Regular.ttf",
    "NotoSansThai-Regular.ttf",
    // Not DroidSansFallbackFull.ttf (fonts-droid-fallback, Chinese and
    // Japanese): libharu 2.3's subsetting drew some of its composite glyphs
    // broken (語 came out as 吾), which is garbage the reader cannot spot.
    // Such characters get the placeholder and a warning instead.
};

struct FontSet {
  std::string regular;                 // path of DejaVuSans.ttf
  std::string bold;                    // path of DejaVuSans-Bold.ttf, or `regular` when missing
  std::vector<std::string> fallbacks;  // paths, in kFallbackFonts order
};

// The usual font folders: /usr/share/fonts, /usr/local/share/fonts,
// $XDG_DATA_HOME/fonts (or ~/.local/share/fonts), ~/.fonts.
std::vector<std::string> DefaultFontDirs();

// Looks in $FIELDNOTES_FONT_DIR when set, else in DefaultFontDirs().
// NotFound, with what to install, when DejaVu Sans is in none of them.
core::Result<FontSet> FindReportFonts();
// Looks in `dirs` (recursively); the first folder that has a file wins.
core::Result<FontSet> FindReportFonts(const std::vector<std::string>& dirs);

// True when the file starts like a TrueType font (not CFF, not a
// collection), which is what libharu can embed.
bool IsTrueTypeFile(const std::string& path);

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_FONT_LOCATOR_H_
