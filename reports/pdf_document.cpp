// The only file that includes hpdf.h (DESIGN.md §2).
#include "reports/pdf_document.h"

#include <hpdf.h>

#include <cstdio>
#include <set>
#include <type_traits>
#include <unordered_map>

namespace fieldnotes::reports {
namespace {

constexpr uint32_t kPlaceholder = 0x25A1;  // □

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

struct Face {
  HPDF_Font font = nullptr;
  HPDF_FontDef def = nullptr;
};

// A fallback font opened in a scratch document, only to ask which
// characters it has; it is embedded in the real one only when used.
struct Probe {
  std::unique_ptr<ErrorRecord> error = std::make_unique<ErrorRecord>();
  DocPtr doc;
  HPDF_FontDef def = nullptr;
  bool opened = false;
};

bool HasGlyph(HPDF_FontDef def, uint32_t cp) {
  return def != nullptr && cp <= 0xFFFF &&
         HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(cp)) != 0;
}

// Decodes UTF-8; invalid bytes become U+FFFD and control characters a space.
std::vector<uint32_t> CodePoints(std::string_view s) {
  std::vector<uint32_t> out;
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    int extra = b < 0x80           ? 0
                : (b >> 5) == 0x6  ? 1
                : (b >> 4) == 0xE  ? 2
                : (b >> 3) == 0x1E ? 3
                                   : -1;
    uint32_t cp = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
    bool ok = extra >= 0 && i + static_cast<size_t>(extra) < s.size();
    for (int k = 1; ok && k <= extra; ++k) {
      const auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (!ok) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    i += static_cast<size_t>(extra) + 1;
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) cp = ' ';
    out.push_back(cp);
  }
  return out;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

struct PdfDocument::Impl {
  std::unique_ptr<ErrorRecord> error = std::make_unique<ErrorRecord>();
  DocPtr doc;
  core::Status status;
  Paper paper = Paper::kA4;
  std::vector<HPDF_Page> pages;
  FontSet fonts;
  Face regular;
  Face bold;
  std::vector<Face> fallbacks;  // parallel to fonts.fallbacks; font set once embedded
  std::vector<Probe> probes;    // parallel to fonts.fallbacks
  std::unordered_map<uint32_t, int> choice[2];  // per style: code point -> slot
  std::set<uint32_t> missing;

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

  Face Load(const std::string& path) {
    Face face;
    const char* name = HPDF_LoadTTFontFromFile(doc.get(), path.c_str(), HPDF_TRUE);
    if (!Check(("loading the font " + path).c_str()) || name == nullptr) return face;
    face.font = HPDF_GetFont(doc.get(), name, "UTF-8");
    face.def = HPDF_GetFontDef(doc.get(), name);
    Check("preparing a font");
    return face;
  }

  bool ProbeHas(size_t i, uint32_t cp) {
    Probe& p = probes[i];
    if (!p.opened) {
      p.opened = true;
      p.doc.reset(HPDF_New(OnError, p.error.get()));
      if (p.doc && HPDF_UseUTFEncodings(p.doc.get()) == HPDF_OK) {
        const char* name =
            HPDF_LoadTTFontFromFile(p.doc.get(), fonts.fallbacks[i].c_str(), HPDF_FALSE);
        if (name != nullptr && p.error->error == 0) p.def = HPDF_GetFontDef(p.doc.get(), name);
      }
      if (p.error->error != 0) p.def = nullptr;  // not usable: skipped, never an error
    }
    return HasGlyph(p.def, cp);
  }

