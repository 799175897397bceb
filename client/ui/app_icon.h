// The app's icon, drawn from packaging/icons/fieldnotes.svg (built into the
// program, so the window has it wherever the app is run from; installed,
// the desktop's launcher uses the same file through fieldnotes.desktop).
#ifndef FIELDNOTES_CLIENT_UI_APP_ICON_H_
#define FIELDNOTES_CLIENT_UI_APP_ICON_H_

#include <wx/iconbndl.h>

namespace fieldnotes::client {

// The SVG text.
extern const char kAppIconSvg[];

// The icon at the sizes window managers ask for (16 to 256 pixels).
wxIconBundle AppIcons();

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_APP_ICON_H_
