// reports/phrase_format: the small phrases every observation is made of,
// in any script and in the thread's language.
#include <boost/test/unit_test.hpp>

#include <cctype>
#include <string>
#include <vector>

#include "core/i18n.h"
#include "reports/phrase_format.h"

using fieldnotes::core::Date;
using fieldnotes::reports::Capitalized;
using fieldnotes::reports::DateList;

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

BOOST_AUTO_TEST_CASE(date_lists_name_the_month_where_the_locale_does) {
  const std::vector<Date> dates = {{2026, 11, 8}, {2026, 11, 3}, {2026, 11, 5}, {2026, 12, 1}};
  {
    fieldnotes::core::ScopedLanguage english("en");
    BOOST_TEST(DateList(dates, 2026, 10) == "Nov 3, 5, 8, Dec 1");
  }
  for (const char* language : {"de", "fr", "es"}) {
    fieldnotes::core::ScopedLanguage scoped(language);
    BOOST_REQUIRE_MESSAGE(scoped.active(), "no " << language << " locale (packaging/install-deps.sh)");
    const std::string list = DateList(dates, 2026, 10);
    // The day comes before its month in these languages: the month follows
    // the last day of each month's run, never the first ("3 nov., 5, 8").
    BOOST_TEST(std::isdigit(static_cast<unsigned char>(list[0])) != 0, language << ": " << list);
    const size_t november = list.find_first_not_of("0123456789., ", list.find('8'));
    BOOST_TEST(list.find('3') < list.find('5'), language << ": " << list);
    BOOST_TEST(list.find('5') < list.find('8'), language << ": " << list);
    BOOST_TEST(list.find('8') < november, language << ": " << list);
    BOOST_TEST(list.find('1', november) != std::string::npos, language << ": " << list);
  }
  {
    // Another year: named with the month's last day.
    fieldnotes::core::ScopedLanguage english("en");
    BOOST_TEST(DateList(std::vector<Date>{{2025, 12, 30}, {2025, 12, 31}}, 2026, 10) ==
               "Dec 30, 31, 2025");
  }
}

BOOST_AUTO_TEST_SUITE_END()
