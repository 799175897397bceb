// The app in another language than English, with po/'s real German catalog
// (built into <build>/locale, where core::InitLanguage finds it from the
// build tree): the fixed feelings are shown in German and stored as the
// canonical English word, the crisis regions are named in German.
#include <wx/button.h>
#include <wx/checklst.h>
#include <wx/choice.h>
#include <wx/textctrl.h>

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "engine/journal_controller.h"
#include "ui/emotion_picker.h"
#include "ui/entry_fields.h"
#include "ui/settings_dialog.h"
#include "ui/workspace_panel.h"
#include "ui/write_panel.h"
#include "ui_fixture.h"

namespace fieldnotes::testing {
namespace {

std::vector<std::string> Items(const wxItemContainerImmutable& list) {
  std::vector<std::string> out;
  for (unsigned i = 0; i < list.GetCount(); ++i) out.push_back(list.GetString(i).utf8_string());
  return out;
}

bool Has(const std::vector<std::string>& items, const std::string& item) {
  for (const std::string& i : items)
    if (i == item) return true;
  return false;
}

// German messages on this thread, and the catalog really German (not the
// English fallback, which would make the checks below pass for nothing).
void RequireGerman(const core::ScopedLanguage& german) {
  BOOST_REQUIRE_MESSAGE(german.active(), "the de_DE locale (packaging/install-deps.sh)");
  BOOST_REQUIRE_MESSAGE(std::string(core::Tr("anxiety")) == "Angst",
                        "po/de.po compiled into <build>/locale (ninja translations)");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(in_german)

BOOST_FIXTURE_TEST_CASE(the_feelings_are_german_and_the_entry_stores_the_canonical_word,
                        FrameFixture) {
  core::ScopedLanguage german("de");
  RequireGerman(german);
  Unlock();
  client::WorkspacePanel& w = *frame().workspace();
  w.ShowPage(client::WorkspacePanel::Page::kWrite);
  Pump(30);
  auto* list = Find<wxCheckListBox>(&w.write(), client::EmotionPicker::kListName);
  BOOST_REQUIRE(list != nullptr);
  const std::vector<std::string> shown = Items(*list);
  BOOST_TEST(Has(shown, "Angst"));
  BOOST_TEST(Has(shown, "Traurigkeit"));
  BOOST_TEST(!Has(shown, "anxiety"));
  BOOST_TEST(!Has(shown, "sadness"));

  // Ticked in German, typed in German, typed as the client's own words.
  const int angst = list->FindString("Angst", true);
  BOOST_REQUIRE(angst != wxNOT_FOUND);
  list->Check(static_cast<unsigned>(angst));
  auto* own = Find<wxTextCtrl>(&w.write(), client::EmotionPicker::kOwnName);
  BOOST_REQUIRE(own != nullptr);
  own->SetValue(wxString::FromUTF8("traurigkeit, wie gelähmt"));
  auto* before = Find<wxTextCtrl>(&w.write(), client::EntryFields::kBeforeName);
  BOOST_REQUIRE(before != nullptr);
  before->SetValue(wxString::FromUTF8("Eine Nachricht von Dana."));
  Click(Find<wxButton>(&w.write(), client::WritePanel::kSaveName));
  Pump(30);

  const auto& entries = frame().controller()->journal().entries();
  BOOST_REQUIRE(!entries.empty());
  BOOST_TEST(entries.front().emotions ==
             (std::vector<std::string>{"anxiety", "sadness", "wie gelähmt"}));
}

BOOST_FIXTURE_TEST_CASE(the_crisis_regions_are_named_in_german, FrameFixture) {
  core::ScopedLanguage german("de");
  RequireGerman(german);
  OpenFrame();
  client::SettingsDialog settings(&frame(), client::AppSettings{});
  auto* region = Find<wxChoice>(&settings, "crisis_region");
  BOOST_REQUIRE(region != nullptr);
  const std::vector<std::string> shown = Items(*region);
  BOOST_TEST(Has(shown, "Vereinigtes Königreich"));
  BOOST_TEST(Has(shown, "Deutschland"));
  BOOST_TEST(Has(shown, "Österreich"));
  BOOST_TEST(!Has(shown, "United Kingdom"));
  BOOST_TEST(!Has(shown, "Germany"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
