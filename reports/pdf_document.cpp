// The only file that includes hpdf.h (DESIGN.md §2).
//
// Drawing and the document structure are libharu's public API. Text is not:
// libharu 2.3 can only draw code points through its own TrueType loader
// (no glyph ids, no CFF outlines, a ToUnicode map poppler warns about, and
// most of each font copied whole). So the fonts are written here with
// libharu's object layer (hpdf_objects.h, installed with libhpdf-dev and
// exported by the library): dictionaries, arrays and streams that libharu
// numbers, compresses and writes like its own. Text goes into the page's
// content stream as glyph ids (Identity-H), and the fonts are filled in at
// Save(), once every glyph a font draws is known and can be subset.
#include "reports/pdf_document.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <type_traits>

#include "reports/text_shaper.h"

namespace fieldnotes::reports {
namespace {

// What the error callback records. libharu calls it from inside its own
// functions; it must return normally, so it only writes these two numbers.
struct ErrorRecord {
  HPDF_STATUS error = 0;
  HPDF_STATUS detail = 0;
};

void OnError(HPDF_STATUS error, HPDF_STATUS detail, void* user_data) {
  auto* record = static_cast<ErrorRecord*>(user_data);
  if (record->error == 0) {
    record->error = error;
    record->detail = detail;
  }
}

struct DocFree {
  void operator()(HPDF_Doc doc) const { HPDF_Free(doc); }
};
using DocPtr = std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocFree>;

// A number for a content stream: at most three decimals, no trailing zeros,
// the same text on every machine.
std::string Num(double v) {
  if (std::fabs(v) < 0.0005) return "0";
  // std::to_chars: never the locale's decimal comma.
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
  std::string s = ec == std::errc() ? std::string(buf, end) : std::string("0");
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

void AppendHex16(std::string& out, unsigned v) {
  static const char kHex[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 0xF];
}

// UTF-16BE in hex, as a ToUnicode map and ActualText want it.
std::string Utf16Hex(const std::u32string& text) {
  std::string out;
  for (char32_t cp : text) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp > 0xFFFF) {
      AppendHex16(out, 0xD800 + ((cp - 0x10000) >> 10));
      AppendHex16(out, 0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      AppendHex16(out, static_cast<unsigned>(cp));
    }
  }
  return out;
}

// A font as the PDF has it: the Type0 dictionary pages refer to (made when
// the font is first drawn), and what Save() needs to fill it in.
struct PdfFont {
  HPDF_Dict type0 = nullptr;
  std::map<uint16_t, uint16_t> gid_of_cid;     // every glyph drawn
  std::map<uint16_t, std::u32string> unicode;  // the ToUnicode map, by CID
  std::map<uint16_t, int> width;               // in 1/1000 em, by CID
};

}  // namespace

struct PdfDocument::Impl {
  std::unique_ptr<ErrorRecord> error = std::make_unique<ErrorRecord>();
  DocPtr doc;
  core::Status status;
  Paper paper = Paper::kA4;
  std::vector<HPDF_Page> pages;
  std::unique_ptr<TextShaper> shaper;
  std::map<int, PdfFont> fonts;  // by TextShaper font number
  bool filled = false;

  // After a libharu call: turns a recorded error into the sticky status.
  bool Check(const char* what) {
    if (error->error != 0 && status.ok()) {
      char code[64];
      std::snprintf(code, sizeof code, "libharu error 0x%04X (detail %u) while ",
                    static_cast<unsigned>(error->error), static_cast<unsigned>(error->detail));
      const bool io = error->error == HPDF_FILE_OPEN_ERROR || error->error == HPDF_FILE_IO_ERROR;
      status = io ? core::Status::IoError(std::string(code) + what)
                  : core::Status::Internal(std::string(code) + what);
    }
    return status.ok();
  }

  HPDF_Page PageAt(int index) {
    if (!status.ok() || index < 0 || static_cast<size_t>(index) >= pages.size()) return nullptr;
    return pages[static_cast<size_t>(index)];
  }

