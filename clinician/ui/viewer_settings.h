// ViewerLook: how the viewer's window was arranged when it was last used
// (nothing about clients, reports or the server), kept between runs in a
// small settings file, $XDG_CONFIG_HOME/fieldnotes-viewer/viewer.ini.
#ifndef FIELDNOTES_CLINICIAN_UI_VIEWER_SETTINGS_H_
#define FIELDNOTES_CLINICIAN_UI_VIEWER_SETTINGS_H_

#include <string>

namespace fieldnotes::clinician {

struct ViewerLook {
  // The clients and reports lists stay beside an open report (View, Lists
  // beside a report, F9); when false, the report takes the whole width.
  bool lists_beside_report = true;
};

// $XDG_CONFIG_HOME/fieldnotes-viewer/viewer.ini when XDG_CONFIG_HOME is an
// absolute path, else $HOME/.config/fieldnotes-viewer/viewer.ini.
std::string DefaultViewerSettingsPath();

// What `path` holds; the defaults when `path` is empty, missing or
// unreadable (a look is never worth an error).
ViewerLook LoadLook(const std::string& path);

// Writes `look` to `path`, making its folders (0700). False when it could
// not be written (or `path` is empty): the look is then simply not kept.
bool SaveLook(const std::string& path, const ViewerLook& look);

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_UI_VIEWER_SETTINGS_H_
