// What the desktop apps' tests share (client_ui_tests, viewer_ui_tests):
// modal dialogs answered instead of waited on, wx assertions that fail the
// test, and the small verbs of driving a window (find a control by name,
// click, wait for the event loop).
#ifndef FIELDNOTES_TESTS_SUPPORT_WX_UI_H_
#define FIELDNOTES_TESTS_SUPPORT_WX_UI_H_

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/modalhook.h>
#include <wx/window.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace fieldnotes::testing {

// Every modal dialog the app tries to show is recorded and answered with
// Cancel instead of blocking the test.
class DialogRecorder : public wxModalDialogHook {
 public:
  static void Install();
  static void Uninstall();
  static std::vector<wxString>& shown();

 protected:
  int Enter(wxDialog* dialog) override;
  void Exit(wxDialog* /*dialog*/) override {}
};

// wx assertions fail the test instead of opening a dialog that waits for
// a person: every message is kept here, and each fixture checks it is empty.
void InstallAssertHandler();
std::vector<std::string>& FailedAsserts();

// Runs the event loop until `done()` or the timeout; returns done().
bool WaitUntil(const std::function<bool()>& done,
               std::chrono::milliseconds timeout = std::chrono::seconds(10));
// Runs the event loop for about `ms` milliseconds.
void Pump(int ms = 50);

// The descendant of `parent` with this name, cast to T (nullptr if absent
// or of another type).
template <typename T>
T* Find(wxWindow* parent, const wxString& name) {
  return dynamic_cast<T*>(wxWindow::FindWindowByName(name, parent));
}

// A click, as the button would send it.
void Click(wxButton* button);
// Every text a text control or combo box in `root` holds, joined.
std::string AllText(wxWindow* root);

// The main() of a desktop app's test suite: wxWidgets initialised once
// (a plain wxApp on the display xvfb-run gives; the tests make their own
// windows), the dialog recorder and assert handler installed, then
// Boost.Test runs the cases of the suite named `name`.
int RunWxTests(int argc, char* argv[], const char* name);

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_SUPPORT_WX_UI_H_