  // The font's Type0 dictionary, made on first use, and its name on `page`.
  const char* FontName(HPDF_Page page, int font) {
    PdfFont& f = fonts[font];
    if (f.type0 == nullptr) {
      f.type0 = HPDF_Dict_New(doc->mmgr);
      if (f.type0 == nullptr || HPDF_Xref_Add(doc->xref, f.type0) != HPDF_OK) {
        f.type0 = nullptr;
        Check("making a font");
        return nullptr;
      }
    }
    const char* name = HPDF_Page_GetLocalFontName(page, f.type0);
    return Check("naming a font") ? name : nullptr;
  }

  // Draws one shaped line as a text object in the page's content stream.
  void Draw(HPDF_Page page, double x, double y, const ShapedLine& line, double size, Rgb color) {
    std::string out = "q BT " + Num(color.r) + " " + Num(color.g) + " " + Num(color.b) + " rg " +
                      Num(x) + " " + Num(y) + " Td";
    int current = -1;
    bool in_array = false;
    double rise = 0;
    double pen = 0;     // where the shaper puts the next glyph, in points from x
    double actual = 0;  // where the PDF's own widths put it
    auto close = [&] {
      if (in_array) out += "] TJ";
      in_array = false;
    };
    for (const GlyphCluster& cluster : line.clusters) {
      const FontProgram& program = shaper->font(cluster.font);
      PdfFont& font = fonts[cluster.font];
      if (cluster.font != current) {
        close();
        const char* name = FontName(page, cluster.font);
        if (name == nullptr) return;
        out += std::string(" /") + name + " " + Num(size) + " Tf";
        current = cluster.font;
      }
      // One glyph for the cluster: the ToUnicode map says what it is, unless
      // the same glyph already stands for other text (then ActualText).
      bool actual_text = cluster.glyphs.size() != 1;
      if (!actual_text) {
        const uint16_t cid = program.Cid(cluster.glyphs[0].gid);
        auto [it, added] = font.unicode.emplace(cid, cluster.text);
        actual_text = !added && it->second != cluster.text;
      }
      if (actual_text) {
        close();
        out += " /Span<</ActualText<FEFF" + Utf16Hex(cluster.text) + ">>>BDC";
      }
      for (const ShapedGlyph& g : cluster.glyphs) {
        const uint16_t cid = program.Cid(g.gid);
        font.gid_of_cid.emplace(cid, g.gid);
        auto [w, added] = font.width.emplace(cid, 0);
        if (added)
          w->second = static_cast<int>(
              std::lround(program.Advance(g.gid) * 1000.0 / program.units_per_em()));
        const double want_rise = g.y_offset * size;
        if (std::fabs(want_rise - rise) > 0.001) {
          close();
          out += " " + Num(want_rise) + " Ts";
          rise = want_rise;
        }
        if (!in_array) {
          out += " [";
          in_array = true;
        }
        // TJ's numbers move the pen back by thousandths of the font size.
        const double shift = std::round((pen + g.x_offset * size - actual) * 1000.0 / size);
        if (shift != 0) {
          out += Num(-shift);
          actual += shift * size / 1000.0;
        }
        out += '<';
        AppendHex16(out, cid);
        out += '>';
        actual += w->second * size / 1000.0;
        pen += g.advance * size;
      }
      if (actual_text) {
        close();
        out += " EMC";
      }
    }
    close();
    out += " ET Q\n";
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    HPDF_Stream_WriteStr(attr->stream, out.c_str());
    Check("drawing text");
  }

  HPDF_Dict NewDict() {
    HPDF_Dict d = HPDF_Dict_New(doc->mmgr);
    if (d != nullptr && HPDF_Xref_Add(doc->xref, d) != HPDF_OK) return nullptr;
    return d;
  }

