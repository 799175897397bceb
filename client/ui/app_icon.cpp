#include "ui/app_icon.h"

#include <wx/bmpbndl.h>
#include <wx/icon.h>

namespace fieldnotes::client {

wxIconBundle AppIcons() {
  const wxBitmapBundle svg = wxBitmapBundle::FromSVG(kAppIconSvg, wxSize(256, 256));
  wxIconBundle icons;
  if (!svg.IsOk()) return icons;
  for (int size : {16, 24, 32, 48, 64, 128, 256}) {
    wxIcon icon;
    icon.CopyFromBitmap(svg.GetBitmap(wxSize(size, size)));
    if (icon.IsOk()) icons.AddIcon(icon);
  }
  return icons;
}

}  // namespace fieldnotes::client
