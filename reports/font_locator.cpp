#include "reports/font_locator.h"

#include <fontconfig/fontconfig.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>

#include "core/i18n.h"

namespace fieldnotes::reports {
namespace {

struct ConfigFree {
  void operator()(FcConfig* c) const { FcConfigDestroy(c); }
};
using ConfigPtr = std::unique_ptr<FcConfig, ConfigFree>;
struct PatternFree {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternFree>;
struct FontSetFree {
  void operator()(FcFontSet* s) const { FcFontSetDestroy(s); }
};
using FcFontSetPtr = std::unique_ptr<FcFontSet, FontSetFree>;
struct CharSetFree {
  void operator()(FcCharSet* s) const { FcCharSetDestroy(s); }
};
using CharSetPtr = std::unique_ptr<FcCharSet, CharSetFree>;

// The system's configuration (one reference), or a configuration that
// knows only the fonts in `dirs`.
ConfigPtr MakeConfig(const std::vector<std::string>& dirs) {
  if (dirs.empty()) return ConfigPtr(FcConfigReference(nullptr));
  // Only these folders, with fontconfig's usual cache folder.
  std::string xml = "<?xml version=\"1.0\"?><fontconfig>";
  for (const std::string& d : dirs) {
    xml += "<dir>";
    for (char c : d) {
      xml += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
    }
    xml += "</dir>";
  }
  xml += "<cachedir prefix=\"xdg\">fontconfig</cachedir></fontconfig>";
  ConfigPtr config(FcConfigCreate());
  if (!config ||
      !FcConfigParseAndLoadFromMemory(config.get(), reinterpret_cast<const FcChar8*>(xml.c_str()),
                                      FcFalse) ||
      !FcConfigBuildFonts(config.get()))
    return nullptr;
  return config;
}

// A pattern for the report's family in the given weight, prepared for
// matching with `config`.
PatternPtr ReportPattern(FcConfig* config, bool bold, FcCharSet* charset) {
  PatternPtr p(FcPatternCreate());
  FcPatternAddString(p.get(), FC_FAMILY,
                     reinterpret_cast<const FcChar8*>(std::string(kReportFamily).c_str()));
  FcPatternAddInteger(p.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(p.get(), FC_SLANT, FC_SLANT_ROMAN);
  FcPatternAddInteger(p.get(), FC_WIDTH, FC_WIDTH_NORMAL);
  FcPatternAddBool(p.get(), FC_SCALABLE, FcTrue);
  FcPatternAddBool(p.get(), FC_COLOR, FcFalse);
  if (charset != nullptr) FcPatternAddCharSet(p.get(), FC_CHARSET, charset);
  FcConfigSubstitute(config, p.get(), FcMatchPattern);
  FcDefaultSubstitute(p.get());
  return p;
}

std::string FileOf(FcPattern* font) {
  FcChar8* file = nullptr;
  if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch || file == nullptr) return "";
  return reinterpret_cast<const char*>(file);
}

bool HasFamily(FcPattern* font, std::string_view family) {
  FcChar8* name = nullptr;
  for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &name) == FcResultMatch; ++i) {
    if (family == reinterpret_cast<const char*>(name)) return true;
  }
  return false;
}

// Outlines the PDF can embed: TrueType (glyf) or CFF, scalable, not colour.
bool Usable(FcPattern* font) {
  FcChar8* format = nullptr;
  if (FcPatternGetString(font, FC_FONTFORMAT, 0, &format) != FcResultMatch) return false;
  const std::string_view f = reinterpret_cast<const char*>(format);
  if (f != "TrueType" && f != "CFF") return false;
  FcBool b = FcFalse;
  if (FcPatternGetBool(font, FC_COLOR, 0, &b) == FcResultMatch && b) return false;
  if (FcPatternGetBool(font, FC_SCALABLE, 0, &b) == FcResultMatch && !b) return false;
  return IsTrueTypeFile(FileOf(font));
}

// The file of the report's family in one weight, or "" when fontconfig's
// best match is another family or weight.
std::string FindFace(FcConfig* config, bool bold) {
  PatternPtr pattern = ReportPattern(config, bold, nullptr);
  FcResult result = FcResultNoMatch;
  PatternPtr match(FcFontMatch(config, pattern.get(), &result));
  if (!match || !HasFamily(match.get(), kReportFamily) || !Usable(match.get())) return "";
  int weight = 0;
  FcPatternGetInteger(match.get(), FC_WEIGHT, 0, &weight);
  if (bold != (weight >= FC_WEIGHT_DEMIBOLD)) return "";
  int slant = 0;
  FcPatternGetInteger(match.get(), FC_SLANT, 0, &slant);
  if (slant != FC_SLANT_ROMAN) return "";
  return FileOf(match.get());
}

}  // namespace

