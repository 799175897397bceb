#include "common/wx/pdf_preview.h"

#include <wx/dcbuffer.h>
#include <wx/settings.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "common/wx/accessible.h"
#include "common/wx/str_helpers.h"

namespace fieldnotes::wxcommon {

struct PdfPreview::Drawn {
  core::Result<std::vector<PagePixels>> pages = std::vector<PagePixels>{};
  ~Drawn() {
    if (!pages.ok()) return;
    for (PagePixels& p : *pages) std::fill(p.rgb.begin(), p.rgb.end(), 0);
  }
};

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
    Sharpen();
    e.Skip();
  });
}

PdfPreview::~PdfPreview() {
  ++generation_;
  renderer_ = nullptr;
  StopWorker();
  Wipe(pages_);
  Wipe(sharp_);
}

void PdfPreview::SetRenderer(Renderer render, double drawn_dpi) {
  ++generation_;
  Wipe(sharp_);
  sharp_dpi_ = 0;
  renderer_ = std::move(render);
  drawn_dpi_ = drawn_dpi;
  Sharpen();
}

double PdfPreview::WantedDpi() const {
  if (pages_.empty() || drawn_dpi_ <= 0) return 0;
  // On a screen that doubles every pixel (GDK_SCALE=2), a page shown 500
  // pixels wide is 1000 pixels of the screen: draw it for those.
  const double scale = Scale() * GetContentScaleFactor();
  if (scale <= 1.05) return 0;  // shrunk, or near enough the size drawn
  // In steps of 10 dpi, so a small change of width does not draw again.
  return std::min(kMaxDpi, std::ceil(drawn_dpi_ * scale / 10) * 10);
}

void PdfPreview::Sharpen() {
  if (!renderer_ || working_dpi_ > 0) return;  // a drawing under way calls again when done
  const double wanted = WantedDpi();
  if (wanted <= drawn_dpi_ || (!sharp_.empty() && sharp_dpi_ == wanted)) return;
  StopWorker();  // the last one finished; let its thread go
  working_dpi_ = wanted;
  worker_ = std::thread([this, render = renderer_, wanted, generation = generation_] {
    auto drawn = std::make_shared<Drawn>();
    drawn->pages = render(wanted);
    // Thread-safe: queues the call for the UI thread.
    CallAfter([this, generation, wanted, drawn] { OnSharpened(generation, wanted, drawn); });
  });
}

void PdfPreview::OnSharpened(uint64_t generation, double dpi, const std::shared_ptr<Drawn>& drawn) {
  working_dpi_ = 0;
  if (generation == generation_ && drawn->pages.ok() && drawn->pages->size() == pages_.size()) {
    Wipe(sharp_);
    for (const PagePixels& p : *drawn->pages) {
      wxImage image(p.width, p.height, false);
      std::memcpy(image.GetData(), p.rgb.data(), p.rgb.size());
      sharp_.push_back(std::move(image));
    }
    sharp_dpi_ = dpi;
    scaled_.clear();
    Refresh();
  }
  Sharpen();  // the zoom may have moved on meanwhile
}

void PdfPreview::StopWorker() {
  if (worker_.joinable()) worker_.join();
}

void PdfPreview::Wipe(std::vector<wxImage>& images) {
  for (wxImage& image : images) {
    if (image.IsOk()) {
      std::memset(image.GetData(), 0,
                  static_cast<size_t>(image.GetWidth()) * image.GetHeight() * 3);
    }
  }
  images.clear();
}

const wxBitmap& PdfPreview::Scaled(size_t i, int w, int h) {
  const bool sharp = sharp_.size() == pages_.size() && WantedDpi() > 0;
  if (scaled_.size() != pages_.size()) scaled_.assign(pages_.size(), ScaledPage{});
  ScaledPage& s = scaled_[i];
  if (!s.bitmap.IsOk() || s.width != w || s.height != h || s.sharp != sharp) {
    const wxImage& source = sharp ? sharp_[i] : pages_[i];
    // w x h are the view's pixels; the bitmap has the screen's pixels.
    const double factor = GetContentScaleFactor();
    s.bitmap = wxBitmap(
        source.Scale(std::max(1, static_cast<int>(std::lround(w * factor))),
                     std::max(1, static_cast<int>(std::lround(h * factor))), wxIMAGE_QUALITY_HIGH),
        wxBITMAP_SCREEN_DEPTH, factor);
    s.width = w;
    s.height = h;
    s.sharp = sharp;
  }
  return s.bitmap;
}

void PdfPreview::SetPages(const std::vector<PagePixels>& pages, const wxString& what) {
  Clear();
  for (const PagePixels& p : pages) {
    wxImage image(p.width, p.height, false);
    std::memcpy(image.GetData(), p.rgb.data(), p.rgb.size());
    pages_.push_back(std::move(image));
  }
  // TRANSLATORS: the name a screen reader says for the pages shown: %1$s
  // says what they are ("Report from Sam"), %2$zu how many pages.
  wxcommon::SetAccessibleName(this,
                              wxString::Format(wxPLURAL("%1$s, %2$zu page", "%1$s, %2$zu pages",
                                                        wxcommon::PluralCount(pages_.size())),
                                               what, pages_.size()));
  UpdateVirtualSize();
  Refresh();
}

void PdfPreview::Clear() {
  ++generation_;
  renderer_ = nullptr;
  drawn_dpi_ = 0;
  Wipe(pages_);
  Wipe(sharp_);
  sharp_dpi_ = 0;
  scaled_.clear();
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
  Sharpen();
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
  for (size_t i = 0; i < pages_.size(); ++i) {
    const wxImage& page = pages_[i];
    const int w = static_cast<int>(page.GetWidth() * scale);
    const int h = static_cast<int>(page.GetHeight() * scale);
    // Only the pages in view are scaled and drawn.
    int view_top = 0;
    CalcUnscrolledPosition(0, 0, nullptr, &view_top);
    if (y + h >= view_top && y <= view_top + GetClientSize().GetHeight()) {
      dc.SetPen(wxPen(wxSystemSettings::GetColour(wxSYS_COLOUR_3DSHADOW)));
      dc.DrawRectangle(margin - 1, y - 1, w + 2, h + 2);
      dc.DrawBitmap(Scaled(i, w, h), margin, y);
    }
    y += h + margin;
  }
}

}  // namespace fieldnotes::wxcommon