  HPDF_Dict NewStream(const std::string& bytes) {
    HPDF_Dict d = HPDF_DictStream_New(doc->mmgr, doc->xref);
    if (d == nullptr) return nullptr;
    d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Stream_Write(d->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                      static_cast<HPDF_UINT>(bytes.size()));
    return d;
  }

  static std::string ToUnicodeCMap(const PdfFont& font) {
    std::string s =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<std::pair<uint16_t, std::u32string>> entries(font.unicode.begin(),
                                                             font.unicode.end());
    for (size_t i = 0; i < entries.size(); i += 100) {
      const size_t n = std::min<size_t>(100, entries.size() - i);
      s += std::to_string(n) + " beginbfchar\n";
      for (size_t k = i; k < i + n; ++k) {
        s += '<';
        AppendHex16(s, entries[k].first);
        s += "> <" + Utf16Hex(entries[k].second) + ">\n";
      }
      s += "endbfchar\n";
    }
    s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return s;
  }

  // A subset tag from what the subset holds: the same glyphs, the same tag.
  static std::string Tag(const std::string& name, const PdfFont& font) {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&h](unsigned char c) { h = (h ^ c) * 1099511628211ull; };
    for (char c : name) mix(static_cast<unsigned char>(c));
    for (const auto& [cid, gid] : font.gid_of_cid) {
      mix(static_cast<unsigned char>(cid >> 8));
      mix(static_cast<unsigned char>(cid & 0xFF));
    }
    std::string tag;
    for (int i = 0; i < 6; ++i, h /= 26) tag += static_cast<char>('A' + h % 26);
    return tag;
  }

  // Writes one font's objects: the subset, its descriptor, the CIDFont,
  // the ToUnicode map, and fills in the Type0 dictionary pages refer to.
  bool Fill(int number, PdfFont& font) {
    const FontProgram& program = shaper->font(number);
    std::vector<uint16_t> gids;
    for (const auto& [cid, gid] : font.gid_of_cid) gids.push_back(gid);
    auto subset = program.Subset(gids);
    if (!subset.ok()) {
      status = subset.status();
      return false;
    }
    const std::string base = Tag(program.BaseName(), font) + "+" + program.BaseName();
    const double scale = 1000.0 / program.units_per_em();
    const FontMetrics m = program.Metrics();
    HPDF_MMgr mm = doc->mmgr;

    HPDF_Dict file = NewStream(subset->program);
    HPDF_Dict descriptor = NewDict();
    HPDF_Dict cid_font = NewDict();
    HPDF_Dict to_unicode = NewStream(ToUnicodeCMap(font));
    if (!file || !descriptor || !cid_font || !to_unicode) return Check("writing a font");
    if (program.cff()) {
      HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C");
    } else {
      HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(subset->program.size()));
    }

    HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
    HPDF_Dict_AddName(descriptor, "FontName", base.c_str());
    HPDF_Dict_AddNumber(descriptor, "Flags", 4);  // symbolic: its own glyph names
    HPDF_Array bbox = HPDF_Array_New(mm);
    HPDF_Dict_Add(descriptor, "FontBBox", bbox);
    for (int v : m.bbox)
      HPDF_Array_AddNumber(bbox, static_cast<HPDF_INT32>(std::lround(v * scale)));
    HPDF_Dict_AddNumber(descriptor, "ItalicAngle", 0);
    HPDF_Dict_AddNumber(descriptor, "Ascent",
                        static_cast<HPDF_INT32>(std::lround(m.ascent * scale)));
    HPDF_Dict_AddNumber(descriptor, "Descent",
                        static_cast<HPDF_INT32>(std::lround(m.descent * scale)));
    HPDF_Dict_AddNumber(descriptor, "CapHeight",
                        static_cast<HPDF_INT32>(std::lround(m.cap_height * scale)));
    HPDF_Dict_AddNumber(descriptor, "StemV", 80);
    HPDF_Dict_Add(descriptor, program.cff() ? "FontFile3" : "FontFile2", file);

