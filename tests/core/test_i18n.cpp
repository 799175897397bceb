// core/i18n.h against a real gettext catalog compiled by msgfmt at build
// time (tests/data/i18n/de.po) and the system's real de_DE locale
// (packaging/install-deps.sh generates it).
#include <boost/test/unit_test.hpp>

#include <stdlib.h>

#include <future>
#include <string>

#include "core/i18n.h"
#include "core/language_fixture.h"

namespace fieldnotes::core {
namespace {

using fieldnotes::testing::LanguageFixture;

BOOST_FIXTURE_TEST_SUITE(i18n, LanguageFixture)

BOOST_AUTO_TEST_CASE(english_is_the_message_itself) {
  BOOST_TEST(LocaleDir() == FIELDNOTES_BINARY_DIR "/tests/locale");
  BOOST_TEST(UiLanguage() == "en");
  BOOST_TEST(std::string(Tr("Weekly report")) == "Weekly report");
  BOOST_TEST(std::string(TrN("%1 entry since %2", "%1 entries since %2", 1)) ==
             "%1 entry since %2");
  BOOST_TEST(std::string(TrN("%1 entry since %2", "%1 entries since %2", 2)) ==
             "%1 entries since %2");
  BOOST_TEST(std::string(TrC("state", "Open")) == "Open");
  BOOST_TEST(std::string(Tr("A message no catalog has")) == "A message no catalog has");
}

BOOST_AUTO_TEST_CASE(a_scoped_language_translates_on_its_thread_only) {
  {
    ScopedLanguage german("de");
    BOOST_REQUIRE_MESSAGE(german.active(),
                          "de_DE.UTF-8 must exist (packaging/install-deps.sh)");
    BOOST_TEST(std::string(Tr("Weekly report")) == "Wochenbericht");
    BOOST_TEST(TimeLocaleName() == "de_DE.UTF-8");
    // Another thread keeps the program's language meanwhile.
    auto other = std::async(std::launch::async,
                            [] { return std::string(Tr("Weekly report")); });
    BOOST_TEST(other.get() == "Weekly report");
  }
  BOOST_TEST(std::string(Tr("Weekly report")) == "Weekly report");
  BOOST_TEST(TimeLocaleName() != "de_DE.UTF-8");
}

BOOST_AUTO_TEST_CASE(plural_forms_and_contexts_come_from_the_catalog) {
  ScopedLanguage german("de");
  BOOST_REQUIRE(german.active());
  const char* kOne = "%1 entry since %2";
  const char* kMany = "%1 entries since %2";
  BOOST_TEST(Format(TrN(kOne, kMany, 1), 1, "Montag") == "1 Eintrag seit Montag");
  BOOST_TEST(Format(TrN(kOne, kMany, 4), 4, "Montag") == "4 Einträge seit Montag");
  BOOST_TEST(std::string(TrC("state", "Open")) == "Offen");
  BOOST_TEST(std::string(Tr("Open")) == "Öffnen");
  BOOST_TEST(std::string(TrC("a context the catalog lacks", "Open")) == "Open");
}

BOOST_AUTO_TEST_CASE(scopes_nest_and_a_missing_locale_changes_nothing) {
  ScopedLanguage german("de");
  BOOST_REQUIRE(german.active());
  {
    ScopedLanguage nowhere("xx");
    BOOST_TEST(!nowhere.active());
    BOOST_TEST(std::string(Tr("Weekly report")) == "Wochenbericht");
  }
  {
    ScopedLanguage english("en");
    BOOST_TEST(std::string(Tr("Weekly report")) == "Weekly report");
  }
  BOOST_TEST(std::string(Tr("Weekly report")) == "Wochenbericht");
  BOOST_TEST(TimeLocaleName() == "de_DE.UTF-8");
}

BOOST_AUTO_TEST_CASE(format_fills_numbered_placeholders_in_any_order) {
  BOOST_TEST(Format("%2, %1", "eins", std::string("zwei")) == "zwei, eins");
  BOOST_TEST(Format("%1 of %1", 3) == "3 of 3");
  BOOST_TEST(Format("%1", std::string_view("")) == "");
  BOOST_TEST(Format("%1 is 100% sure", -7L) == "-7 is 100% sure");
  BOOST_TEST(Format("no placeholders") == "no placeholders");
  BOOST_TEST(Format("%10 then %1", 1, 2, 3, 4, 5, 6, 7, 8, 9, "ten") == "ten then 1");
  const std::string long_text(5000, 'x');
  BOOST_TEST(Format("[%1]", long_text).size() == 5002u);
}

BOOST_AUTO_TEST_CASE(a_bad_placeholder_shows_as_written) {
  // A translation with a wrong number must not crash or read past the
  // arguments: it shows the placeholder as it is.
  BOOST_TEST(Format("%3 and %0 and %1", "a", "b") == "%3 and %0 and a");
  BOOST_TEST(Format("%", 1) == "%");
  BOOST_TEST(Format("%%1", 1) == "%1");
  BOOST_TEST(Format("%123", 1) == "%123");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::core
