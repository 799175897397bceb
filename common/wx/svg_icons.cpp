#include "common/wx/svg_icons.h"

#include <wx/bmpbndl.h>
#include <wx/icon.h>

namespace fieldnotes::wxcommon {

wxIconBundle IconsFromSvg(const char* svg) {
  const wxBitmapBundle bundle = wxBitmapBundle::FromSVG(svg, wxSize(256, 256));
  wxIconBundle icons;
  if (!bundle.IsOk()) return icons;
  for (int size : {16, 24, 32, 48, 64, 128, 256}) {
    wxIcon icon;
    icon.CopyFromBitmap(bundle.GetBitmap(wxSize(size, size)));
    if (icon.IsOk()) icons.AddIcon(icon);
  }
  return icons;
}

}  // namespace fieldnotes::wxcommon
