#include <boost/test/unit_test.hpp>

#include "core/clock.h"
#include "core/timestamp.h"

using namespace fieldnotes::core;

BOOST_AUTO_TEST_SUITE(timestamp)

BOOST_AUTO_TEST_CASE(parse_and_format_round_trip) {
  for (const char* s :
       {"2026-11-03T21:40:00+01:00", "2026-11-03T21:40:00Z", "1999-12-31T23:59:59-05:30",
        "2024-02-29T00:00:00+14:00", "0001-01-02T00:00:00Z"}) {
    auto t = ParseTimestamp(s);
    BOOST_REQUIRE_MESSAGE(t.ok(), s);
    BOOST_TEST(FormatTimestamp(*t) == s);
  }
  auto t = ParseTimestamp("2026-11-03T21:40:00+01:00").value();
  BOOST_TEST(t.unix_seconds == 1793738400);
  BOOST_TEST(t.offset_minutes == 60);
  // Seconds are optional on input.
  BOOST_TEST(ParseTimestamp("2026-11-03T21:40+01:00").value().unix_seconds == 1793738400);
}

BOOST_AUTO_TEST_CASE(rejects_malformed) {
  for (const char* s :
       {"", "2026-11-03", "2026-11-03T21:40:00", "2026-13-03T21:40:00Z", "2026-02-30T10:00:00Z",
        "2025-02-29T10:00:00Z", "2026-11-03T24:00:00Z", "2026-11-03T21:40:00+19:00",
        "2026-11-03T21:40:00.5Z", "2026-11-03T21:40:00+0100", "2026-11-03T21:40:00Zjunk",
        "２０２６-11-03T21:40:00Z", "2026-11-03X21:40:00Z"}) {
    BOOST_TEST(!ParseTimestamp(s).ok(), s);
  }
  // Without an offset, only when the caller gives a default.
  auto t = ParseTimestamp("2026-11-03T21:40:00", 120);
  BOOST_REQUIRE(t.ok());
  BOOST_TEST(t->offset_minutes == 120);
}

BOOST_AUTO_TEST_CASE(local_fields_use_the_writers_offset) {
  // 23:30 on Sunday in UTC-05:00 is Monday 04:30 UTC.
  auto t = ParseTimestamp("2026-11-08T23:30:00-05:00").value();
  BOOST_TEST(t.LocalWeekday() == 6);  // Sunday
  BOOST_TEST(t.LocalHour() == 23);
  BOOST_TEST(FormatDate(t.LocalDate()) == "2026-11-08");
  Timestamp utc{t.unix_seconds, 0};
  BOOST_TEST(utc.LocalWeekday() == 0);  // Monday
  BOOST_TEST(utc.LocalHour() == 4);
}

BOOST_AUTO_TEST_CASE(civil_days_round_trip) {
  for (int64_t d = -800000; d < 800000; d += 997) BOOST_TEST(DaysFromCivil(CivilFromDays(d)) == d);
  BOOST_TEST(DaysFromCivil({1970, 1, 1}) == 0);
  BOOST_TEST(FormatDate(CivilFromDays(20000)) == "2024-10-04");
  BOOST_TEST(!ParseDate("2026-02-29").ok());
  BOOST_TEST(ParseDate("2028-02-29").ok());
}

BOOST_AUTO_TEST_CASE(fake_clock_moves_only_when_told) {
  FakeClock clock(ParseTimestamp("2026-11-03T09:00:00+01:00").value());
  auto a = clock.Now();
  clock.AdvanceSeconds(3600);
  BOOST_TEST(clock.Now().unix_seconds - a.unix_seconds == 3600);
  BOOST_TEST(clock.Now().offset_minutes == 60);
  BOOST_TEST(SystemClock::Instance().Now().unix_seconds > 1700000000);
}

BOOST_AUTO_TEST_SUITE_END()
