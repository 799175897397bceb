#include "reports/font_program.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <algorithm>

namespace fieldnotes::reports {
namespace {

constexpr hb_tag_t kCff = HB_TAG('C', 'F', 'F', ' ');
constexpr hb_tag_t kGlyf = HB_TAG('g', 'l', 'y', 'f');
constexpr hb_tag_t kHead = HB_TAG('h', 'e', 'a', 'd');

std::string TableOf(hb_face_t* face, hb_tag_t tag) {
  hb_blob_t* blob = hb_face_reference_table(face, tag);
  unsigned int n = 0;
  const char* data = hb_blob_get_data(blob, &n);
  std::string out(data == nullptr ? "" : std::string(data, n));
  hb_blob_destroy(blob);
  return out;
}

// A bounds-checked big-endian reader over a CFF table.
class Reader {
 public:
  explicit Reader(const std::string& s) : s_(s) {}
  bool ok() const { return ok_; }
  uint32_t U(size_t at, int bytes) {
    if (at + static_cast<size_t>(bytes) > s_.size()) {
      ok_ = false;
      return 0;
    }
    uint32_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(s_[at + i]);
    return v;
  }
  // An INDEX at `at`: the offset just past it, and its items' [begin, end).
  size_t Index(size_t at, std::vector<std::pair<size_t, size_t>>* items) {
    const uint32_t count = U(at, 2);
    if (count == 0) return at + 2;
    const int off_size = static_cast<int>(U(at + 2, 1));
    if (off_size < 1 || off_size > 4) {
      ok_ = false;
      return s_.size();
    }
    const size_t offsets = at + 3;
    const size_t step = static_cast<size_t>(off_size);  // 1 to 4, checked above
    const size_t data = offsets + (size_t{count} + 1) * step - 1;
    for (size_t i = 0; items != nullptr && i < count; ++i) {
      items->emplace_back(data + U(offsets + i * step, off_size),
                          data + U(offsets + (i + 1) * step, off_size));
    }
    return data + U(offsets + size_t{count} * step, off_size);
  }

