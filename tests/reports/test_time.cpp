#include <boost/test/unit_test.hpp>

#include "core/clock.h"
#include "journal_generator.h"
#include "reports/time_detector.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

std::vector<Observation> TimePatterns(const std::vector<core::Entry>& entries,
                                      const core::Clock& clock) {
  Period period = Period::SinceLastSession({}, clock);
  EntryIndex index(JournalData{entries, {}, {}}, period);
  return TimeDetector::Detect(index, clock);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(time_patterns)

BOOST_AUTO_TEST_CASE(slots_follow_local_time_and_nights_belong_to_their_first_day) {
  // 02:00 on Monday 2026-11-09 in Berlin is Sunday night.
  TimeSlot s = SlotOf(T("2026-11-09T02:00:00+01:00"));
  BOOST_TEST(s.weekday == 6);
  BOOST_TEST(PartOfDayName(s.part) == "night");
  BOOST_TEST(core::FormatDate(s.date) == "2026-11-08");
  // The same instant in New York is Sunday evening, 20:00.
  s = SlotOf(T("2026-11-08T20:00:00-05:00"));
  BOOST_TEST(s.weekday == 6);
  BOOST_TEST(PartOfDayName(s.part) == "evening");
  BOOST_TEST(PartOfDayName(SlotOf(T("2026-11-09T05:00:00Z")).part) == "morning");
  BOOST_TEST(PartOfDayName(SlotOf(T("2026-11-09T11:59:00Z")).part) == "morning");
  BOOST_TEST(PartOfDayName(SlotOf(T("2026-11-09T12:00:00Z")).part) == "afternoon");
  BOOST_TEST(PartOfDayName(SlotOf(T("2026-11-09T17:00:00Z")).part) == "evening");
  BOOST_TEST(PartOfDayName(SlotOf(T("2026-11-09T21:00:00Z")).part) == "night");
  BOOST_TEST(SlotOf(T("2026-11-09T21:00:00Z")).weekday == 0);
}

BOOST_AUTO_TEST_CASE(sunday_nights_in_five_of_the_last_six_weeks) {
  // Today is Monday 2026-11-16; Sunday nights Oct 11 .. Nov 15.
  core::FakeClock clock(T("2026-11-16T20:00:00+01:00"));
  std::vector<core::Entry> entries;
  for (const char* at : {"2026-10-11T22:30:00+01:00", "2026-10-18T23:10:00+01:00",
                         "2026-10-26T00:40:00+01:00",  // Monday 00:40: Sunday night
                         "2026-11-08T22:00:00+01:00", "2026-11-15T21:45:00+01:00"}) {
    entries.push_back(Spike(at, {"anxiety"}));
  }
  // Spikes at other times, one a week or so.
  for (const char* at :
       {"2026-10-06T13:00:00+01:00", "2026-10-14T09:00:00+01:00", "2026-10-21T18:30:00+01:00",
        "2026-10-29T12:15:00+01:00", "2026-11-03T19:00:00+01:00", "2026-11-11T08:00:00+01:00"}) {
    entries.push_back(Spike(at, {"irritation"}));
  }
  auto obs = TimePatterns(entries, clock);
  BOOST_REQUIRE_EQUAL(obs.size(), 1u);
  const auto& d = std::get<TimeDetail>(obs[0].detail);
  BOOST_TEST(d.weekday == 6);
  BOOST_TEST(PartOfDayName(d.part) == "night");
  BOOST_TEST(obs[0].count == 5);
  BOOST_TEST(d.emotion == "anxiety");
  BOOST_TEST(obs[0].id == "time-sunday-night");
  BOOST_TEST(obs[0].evidence.size() == 5u);
  BOOST_TEST(obs[0].summary == "Anxiety came up on Sunday night in 5 of the last 6 weeks.");
}

BOOST_AUTO_TEST_CASE(two_weeks_are_never_a_pattern) {
  core::FakeClock clock(T("2026-11-16T20:00:00+01:00"));
  std::vector<core::Entry> entries;
  for (int i = 0; i < 4; ++i) {
    entries.push_back(Spike("2026-11-08T22:0" + std::to_string(i) + ":00+01:00", {"anxiety"}));
    entries.push_back(Spike("2026-11-15T22:0" + std::to_string(i) + ":00+01:00", {"anxiety"}));
  }
  BOOST_TEST(TimePatterns(entries, clock).empty());
}

BOOST_AUTO_TEST_CASE(someone_who_always_writes_at_night_has_no_weekday_pattern) {
  // Every spike at night, on every weekday: a rhythm, not a Sunday pattern.
  core::FakeClock clock(T("2026-11-16T20:00:00+01:00"));
  std::vector<core::Entry> entries;
  int64_t day = core::DaysFromCivil(core::Date{2026, 9, 22});
  for (int i = 0; i < 55; ++i) {
    core::Date d = core::CivilFromDays(day + i);
    char at[64];
    std::snprintf(at, sizeof at, "%04d-%02d-%02dT22:%02d:00+01:00", d.year, d.month, d.day, i % 60);
    entries.push_back(Spike(at, {"anxiety"}));
  }
  BOOST_TEST(TimePatterns(entries, clock).empty());
}

// The bar: at most 5 % of journals of random times may yield any
// time pattern. Measured over 600 journals of 8 weeks (the evidence window)
// with 4 to 40 spikes, uniform and evening-weighted hours.
BOOST_AUTO_TEST_CASE(random_times_almost_never_produce_a_pattern) {
  const core::Timestamp now = T("2026-11-16T21:00:00+01:00");
  core::FakeClock clock(now);
  int journals = 0;
  int with_pattern = 0;
  for (uint64_t seed = 1; seed <= 600; ++seed) {
    const int spikes = 4 + static_cast<int>(seed * 7 % 37);
    auto entries = RandomSpikes(seed, 8, spikes, now, seed % 2 == 0);
    ++journals;
    if (!TimePatterns(entries, clock).empty()) ++with_pattern;
  }
  const double rate = static_cast<double>(with_pattern) / journals;
  BOOST_TEST_MESSAGE("time patterns in random journals: " << with_pattern << " of " << journals
                                                          << " (" << rate * 100 << " %)");
  BOOST_TEST(rate <= 0.05);
}

// Heavier and longer random journals: a year of 15 spikes a week, analysed
// over the whole year.
BOOST_AUTO_TEST_CASE(random_times_over_a_year_of_heavy_use) {
  const core::Timestamp now = T("2026-11-16T21:00:00+01:00");
  core::FakeClock clock(now);
  int with_pattern = 0;
  const int journals = 300;
  for (uint64_t seed = 1; seed <= journals; ++seed) {
    auto entries = RandomSpikes(seed * 7919, 52, 52 * 15, now, true);
    Period year = Period::WholeHistory(entries, clock);
    EntryIndex index(JournalData{entries, {}, {}}, year);
    if (!TimeDetector::Detect(index, clock).empty()) ++with_pattern;
  }
  BOOST_TEST_MESSAGE("time patterns in random year-long journals: " << with_pattern << " of "
                                                                    << journals);
  BOOST_TEST(with_pattern <= journals * 5 / 100);
}

BOOST_AUTO_TEST_SUITE_END()
