#include <boost/test/unit_test.hpp>

#include "core/clock.h"
#include "reports/pattern_analyzer.h"
#include "reports/recurring_detector.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

struct Fixture {
  core::FakeClock clock{T("2026-11-11T21:00:00+01:00")};
  std::vector<core::Session> sessions = {SessionAt("2026-10-20T17:00:00+01:00"),
                                         SessionAt("2026-11-02T17:00:00+01:00")};
  std::vector<core::Entry> entries;

  std::vector<Observation> Recurring() {
    Period period = Period::SinceLastSession(sessions, clock);
    EntryIndex index(JournalData{entries, sessions, {}}, period);
    Tokenizer tokenizer;
    return RecurringDetector(tokenizer).Detect(index);
  }
  // Everyday entries that share common words with everything.
  void AddEveryday() {
    const char* days[] = {"2026-10-21", "2026-10-23", "2026-10-25", "2026-10-27", "2026-10-29",
                          "2026-10-31", "2026-11-04", "2026-11-06", "2026-11-07", "2026-11-09"};
    int i = 0;
    for (const char* d : days) {
      std::string at = std::string(d) + "T20:00:00+01:00";
      entries.push_back(Note(at, i % 2 ? "Work was long today and I felt tired after the meeting."
                                       : "Today I went to work, then the shops, and felt okay."));
      entries.push_back(Note(at, std::string("I felt flat after work again, day ") +
                                     std::to_string(++i) + " of the project."));
    }
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(recurring)

BOOST_FIXTURE_TEST_CASE(counts_a_loop_since_the_last_session, Fixture) {
  entries.push_back(
      Loop("2026-10-22T21:00:00+01:00", "Everyone is going to find out I'm a fraud."));
  entries.push_back(Loop("2026-11-03T22:10:00+01:00", "everyone is going to find out I'm a fraud"));
  entries.push_back(
      Loop("2026-11-05T08:00:00+01:00", "Everyone's going to find out that I'm a fraud!"));
  entries.push_back(Loop("2026-11-08T23:30:00+01:00", "everyone is going to find out I'm a fraud"));
  entries.push_back(
      Loop("2026-11-10T19:00:00+01:00", "Everyone is going to find out I am a fraud."));
  AddEveryday();
  auto obs = Recurring();
  BOOST_REQUIRE_EQUAL(obs.size(), 1u);
  const Observation& o = obs[0];
  BOOST_TEST(o.count == 4);
  const auto& d = std::get<RecurringDetail>(o.detail);
  BOOST_TEST(d.label == "everyone is going to find out I'm a fraud");  // the client's words
  BOOST_TEST(d.total == 5);
  BOOST_TEST(d.verbatim);
  BOOST_REQUIRE(d.since.has_value());
  BOOST_TEST(core::FormatDate(*d.since) == "2026-11-02");
  BOOST_TEST(o.summary ==
             "You wrote \"everyone is going to find out I'm a fraud\" 4 times since your last "
             "session (Nov 3, 5, 8, 10). 5 times in all, since Oct 22.");
  BOOST_REQUIRE_EQUAL(o.evidence.size(), 4u);
  BOOST_TEST(core::FormatDate(o.evidence.date(0)) == "2026-11-03");
}

BOOST_FIXTURE_TEST_CASE(a_worry_in_other_words_across_kinds, Fixture) {
  entries.push_back(
      Spike("2026-11-03T10:00:00+01:00", {"fear"}, "", "I'm going to lose my job over this"));
  entries.push_back(Note("2026-11-05T20:00:00+01:00",
                         "Long day. I keep thinking I will lose my job. Made pasta."));
  entries.push_back(Loop("2026-11-07T22:00:00+01:00", "what if I lose my job"));
  entries.push_back(Spike("2026-11-09T09:00:00+01:00", {"anxiety"}, "email from HR",
                          "losing my job, that's where this is going"));
  AddEveryday();
  auto obs = Recurring();
  BOOST_REQUIRE_EQUAL(obs.size(), 1u);
  BOOST_TEST(obs[0].count == 4);
  BOOST_TEST(!std::get<RecurringDetail>(obs[0].detail).verbatim);
  BOOST_TEST(obs[0].summary.starts_with("You wrote about \""));
}

BOOST_FIXTURE_TEST_CASE(not_fooled_by_common_words, Fixture) {
  AddEveryday();
  // Share "work", "today", "felt", "tired" with the everyday notes and each other,
  // but say different things.
  entries.push_back(Note("2026-11-04T21:00:00+01:00", "At work today my chair broke."));
  entries.push_back(Note("2026-11-06T21:00:00+01:00", "Today at work the printer jammed twice."));
  entries.push_back(
      Note("2026-11-08T21:00:00+01:00", "Felt tired at work today, the heating was off."));
  BOOST_TEST(Recurring().empty());
}

BOOST_FIXTURE_TEST_CASE(a_loop_word_for_word_is_remembered_across_sessions, Fixture) {
  // Once since the last session is enough when the same words came up
  // three times in all (issue: the memory across sessions).
  entries.push_back(Loop("2026-10-22T21:00:00+01:00", "I always ruin everything good"));
  entries.push_back(Loop("2026-10-24T21:00:00+01:00", "I always ruin everything good"));
  BOOST_TEST(Recurring().empty());  // nothing since the last session
  entries.push_back(Loop("2026-11-04T21:00:00+01:00", "I always ruin everything good."));
  auto obs = Recurring();
  BOOST_REQUIRE_EQUAL(obs.size(), 1u);
  BOOST_TEST(obs[0].count == 1);
  BOOST_TEST(std::get<RecurringDetail>(obs[0].detail).total == 3);
  BOOST_TEST(obs[0].summary ==
             "You wrote \"I always ruin everything good\" once since your last session (Nov 4). "
             "3 times in all, since Oct 22.",
             obs[0].summary);
  entries.push_back(Loop("2026-11-06T21:00:00+01:00", "I always ruin everything that's good"));
  entries.push_back(Loop("2026-11-08T21:00:00+01:00", "I ruin everything good, always"));
  obs = Recurring();
  BOOST_REQUIRE_EQUAL(obs.size(), 1u);
  BOOST_TEST(obs[0].count == 3);
  BOOST_TEST(std::get<RecurringDetail>(obs[0].detail).total == 5);
}

BOOST_FIXTURE_TEST_CASE(memory_needs_the_same_words_or_three_in_the_period, Fixture) {
  // Reworded before the period: the client decides whether it is the same
  // worry; twice in other words since the session is not enough on its own.
  entries.push_back(Loop("2026-10-22T21:00:00+01:00", "nobody at work respects me"));
  entries.push_back(Loop("2026-11-04T21:00:00+01:00", "no one at work respects me at all"));
  entries.push_back(Loop("2026-11-06T21:00:00+01:00", "people at work don't respect me"));
  AddEveryday();
  BOOST_TEST(Recurring().empty());
  // A note said twice since the session and three times before is a note.
  Fixture notes;
  for (const char* day : {"2026-10-22", "2026-10-25", "2026-10-28", "2026-11-04", "2026-11-06"})
    notes.entries.push_back(Note(std::string(day) + "T21:00:00+01:00", "Long call with the bank."));
  BOOST_TEST(notes.Recurring().empty());
  // Entries written after the period never count for it.
  Fixture later;
  later.clock.Set(T("2026-11-05T21:00:00+01:00"));
  for (const char* day : {"2026-11-04", "2026-11-20", "2026-11-27"})
    later.entries.push_back(Loop(std::string(day) + "T21:00:00+01:00", "I am a bad friend"));
  BOOST_TEST(later.Recurring().empty());
}

BOOST_AUTO_TEST_CASE(a_weekly_worry_shows_with_weekly_fortnightly_and_monthly_sessions) {
  // A worry written word for word once a week for nine weeks, the last on
  // 1 December; "today" is 3 December.
  std::vector<core::Entry> entries;
  for (int week = 0; week < 9; ++week) {
    const core::Date d = core::CivilFromDays(core::DaysFromCivil(D("2026-10-06")) + 7 * week);
    char at[40];
    std::snprintf(at, sizeof at, "%04d-%02d-%02dT21:30:00+01:00", d.year, d.month, d.day);
    entries.push_back(Loop(at, "I'm going to be found out at work"));
  }
  core::FakeClock clock(T("2026-12-03T09:00:00+01:00"));
  Tokenizer tokenizer;
  struct Case {
    const char* name;
    std::vector<const char*> sessions;
    int since;
  };
  for (const Case& c : std::vector<Case>{
           {"weekly", {"2026-11-19T17:00:00+01:00", "2026-11-26T17:00:00+01:00"}, 1},
           {"fortnightly", {"2026-11-05T17:00:00+01:00", "2026-11-19T17:00:00+01:00"}, 2},
           {"monthly", {"2026-10-01T17:00:00+01:00", "2026-11-01T17:00:00+01:00"}, 5},
       }) {
    std::vector<core::Session> sessions;
    for (const char* at : c.sessions) sessions.push_back(SessionAt(at));
    const Period period = Period::SinceLastSession(sessions, clock);
    EntryIndex index(JournalData{entries, sessions, {}}, period);
    auto obs = RecurringDetector(tokenizer).Detect(index);
    BOOST_REQUIRE_MESSAGE(obs.size() == 1u, c.name);
    BOOST_TEST(obs[0].count == c.since, c.name);
    BOOST_TEST(std::get<RecurringDetail>(obs[0].detail).total == 9, c.name);
    BOOST_TEST(obs[0].summary.find("since your last session") != std::string::npos, c.name);
    BOOST_TEST(obs[0].summary.find("9 times in all, since Oct 6.") != std::string::npos,
               obs[0].summary);
  }
}

BOOST_FIXTURE_TEST_CASE(an_entry_counts_once, Fixture) {
  for (const char* at : {"2026-11-04T21:00:00+01:00", "2026-11-06T21:00:00+01:00"}) {
    entries.push_back(Note(at, "My sister never calls back. My sister never calls me back."));
  }
  BOOST_TEST(Recurring().empty());  // two entries, however many sentences
}

BOOST_FIXTURE_TEST_CASE(count_similar_for_the_memory_question, Fixture) {
  entries.push_back(Loop("2026-11-03T22:10:00+01:00", "I'm too much for people"));
  entries.push_back(Loop("2026-11-05T22:10:00+01:00", "I am too much for people."));
  entries.push_back(Loop("2026-10-25T22:10:00+01:00", "I'm too much for people"));  // before
  AddEveryday();
  core::Entry fresh = Loop("2026-11-11T20:00:00+01:00", "i'm too much for people again");
  Period period = Period::SinceLastSession(sessions, clock);
  EntryIndex index(JournalData{entries, sessions, {}}, period);
  Tokenizer tokenizer;
  RecurringDetector detector(tokenizer);
  BOOST_TEST(detector.CountSimilar(fresh, index) == 3);
  // The same entry, already saved, is not counted twice.
  entries.push_back(fresh);
  EntryIndex index2(JournalData{entries, sessions, {}}, period);
  BOOST_TEST(detector.CountSimilar(fresh, index2) == 3);
  BOOST_TEST(detector.CountSimilar(
                 Loop("2026-11-11T20:00:00+01:00", "the cat is asleep on the piano"), index2) == 1);
}

BOOST_FIXTURE_TEST_CASE(whole_history_mode_counts_everything, Fixture) {
  for (int i = 1; i <= 6; ++i) {
    entries.push_back(Loop("2026-0" + std::to_string(i) + "-10T21:00:00+01:00",
                           "nobody would choose me if they had a choice"));
  }
  Period all = Period::WholeHistory(entries, clock);
  auto patterns = PatternAnalyzer::Analyze(JournalData{entries, sessions, {}}, all, clock);
  int recurring = 0;
  for (const Observation& o : patterns.observations) {
    if (o.type() != ObservationType::kRecurring) continue;
    ++recurring;
    BOOST_TEST(o.count == 6);
    BOOST_TEST(!std::get<RecurringDetail>(o.detail).since.has_value());
    BOOST_TEST(o.summary.find("between Jan 10 and Nov 11") != std::string::npos);
  }
  BOOST_TEST(recurring == 1);
}

BOOST_AUTO_TEST_CASE(fillers_and_interjections_never_recur_on_their_own) {
  Fixture f;
  f.AddEveryday();
  for (const char* day : {"2026-11-03", "2026-11-05", "2026-11-07", "2026-11-09", "2026-11-10"}) {
    const std::string at = std::string(day) + "T21:00:00+01:00";
    f.entries.push_back(Loop(at, "ugh"));
    f.entries.push_back(Loop(at, "Oh well."));
    f.entries.push_back(Loop(at, "hm, ok"));
  }
  BOOST_TEST(f.Recurring().empty());
  // A worry said with a filler still counts.
  for (const char* day : {"2026-11-03", "2026-11-05", "2026-11-08"})
    f.entries.push_back(Loop(std::string(day) + "T22:00:00+01:00", "ugh, I will never be enough"));
  auto found = f.Recurring();
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found[0].count == 3);
}

BOOST_AUTO_TEST_SUITE_END()