    HPDF_Dict_AddName(cid_font, "Type", "Font");
    HPDF_Dict_AddName(cid_font, "Subtype", program.cff() ? "CIDFontType0" : "CIDFontType2");
    HPDF_Dict_AddName(cid_font, "BaseFont", base.c_str());
    HPDF_Dict info = HPDF_Dict_New(mm);
    HPDF_Dict_Add(cid_font, "CIDSystemInfo", info);
    HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe", nullptr));
    HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm, "Identity", nullptr));
    HPDF_Dict_AddNumber(info, "Supplement", 0);
    HPDF_Dict_Add(cid_font, "FontDescriptor", descriptor);
    HPDF_Dict_AddNumber(cid_font, "DW", 1000);
    // W: runs of consecutive CIDs, "first [w1 w2 ...]".
    HPDF_Array widths = HPDF_Array_New(mm);
    HPDF_Dict_Add(cid_font, "W", widths);
    HPDF_Array run = nullptr;
    int next = -1;
    for (const auto& [cid, w] : font.width) {
      if (run == nullptr || cid != next) {
        HPDF_Array_AddNumber(widths, cid);
        run = HPDF_Array_New(mm);
        HPDF_Array_Add(widths, run);
      }
      HPDF_Array_AddNumber(run, w);
      next = cid + 1;
    }
    if (!program.cff()) {
      std::string map;
      for (uint16_t gid : subset->gid_of_cid) {
        map += static_cast<char>(gid >> 8);
        map += static_cast<char>(gid & 0xFF);
      }
      HPDF_Dict cid_to_gid = NewStream(map);
      if (cid_to_gid == nullptr) return Check("writing a font");
      HPDF_Dict_Add(cid_font, "CIDToGIDMap", cid_to_gid);
    }

    HPDF_Dict_AddName(font.type0, "Type", "Font");
    HPDF_Dict_AddName(font.type0, "Subtype", "Type0");
    HPDF_Dict_AddName(font.type0, "BaseFont", base.c_str());
    HPDF_Dict_AddName(font.type0, "Encoding", "Identity-H");
    HPDF_Array descendants = HPDF_Array_New(mm);
    HPDF_Dict_Add(font.type0, "DescendantFonts", descendants);
    HPDF_Array_Add(descendants, cid_font);
    HPDF_Dict_Add(font.type0, "ToUnicode", to_unicode);
    return Check("writing a font");
  }
};

std::string_view PaperName(Paper paper) { return paper == Paper::kLetter ? "letter" : "a4"; }

std::optional<Paper> ParsePaper(std::string_view name) {
  if (name == "a4" || name == "A4") return Paper::kA4;
  if (name == "letter" || name == "Letter") return Paper::kLetter;
  return std::nullopt;
}

PdfDocument::PdfDocument(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PdfDocument::~PdfDocument() = default;

core::Result<std::unique_ptr<PdfDocument>> PdfDocument::Create(const FontSet& fonts, Paper paper,
                                                               const PdfInfo& info) {
  auto impl = std::make_unique<Impl>();
  impl->paper = paper;
  auto shaper = TextShaper::Create(fonts);
  if (!shaper.ok()) return shaper.status();
  impl->shaper = std::move(shaper).value();
  impl->doc.reset(HPDF_New(OnError, impl->error.get()));
  if (!impl->doc) return core::Status::Internal("libharu could not create a document");
  HPDF_Doc doc = impl->doc.get();
  HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
  // The information dictionary's strings are UTF-8 (written as UTF-16).
  HPDF_UseUTFEncodings(doc);
  HPDF_SetCurrentEncoder(doc, "UTF-8");
  // Marked content with ActualText is PDF 1.5; libharu has no call for the
  // version, its header says which one it writes.
  doc->pdf_version = HPDF_VER_15;
  if (!impl->Check("setting up the document")) return impl->status;

  HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, info.title.c_str());
  HPDF_SetInfoAttr(doc, HPDF_INFO_SUBJECT, info.subject.c_str());
  HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, info.creator.c_str());
  if (!info.author.empty()) HPDF_SetInfoAttr(doc, HPDF_INFO_AUTHOR, info.author.c_str());
  HPDF_Date date{};
  date.year = info.creation_date.year;
  date.month = info.creation_date.month;
  date.day = info.creation_date.day;
  date.ind = 'Z';
  HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date);
  if (!impl->Check("writing the document information")) return impl->status;
  return std::unique_ptr<PdfDocument>(new PdfDocument(std::move(impl)));
}

