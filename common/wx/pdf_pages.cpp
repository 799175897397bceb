#include "common/wx/pdf_pages.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <cstring>
#include <memory>

namespace fieldnotes::wxcommon {

core::Result<std::vector<PagePixels>> RenderPdfPages(std::string_view pdf, double dpi) {
  // poppler prints what it tolerates in a PDF to stderr; a failure that
  // matters comes back as a value below.
  static const bool quiet = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)quiet;
  // poppler-cpp takes a non-const buffer but only reads it.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(pdf.data(), static_cast<int>(pdf.size())));
  if (!doc || doc->is_locked()) return core::Status::Corruption("the PDF could not be read");
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_rgb24);
  renderer.set_paper_color(0xffffffff);
  std::vector<PagePixels> pages;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) return core::Status::Corruption("a page of the PDF could not be read");
    poppler::image img = renderer.render_page(page.get(), dpi, dpi);
    if (!img.is_valid()) return core::Status::Internal("a page of the PDF could not be drawn");
    PagePixels out;
    out.width = img.width();
    out.height = img.height();
    out.rgb.resize(static_cast<size_t>(out.width) * out.height * 3);
    const char* data = img.const_data();
    const int stride = img.bytes_per_row();
    // format_rgb24 is R, G, B bytes in this poppler (Splash's RGB8); older
    // ones used 32 bits a pixel, 0xffRRGGBB in native byte order.
    const bool packed = stride < 4 * out.width;
    for (int y = 0; y < out.height; ++y) {
      const auto* row = reinterpret_cast<const uint8_t*>(data + static_cast<size_t>(y) * stride);
      uint8_t* dst = out.rgb.data() + static_cast<size_t>(y) * out.width * 3;
      if (packed) {
        std::memcpy(dst, row, static_cast<size_t>(out.width) * 3);
        continue;
      }
      for (int x = 0; x < out.width; ++x) {
        uint32_t px;
        std::memcpy(&px, row + 4 * x, sizeof px);
        dst[3 * x] = static_cast<uint8_t>(px >> 16);
        dst[3 * x + 1] = static_cast<uint8_t>(px >> 8);
        dst[3 * x + 2] = static_cast<uint8_t>(px);
      }
    }
    pages.push_back(std::move(out));
  }
  return pages;
}

}  // namespace fieldnotes::wxcommon
