// What the client_ui tests share: a temporary folder with a journal in it,
// a MainFrame on that journal, and the small verbs of driving a window
// (find a control by name, type into it, click, wait for the event loop).
#ifndef FIELDNOTES_TESTS_CLIENT_UI_UI_FIXTURE_H_
#define FIELDNOTES_TESTS_CLIENT_UI_UI_FIXTURE_H_

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/modalhook.h>
#include <wx/weakref.h>
#include <wx/window.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/journal.h"
#include "support/temp_dir.h"
#include "ui/main_frame.h"

namespace fieldnotes::testing {

inline constexpr char kPassphrase[] = "a quiet walk by the river";

// Every modal dialog the app tries to show is recorded and answered with
// Cancel instead of blocking the test.
class DialogRecorder : public wxModalDialogHook {
 public:
  static void Install();
  static void Uninstall();
  static std::vector<wxString>& shown();

 protected:
  int Enter(wxDialog* dialog) override;
  void Exit(wxDialog* dialog) override {}
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

// A journal file made with core directly (fast key derivation).
std::unique_ptr<core::Journal> MakeJournal(const std::string& path,
                                           const std::vector<core::Entry>& entries = {});
core::Entry MakeEntry(core::EntryKind kind, const std::string& text, int days_ago = 0);

// A MainFrame on a journal in a fresh temporary folder.
class FrameFixture {
 public:
  FrameFixture();
  ~FrameFixture();

  client::AppOptions Options() const;
  // Makes a new frame (destroying the current one, as closing would).
  void OpenFrame();
  // Destroys the frame without closing it, as a crash would.
  void DestroyFrame();
  // Unlocks with kPassphrase; fails the test if it does not open.
  void Unlock();
  client::MainFrame& frame() { return *frame_; }
  bool has_frame() const { return frame_.get() != nullptr; }

  TempDir dir;
  std::string journal_path;

 private:
  wxWeakRef<client::MainFrame> frame_;
};

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_CLIENT_UI_UI_FIXTURE_H_
