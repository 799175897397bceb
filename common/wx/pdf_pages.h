// PdfPages: the pages of a PDF as pictures, for a preview and for printing
// (poppler-cpp draws them, from memory: the PDF is never written to a file).
// No wx here, so it can run on a worker thread; the caller turns the pixels
// into bitmaps on the UI thread.
#ifndef FIELDNOTES_COMMON_WX_PDF_PAGES_H_
#define FIELDNOTES_COMMON_WX_PDF_PAGES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace fieldnotes::wxcommon {

struct PagePixels {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgb;  // width * height * 3 bytes, rows top to bottom
};

// Every page of `pdf` drawn at `dpi` on white. Corruption when the bytes
// are not a PDF poppler can read.
core::Result<std::vector<PagePixels>> RenderPdfPages(std::string_view pdf, double dpi);

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_PDF_PAGES_H_
