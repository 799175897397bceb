// Opening: create a journal, unlock it, a wrong passphrase said once.
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>

#include "engine/journal_controller.h"
#include "ui/unlock_panel.h"
#include "ui/workspace_panel.h"
#include "ui_fixture.h"

namespace fieldnotes::testing {
namespace {

using client::UnlockPanel;

size_t CountOf(const wxString& text, const wxString& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != wxString::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

BOOST_AUTO_TEST_SUITE(unlock)

BOOST_FIXTURE_TEST_CASE(creates_a_journal_with_the_passphrase_twice, FrameFixture) {
  OpenFrame();
  UnlockPanel& panel = frame().unlock_panel();
  BOOST_TEST(panel.creating());
  // The honest note about a forgotten passphrase is on the screen.
  BOOST_TEST(AllText(&panel).empty());
  bool note_shown = false;
  for (wxWindow* child : panel.GetChildren())
    if (auto* label = dynamic_cast<wxStaticText*>(child); label && label->IsShown())
      note_shown |= label->GetLabel().Contains("cannot be opened again");
  BOOST_TEST(note_shown);

  // Two different passphrases: nothing is created, and it says why.
  panel.Submit("first passphrase", "second passphrase");
  BOOST_TEST(!client::FileExists(journal_path));
  BOOST_TEST(panel.message().Contains("not the same"));

  // Typed the way a person does: into the fields, then the button.
  Find<wxTextCtrl>(&panel, UnlockPanel::kPassphraseName)->SetValue(kPassphrase);
  Find<wxTextCtrl>(&panel, UnlockPanel::kRepeatName)->SetValue(kPassphrase);
  Click(Find<wxButton>(&panel, UnlockPanel::kSubmitName));
  BOOST_TEST(panel.busy());  // the key derivation runs off the UI thread
  BOOST_REQUIRE(WaitUntil([&] { return frame().unlocked(); }));
  BOOST_TEST(client::FileExists(journal_path));
  BOOST_TEST(frame().workspace() != nullptr);
  // The passphrase is gone from the fields.
  BOOST_TEST(AllText(&panel).empty());
  BOOST_TEST(DialogRecorder::shown().empty());
}

BOOST_FIXTURE_TEST_CASE(wrong_passphrase_is_said_once_calmly, FrameFixture) {
  MakeJournal(journal_path);
  OpenFrame();
  UnlockPanel& panel = frame().unlock_panel();
  BOOST_TEST(!panel.creating());
  for (int attempt = 0; attempt < 3; ++attempt) {
    panel.Submit("not my passphrase", "");
    BOOST_REQUIRE(WaitUntil([&] { return !panel.busy(); }));
    BOOST_TEST(!frame().unlocked());
    // One sentence, the same each time: not stacked, not escalating.
    BOOST_TEST(CountOf(panel.message(), "did not open") == 1u);
    BOOST_TEST(panel.message() ==
               "That passphrase did not open the journal. Take your time and try again.");
  }
  // No dialog to dismiss, and the field is ready for the next try.
  BOOST_TEST(DialogRecorder::shown().empty());
  BOOST_TEST(AllText(&panel).empty());

  panel.Submit(kPassphrase, "");
  BOOST_REQUIRE(WaitUntil([&] { return frame().unlocked(); }));
  BOOST_TEST(frame().controller()->journal().entries().empty());
}

BOOST_FIXTURE_TEST_CASE(unlocks_an_existing_journal_with_its_entries, FrameFixture) {
  MakeJournal(journal_path, {MakeEntry(core::EntryKind::kNote, "the first note", 2),
                             MakeEntry(core::EntryKind::kLoop, "I always get it wrong", 1)});
  Unlock();
  BOOST_TEST(frame().controller()->journal().entries().size() == 2u);
  BOOST_TEST((frame().workspace()->current_page() == client::WorkspacePanel::Page::kWrite));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
