#include <boost/test/unit_test.hpp>

#include "core/clock.h"
#include "reports/period.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

BOOST_AUTO_TEST_SUITE(period)

BOOST_AUTO_TEST_CASE(since_last_session_uses_the_latest_past_session) {
  core::FakeClock clock(T("2026-11-16T20:00:00+01:00"));
  std::vector<core::Session> sessions = {SessionAt("2026-10-20T17:00:00+01:00"),
                                         SessionAt("2026-11-03T17:00:00+01:00"),
                                         SessionAt("2026-11-17T17:00:00+01:00")};  // booked
  Period p = Period::SinceLastSession(sessions, clock);
  BOOST_REQUIRE(p.session().has_value());
  BOOST_TEST(core::FormatDate(p.from()) == "2026-11-03");
  BOOST_TEST(core::FormatDate(p.to()) == "2026-11-16");
  BOOST_TEST(p.Days() == 14);
  BOOST_TEST(p.Phrase() == "since your last session");
  // Written the morning of the session: before it, so not "since".
  BOOST_TEST(!p.Contains(Note("2026-11-03T09:00:00+01:00", "x")));
  BOOST_TEST(p.Contains(Note("2026-11-03T19:00:00+01:00", "x")));
  BOOST_TEST(p.Contains(Note("2026-11-16T19:00:00+01:00", "x")));
  BOOST_TEST(!p.Contains(Note("2026-11-17T09:00:00+01:00", "x")));
  // Moving the clock past the booked session moves the period.
  clock.Set(T("2026-11-18T08:00:00+01:00"));
  BOOST_TEST(core::FormatDate(Period::SinceLastSession(sessions, clock).from()) == "2026-11-17");
}

BOOST_AUTO_TEST_CASE(without_a_session_the_last_two_weeks) {
  core::FakeClock clock(T("2026-11-16T20:00:00-05:00"));
  Period p = Period::SinceLastSession({}, clock);
  BOOST_TEST(!p.session().has_value());
  BOOST_TEST(core::FormatDate(p.from()) == "2026-11-03");
  BOOST_TEST(p.Days() == Period::kNoSessionDays);
}

BOOST_AUTO_TEST_CASE(local_dates_decide_membership) {
  auto p = Period::Between(D("2026-11-01"), D("2026-11-30"));
  BOOST_REQUIRE(p.ok());
  // 23:30 on Nov 30 in New York is Dec 1 in UTC: still November locally.
  BOOST_TEST(p->Contains(Note("2026-11-30T23:30:00-05:00", "x")));
  BOOST_TEST(!p->Contains(Note("2026-12-01T00:30:00+01:00", "x")));
  BOOST_TEST(p->Phrase() == "between Nov 1 and Nov 30");
  Period prev = p->Previous();
  BOOST_TEST(core::FormatDate(prev.from()) == "2026-10-02");
  BOOST_TEST(core::FormatDate(prev.to()) == "2026-10-31");
  BOOST_TEST(!Period::Between(D("2026-11-02"), D("2026-11-01")).ok());
}

BOOST_AUTO_TEST_CASE(without_a_session_the_default_view_says_the_last_14_days) {
  core::FakeClock clock(T("2026-11-16T20:00:00+01:00"));
  Period none = Period::SinceLastSession({}, clock);
  BOOST_TEST(!none.session().has_value());
  BOOST_TEST(none.Days() == 14);
  BOOST_TEST(none.Phrase() == "in the last 14 days");
  // A session booked for later is not a last session.
  std::vector<core::Session> booked = {SessionAt("2026-11-20T17:00:00+01:00")};
  BOOST_TEST(Period::SinceLastSession(booked, clock).Phrase() == "in the last 14 days");
  std::vector<core::Session> held = {SessionAt("2026-11-10T17:00:00+01:00")};
  BOOST_TEST(Period::SinceLastSession(held, clock).Phrase() == "since your last session");
}

BOOST_AUTO_TEST_CASE(whole_history_starts_at_the_first_entry) {
  core::FakeClock clock(T("2026-11-16T20:00:00+01:00"));
  std::vector<core::Entry> entries = {Note("2025-02-03T10:00:00+01:00", "a"),
                                      Note("2026-01-01T10:00:00+01:00", "b")};
  Period p = Period::WholeHistory(entries, clock);
  BOOST_TEST(core::FormatDate(p.from()) == "2025-02-03");
  BOOST_TEST(p.Phrase() == "between Feb 3, 2025 and Nov 16");
}

BOOST_AUTO_TEST_SUITE_END()
