// ViewerApp: the clinician viewer's wxApp. Reads the command line (--keys
// PATH, the same key file fieldnotes-clinician uses) and
// FIELDNOTES_PASSPHRASE (for scripts), opens the ViewerFrame, reports key
// presses and clicks to the auto-lock, and turns an escaped exception into
// calm words.
#ifndef FIELDNOTES_CLINICIAN_UI_VIEWER_APP_H_
#define FIELDNOTES_CLINICIAN_UI_VIEWER_APP_H_

#include <wx/app.h>
#include <wx/weakref.h>

#include "clinician/ui/viewer_frame.h"
#include "clinician/ui/viewer_options.h"

namespace fieldnotes::clinician {

class ViewerApp : public wxApp {
 public:
  bool OnInit() override;
  void OnInitCmdLine(wxCmdLineParser& parser) override;
  // The app's own options (also listed by --help before the display opens).
  static void AddOptions(wxCmdLineParser& parser);
  bool OnCmdLineParsed(wxCmdLineParser& parser) override;
  int FilterEvent(wxEvent& event) override;
  bool OnExceptionInMainLoop() override;
  void OnUnhandledException() override;

 private:
  ViewerOptions options_;
  wxWeakRef<ViewerFrame> frame_;
};

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_UI_VIEWER_APP_H_
