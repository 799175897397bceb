// PdfPreview: the real pages of a PDF, one under the other, scaled to the
// width of the view times a zoom. It shows pixels a worker drew
// (pdf_pages.h); Clear() overwrites them before letting them go, since they
// are a picture of the document.
#ifndef FIELDNOTES_COMMON_WX_PDF_PREVIEW_H_
#define FIELDNOTES_COMMON_WX_PDF_PREVIEW_H_

#include <wx/image.h>
#include <wx/scrolwin.h>

#include <vector>

#include "common/wx/pdf_pages.h"

namespace fieldnotes::wxcommon {

class PdfPreview : public wxScrolledWindow {
 public:
  static constexpr char kName[] = "report_preview";

  explicit PdfPreview(wxWindow* parent);

  // `what` begins the accessible name ("Preview of the report").
  void SetPages(const std::vector<PagePixels>& pages,
                const wxString& what = "Preview of the report");
  void Clear();
  size_t page_count() const { return pages_.size(); }
  const wxImage& page(size_t i) const { return pages_[i]; }

  // 1.0 fits the page width to the view; kept within [kMinZoom, kMaxZoom].
  static constexpr double kMinZoom = 0.5;
  static constexpr double kMaxZoom = 4.0;
  void SetZoom(double zoom);
  double zoom() const { return zoom_; }
  // Scrolls so page `index` (0-based) starts at the top of the view.
  void ShowPage(size_t index);
  // The page at the top of the view (0-based).
  size_t current_page() const;

 private:
  void OnPaint(wxPaintEvent& e);
  void UpdateVirtualSize();
  double Scale() const;
  int PageTop(size_t index) const;

  std::vector<wxImage> pages_;
  double zoom_ = 1.0;
};

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_PDF_PREVIEW_H_
