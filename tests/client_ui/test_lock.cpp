// Locking: idle and by hand; it destroys the journal (the keys) and every
// text on screen, keeps the draft, and the settings that drive it.
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>

#include "support/run_process.h"
#include "ui/entry_fields.h"
#include "common/wx/idle_lock.h"
#include "engine/journal_controller.h"
#include "ui/timeline_panel.h"
#include "ui/unlock_panel.h"
#include "ui/workspace_panel.h"
#include "ui/write_panel.h"
#include "ui_fixture.h"

namespace fieldnotes::testing {
namespace {

using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(lock)

BOOST_FIXTURE_TEST_CASE(auto_lock_wipes_the_journal_and_the_screen, FrameFixture) {
  MakeJournal(journal_path, {MakeEntry(core::EntryKind::kNote, "private words about Sam", 1)});
  Unlock();
  BOOST_TEST(frame().controller()->settings().auto_lock_minutes == 10);
  client::WorkspacePanel& w = *frame().workspace();
  w.ShowEntry(frame().controller()->journal().entries()[0].id);
  Find<wxTextCtrl>(&w.write(), client::EntryFields::kThoughtName)->SetValue("half a thought");
  BOOST_TEST(AllText(&frame()).find("private words about Sam") != std::string::npos);

  // Nine minutes of quiet: still open. Ten: locked.
  const auto start = std::chrono::steady_clock::now();
  frame().idle_lock().NoteActivity(start);
  frame().idle_lock().Check(start + 9min);
  Pump(20);
  BOOST_TEST(frame().unlocked());
  frame().idle_lock().Check(start + 10min + 1s);
  BOOST_REQUIRE(WaitUntil([&] { return !frame().unlocked(); }));

  BOOST_TEST(frame().controller() == nullptr);  // the Journal and its keys are gone
  BOOST_TEST(frame().workspace() == nullptr);   // and every page with it
  BOOST_TEST(AllText(&frame()).empty());        // no text control holds anything
  BOOST_TEST(frame().unlock_panel().IsShown());
  BOOST_TEST(!frame().idle_lock().armed());

  // The half-written thought was kept, encrypted, for after unlocking.
  Unlock();
  BOOST_TEST(Find<wxTextCtrl>(&frame().workspace()->write(), client::EntryFields::kThoughtName)
                 ->GetValue() == "half a thought");
}

BOOST_FIXTURE_TEST_CASE(activity_postpones_the_lock, FrameFixture) {
  Unlock();
  const auto start = std::chrono::steady_clock::now();
  frame().idle_lock().NoteActivity(start);
  frame().idle_lock().NoteActivity(start + 8min);
  frame().idle_lock().Check(start + 12min);
  Pump(20);
  BOOST_TEST(frame().unlocked());
  frame().Lock("Locked.");  // Ctrl+L
  BOOST_TEST(!frame().unlocked());
  BOOST_TEST(frame().GetStatusBar()->GetStatusText() == "Locked.");
}

BOOST_FIXTURE_TEST_CASE(settings_are_kept_encrypted_and_applied, FrameFixture) {
  Unlock();
  client::AppSettings s = frame().controller()->settings();
  BOOST_TEST(s.display_name.empty());
  s.auto_lock_minutes = 3;
  s.crisis_region = "IE";
  s.paper = client::PaperSize::kLetter;
  s.display_name = "Róisín-canary";
  BOOST_REQUIRE(frame().ApplySettings(s));
  BOOST_TEST(!AnyFileContains(dir.path(), "canary"));
  // A draft sits in the same table; fieldnotes-cli still reads its settings,
  // and sees what the app saved.
  Find<wxTextCtrl>(&frame().workspace()->write(), client::EntryFields::kThoughtName)
      ->SetValue("half a thought");
  frame().workspace()->SaveDraftNow();
  ProcessOptions env;
  env.env["FIELDNOTES_PASSPHRASE"] = kPassphrase;
  env.env["FIELDNOTES_REGION"] = kUnset;
  const ProcessResult cli =
      RunProcess(FIELDNOTES_CLI, {"--journal", journal_path, "settings", "list", "--json"}, env);
  BOOST_TEST(cli.exit_code == 0, cli.err);
  BOOST_TEST(cli.out.find("\"display-name\": \"Róisín-canary\"") != std::string::npos, cli.out);
  BOOST_TEST(cli.out.find("\"paper\": \"letter\"") != std::string::npos);
  BOOST_TEST(cli.out.find("\"region\": \"IE\"") != std::string::npos);

  const auto start = std::chrono::steady_clock::now();
  frame().idle_lock().NoteActivity(start);
  frame().idle_lock().Check(start + 3min + 1s);
  BOOST_REQUIRE(WaitUntil([&] { return !frame().unlocked(); }));
  Unlock();
  BOOST_TEST((frame().controller()->settings() == s));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