bool IsTrueTypeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  if (!in.read(magic, 4)) return false;
  const std::string_view m(magic, 4);
  return m == std::string_view("\x00\x01\x00\x00", 4) || m == "true" || m == "OTTO" || m == "ttcf";
}

core::Result<FontSet> FindReportFonts() {
  const char* dir = std::getenv(kFontDirEnv);
  if (dir && *dir) return FindReportFonts(std::vector<std::string>{dir});
  return FindReportFonts(std::vector<std::string>{});
}

core::Result<FontSet> FindReportFonts(const std::vector<std::string>& dirs) {
  ConfigPtr config = MakeConfig(dirs);
  FontSet set;
  set.dirs = dirs;
  if (config) set.regular = FindFace(config.get(), false);
  if (set.regular.empty()) {
    std::string where;
    for (const auto& d : dirs) where += (where.empty() ? "" : ", ") + d;
    // TRANSLATORS: where the report's font was looked for, in "…DejaVu
    // Sans was not found in %1".
    if (where.empty()) where = core::Tr("the fonts fontconfig knows");
    return core::Status::NotFound(core::Format(
        // TRANSLATORS: %1 is where the font was looked for (folders), %2 the
        // name of an environment variable (FIELDNOTES_FONT_DIR).
        core::Tr("no usable font for the PDF: DejaVu Sans was not found in %1. Install it (on "
                 "Debian and Ubuntu: apt install fonts-dejavu-core), or set %2 to a folder that "
                 "has it."),
        where, kFontDirEnv));
  }
  set.bold = FindFace(config.get(), true);
  if (set.bold.empty()) set.bold = set.regular;
  return set;
}

struct FontFinder::Impl {
  ConfigPtr config;
  std::map<std::pair<char32_t, bool>, std::optional<FontFace>> cache;
};

FontFinder::FontFinder(const std::vector<std::string>& dirs) : impl_(std::make_unique<Impl>()) {
  impl_->config = MakeConfig(dirs);
}

FontFinder::~FontFinder() = default;

std::optional<FontFace> FontFinder::ForCharacter(char32_t cp, bool bold) {
  const auto key = std::make_pair(cp, bold);
  if (auto it = impl_->cache.find(key); it != impl_->cache.end()) return it->second;
  std::optional<FontFace> found;
  if (impl_->config) {
    CharSetPtr charset(FcCharSetCreate());
    FcCharSetAddChar(charset.get(), cp);
    PatternPtr pattern = ReportPattern(impl_->config.get(), bold, charset.get());
    FcResult result = FcResultNoMatch;
    // Sorted by fontconfig's preference; coverage of the character ranks
    // before the family, so the first usable font that has it wins.
    FcFontSetPtr fonts(FcFontSort(impl_->config.get(), pattern.get(), FcTrue, nullptr, &result));
    for (int i = 0; fonts && i < fonts->nfont && !found; ++i) {
      FcPattern* font = fonts->fonts[i];
      FcCharSet* has = nullptr;
      if (FcPatternGetCharSet(font, FC_CHARSET, 0, &has) != FcResultMatch ||
          !FcCharSetHasChar(has, cp))
        continue;
      if (!Usable(font)) continue;
      int index = 0;
      FcPatternGetInteger(font, FC_INDEX, 0, &index);
      found = FontFace{FileOf(font), index & 0xFFFF};  // the high bits name a variable instance
    }
  }
  impl_->cache.emplace(key, found);
  return found;
}

}  // namespace fieldnotes::reports
