#include "reports/text_shaper.h"

#include <hb.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>

#include "core/unicode.h"

namespace fieldnotes::reports {
namespace {

constexpr char32_t kPlaceholder = 0x25A1;  // □

// Characters that belong to the one before them: they are drawn by its
// font (a mark, a joiner, a variation selector).
bool Attaches(char32_t cp) {
  const int8_t type = u_charType(static_cast<UChar32>(cp));
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
         type == U_COMBINING_SPACING_MARK || cp == 0x200C || cp == 0x200D ||
         u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_VARIATION_SELECTOR) ||
         u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

UScriptCode ScriptOf(char32_t cp) {
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode s = uscript_getScript(static_cast<UChar32>(cp), &err);
  return U_FAILURE(err) ? USCRIPT_COMMON : s;
}

bool IsCommon(UScriptCode s) {
  return s == USCRIPT_COMMON || s == USCRIPT_INHERITED || s == USCRIPT_UNKNOWN;
}

struct BidiFree {
  void operator()(UBiDi* b) const { ubidi_close(b); }
};

struct Run {
  size_t begin = 0, end = 0;  // code point indices
  bool rtl = false;
};

// The line's runs in visual order, left to right (ICU's bidi algorithm).
std::vector<Run> VisualRuns(const std::vector<char32_t>& cps) {
  std::vector<UChar> u16;
  std::vector<size_t> cp_of;  // for each UTF-16 unit, its code point's index
  for (size_t i = 0; i < cps.size(); ++i) {
    if (cps[i] > 0xFFFF) {
      u16.push_back(static_cast<UChar>(0xD800 + ((cps[i] - 0x10000) >> 10)));
      u16.push_back(static_cast<UChar>(0xDC00 + ((cps[i] - 0x10000) & 0x3FF)));
      cp_of.push_back(i);
    } else {
      u16.push_back(static_cast<UChar>(cps[i]));
    }
    cp_of.push_back(i);
  }
  std::vector<Run> runs;
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, BidiFree> bidi(ubidi_openSized(static_cast<int32_t>(u16.size()), 0, &err));
  if (U_SUCCESS(err))
    ubidi_setPara(bidi.get(), u16.data(), static_cast<int32_t>(u16.size()), UBIDI_DEFAULT_LTR,
                  nullptr, &err);
  const int32_t count = U_SUCCESS(err) ? ubidi_countRuns(bidi.get(), &err) : 0;
  for (int32_t r = 0; U_SUCCESS(err) && r < count; ++r) {
    int32_t start = 0, length = 0;
    const UBiDiDirection dir = ubidi_getVisualRun(bidi.get(), r, &start, &length);
    if (length <= 0) continue;
    runs.push_back({cp_of[static_cast<size_t>(start)],
                    cp_of[static_cast<size_t>(start + length - 1)] + 1, dir == UBIDI_RTL});
  }
  if (U_FAILURE(err) || runs.empty()) return {Run{0, cps.size(), false}};
  return runs;
}

}  // namespace

TextShaper::TextShaper(const FontSet& fonts) : set_(fonts), finder_(fonts.dirs) {}
TextShaper::~TextShaper() = default;

core::Result<std::unique_ptr<TextShaper>> TextShaper::Create(const FontSet& fonts) {
  std::unique_ptr<TextShaper> s(new TextShaper(fonts));
  for (const std::string& path : {fonts.regular, fonts.bold}) {
    auto program = FontProgram::Open(FontFace{path, 0});
    if (!program.ok()) return program.status();
    s->fonts_.push_back(std::move(program).value());
    s->weight_of_.push_back(2);
  }
  return s;
}

int TextShaper::Open(const FontFace& face, int weight) {
  for (size_t i = 0; i < fonts_.size(); ++i) {
    if (fonts_[i]->face() == face) return static_cast<int>(i);
  }
  if (std::find(refused_.begin(), refused_.end(), face) != refused_.end()) return -1;
  auto program = FontProgram::Open(face);
  if (!program.ok()) {
    refused_.push_back(face);
    return -1;
  }
  fonts_.push_back(std::move(program).value());
  weight_of_.push_back(weight);
  return static_cast<int>(fonts_.size()) - 1;
}

int TextShaper::FontFor(char32_t cp, bool bold) {
  auto has = [&](int f) { return f >= 0 && fonts_[static_cast<size_t>(f)]->Glyph(cp).has_value(); };
  if (bold && has(1)) return 1;
  if (has(0)) return 0;
  for (const std::string& path : set_.fallbacks) {
    const int f = Open(FontFace{path, 0}, 2);
    if (has(f)) return f;
  }
  const int weight = bold ? 1 : 0;
  for (int f = 2; f < font_count(); ++f) {
    if (weight_of_[static_cast<size_t>(f)] == weight && has(f)) return f;
  }
  if (auto face = finder_.ForCharacter(cp, bold)) {
    const int f = Open(*face, weight);
    if (has(f)) return f;
  }
  return -1;
}

ShapedLine TextShaper::Shape(std::string_view text, bool bold) {
  ShapedLine line;
  std::vector<char32_t> cps;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = core::unicode::Next(text, i);
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) cp = ' ';
    cps.push_back(cp);
  }
  if (cps.empty()) return line;

  // 1. A font for each character.
  std::vector<int> font_of(cps.size(), 0);
  for (size_t i = 0; i < cps.size(); ++i) {
    const char32_t cp = cps[i];
    const int previous = i > 0 ? font_of[i - 1] : -1;
    if (previous >= 0 && (Attaches(cp) || (IsCommon(ScriptOf(cp)) &&
                                           fonts_[static_cast<size_t>(previous)]->Glyph(cp)))) {
      font_of[i] = previous;
      continue;
    }
    int f = FontFor(cp, bold);
    if (f < 0) {
      missing_.insert(static_cast<uint32_t>(cp));
      cps[i] = kPlaceholder;
      f = FontFor(kPlaceholder, bold);
      if (f < 0) {
        cps[i] = '?';
        f = 0;
      }
    }
    font_of[i] = f;
  }
  // Each character's script; common ones (spaces, digits, punctuation)
  // take their neighbours'.
  std::vector<UScriptCode> script(cps.size(), USCRIPT_COMMON);
  UScriptCode last = USCRIPT_COMMON;
  for (size_t i = 0; i < cps.size(); ++i) {
    const UScriptCode s = ScriptOf(cps[i]);
    if (!IsCommon(s)) last = s;
    script[i] = last;
  }
  // Those before the first strong character take the first one's.
  for (size_t i = cps.size(); i-- > 0;) {
    if (script[i] == USCRIPT_COMMON) script[i] = last;
    last = script[i];
  }

  // 2. and 3.: bidi runs, cut where the font or script changes, shaped.
  hb_buffer_t* buffer = hb_buffer_create();
  for (const Run& run : VisualRuns(cps)) {
    std::vector<Run> items;
    for (size_t i = run.begin; i < run.end; ++i) {
      if (items.empty() || font_of[i] != font_of[i - 1] || script[i] != script[i - 1])
        items.push_back({i, i + 1, run.rtl});
      else
        items.back().end = i + 1;
    }
    if (run.rtl) std::reverse(items.begin(), items.end());
    for (const Run& item : items) {
      const int f = font_of[item.begin];
      const FontProgram& program = *fonts_[static_cast<size_t>(f)];
      const double upem = program.units_per_em();
      hb_buffer_clear_contents(buffer);
      hb_buffer_add_utf32(buffer, reinterpret_cast<const uint32_t*>(cps.data()),
                          static_cast<int>(cps.size()), static_cast<unsigned>(item.begin),
                          static_cast<int>(item.end - item.begin));
      hb_buffer_set_direction(buffer, item.rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
      hb_buffer_set_script(buffer,
                           hb_script_from_string(uscript_getShortName(script[item.begin]), -1));
      hb_shape(program.hb_font(), buffer, nullptr, 0);
      unsigned int n = 0;
      const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &n);
      const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, nullptr);
      // Where each cluster's text ends: at the next cluster in logical order.
      std::vector<uint32_t> starts;
      for (unsigned int g = 0; g < n; ++g) starts.push_back(info[g].cluster);
      std::sort(starts.begin(), starts.end());
      starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
      for (unsigned int g = 0; g < n; ++g) {
        if (g == 0 || info[g].cluster != info[g - 1].cluster) {
          GlyphCluster c;
          c.font = f;
          c.rtl = item.rtl;
          const auto next = std::upper_bound(starts.begin(), starts.end(), info[g].cluster);
          const size_t end = next == starts.end() ? item.end : *next;
          c.text.assign(cps.begin() + info[g].cluster, cps.begin() + static_cast<long>(end));
          line.clusters.push_back(std::move(c));
        }
        ShapedGlyph glyph;
        glyph.gid = static_cast<uint16_t>(info[g].codepoint);
        glyph.advance = pos[g].x_advance / upem;
        glyph.x_offset = pos[g].x_offset / upem;
        glyph.y_offset = pos[g].y_offset / upem;
        line.width += glyph.advance;
        line.clusters.back().glyphs.push_back(glyph);
      }
    }
  }
  hb_buffer_destroy(buffer);
  return line;
}

}  // namespace fieldnotes::reports
