#include "common/wx/pdf_preview.h"

#include <wx/dcbuffer.h>
#include <wx/settings.h>

#include <algorithm>
#include <cstring>

#include "common/wx/accessible.h"

namespace fieldnotes::wxcommon {

PdfPreview::PdfPreview(wxWindow* parent)
    : wxScrolledWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                       wxVSCROLL | wxHSCROLL | wxBORDER_THEME) {
  SetName(kName);
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  SetScrollRate(FromDIP(20), FromDIP(20));
  Bind(wxEVT_PAINT, &PdfPreview::OnPaint, this);
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    UpdateVirtualSize();
    Refresh();
    e.Skip();
  });
}

void PdfPreview::SetPages(const std::vector<PagePixels>& pages, const wxString& what) {
  Clear();
  for (const PagePixels& p : pages) {
    wxImage image(p.width, p.height, false);
    std::memcpy(image.GetData(), p.rgb.data(), p.rgb.size());
    pages_.push_back(std::move(image));
  }
  wxcommon::SetAccessibleName(this, what + ", " + wxString::Format("%zu", pages_.size()) +
                                        (pages_.size() == 1 ? " page" : " pages"));
  UpdateVirtualSize();
  Refresh();
}

void PdfPreview::Clear() {
  for (wxImage& page : pages_) {
    if (page.IsOk())
      std::memset(page.GetData(), 0, static_cast<size_t>(page.GetWidth()) * page.GetHeight() * 3);
  }
  pages_.clear();
  UpdateVirtualSize();
  Refresh();
}

double PdfPreview::Scale() const {
  if (pages_.empty()) return 1.0;
  const int room = GetClientSize().GetWidth() - 2 * FromDIP(12);
  return std::max(0.1, zoom_ * room / pages_[0].GetWidth());
}

void PdfPreview::UpdateVirtualSize() {
  const double scale = Scale();
  int width = GetClientSize().GetWidth();
  for (const wxImage& page : pages_)
    width = std::max(width, static_cast<int>(page.GetWidth() * scale) + 2 * FromDIP(12));
  SetVirtualSize(width, PageTop(pages_.size()));
}

int PdfPreview::PageTop(size_t index) const {
  const double scale = Scale();
  int y = FromDIP(12);
  for (size_t i = 0; i < index && i < pages_.size(); ++i)
    y += static_cast<int>(pages_[i].GetHeight() * scale) + FromDIP(12);
  return y;
}

void PdfPreview::SetZoom(double zoom) {
  const size_t keep = current_page();
  zoom_ = std::clamp(zoom, kMinZoom, kMaxZoom);
  UpdateVirtualSize();
  ShowPage(keep);
  Refresh();
}

void PdfPreview::ShowPage(size_t index) {
  if (pages_.empty()) return;
  index = std::min(index, pages_.size() - 1);
  int unit_x = 1, unit_y = 1;
  GetScrollPixelsPerUnit(&unit_x, &unit_y);
  int x = 0;
  GetViewStart(&x, nullptr);
  Scroll(x, (PageTop(index) - FromDIP(12)) / std::max(1, unit_y));
  Refresh();
}

size_t PdfPreview::current_page() const {
  int top = 0;
  CalcUnscrolledPosition(0, 0, nullptr, &top);
  // The page whose top is nearest above the middle of the view's first
  // third counts as the one being read.
  const int probe = top + GetClientSize().GetHeight() / 3;
  size_t current = 0;
  for (size_t i = 0; i < pages_.size(); ++i) {
    if (PageTop(i) <= probe) current = i;
  }
  return current;
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

}  // namespace fieldnotes::wxcommon
