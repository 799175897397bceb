// File > Import from another app: the preview question names what comes
// and what does not, cancelling writes nothing, confirming imports once.
#include <wx/statusbr.h>

#include <boost/test/unit_test.hpp>

#include <string>

#include "engine/journal_controller.h"
#include "ui/import_dialog.h"
#include "ui/safety_banner.h"
#include "ui/timeline_list.h"
#include "ui/timeline_panel.h"
#include "ui/workspace_panel.h"
#include "ui_fixture.h"

namespace fieldnotes::testing {

BOOST_AUTO_TEST_SUITE(import_from_another_app)

BOOST_FIXTURE_TEST_CASE(preview_then_confirm, FrameFixture) {
  MakeJournal(journal_path);
  Unlock();
  client::WorkspacePanel& w = *frame().workspace();
  const std::string zip =
      std::string(FIELDNOTES_SOURCE_DIR) + "/tests/data/import/dayone-export.zip";
  wxString asked;
  client::ImportFromAnotherApp(
      w,
      [&](wxWindow*, const wxString& q) {
        asked = q;
        return false;
      },
      zip);
  // The question, then each thing left behind as a sentence of its own.
  BOOST_TEST(asked.utf8_string().rfind("Import 4 entries from Day One, written from 2019-03-04 to "
                                       "2026-11-30?\n\nThe photos of 2 entries are not imported.\n"
                                       "The audio recordings of 1 entry are not imported.\n",
                                       0) == 0,
             asked.utf8_string());
  BOOST_TEST(w.controller().journal().entries().size() == 0u);

  client::ImportFromAnotherApp(
      w, [](wxWindow*, const wxString&) { return true; }, zip);
  BOOST_TEST(w.controller().journal().entries().size() == 4u);
  BOOST_TEST(w.timeline().list().model().entry_count() == 4u);
  client::ImportFromAnotherApp(
      w, [](wxWindow*, const wxString&) { return true; }, zip);
  BOOST_TEST(w.controller().journal().entries().size() == 4u);
}

// Imported entries are read for safety like new ones: when one raises it,
// the crisis lines show at once, as after writing, and the status line
// says why; an import that raises nothing shows nothing.
BOOST_FIXTURE_TEST_CASE(an_import_that_raises_safety_shows_the_crisis_lines, FrameFixture) {
  MakeJournal(journal_path);
  Unlock();
  client::WorkspacePanel& w = *frame().workspace();
  const std::string calm = dir.File("calm.jsonl");
  const std::string raised = dir.File("raised.jsonl");
  auto line = [](int i, const std::string& text) {
    return "{\"type\":\"entry\",\"id\":\"00000000-0000-4000-8000-00000000000" + std::to_string(i) +
           "\",\"kind\":\"note\",\"at\":\"2026-11-0" + std::to_string(i) +
           "T21:00:00+01:00\",\"text\":\"" + text + "\"}\n";
  };
  WriteFile(calm, line(1, "A quiet walk after work."));
  WriteFile(raised, line(2, "Dinner with my sister.") + line(3, "I want to kill myself."));
  auto yes = [](wxWindow*, const wxString&) { return true; };
  client::ImportFromAnotherApp(w, yes, calm);
  BOOST_TEST(w.controller().journal().entries().size() == 1u);
  BOOST_TEST(!w.safety().IsShown());

  client::ImportFromAnotherApp(w, yes, raised);
  BOOST_TEST(w.controller().journal().entries().size() == 3u);
  BOOST_TEST(w.safety().IsShown());
  BOOST_TEST(w.safety().text().Contains("Nothing has been sent to anyone"),
             w.safety().text().utf8_string());
  const wxString status = frame().GetStatusBar()->GetStatusText();
  BOOST_TEST(status.Contains("Imported 2 entries"), status.utf8_string());
  BOOST_TEST(status.Contains("1 imported entry mentions hurting yourself or someone else"),
             status.utf8_string());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
