// --help and --version for the desktop apps, answered before wxWidgets
// opens the display: they work over ssh and on a build machine without
// one, which is where the man pages are generated from this output.
#ifndef FIELDNOTES_COMMON_WX_INFO_OPTIONS_H_
#define FIELDNOTES_COMMON_WX_INFO_OPTIONS_H_

#include <wx/cmdline.h>

namespace fieldnotes::wxcommon {

struct AppInfo {
  const char* program;      // "fieldnotes"
  const char* version;      // "0.1.0"
  const char* description;  // a paragraph, shown above the options; marked
                            // with wxTRANSLATE, translated when shown
  // Adds the app's own options; the same function the wxApp's
  // OnInitCmdLine calls, so the options are described once.
  void (*add_options)(wxCmdLineParser& parser);
};

// Prints the help (for -h or --help) or the version (for --version) on
// standard output and returns 0; returns -1 when neither was asked for,
// and the app starts normally.
int AnswerInfoOptions(int argc, char** argv, const AppInfo& info);

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_INFO_OPTIONS_H_
