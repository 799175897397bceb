#include "ui/pdf_preview.h"

#include <wx/dcbuffer.h>
#include <wx/settings.h>

#include <algorithm>
#include <cstring>

#include "common/wx/accessible.h"

namespace fieldnotes::client {

PdfPreview::PdfPreview(wxWindow* parent)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                       wxVSCROLL | wxBORDER_THEME) {
  SetName(kName);
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  SetScrollRate(0, FromDIP(20));
  Bind(wxEVT_PAINT, &PdfPreview::OnPaint, this);
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    UpdateVirtualSize();
    Refresh();
    e.Skip();
  });
}

void PdfPreview::SetPages(const std::vector<PagePixels>& pages) {
  pages_.clear();
  for (const PagePixels& p : pages) {
    wxImage image(p.width, p.height, false);
    std::memcpy(image.GetData(), p.rgb.data(), p.rgb.size());
    pages_.push_back(std::move(image));
  }
  wxcommon::SetAccessibleName(this, "Preview of the report, " +
                                        wxString::Format("%zu", pages_.size()) +
                                        (pages_.size() == 1 ? " page" : " pages"));
  UpdateVirtualSize();
  Refresh();
}

void PdfPreview::Clear() {
  pages_.clear();
  UpdateVirtualSize();
  Refresh();
}

double PdfPreview::Scale() const {
  if (pages_.empty()) return 1.0;
  const int room = GetClientSize().GetWidth() - 2 * FromDIP(12);
  return std::max(0.1, static_cast<double>(room) / pages_[0].GetWidth());
}

void PdfPreview::UpdateVirtualSize() {
  const double scale = Scale();
  int height = FromDIP(12);
  for (const wxImage& page : pages_)
    height += static_cast<int>(page.GetHeight() * scale) + FromDIP(12);
  SetVirtualSize(GetClientSize().GetWidth(), height);
}

void PdfPreview::OnPaint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_APPWORKSPACE)));
  dc.Clear();
  DoPrepareDC(dc);
  dc.SetBrush(*wxWHITE_BRUSH);
  const double scale = Scale();
  const int margin = FromDIP(12);
  int y = margin;
  for (const wxImage& page : pages_) {
    const int w = static_cast<int>(page.GetWidth() * scale);
    const int h = static_cast<int>(page.GetHeight() * scale);
    // Only the pages in view are scaled and drawn.
    int view_top = 0;
    CalcUnscrolledPosition(0, 0, nullptr, &view_top);
    if (y + h >= view_top && y <= view_top + GetClientSize().GetHeight()) {
      dc.SetPen(wxPen(wxSystemSettings::GetColour(wxSYS_COLOUR_3DSHADOW)));
      dc.DrawRectangle(margin - 1, y - 1, w + 2, h + 2);
      dc.DrawBitmap(wxBitmap(page.Scale(w, h, wxIMAGE_QUALITY_HIGH)), margin, y);
    }
    y += h + margin;
  }
}

}  // namespace fieldnotes::client
