// The viewer's icon, drawn from packaging/icons/fieldnotes-viewer.svg
// (built into the program; installed, the launcher uses the same file
// through fieldnotes-viewer.desktop).
#ifndef FIELDNOTES_CLINICIAN_UI_VIEWER_ICON_H_
#define FIELDNOTES_CLINICIAN_UI_VIEWER_ICON_H_

#include <wx/iconbndl.h>

namespace fieldnotes::clinician {

// The SVG text.
extern const char kViewerIconSvg[];

wxIconBundle ViewerIcons();

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_UI_VIEWER_ICON_H_
