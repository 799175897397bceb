#include "common/wx/screen_fit.h"

#include <wx/display.h>
#include <wx/scrolwin.h>
#include <wx/toplevel.h>

#include <algorithm>

namespace fieldnotes::wxcommon {

wxSize FitSize(const wxSize& wanted, const wxSize& least, const wxRect& room, const wxSize& frame) {
  const int max_w = std::max(1, room.GetWidth() - frame.GetWidth());
  const int max_h = std::max(1, room.GetHeight() - frame.GetHeight());
  return wxSize(std::min(max_w, std::max(wanted.GetWidth(), least.GetWidth())),
                std::min(max_h, std::max(wanted.GetHeight(), least.GetHeight())));
}

wxRect WorkArea(const wxWindow* window) {
  // wxDisplay(window) falls back to the primary display for a window not
  // shown yet. On GTK the geometry is in logical pixels already, as the
  // window sizes are: with GDK_SCALE=2, a 1920x1080 screen is 960x540.
  const wxDisplay display(window);
  wxRect area = display.GetClientArea();
  if (area.IsEmpty()) area = display.GetGeometry();
  return area;
}

void FitOnScreen(wxTopLevelWindow* window, const wxSize& wanted) {
  const wxRect area = WorkArea(window);
  // Room for the title bar and borders a window manager adds.
  const wxSize frame = window->FromDIP(wxSize(16, 48));
  wxSize least = window->GetMinSize();
  if (least.GetWidth() < 0) least.SetWidth(0);
  if (least.GetHeight() < 0) least.SetHeight(0);
  const wxSize size = FitSize(wanted, least, area, frame);
  // A screen smaller than the least size: the least size gives way.
  if (least.GetWidth() > size.GetWidth() || least.GetHeight() > size.GetHeight()) {
    window->SetMinSize(wxSize(std::min(least.GetWidth(), size.GetWidth()),
                              std::min(least.GetHeight(), size.GetHeight())));
  }
  window->SetSize(size);
  wxPoint at = window->GetPosition();
  at.x = std::clamp(at.x, area.GetLeft(), std::max(area.GetLeft(), area.GetRight() - size.x));
  at.y = std::clamp(at.y, area.GetTop(), std::max(area.GetTop(), area.GetBottom() - size.y));
  window->Move(at);
}

void RelayoutParent(wxWindow* child) {
  wxWindow* parent = child->GetParent();
  if (parent == nullptr) return;
  child->InvalidateBestSize();
  if (auto* scrolled = dynamic_cast<wxScrolledWindow*>(parent)) scrolled->FitInside();
  parent->Layout();
}

}  // namespace fieldnotes::wxcommon
