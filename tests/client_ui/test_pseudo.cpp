// The pseudo-locale check (tests/i18n): the client's app started in a
// language whose every message is accented and a third longer. The first
// screen, each page of the workspace, the settings dialog and the crisis
// lines show no English word of ours and no label cut off, at 1366x768;
// the screenshots are kept (CTest's client_ui_pseudo,
// <build>/tests/pseudo/shots/client).
#include <boost/test/unit_test.hpp>

#include "core/display.h"
#include "reports/crisis_resources.h"
#include "support/wx_pseudo.h"
#include "ui/settings_dialog.h"
#include "ui/workspace_panel.h"
#include "ui_fixture.h"

namespace fieldnotes::testing {

// Disabled in the ordinary run (which is in English); CTest names it.
BOOST_AUTO_TEST_SUITE(pseudo_locale, *boost::unit_test::disabled())

BOOST_FIXTURE_TEST_CASE(every_page_of_the_app_is_translated_and_fits, FrameFixture) {
  BOOST_REQUIRE_MESSAGE(PseudoRun(), "run by CTest's client_ui_pseudo, in the pseudo-locale");
  OpenFrame();
  frame().SetSize(wxSize(1366, 740));
  CheckPseudoPage(&frame(), "client-01-new-journal");
  Unlock();
  client::WorkspacePanel& w = *frame().workspace();
  using Page = client::WorkspacePanel::Page;
  const std::pair<Page, const char*> pages[] = {{Page::kWrite, "client-02-write"},
                                                {Page::kLookBack, "client-03-look-back"},
                                                {Page::kPatterns, "client-04-patterns"},
                                                {Page::kSessions, "client-05-sessions"},
                                                {Page::kReport, "client-06-weekly-report"},
                                                {Page::kMonth, "client-09-month"}};
  for (const auto& [page, name] : pages) {
    w.ShowPage(page);
    Pump(300);
    CheckPseudoPage(&frame(), name);
  }
  client::SettingsDialog settings(&frame(), client::AppSettings{});
  settings.Show();
  // The crisis regions are countries in ICU's names for them, in the app's
  // language (English under the pseudo-locale): data, like a date.
  std::vector<std::string> countries;
  for (const reports::CrisisRegion& r : reports::CrisisResources::Default().regions())
    if (r.code != "default") countries.push_back(core::RegionName(r.code));
  CheckPseudoPage(&settings, "client-07-settings", countries);
  settings.Hide();

  // The crisis lines, as an entry that suggests danger brings them up: how
  // to reach each line and when are the data's words in the catalog
  // (reports/crisis_words.cmake); the lines' names are names.
  w.ShowPage(Page::kWrite);
  w.ShowCrisisResources(true);
  Pump(100);
  CheckPseudoPage(&frame(), "client-08-crisis-lines");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
