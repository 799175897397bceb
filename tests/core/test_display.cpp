#include <boost/test/unit_test.hpp>

#include <locale.h>
#include <stdlib.h>

#include "core/display.h"
#include "core/i18n.h"
#include "core/language_fixture.h"

using namespace fieldnotes::core;

namespace {

using fieldnotes::testing::LanguageFixture;

Timestamp At(const char* text) {
  auto t = ParseTimestamp(text);
  BOOST_REQUIRE(t.ok());
  return *t;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(display)

BOOST_AUTO_TEST_CASE(an_entry_is_described_in_reading_order_without_empty_fields) {
  Entry e;
  e.kind = EntryKind::kSpike;
  e.emotions = {"hurt", "small"};
  e.intensity = 7;
  e.unsaid = "That wasn't fair.";
  e.followups = {{"What did you need then?", ""}, {"", "an answer with no question"}};
  e.mood_after = 4;

  const auto you = DescribeEntry(e, Voice::kYou);
  std::vector<std::string> labels;
  for (const auto& f : you) labels.emplace_back(f.label);
  BOOST_TEST(labels == (std::vector<std::string>{"Feelings", "How strong", "What you almost said",
                                                 "Question", "Your answer", "Your answer",
                                                 "Mood after writing"}),
             boost::test_tools::per_element());
  BOOST_TEST(you[0].value == "hurt, small");
  BOOST_TEST(you[1].value == "7 out of 10");
  BOOST_TEST(you[4].value == "(not answered)");
  BOOST_TEST(you[5].value == "an answer with no question");

  const auto i = DescribeEntry(e, Voice::kI);
  BOOST_TEST(i[2].label == "What I almost said");
  BOOST_TEST(i[4].label == "My answer");
}

BOOST_AUTO_TEST_CASE(a_loop_is_word_for_word_and_an_empty_entry_says_nothing) {
  Entry loop;
  loop.kind = EntryKind::kLoop;
  loop.text = "I always ruin it.";
  const auto fields = DescribeEntry(loop, Voice::kYou);
  BOOST_REQUIRE(fields.size() == 1u);
  BOOST_TEST(fields[0].label == "The thought, word for word");
  BOOST_TEST(DescribeEntry(Entry{}, Voice::kYou).empty());
  BOOST_TEST(JoinWithCommas({}) == "");
}

BOOST_FIXTURE_TEST_CASE(english_keeps_fieldnotes_own_forms, LanguageFixture) {
  const Timestamp t = At("2026-11-03T21:40:00+01:00");
  BOOST_TEST(LongDate(t) == "Tuesday 3 November 2026");
  BOOST_TEST(DayMonthYear(Date{2026, 12, 6}) == "6 December 2026");
  BOOST_TEST(ShortMonthDay(Date{2026, 11, 3}, 2026) == "Nov 3");
  BOOST_TEST(ShortMonthDay(Date{2025, 11, 3}, 2026) == "Nov 3, 2025");
  BOOST_TEST(DayOfMonth(Date{2026, 11, 3}) == "3");
  BOOST_TEST(LocalClock(t) == "21:40");
  BOOST_TEST(LocalClock(At("2026-11-03T00:05:00-08:00")) == "00:05");
  BOOST_TEST(WeekdayName(0) == "Monday");
  BOOST_TEST(WeekdayName(-1) == "Sunday");
  BOOST_TEST(MonthName(12) == "December");
  BOOST_TEST(MonthName(13) == "January");
  BOOST_TEST(FormatDecimal(6.25, 1) == "6.3");
  BOOST_TEST(FormatDecimal(1234.5, 1) == "1234.5");
  // The C library's numbers stay C's whatever the locale (InitLanguage):
  // a PDF or JSON number never gets a decimal comma.
  BOOST_TEST(std::string(setlocale(LC_NUMERIC, nullptr)) == "C");
  BOOST_TEST(std::string(KindTitle(EntryKind::kSpike)) == "Spike");
  BOOST_TEST(EmotionWord("anxiety") == "anxiety");
  ScopedLanguage english("en");
  BOOST_REQUIRE(english.active());
  BOOST_TEST(DayMonthYear(Date{2026, 12, 6}) == "6 December 2026");
  BOOST_TEST(ShortMonthDay(Date{2026, 11, 3}, 2026) == "Nov 3");
}

BOOST_FIXTURE_TEST_CASE(dates_and_numbers_follow_the_language, LanguageFixture) {
  const Timestamp t = At("2026-11-03T21:40:00+01:00");
  {
    ScopedLanguage german("de");
    BOOST_REQUIRE_MESSAGE(german.active(), "de_DE.UTF-8 must exist (packaging/install-deps.sh)");
    BOOST_TEST(DayMonthYear(Date{2026, 12, 6}) == "6. Dezember 2026");
    BOOST_TEST(LongDate(t) == "Dienstag, 3. November 2026");
    BOOST_TEST(ShortMonthDay(Date{2026, 11, 3}, 2026) == "3. Nov.");
    BOOST_TEST(ShortMonthDay(Date{2025, 11, 3}, 2026) == "3. Nov. 2025");
    BOOST_TEST(LocalClock(t) == "21:40");
    BOOST_TEST(WeekdayName(0) == "Montag");
    BOOST_TEST(MonthName(3) == "März");
    BOOST_TEST(FormatDecimal(6.25, 1) == "6,3");
    BOOST_TEST(FirstWeekday() == 0);  // Monday
  }
  {
    ScopedLanguage french("fr");
    BOOST_REQUIRE(french.active());
    BOOST_TEST(DayMonthYear(Date{2026, 12, 6}) == "6 décembre 2026");
    BOOST_TEST(LongDate(t) == "mardi 3 novembre 2026");
    BOOST_TEST(WeekdayName(6) == "dimanche");
    BOOST_TEST(FormatDecimal(4.2, 1) == "4,2");
  }
  {
    ScopedLanguage spanish("es");
    BOOST_REQUIRE(spanish.active());
    BOOST_TEST(DayMonthYear(Date{2026, 12, 6}) == "6 de diciembre de 2026");
    BOOST_TEST(MonthName(12) == "diciembre");
  }
  {
    ScopedLanguage american("en_US.UTF-8");
    BOOST_REQUIRE(american.active());
    BOOST_TEST(FirstWeekday() == 6);  // Sunday
    BOOST_TEST(DayMonthYear(Date{2026, 12, 6}) == "6 December 2026");
  }
  // Back to the program's language.
  BOOST_TEST(DayMonthYear(Date{2026, 12, 6}) == "6 December 2026");
}

BOOST_FIXTURE_TEST_CASE(labels_kinds_and_feelings_come_from_the_catalog, LanguageFixture) {
  Entry e;
  e.kind = EntryKind::kSpike;
  e.emotions = {"anxiety", "my own word"};
  e.intensity = 7;
  ScopedLanguage german("de");
  BOOST_REQUIRE(german.active());
  const auto fields = DescribeEntry(e, Voice::kYou);
  BOOST_REQUIRE(fields.size() == 2u);
  BOOST_TEST(fields[0].label == "Gefühle");
  BOOST_TEST(fields[0].value == "Angst, my own word");  // the client's own words as written
  BOOST_TEST(fields[1].value == "7 von 10");
  BOOST_TEST(std::string(KindTitle(EntryKind::kSpike)) == "Ausschlag");
}

// A month's heading, a day in a month's list and a country's name: ICU's
// words and order in each language, never a message glued by hand.
BOOST_FIXTURE_TEST_CASE(month_headings_days_and_countries_are_the_locales, LanguageFixture) {
  const Date tuesday{2026, 12, 1};
  {
    ScopedLanguage english("en");
    BOOST_TEST(MonthYear(2026, 12) == "December 2026");
    BOOST_TEST(WeekdayAndDay(tuesday) == "Tuesday 1");
    BOOST_TEST(RegionName("GB") == "United Kingdom");
  }
  {
    ScopedLanguage german("de");
    BOOST_REQUIRE(german.active());
    BOOST_TEST(MonthYear(2026, 12) == "Dezember 2026");
    BOOST_TEST(WeekdayAndDay(tuesday) == "Dienstag, 1.");
    BOOST_TEST(RegionName("GB") == "Vereinigtes Königreich");
  }
  {
    ScopedLanguage french("fr");
    BOOST_REQUIRE(french.active());
    BOOST_TEST(MonthYear(2026, 12) == "décembre 2026");
    BOOST_TEST(RegionName("DE") == "Allemagne");
  }
}

BOOST_FIXTURE_TEST_CASE(short_weekdays_are_whole_letters, LanguageFixture) {
  // 2 = Wednesday: its Spanish name begins with a two-byte letter past the
  // third byte ("mié"), which a cut by bytes would split.
  {
    ScopedLanguage english("en");
    BOOST_TEST(ShortWeekdayName(2) == "Wed");
  }
  for (const char* language : {"de", "fr", "es"}) {
    ScopedLanguage scoped(language);
    BOOST_REQUIRE(scoped.active());
    for (int day = 0; day < 7; ++day) {
      const std::string name = ShortWeekdayName(day);
      BOOST_TEST(!name.empty());
      // Valid UTF-8: no lead byte without all its continuation bytes.
      size_t i = 0;
      while (i < name.size()) {
        const auto lead = static_cast<unsigned char>(name[i]);
        const size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
        BOOST_REQUIRE_MESSAGE(length != 0 && i + length <= name.size(), language << " " << name);
        for (size_t k = 1; k < length; ++k)
          BOOST_REQUIRE((static_cast<unsigned char>(name[i + k]) & 0xC0) == 0x80);
        i += length;
      }
      BOOST_TEST(WeekdayName(day).rfind(name.substr(0, 1), 0) == 0u, language << " " << name);
    }
  }
  ScopedLanguage spanish("es");
  BOOST_TEST(ShortWeekdayName(2).rfind("mié", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
