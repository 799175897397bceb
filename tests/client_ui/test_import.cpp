// File > Import from another app: the preview question names what comes
// and what does not, cancelling writes nothing, confirming imports once.
#include <boost/test/unit_test.hpp>

#include "ui/import_dialog.h"
#include "engine/journal_controller.h"
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
  BOOST_TEST(asked.utf8_string().rfind("Import 4 entries from Day One, 2019-03-04 to 2026-11-30; "
                                       "2 with photos, whose photos are not imported;",
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

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
