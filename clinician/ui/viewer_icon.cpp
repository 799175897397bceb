#include "clinician/ui/viewer_icon.h"

#include "common/wx/svg_icons.h"

namespace fieldnotes::clinician {

wxIconBundle ViewerIcons() { return wxcommon::IconsFromSvg(kViewerIconSvg); }

}  // namespace fieldnotes::clinician
