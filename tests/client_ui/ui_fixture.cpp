#include "ui_fixture.h"

#include <wx/app.h>
#include <wx/combobox.h>
#include <wx/textctrl.h>
#include <wx/weakref.h>

#include <boost/test/unit_test.hpp>
#include <thread>

#include "ui/unlock_panel.h"

namespace fieldnotes::testing {

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
  // The pages under test, not the first-run page (test_month_welcome.cpp
  // asks for it).
  options.welcome_new_journals = false;
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
