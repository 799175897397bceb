// FontProgram: one font face opened with HarfBuzz, for shaping, measuring
// and embedding a subset of it in the PDF (docs/report.md, "The PDF").
//
// The PDF names a glyph by a CID. For a TrueType (glyf) face the CID is the
// face's own glyph id and the subset's CIDToGIDMap says where the glyph went;
// for a CID-keyed CFF face (Noto Sans CJK) the CID is the one the face's
// CFF charset gives the glyph, and HarfBuzz's subsetter keeps those CIDs.
// Name-keyed CFF faces are refused (Open fails): their glyphs have no
// stable name once subset.
#ifndef FIELDNOTES_REPORTS_FONT_PROGRAM_H_
#define FIELDNOTES_REPORTS_FONT_PROGRAM_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "reports/font_locator.h"

struct hb_font_t;
struct hb_face_t;

namespace fieldnotes::reports {

struct FontMetrics {
  // In font units.
  int ascent = 0;
  int descent = 0;  // negative
  int cap_height = 0;
  int bbox[4] = {0, 0, 0, 0};  // x min, y min, x max, y max
};

// What the PDF embeds for a set of glyphs.
struct FontSubset {
  // TrueType: the whole subset font (FontFile2). CFF: the subset's bare
  // CFF table (FontFile3, CIDFontType0C).
  std::string program;
  // TrueType only: for each CID (the original glyph id), the glyph id in
  // the subset, 0 for glyphs not kept.
  std::vector<uint16_t> gid_of_cid;
};

class FontProgram {
 public:
  ~FontProgram();
  FontProgram(const FontProgram&) = delete;
  FontProgram& operator=(const FontProgram&) = delete;

  // IoError when the file cannot be read; Unsupported when the face has
  // neither glyf nor CID-keyed CFF outlines.
  static core::Result<std::unique_ptr<FontProgram>> Open(const FontFace& face);

  const FontFace& face() const { return face_; }
  bool cff() const { return cff_; }
  int units_per_em() const { return upem_; }
  // For shaping; at a scale of units_per_em().
  hb_font_t* hb_font() const { return font_; }

  // The glyph the face maps `cp` to, if any.
  std::optional<uint16_t> Glyph(char32_t cp) const;
  // Advance width in font units.
  int Advance(uint16_t gid) const;
  // The CID the PDF draws `gid` by (see above).
  uint16_t Cid(uint16_t gid) const;
  // The PostScript name, with ",Style" when the name has no style part
  // ("DejaVuSans,Book", as libharu named it before).
  std::string BaseName() const;
  FontMetrics Metrics() const;

  // The face cut down to `gids` (and .notdef). Internal when HarfBuzz's
  // subsetter fails or moves a CFF glyph to another CID.
  core::Result<FontSubset> Subset(const std::vector<uint16_t>& gids) const;

 private:
  FontProgram() = default;
  FontFace face_;
  hb_face_t* hb_face_ = nullptr;
  hb_font_t* font_ = nullptr;
  bool cff_ = false;
  int upem_ = 1000;
  std::vector<uint16_t> cids_;  // CFF: the CID of each glyph
};

// Reads a CFF table's charset: the CID of each glyph. Empty when the table
// is malformed or not CID-keyed.
std::vector<uint16_t> CffCids(const std::string& cff);

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_FONT_PROGRAM_H_
