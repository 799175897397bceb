#include "ui_fixture.h"

#include <wx/app.h>
#include <wx/combobox.h>
#include <wx/richmsgdlg.h>
#include <wx/textctrl.h>
#include <wx/weakref.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <thread>

#include "ui/unlock_panel.h"

namespace fieldnotes::testing {
namespace {
DialogRecorder* g_recorder = nullptr;
}

void DialogRecorder::Install() {
  g_recorder = new DialogRecorder;
  g_recorder->Register();
}

void DialogRecorder::Uninstall() {
  g_recorder->Unregister();
  delete g_recorder;
  g_recorder = nullptr;
}

std::vector<wxString>& DialogRecorder::shown() {
  static std::vector<wxString> titles;
  return titles;
}

int DialogRecorder::Enter(wxDialog* dialog) {
  wxString what;
  if (dialog != nullptr) {
    what = dialog->GetTitle() + ": " + dialog->GetLabel();
    // A message, and what is behind its "details" expander.
    if (auto* message = dynamic_cast<wxRichMessageDialog*>(dialog))
      what += " | " + message->GetMessage() + " | details: " + message->GetDetailedText();
  }
  shown().push_back(what);
  return wxID_CANCEL;
}

std::vector<std::string>& FailedAsserts() {
  static std::vector<std::string> failed;
  return failed;
}

void InstallAssertHandler() {
  wxSetAssertHandler([](const wxString& file, int line, const wxString& func, const wxString& cond,
                        const wxString& msg) {
    const std::string what =
        (file + ":" + wxString::Format("%d", line) + " " + func + ": " + cond + " " + msg)
            .utf8_string();
    std::fprintf(stderr, "wx assertion: %s\n", what.c_str());
    FailedAsserts().push_back(what);
  });
}

void Pump(int ms) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  do {
    wxTheApp->Yield(true);
    wxTheApp->ProcessPendingEvents();
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  } while (std::chrono::steady_clock::now() < end);
}

bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() > end) return false;
    Pump(5);
  }
  return true;
}

void Click(wxButton* button) {
  BOOST_REQUIRE(button != nullptr);
  BOOST_REQUIRE(button->IsEnabled());
  wxCommandEvent click(wxEVT_BUTTON, button->GetId());
  click.SetEventObject(button);
  button->ProcessWindowEvent(click);
}

std::string AllText(wxWindow* root) {
  std::string out;
  if (auto* entry = dynamic_cast<wxTextEntry*>(root)) out += entry->GetValue().utf8_string();
  for (wxWindow* child : root->GetChildren()) out += AllText(child);
  return out;
}

std::unique_ptr<core::Journal> MakeJournal(const std::string& path,
                                           const std::vector<core::Entry>& entries) {
  core::JournalOptions options;
  options.kdf_log2_n = core::crypto::KdfParams::kMinLog2N;
  auto journal = core::Journal::Create(path, kPassphrase, options);
  BOOST_REQUIRE_MESSAGE(journal.ok(), journal.status().ToString());
  for (const core::Entry& e : entries) BOOST_REQUIRE((*journal)->AddEntry(e).ok());
  return std::move(journal).value();
}

core::Entry MakeEntry(core::EntryKind kind, const std::string& text, int days_ago) {
  core::Entry e;
  e.kind = kind;
  e.text = text;
  e.written_at = core::SystemClock::Instance().Now();
  e.written_at.unix_seconds -= int64_t{days_ago} * 86400;
  return e;
}

FrameFixture::FrameFixture() : journal_path(dir.File("journal.db")) {
  DialogRecorder::shown().clear();
  FailedAsserts().clear();
}

FrameFixture::~FrameFixture() {
  DestroyFrame();
  BOOST_TEST(FailedAsserts().empty());
}

client::AppOptions FrameFixture::Options() const {
  client::AppOptions options;
  options.journal_path = journal_path;
  options.journal.kdf_log2_n = core::crypto::KdfParams::kMinLog2N;
  return options;
}

void FrameFixture::OpenFrame() {
  DestroyFrame();
  frame_ = new client::MainFrame(Options());
  frame_->Show();
  Pump(30);
}

void FrameFixture::DestroyFrame() {
  if (frame_.get() == nullptr) return;
  frame_->Destroy();
  WaitUntil([&] {
    wxTheApp->ProcessIdle();
    return frame_.get() == nullptr;
  });
}

void FrameFixture::Unlock() {
  if (frame_.get() == nullptr) OpenFrame();
  auto& unlock = frame_->unlock_panel();
  unlock.Submit(kPassphrase, kPassphrase);
  BOOST_REQUIRE(WaitUntil([&] { return frame_->unlocked(); }));
  Pump(20);
}

}  // namespace fieldnotes::testing
