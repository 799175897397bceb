// What the client_ui tests share: a temporary folder with a journal in it
// and a MainFrame on that journal (the verbs of driving a window are in
// support/wx_ui.h).
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
#include "support/wx_ui.h"
#include "ui/main_frame.h"

namespace fieldnotes::testing {

inline constexpr char kPassphrase[] = "a quiet walk by the river";

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
