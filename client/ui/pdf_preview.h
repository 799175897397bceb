// PdfPreview: the real pages of a PDF, one under the other, scaled to the
// width of the view. It shows pixels a worker drew (pdf_pages.h).
#ifndef FIELDNOTES_CLIENT_UI_PDF_PREVIEW_H_
#define FIELDNOTES_CLIENT_UI_PDF_PREVIEW_H_

#include <wx/image.h>
#include <wx/scrolwin.h>

#include <vector>

#include "ui/pdf_pages.h"

namespace fieldnotes::client {

class PdfPreview : public wxScrolledWindow {
 public:
  static constexpr char kName[] = "report_preview";

  explicit PdfPreview(wxWindow* parent);

  void SetPages(const std::vector<PagePixels>& pages);
  void Clear();
  size_t page_count() const { return pages_.size(); }

 private:
  void OnPaint(wxPaintEvent& e);
  void UpdateVirtualSize();
  double Scale() const;

  std::vector<wxImage> pages_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_PDF_PREVIEW_H_
