// core/date_input.h in the locales the tests can count on (en, de_DE,
// fr_FR: packaging/install-deps.sh generates them), including what it must
// refuse.
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/date_input.h"
#include "core/display.h"
#include "core/i18n.h"

namespace fieldnotes::core {
namespace {

const Date kDay{2026, 12, 6};

bool Reads(const std::string& typed, const Date& want) {
  const std::optional<Date> got = ParseDayInput(typed);
  return got.has_value() && *got == want;
}

BOOST_AUTO_TEST_SUITE(date_input)

BOOST_AUTO_TEST_CASE(english_reads_what_it_writes_and_the_us_order) {
  ScopedLanguage english("en");
  BOOST_REQUIRE(english.active());
  BOOST_TEST(Reads(DayMonthYear(kDay), kDay), DayMonthYear(kDay));
  for (const char* typed : {"6 December 2026", "6 dec 2026", "December 6, 2026", "Dec 6, 2026",
                            "12/6/2026", "12/6/26", " 2026-12-06 ", "Sunday, December 6, 2026"}) {
    BOOST_TEST(Reads(typed, kDay), typed);
  }
  BOOST_TEST(NumericDay(kDay) == "12/6/2026");
}

BOOST_AUTO_TEST_CASE(german_and_french_read_their_own_forms) {
  {
    ScopedLanguage german("de");
    BOOST_REQUIRE_MESSAGE(german.active(), "de_DE.UTF-8 must exist (packaging/install-deps.sh)");
    BOOST_TEST(Reads(DayMonthYear(kDay), kDay), DayMonthYear(kDay));
    for (const char* typed :
         {"6.12.2026", "06.12.26", "6. Dezember 2026", "6. Dez. 2026", "2026-12-06"}) {
      BOOST_TEST(Reads(typed, kDay), typed);
    }
    BOOST_TEST(NumericDay(kDay) == "06.12.2026");
    // The day-first order of the locale, not the US one.
    BOOST_TEST(Reads("1.2.2026", Date{2026, 2, 1}));
  }
  {
    ScopedLanguage french("fr");
    BOOST_REQUIRE(french.active());
    BOOST_TEST(Reads(DayMonthYear(kDay), kDay), DayMonthYear(kDay));
    for (const char* typed : {"06/12/2026", "6 décembre 2026", "2026-12-06"})
      BOOST_TEST(Reads(typed, kDay), typed);
    BOOST_TEST(NumericDay(kDay) == "06/12/2026");
  }
}

BOOST_AUTO_TEST_CASE(bad_days_are_refused) {
  for (const char* language : {"en", "de", "fr"}) {
    ScopedLanguage scope(language);
    BOOST_REQUIRE(scope.active());
    for (const char* bad : {"", "   ", "yesterday", "6 Smarch 2026", "31/02/2026", "02/31/2026",
                            "31.02.2026", "2026-13-01", "2026-02-30", "6/12", "6 December",
                            "6/12/2026 and more", "12/6/1850", "\xff\xfe", "0/0/0"}) {
      BOOST_TEST(!ParseDayInput(bad).has_value(), language << ": " << bad);
    }
  }
}

BOOST_AUTO_TEST_CASE(times_read_in_24_hours_and_the_locales_short_form) {
  ScopedLanguage english("en");
  BOOST_REQUIRE(english.active());
  BOOST_TEST(ParseTimeInput("21:40").value_or(-1) == 21 * 60 + 40);
  BOOST_TEST(ParseTimeInput(" 9:05 ").value_or(-1) == 9 * 60 + 5);
  BOOST_TEST(ParseTimeInput("0940").value_or(-1) == 9 * 60 + 40);
  BOOST_TEST(ParseTimeInput("9:40 PM").value_or(-1) == 21 * 60 + 40);
  BOOST_TEST(ParseTimeInput("12:10 AM").value_or(-1) == 10);
  {
    ScopedLanguage german("de");
    BOOST_TEST(ParseTimeInput("21.40").value_or(-1) == 21 * 60 + 40);
    BOOST_TEST(ParseTimeInput("21:40").value_or(-1) == 21 * 60 + 40);
  }
  for (const char* bad : {"", "24:00", "12:60", "9:5", "99", "noon", "21:40:00:00", "-1:30"})
    BOOST_TEST(!ParseTimeInput(bad).has_value(), bad);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::core
