// fieldnotes-viewer: the clinician's desktop viewer. Everything lives in
// clinician_ui.
#include "clinician/ui/viewer_app.h"

wxIMPLEMENT_APP(fieldnotes::clinician::ViewerApp);