double PdfDocument::page_width() const { return impl_->paper == Paper::kLetter ? 612.0 : 595.276; }
double PdfDocument::page_height() const { return impl_->paper == Paper::kLetter ? 792.0 : 841.89; }

int PdfDocument::AddPage() {
  if (!impl_->status.ok()) return -1;
  HPDF_Page page = HPDF_AddPage(impl_->doc.get());
  if (!impl_->Check("adding a page") || page == nullptr) return -1;
  HPDF_Page_SetSize(page,
                    impl_->paper == Paper::kLetter ? HPDF_PAGE_SIZE_LETTER : HPDF_PAGE_SIZE_A4,
                    HPDF_PAGE_PORTRAIT);
  if (!impl_->Check("sizing a page")) return -1;
  impl_->pages.push_back(page);
  return static_cast<int>(impl_->pages.size()) - 1;
}

int PdfDocument::page_count() const { return static_cast<int>(impl_->pages.size()); }

double PdfDocument::TextWidth(std::string_view text, FontStyle style, double size) {
  if (text.empty()) return 0;
  return impl_->shaper->Shape(text, style == FontStyle::kBold).width * size;
}

void PdfDocument::Text(int index, double x, double y, std::string_view text, FontStyle style,
                       double size, Rgb color) {
  HPDF_Page page = impl_->PageAt(index);
  if (page == nullptr || text.empty() || impl_->filled) return;
  const ShapedLine line = impl_->shaper->Shape(text, style == FontStyle::kBold);
  if (line.clusters.empty()) return;
  impl_->Draw(page, x, y, line, size, color);
}

namespace {

void ApplyStroke(HPDF_Page page, double width, Rgb color, LineStyle style) {
  static const HPDF_UINT16 kDashed[] = {6, 3};
  static const HPDF_UINT16 kDotted[] = {1, 2};
  static const HPDF_UINT16 kDashDot[] = {7, 2, 1, 2};
  static const HPDF_UINT16 kLongDash[] = {12, 4};
  HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(width));
  HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(color.r), static_cast<HPDF_REAL>(color.g),
                         static_cast<HPDF_REAL>(color.b));
  HPDF_Page_SetLineJoin(page, HPDF_ROUND_JOIN);
  HPDF_Page_SetLineCap(page, style == LineStyle::kDotted ? HPDF_ROUND_END : HPDF_BUTT_END);
  switch (style) {
    case LineStyle::kSolid:
      break;
    case LineStyle::kDashed:
      HPDF_Page_SetDash(page, kDashed, 2, 0);
      break;
    case LineStyle::kDotted:
      HPDF_Page_SetDash(page, kDotted, 2, 0);
      break;
    case LineStyle::kDashDot:
      HPDF_Page_SetDash(page, kDashDot, 4, 0);
      break;
    case LineStyle::kLongDash:
      HPDF_Page_SetDash(page, kLongDash, 2, 0);
      break;
  }
}

}  // namespace

void PdfDocument::Line(int index, Point from, Point to, double width, Rgb color, LineStyle style) {
  const Point points[] = {from, to};
  Polyline(index, points, width, color, style);
}

void PdfDocument::Polyline(int index, std::span<const Point> points, double width, Rgb color,
                           LineStyle style) {
  HPDF_Page page = impl_->PageAt(index);
  if (page == nullptr || points.size() < 2) return;
  HPDF_Page_GSave(page);
  ApplyStroke(page, width, color, style);
  HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(points[0].x), static_cast<HPDF_REAL>(points[0].y));
  for (size_t i = 1; i < points.size(); ++i)
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(points[i].x),
                     static_cast<HPDF_REAL>(points[i].y));
  HPDF_Page_Stroke(page);
  HPDF_Page_GRestore(page);
  impl_->Check("drawing a line");
}

