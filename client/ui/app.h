// App: the client's wxApp. Reads the command line (--journal PATH) and
// FIELDNOTES_PASSPHRASE (for scripts), opens the MainFrame, reports key
// presses and clicks to the auto-lock, and is the last-resort handler that
// turns an escaped exception into calm words.
#ifndef FIELDNOTES_CLIENT_UI_APP_H_
#define FIELDNOTES_CLIENT_UI_APP_H_

#include <wx/app.h>
#include <wx/weakref.h>

#include "ui/app_options.h"
#include "ui/main_frame.h"

namespace fieldnotes::client {

class App : public wxApp {
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
  AppOptions options_;
  wxWeakRef<MainFrame> frame_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_APP_H_
