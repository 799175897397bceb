// reports/phrase_format: the small phrases every observation is made of,
// in any script and in the thread's language.
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/i18n.h"
#include "reports/phrase_format.h"

using fieldnotes::reports::Capitalized;

BOOST_AUTO_TEST_SUITE(phrase_format)

BOOST_AUTO_TEST_CASE(capitalized_works_for_any_script) {
  BOOST_TEST(Capitalized("anxiety") == "Anxiety");
  BOOST_TEST(Capitalized("épuisement") == "Épuisement");
  BOOST_TEST(Capitalized("ärger über die Arbeit") == "Ärger über die Arbeit");
  BOOST_TEST(Capitalized("άγχος") == "Άγχος");
  BOOST_TEST(Capitalized("тревога") == "Тревога");
  // Only the first letter; the rest stays as written.
  BOOST_TEST(Capitalized("iPhone and ME") == "IPhone and ME");
  BOOST_TEST(Capitalized("twice") == "Twice");
  // Nothing to capitalise.
  BOOST_TEST(Capitalized("") == "");
  BOOST_TEST(Capitalized("3 times") == "3 times");
  BOOST_TEST(Capitalized("不安") == "不安");
}

BOOST_AUTO_TEST_CASE(capitalized_in_the_threads_language) {
  fieldnotes::core::ScopedLanguage french("fr");
  if (!french.active()) {
    BOOST_TEST_MESSAGE("no fr_FR locale on this machine (packaging/install-deps.sh makes it)");
    return;
  }
  BOOST_TEST(Capitalized("épuisement") == "Épuisement");
  BOOST_TEST(Capitalized("œil") == "Œil");
}

BOOST_AUTO_TEST_SUITE_END()