void PdfDocument::FillRect(int index, double x, double y, double w, double h, Rgb color) {
  HPDF_Page page = impl_->PageAt(index);
  if (page == nullptr) return;
  HPDF_Page_GSave(page);
  HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(color.r), static_cast<HPDF_REAL>(color.g),
                       static_cast<HPDF_REAL>(color.b));
  HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y),
                      static_cast<HPDF_REAL>(w), static_cast<HPDF_REAL>(h));
  HPDF_Page_Fill(page);
  HPDF_Page_GRestore(page);
  impl_->Check("filling a rectangle");
}

void PdfDocument::Marker(int index, Point at, MarkerShape shape, double size, Rgb color) {
  HPDF_Page page = impl_->PageAt(index);
  if (page == nullptr) return;
  const auto r = static_cast<HPDF_REAL>(size / 2);
  const auto x = static_cast<HPDF_REAL>(at.x);
  const auto y = static_cast<HPDF_REAL>(at.y);
  HPDF_Page_GSave(page);
  HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(color.r), static_cast<HPDF_REAL>(color.g),
                       static_cast<HPDF_REAL>(color.b));
  switch (shape) {
    case MarkerShape::kCircle:
      HPDF_Page_Circle(page, x, y, r);
      break;
    case MarkerShape::kSquare:
      HPDF_Page_Rectangle(page, x - r * 0.85f, y - r * 0.85f, r * 1.7f, r * 1.7f);
      break;
    case MarkerShape::kTriangle:
      HPDF_Page_MoveTo(page, x, y + r);
      HPDF_Page_LineTo(page, x + r, y - r * 0.8f);
      HPDF_Page_LineTo(page, x - r, y - r * 0.8f);
      HPDF_Page_ClosePath(page);
      break;
    case MarkerShape::kDiamond:
      HPDF_Page_MoveTo(page, x, y + r);
      HPDF_Page_LineTo(page, x + r, y);
      HPDF_Page_LineTo(page, x, y - r);
      HPDF_Page_LineTo(page, x - r, y);
      HPDF_Page_ClosePath(page);
      break;
  }
  HPDF_Page_Fill(page);
  HPDF_Page_GRestore(page);
  impl_->Check("drawing a marker");
}

core::Status PdfDocument::status() const { return impl_->status; }

core::Result<std::string> PdfDocument::Save() {
  if (!impl_->status.ok()) return impl_->status;
  if (!impl_->filled) {
    impl_->filled = true;
    for (auto& [number, font] : impl_->fonts) {
      if (!impl_->Fill(number, font)) return impl_->status;
    }
  }
  HPDF_Doc doc = impl_->doc.get();
  HPDF_SaveToStream(doc);
  if (!impl_->Check("writing the PDF")) return impl_->status;
  const HPDF_UINT32 size = HPDF_GetStreamSize(doc);
  std::string out(size, '\0');
  HPDF_UINT32 read = size;
  HPDF_STATUS rc = HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(out.data()), &read);
  // Reading to the very end reports the end of the stream; that is not an error.
  if (impl_->error->error == HPDF_STREAM_EOF) impl_->error->error = 0;
  if (!impl_->Check("reading the PDF back") || (rc != HPDF_OK && rc != HPDF_STREAM_EOF) ||
      read != size) {
    if (impl_->status.ok()) impl_->status = core::Status::Internal("libharu returned a short PDF");
    return impl_->status;
  }
  return out;
}

std::vector<uint32_t> PdfDocument::missing_characters() const {
  const auto& missing = impl_->shaper->missing();
  return std::vector<uint32_t>(missing.begin(), missing.end());
}

}  // namespace fieldnotes::reports