  // 0 regular, 1 bold, 2 + i fallback i, -1 the placeholder.
  int Slot(uint32_t cp, FontStyle style) {
    auto& cache = choice[style == FontStyle::kBold ? 1 : 0];
    if (auto it = cache.find(cp); it != cache.end()) return it->second;
    int slot = -1;
    if (style == FontStyle::kBold && HasGlyph(bold.def, cp)) {
      slot = 1;
    } else if (HasGlyph(regular.def, cp)) {
      slot = 0;
    } else {
      for (size_t i = 0; i < probes.size() && slot < 0; ++i) {
        if (!ProbeHas(i, cp)) continue;
        if (fallbacks[i].font == nullptr) fallbacks[i] = Load(fonts.fallbacks[i]);
        if (fallbacks[i].font != nullptr) slot = 2 + static_cast<int>(i);
      }
    }
    if (slot < 0) missing.insert(cp);
    cache.emplace(cp, slot);
    return slot;
  }

  HPDF_Font FontOf(int slot) {
    if (slot == 1) return bold.font;
    if (slot >= 2) return fallbacks[static_cast<size_t>(slot - 2)].font;
    return regular.font;
  }

  // The text cut into runs of one font each.
  std::vector<std::pair<HPDF_Font, std::string>> Runs(std::string_view text, FontStyle style) {
    std::vector<std::pair<HPDF_Font, std::string>> runs;
    int current = -2;
    for (uint32_t cp : CodePoints(text)) {
      int slot = Slot(cp, style);
      uint32_t shown = cp;
      if (slot < 0) {
        slot = 0;
        shown = HasGlyph(regular.def, kPlaceholder) ? kPlaceholder : '?';
      }
      if (slot != current) {
        runs.emplace_back(FontOf(slot), std::string());
        current = slot;
      }
      AppendUtf8(runs.back().second, shown);
    }
    return runs;
  }

  HPDF_Page PageAt(int index) {
    if (!status.ok() || index < 0 || static_cast<size_t>(index) >= pages.size()) return nullptr;
    return pages[static_cast<size_t>(index)];
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
  impl->fonts = fonts;
  impl->paper = paper;
  impl->doc.reset(HPDF_New(OnError, impl->error.get()));
  if (!impl->doc) return core::Status::Internal("libharu could not create a document");
  HPDF_Doc doc = impl->doc.get();
  HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(doc);
  HPDF_SetCurrentEncoder(doc, "UTF-8");
  if (!impl->Check("setting up the document")) return impl->status;
  impl->regular = impl->Load(fonts.regular);
  impl->bold = fonts.bold == fonts.regular ? impl->regular : impl->Load(fonts.bold);
  if (!impl->status.ok()) return impl->status;
  impl->fallbacks.resize(fonts.fallbacks.size());
  impl->probes.resize(fonts.fallbacks.size());

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
  double width = 0;
  for (const auto& [font, run] : impl_->Runs(text, style)) {
    if (font == nullptr) continue;
    HPDF_TextWidth w = HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(run.data()),
                                           static_cast<HPDF_UINT>(run.size()));
    if (!impl_->Check("measuring text")) return 0;
    width += w.width * size / 1000.0;
  }
  return width;
}

void PdfDocument::Text(int index, double x, double y, std::string_view text, FontStyle style,
                       double size, Rgb color) {
  HPDF_Page page = impl_->PageAt(index);
  if (page == nullptr || text.empty()) return;
  const auto runs = impl_->Runs(text, style);
  HPDF_Page_BeginText(page);
  HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(color.r), static_cast<HPDF_REAL>(color.g),
                       static_cast<HPDF_REAL>(color.b));
  for (const auto& [font, run] : runs) {
    if (font == nullptr) continue;
    HPDF_Page_SetFontAndSize(page, font, static_cast<HPDF_REAL>(size));
    HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y), run.c_str());
    HPDF_TextWidth w = HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(run.data()),
                                           static_cast<HPDF_UINT>(run.size()));
    x += w.width * size / 1000.0;
  }
  HPDF_Page_EndText(page);
  impl_->Check("drawing text");
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
  return std::vector<uint32_t>(impl_->missing.begin(), impl_->missing.end());
}

}  // namespace fieldnotes::reports