 private:
  const std::string& s_;
  bool ok_ = true;
};

}  // namespace

std::vector<uint16_t> CffCids(const std::string& cff) {
  Reader r(cff);
  const size_t header = r.U(2, 1);
  const size_t after_names = r.Index(header, nullptr);
  std::vector<std::pair<size_t, size_t>> top;
  r.Index(after_names, &top);
  if (!r.ok() || top.empty()) return {};
  // The Top DICT: only ROS (12 30), charset (15) and CharStrings (17) matter.
  bool cid_keyed = false;
  int64_t charset = 0, charstrings = 0;
  std::vector<int64_t> operands;
  for (size_t i = top[0].first; i < top[0].second && i < cff.size();) {
    const uint32_t b = r.U(i, 1);
    if (b <= 21) {
      uint32_t op = b;
      ++i;
      if (b == 12) op = 1200 + r.U(i++, 1);
      if (op == 1230) cid_keyed = true;
      if (op == 15 && !operands.empty()) charset = operands.back();
      if (op == 17 && !operands.empty()) charstrings = operands.back();
      operands.clear();
    } else if (b == 28) {
      operands.push_back(static_cast<int16_t>(r.U(i + 1, 2)));
      i += 3;
    } else if (b == 29) {
      operands.push_back(static_cast<int32_t>(r.U(i + 1, 4)));
      i += 5;
    } else if (b == 30) {  // a real: nibbles up to an 0xF
      operands.push_back(0);
      for (++i; i < cff.size(); ++i) {
        const uint32_t v = r.U(i, 1);
        if ((v & 0x0F) == 0x0F || (v >> 4) == 0x0F) {
          ++i;
          break;
        }
      }
    } else if (b >= 32 && b <= 246) {
      operands.push_back(static_cast<int64_t>(b) - 139);
      ++i;
    } else if (b >= 247 && b <= 250) {
      operands.push_back((static_cast<int64_t>(b) - 247) * 256 + r.U(i + 1, 1) + 108);
      i += 2;
    } else if (b >= 251 && b <= 254) {
      operands.push_back(-(static_cast<int64_t>(b) - 251) * 256 - r.U(i + 1, 1) - 108);
      i += 2;
    } else {
      return {};
    }
  }
  if (!cid_keyed || charset <= 2 || charstrings <= 0) return {};
  std::vector<std::pair<size_t, size_t>> glyphs;
  r.Index(static_cast<size_t>(charstrings), &glyphs);
  const size_t n = glyphs.size();
  if (!r.ok() || n == 0) return {};
  std::vector<uint16_t> cids(n, 0);
  size_t at = static_cast<size_t>(charset);
  const uint32_t format = r.U(at++, 1);
  size_t gid = 1;
  if (format == 0) {
    for (; gid < n; ++gid, at += 2) cids[gid] = static_cast<uint16_t>(r.U(at, 2));
  } else if (format == 1 || format == 2) {
    const int left_bytes = format == 1 ? 1 : 2;
    while (gid < n && r.ok()) {
      const uint32_t first = r.U(at, 2);
      const uint32_t left = r.U(at + 2, left_bytes);
      at += 2 + static_cast<size_t>(left_bytes);
      for (uint32_t k = 0; k <= left && gid < n; ++k)
        cids[gid++] = static_cast<uint16_t>(first + k);
    }
  } else {
    return {};
  }
  if (!r.ok()) return {};
  return cids;
}

FontProgram::~FontProgram() {
  hb_font_destroy(font_);
  hb_face_destroy(hb_face_);
}

// Its errors stay English on purpose: a font that cannot be read is a
// developer's detail, for a log or a bug report.
core::Result<std::unique_ptr<FontProgram>> FontProgram::Open(const FontFace& face) {
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(face.path.c_str());
  if (blob == nullptr) return core::Status::IoError("cannot read the font " + face.path);
  std::unique_ptr<FontProgram> p(new FontProgram());
  p->face_ = face;
  p->hb_face_ = hb_face_create(blob, static_cast<unsigned>(face.index));
  hb_blob_destroy(blob);
  p->upem_ = static_cast<int>(hb_face_get_upem(p->hb_face_));
  p->font_ = hb_font_create(p->hb_face_);
  hb_font_set_scale(p->font_, p->upem_, p->upem_);
  if (hb_face_get_glyph_count(p->hb_face_) == 0)
    return core::Status::Unsupported("no glyphs in the font " + face.path);
  const std::string glyf = TableOf(p->hb_face_, kGlyf);
  if (glyf.empty()) {
    p->cids_ = CffCids(TableOf(p->hb_face_, kCff));
    if (p->cids_.empty())
      return core::Status::Unsupported("neither TrueType nor CID-keyed CFF outlines in " +
                                       face.path);
    p->cff_ = true;
  }
  return p;
}

std::optional<uint16_t> FontProgram::Glyph(char32_t cp) const {
  hb_codepoint_t g = 0;
  if (!hb_font_get_nominal_glyph(font_, cp, &g) || g == 0 || g > 0xFFFF) return std::nullopt;
  return static_cast<uint16_t>(g);
}

int FontProgram::Advance(uint16_t gid) const {
  return static_cast<int>(hb_font_get_glyph_h_advance(font_, gid));
}

uint16_t FontProgram::Cid(uint16_t gid) const {
  if (!cff_) return gid;
  return gid < cids_.size() ? cids_[gid] : 0;
}

std::string FontProgram::BaseName() const {
  auto name = [this](hb_ot_name_id_t id) {
    char buf[128];
    unsigned int size = sizeof buf;
    const unsigned int n = hb_ot_name_get_utf8(hb_face_, id, HB_LANGUAGE_INVALID, &size, buf);
    std::string out;
    // PDF names: printable ASCII without delimiters or spaces.
    for (unsigned int i = 0; i < std::min(n, size); ++i) {
      const char c = buf[i];
      if (c > ' ' && c < 127 && std::string_view("()<>[]{}/%#").find(c) == std::string_view::npos)
        out += c;
    }
    return out;
  };
  std::string ps = name(HB_OT_NAME_ID_POSTSCRIPT_NAME);
  if (ps.empty()) ps = "Font";
  const std::string style = name(HB_OT_NAME_ID_FONT_SUBFAMILY);
  if (ps.find('-') == std::string::npos && !style.empty()) ps += "," + style;
  return ps;
}

FontMetrics FontProgram::Metrics() const {
  FontMetrics m;
  hb_position_t v = 0;
  if (hb_ot_metrics_get_position(font_, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v)) m.ascent = v;
  if (hb_ot_metrics_get_position(font_, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v)) m.descent = v;
  if (hb_ot_metrics_get_position(font_, HB_OT_METRICS_TAG_CAP_HEIGHT, &v)) m.cap_height = v;
  if (m.cap_height == 0) m.cap_height = m.ascent;
  const std::string head = TableOf(hb_face_, kHead);
  if (head.size() >= 44) {
    Reader r(head);
    for (int i = 0; i < 4; ++i) m.bbox[i] = static_cast<int16_t>(r.U(36 + 2 * i, 2));
  }
  return m;
}

core::Result<FontSubset> FontProgram::Subset(const std::vector<uint16_t>& gids) const {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (input == nullptr) return core::Status::Internal("HarfBuzz could not start a subset");
  hb_set_t* glyphs = hb_subset_input_glyph_set(input);
  hb_set_add(glyphs, 0);
  for (uint16_t g : gids) hb_set_add(glyphs, g);
  // Only what a PDF viewer reads: outlines and metrics. No layout tables
  // (the text is shaped already), no hinting.
  hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* t :
       {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "mort", "kerx", "feat",
        "vhea", "vmtx", "VORG", "DSIG", "LTSH", "VDMX", "hdmx", "gasp", "meta", "STAT"})
    hb_set_add(drop, hb_tag_from_string(t, 4));
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
  hb_subset_plan_t* plan = hb_subset_plan_create_or_fail(hb_face_, input);
  hb_subset_input_destroy(input);
  if (plan == nullptr) return core::Status::Internal("HarfBuzz could not plan a font subset");
  hb_face_t* sub = hb_subset_plan_execute_or_fail(plan);
  FontSubset out;
  bool ok = sub != nullptr;
  if (ok && !cff_) {
    hb_blob_t* blob = hb_face_reference_blob(sub);
    unsigned int n = 0;
    const char* data = hb_blob_get_data(blob, &n);
    out.program.assign(data == nullptr ? "" : data, n);
    hb_blob_destroy(blob);
    const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
    const uint16_t max = gids.empty() ? 0 : *std::max_element(gids.begin(), gids.end());
    out.gid_of_cid.assign(static_cast<size_t>(max) + 1, 0);
    for (uint16_t g : gids) {
      const hb_codepoint_t to = hb_map_get(old_to_new, g);
      out.gid_of_cid[g] = to == HB_MAP_VALUE_INVALID ? 0 : static_cast<uint16_t>(to);
    }
  } else if (ok) {
    out.program = TableOf(sub, kCff);
    // The subset must still call every glyph by its CID, or the PDF would
    // draw other glyphs than were shaped.
    const std::vector<uint16_t> cids = CffCids(out.program);
    const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
    for (uint16_t g : gids) {
      const hb_codepoint_t to = hb_map_get(old_to_new, g);
      if (to == HB_MAP_VALUE_INVALID || to >= cids.size() || cids[to] != Cid(g)) ok = false;
    }
  }
  hb_face_destroy(sub);
  hb_subset_plan_destroy(plan);
  if (!ok || out.program.empty())
    return core::Status::Internal("HarfBuzz could not subset the font " + face_.path);
  return out;
}

}  // namespace fieldnotes::reports
