// PdfDocument: the small part of libharu the report needs, behind RAII.
//
// This is the one place that includes hpdf.h (DESIGN.md §2; the reports
// target links libharu privately). libharu reports errors through a
// callback; ours only records the first error, and every call here checks
// it right after the libharu call that may have raised it (STYLE.md: never
// longjmp or throw through C frames). The first error is sticky: later
// drawing calls do nothing, and status() and Save() return it.
//
// Text is UTF-8, laid out by TextShaper (fonts found through fontconfig,
// bidi by ICU, shaping by HarfBuzz) and drawn as glyphs of fonts this file
// writes itself through libharu's object layer: a Type0 font (Identity-H)
// over a CIDFontType2 (TrueType) or CIDFontType0 (CID-keyed CFF, such as
// Noto Sans CJK), each embedding a HarfBuzz subset of the glyphs used, with
// a ToUnicode map so the text can be extracted and searched. A character
// no installed font has is drawn as a visible "□" and listed in
// missing_characters(): never silently. docs/report.md, "The PDF", says
// why libharu's own font code is not used.
//
// Coordinates are PDF points with the origin at the bottom left of a page.
#ifndef FIELDNOTES_REPORTS_PDF_DOCUMENT_H_
#define FIELDNOTES_REPORTS_PDF_DOCUMENT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/timestamp.h"
#include "reports/font_locator.h"

namespace fieldnotes::reports {

enum class Paper { kA4, kLetter };
std::string_view PaperName(Paper paper);  // "a4", "letter"
std::optional<Paper> ParsePaper(std::string_view name);

enum class FontStyle { kRegular, kBold };
enum class LineStyle { kSolid, kDashed, kDotted, kDashDot, kLongDash };
enum class MarkerShape { kCircle, kSquare, kTriangle, kDiamond };

struct Rgb {
  double r = 0, g = 0, b = 0;  // 0..1
};

struct Point {
  double x = 0, y = 0;
};

// The document information dictionary. Dates are written as given (no
// clock is read), so the same input gives the same bytes.
struct PdfInfo {
  std::string title;
  std::string subject;
  std::string author;  // empty: no /Author at all
  std::string creator;
  core::Date creation_date;  // written as 00:00:00 UTC of that day
};

class PdfDocument {
 public:
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  // A new document with the fonts opened (regular and bold; each embedded
  // once used). IoError when a font cannot be read, Unsupported when it has
  // outlines the PDF cannot embed; Internal for libharu errors (the message
  // has libharu's error code).
  static core::Result<std::unique_ptr<PdfDocument>> Create(const FontSet& fonts, Paper paper,
                                                           const PdfInfo& info);

  double page_width() const;
  double page_height() const;

  // Adds a page at the end and returns its index (from 0).
  int AddPage();
  int page_count() const;

  // The width of `text` in points; the same rules of font choice as Text().
  double TextWidth(std::string_view text, FontStyle style, double size);
  // Draws one line of text with its baseline starting at (x, y).
  void Text(int page, double x, double y, std::string_view text, FontStyle style, double size,
            Rgb color);

  void Line(int page, Point from, Point to, double width, Rgb color,
            LineStyle style = LineStyle::kSolid);
  void Polyline(int page, std::span<const Point> points, double width, Rgb color, LineStyle style);
  void FillRect(int page, double x, double y, double w, double h, Rgb color);
  // A filled marker of `size` points across, centred on `at`.
  void Marker(int page, Point at, MarkerShape shape, double size, Rgb color);

  // Ok, or the first libharu error.
  core::Status status() const;
  // The whole PDF. Call once, after drawing.
  core::Result<std::string> Save();

  // Code points that were drawn as the placeholder, ascending.
  std::vector<uint32_t> missing_characters() const;

 private:
  struct Impl;
  explicit PdfDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_PDF_DOCUMENT_H_
