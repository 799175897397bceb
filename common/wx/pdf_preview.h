// PdfPreview: the real pages of a PDF, one under the other, scaled to the
// width of the view times a zoom. It shows pixels a worker drew
// (pdf_pages.h); Clear() overwrites them before letting them go, since they
// are a picture of the document.
//
// Zoomed in past the size the pages were drawn at, they would be blown-up
// pixels. Given a renderer (SetRenderer), the preview has the pages drawn
// again at the resolution the zoom needs (up to kMaxDpi), on a thread of its
// own, and shows them when they are ready; until then, the scaled ones.
// Each page is scaled once per size, not at every paint.
#ifndef FIELDNOTES_COMMON_WX_PDF_PREVIEW_H_
#define FIELDNOTES_COMMON_WX_PDF_PREVIEW_H_

#include <wx/image.h>
#include <wx/scrolwin.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

#include "common/wx/pdf_pages.h"

namespace fieldnotes::wxcommon {

class PdfPreview : public wxScrolledWindow {
 public:
  static constexpr char kName[] = "report_preview";

  explicit PdfPreview(wxWindow* parent);
  ~PdfPreview() override;

  // `what` begins the accessible name ("Preview of the report").
  void SetPages(const std::vector<PagePixels>& pages,
                const wxString& what = "Preview of the report");
  // Draws every page at `dpi`; called on a thread of the preview's own, so
  // it must hold what it draws from. `drawn_dpi`: what SetPages' pages were
  // drawn at. Cleared by Clear() and SetPages().
  using Renderer = std::function<core::Result<std::vector<PagePixels>>(double dpi)>;
  void SetRenderer(Renderer render, double drawn_dpi);
  static constexpr double kMaxDpi = 300;
  // The resolution of the pages shown now (drawn_dpi until sharper ones
  // arrive); for tests.
  double shown_dpi() const { return sharp_.empty() ? drawn_dpi_ : sharp_dpi_; }

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
  // The resolution the current zoom and width need; 0 when the pages as
  // drawn are enough.
  double WantedDpi() const;
  // Starts drawing sharper pages when they are wanted and not under way.
  void Sharpen();
  struct Drawn;  // pages a worker drew, wiped when let go
  void OnSharpened(uint64_t generation, double dpi, const std::shared_ptr<Drawn>& drawn);
  void StopWorker();
  static void Wipe(std::vector<wxImage>& images);
  // The bitmap of page `i` at w x h, from the sharp pages when there are.
  const wxBitmap& Scaled(size_t i, int w, int h);

  std::vector<wxImage> pages_;
  double zoom_ = 1.0;

  Renderer renderer_;
  double drawn_dpi_ = 0;
  std::vector<wxImage> sharp_;  // all pages at sharp_dpi_, or none
  double sharp_dpi_ = 0;
  std::thread worker_;
  double working_dpi_ = 0;  // the resolution being drawn; 0 when idle
  // Bumped by SetPages, Clear and SetRenderer: a drawing that finishes
  // after is for pages no longer shown, and is wiped unseen.
  uint64_t generation_ = 0;

  struct ScaledPage {
    wxBitmap bitmap;
    int width = 0;
    int height = 0;
    bool sharp = false;
  };
  std::vector<ScaledPage> scaled_;
};

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_PDF_PREVIEW_H_
