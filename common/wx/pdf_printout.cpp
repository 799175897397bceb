#include "common/wx/pdf_printout.h"

#include <wx/dc.h>
#include <wx/image.h>

#include <algorithm>
#include <cstring>

namespace fieldnotes::wxcommon {

PdfPrintout::PdfPrintout(std::string pdf, const wxString& title)
    : wxPrintout(title), pdf_(std::move(pdf)) {}

void PdfPrintout::OnPreparePrinting() {
  int ppi_x = 0, ppi_y = 0;
  GetPPIPrinter(&ppi_x, &ppi_y);
  const double dpi = std::clamp(static_cast<double>(std::max(ppi_x, ppi_y)), 72.0, 300.0);
  auto pages = RenderPdfPages(pdf_.str(), dpi);
  if (pages.ok()) pages_ = std::move(pages).value();
}

bool PdfPrintout::HasPage(int page) {
  return page >= 1 && static_cast<size_t>(page) <= pages_.size();
}

void PdfPrintout::GetPageInfo(int* min_page, int* max_page, int* from, int* to) {
  *min_page = *from = 1;
  *max_page = *to = static_cast<int>(pages_.size());
}

bool PdfPrintout::OnPrintPage(int page) {
  if (!HasPage(page)) return false;
  const PagePixels& p = pages_[static_cast<size_t>(page - 1)];
  wxImage image(p.width, p.height, false);
  std::memcpy(image.GetData(), p.rgb.data(), p.rgb.size());
  // The page already has its margins: fit it to the whole paper.
  FitThisSizeToPaper(wxSize(p.width, p.height));
  GetDC()->DrawBitmap(wxBitmap(image), 0, 0);
  return true;
}

}  // namespace fieldnotes::wxcommon
