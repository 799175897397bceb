#include "ui/kind_icons.h"

#include <wx/graphics.h>
#include <wx/image.h>
#include <wx/imaglist.h>
#include <wx/pen.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <memory>

namespace fieldnotes::client {
namespace {

using core::EntryKind;

// Shapes in a 16 x 16 design grid, scaled to the requested size.
void Draw(wxGraphicsContext& gc, EntryKind kind, double s) {
  auto p = [s](double v) { return v * s / 16.0; };
  wxGraphicsPath path = gc.CreatePath();
  switch (kind) {
    case EntryKind::kSpike:  // a pulse line with one tall peak
      path.MoveToPoint(p(1), p(11));
      path.AddLineToPoint(p(5), p(11));
      path.AddLineToPoint(p(7), p(2));
      path.AddLineToPoint(p(9.5), p(14));
      path.AddLineToPoint(p(11), p(11));
      path.AddLineToPoint(p(15), p(11));
      gc.StrokePath(path);
      break;
    case EntryKind::kLoop: {  // most of a circle, with an arrow head
      path.AddArc(p(8), p(8.5), p(5.5), M_PI * 0.15, M_PI * 1.85, true);
      gc.StrokePath(path);
      wxGraphicsPath head = gc.CreatePath();
      const double x = p(8) + p(5.5) * std::cos(M_PI * 1.85);
      const double y = p(8.5) + p(5.5) * std::sin(M_PI * 1.85);
      head.MoveToPoint(x - p(3.5), y - p(0.5));
      head.AddLineToPoint(x + p(0.5), y + p(0.5));
      head.AddLineToPoint(x + p(0.5), y - p(3.5));
      gc.StrokePath(head);
      break;
    }
    case EntryKind::kThread: {  // a wavy line ending in a knot
      path.MoveToPoint(p(1), p(12));
      path.AddCurveToPoint(p(4), p(4), p(7), p(16), p(10), p(8));
      gc.StrokePath(path);
      gc.DrawEllipse(p(10), p(3.5), p(5), p(5));
      break;
    }
    case EntryKind::kNote:  // a page with lines of writing
      gc.DrawRectangle(p(3), p(1.5), p(10), p(13));
      for (double y : {5.0, 8.0, 11.0}) {
        wxGraphicsPath line = gc.CreatePath();
        line.MoveToPoint(p(5.5), p(y));
        line.AddLineToPoint(p(10.5), p(y));
        gc.StrokePath(line);
      }
      break;
  }
}

}  // namespace

wxBitmap KindIcon(EntryKind kind, int size, const wxColour& colour) {
  wxImage image(size, size);
  image.InitAlpha();
  unsigned char* alpha = image.GetAlpha();
  std::fill(alpha, alpha + size * size, 0);
  {
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(image));
    if (gc) {
      gc->SetAntialiasMode(wxANTIALIAS_DEFAULT);
      gc->SetPen(wxPen(colour, std::max(1, size / 10)));
      gc->SetBrush(*wxTRANSPARENT_BRUSH);
      Draw(*gc, kind, size);
    }
  }  // the context writes into `image` when it goes away
  return wxBitmap(image);
}

wxImageList* MakeKindImageList(int size, const wxColour& colour) {
  auto* list =
      new wxImageList(size, size, false, static_cast<int>(std::size(core::kEntryKinds)));
  for (const core::EntryKindInfo& k : core::kEntryKinds) list->Add(KindIcon(k.kind, size, colour));
  return list;
}

// The list holds core::kEntryKinds in its order, which is the enum's.
int KindImageIndex(EntryKind kind) { return static_cast<int>(kind); }

}  // namespace fieldnotes::client
