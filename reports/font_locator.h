// FontLocator: finds the fonts the report PDF embeds, through fontconfig.
//
// The report's font is DejaVu Sans (Debian's fonts-dejavu-core), regular
// and bold: Latin with accents, Greek, Cyrillic, Hebrew, basic Arabic and
// some symbols. A character it lacks is drawn with the font fontconfig
// prefers for "DejaVu Sans" and that character (FontFinder): Noto Sans CJK
// for Chinese and Japanese (fonts-noto-cjk), Noto Sans Devanagari and Thai
// (fonts-noto-core), and so on, whatever is installed. A character no
// installed font has is drawn as a visible placeholder and reported
// (PdfDocument). Fonts with TrueType (glyf) or CID-keyed CFF outlines are
// used; bitmap and colour fonts are not.
#ifndef FIELDNOTES_REPORTS_FONT_LOCATOR_H_
#define FIELDNOTES_REPORTS_FONT_LOCATOR_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace fieldnotes::reports {

// When set, fonts are looked for in this folder (and its subfolders) only:
// for tests, and for people whose fonts live somewhere unusual.
inline constexpr char kFontDirEnv[] = "FIELDNOTES_FONT_DIR";

inline constexpr std::string_view kReportFamily = "DejaVu Sans";

// One face of a font file (a .ttc collection holds several).
struct FontFace {
  std::string path;
  int index = 0;
  bool operator==(const FontFace&) const = default;
};

struct FontSet {
  std::string regular;                 // path of DejaVuSans.ttf
  std::string bold;                    // path of DejaVuSans-Bold.ttf, or `regular` when missing
  std::vector<std::string> fallbacks;  // paths tried first, in order, for what DejaVu lacks
  // Where fontconfig looks for the other fallbacks: empty for the system's
  // configuration, else only these folders ($FIELDNOTES_FONT_DIR).
  std::vector<std::string> dirs;
};

// Looks in $FIELDNOTES_FONT_DIR when set, else asks the system's fontconfig.
// NotFound, with what to install, when DejaVu Sans is not there.
core::Result<FontSet> FindReportFonts();
// Looks in `dirs` only (recursively).
core::Result<FontSet> FindReportFonts(const std::vector<std::string>& dirs);

// True when the file starts like a TrueType or OpenType font, or a
// collection of them.
bool IsTrueTypeFile(const std::string& path);

// Asks fontconfig which installed font to draw one character with. One per
// document (it caches its answers); not thread-safe, but several may live
// on different threads.
class FontFinder {
 public:
  // `dirs` as FontSet::dirs.
  explicit FontFinder(const std::vector<std::string>& dirs);
  ~FontFinder();
  FontFinder(const FontFinder&) = delete;
  FontFinder& operator=(const FontFinder&) = delete;

  // The face fontconfig prefers for `cp` in the report's family, bold or
  // not, among the usable ones that have it; nullopt when none has it.
  std::optional<FontFace> ForCharacter(char32_t cp, bool bold);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_FONT_LOCATOR_H_
