#include <boost/test/unit_test.hpp>

#include "core/clock.h"
#include "reports/mood_detector.h"
#include "reports/thread_detector.h"
#include "reports/writing_effect_detector.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

struct Fixture {
  core::FakeClock clock{T("2026-11-09T21:00:00+01:00")};
  std::vector<core::Session> sessions = {SessionAt("2026-11-03T17:00:00+01:00")};
  std::vector<core::Thread> threads;
  std::vector<core::Entry> entries;

  EntryIndex Index() {
    return EntryIndex(JournalData{entries, sessions, threads},
                      Period::SinceLastSession(sessions, clock));
  }
  core::Entry& Add(std::string_view at, std::vector<std::string> emotions,
                   std::optional<int> intensity) {
    core::Entry e = Spike(at, std::move(emotions));
    e.intensity = intensity;
    entries.push_back(std::move(e));
    return entries.back();
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(mood_threads_writing)

BOOST_FIXTURE_TEST_CASE(mood_series_against_the_previous_period, Fixture) {
  // The period is Nov 3..9 (7 days); the previous one Oct 27..Nov 2.
  Add("2026-11-04T10:00:00+01:00", {"anxiety"}, 8).mood_before = 3;
  core::Entry& both = Add("2026-11-04T20:00:00+01:00", {"Anxiety", "shame"}, 6);
  both.mood_before = 4;
  both.mood_after = 6;
  Add("2026-11-06T20:00:00+01:00", {"anxiety"}, 7);
  Add("2026-11-07T20:00:00+01:00", {"calm"}, std::nullopt).mood_after = 8;
  Add("2026-10-28T20:00:00+01:00", {"anxiety"}, 4).mood_before = 6;
  Add("2026-10-30T20:00:00+01:00", {"anxiety"}, 5);
  Add("2026-10-20T20:00:00+01:00", {"anxiety"}, 10).mood_before = 0;  // older: in neither
  auto obs = MoodDetector::Detect(Index());
  BOOST_REQUIRE_GE(obs.size(), 2u);
  const auto& mood = std::get<MoodDetail>(obs[0].detail);
  BOOST_TEST(obs[0].id == "mood");
  BOOST_TEST(mood.emotion.empty());
  BOOST_TEST(obs[0].count == 3);  // entries with a mood noted, before or after
  BOOST_REQUIRE_EQUAL(mood.series.size(), 7u);
  BOOST_REQUIRE_EQUAL(mood.after.size(), 7u);
  BOOST_REQUIRE_EQUAL(mood.previous.size(), 7u);
  BOOST_TEST(core::FormatDate(mood.series[0].date) == "2026-11-03");
  BOOST_TEST(core::FormatDate(mood.previous[0].date) == "2026-10-27");
  BOOST_TEST(mood.series[1].entries == 2);
  BOOST_TEST(*mood.series[1].average == 3.5);
  BOOST_TEST(*mood.after[1].average == 6.0);
  BOOST_TEST(*mood.after[4].average == 8.0);
  BOOST_TEST(!mood.series[0].average.has_value());
  BOOST_TEST(*mood.average == 3.5);
  BOOST_TEST(*mood.average_after == 7.0);
  BOOST_TEST(*mood.previous_average == 6.0);
  BOOST_TEST(!mood.previous_average_after.has_value());
  BOOST_TEST(mood.previous_count == 1);
  BOOST_TEST(obs[0].summary ==
             "Mood noted in 3 entries since your last session: 3.5 on average before writing, "
             "7.0 after (0 to 10). In the 7 days before: 6.0 on average before writing, over "
             "1 entry.");
  // A feeling: how often, and its own intensity.
  const auto& anxiety = std::get<MoodDetail>(obs[1].detail);
  BOOST_TEST(anxiety.emotion == "anxiety");  // "Anxiety" and "anxiety" are one
  BOOST_TEST(obs[1].count == 3);
  BOOST_TEST(*anxiety.average == 7.0);
  BOOST_TEST(obs[1].summary ==
             "Anxiety came up in 3 entries since your last session (average intensity 7.0), "
             "against 2 in the 7 days before (average intensity 4.5).");
  BOOST_TEST(obs[1].id == "mood-anxiety");
}

BOOST_FIXTURE_TEST_CASE(feelings_of_opposite_kinds_are_never_one_mood, Fixture) {
  // Relief at 8 and panic at 8, no mood noted: there is no "mood" to
  // report, only each feeling with its own intensity.
  Add("2026-11-04T10:00:00+01:00", {"relief"}, 8);
  Add("2026-11-05T10:00:00+01:00", {"relief"}, 8);
  Add("2026-11-06T10:00:00+01:00", {"panic"}, 8);
  Add("2026-11-07T10:00:00+01:00", {"panic"}, 8);
  auto obs = MoodDetector::Detect(Index());
  BOOST_REQUIRE_EQUAL(obs.size(), 2u);
  for (const Observation& o : obs) {
    const auto& d = std::get<MoodDetail>(o.detail);
    BOOST_TEST(!d.emotion.empty());
    BOOST_TEST(o.summary.find("came up in 2 entries") != std::string::npos);
  }
}

BOOST_FIXTURE_TEST_CASE(no_intensities_no_mood, Fixture) {
  Add("2026-11-04T10:00:00+01:00", {}, std::nullopt);
  BOOST_TEST(MoodDetector::Detect(Index()).empty());
}

BOOST_FIXTURE_TEST_CASE(threads_count_follow_ups_and_quote_the_latest, Fixture) {
  threads.push_back(
      {core::NewUuid(), "Box breathing before calls", T("2026-11-04T09:00:00+01:00")});
  threads.push_back({core::NewUuid(), "Phone out of the bedroom", T("2026-11-05T09:00:00+01:00")});
  threads.push_back({core::NewUuid(), "Old thread", T("2026-09-01T09:00:00+01:00")});
  for (auto [at, text] : {std::pair{"2026-11-04T09:00:00+01:00", "Tried it before the 9am call."},
                          std::pair{"2026-11-08T18:00:00+01:00",
                                    "Honestly I forgot until Friday, then it helped a bit."}}) {
    core::Entry e = MakeEntry(core::EntryKind::kThread, at);
    e.thread = "box breathing before calls";
    e.text = text;
    entries.push_back(e);
  }
  auto obs = ThreadDetector::Detect(Index());
  BOOST_REQUIRE_EQUAL(obs.size(), 2u);
  BOOST_TEST(obs[0].count == 2);
  const auto& d = std::get<ThreadDetail>(obs[0].detail);
  BOOST_TEST(d.thread == "Box breathing before calls");
  BOOST_TEST(d.latest == "Honestly I forgot until Friday, then it helped a bit");
  BOOST_TEST(obs[0].summary ==
             "\"Box breathing before calls\": you followed it up twice since your last session. "
             "The latest, on Nov 8: \"Honestly I forgot until Friday, then it helped a bit\"");
  BOOST_TEST(obs[1].count == 0);
  BOOST_TEST(obs[1].summary ==
             "\"Phone out of the bedroom\": no entries followed it up since your last session.");
}

BOOST_FIXTURE_TEST_CASE(a_thread_says_how_often_in_all_since_it_began, Fixture) {
  threads.push_back({core::NewUuid(), "A walk before email", T("2026-10-01T09:00:00+02:00")});
  // Followed up weekly since October; once since the last session (Nov 3);
  // one written after the period's end never counts.
  for (const char* at : {"2026-10-05T09:00:00+02:00", "2026-10-12T09:00:00+02:00",
                         "2026-10-19T09:00:00+02:00", "2026-11-05T09:00:00+01:00",
                         "2026-11-12T09:00:00+01:00"}) {
    core::Entry e = MakeEntry(core::EntryKind::kThread, at);
    e.thread = "A walk before email";
    e.text = "Walked.";
    entries.push_back(e);
  }
  auto obs = ThreadDetector::Detect(Index());
  BOOST_REQUIRE_EQUAL(obs.size(), 1u);
  BOOST_TEST(obs[0].count == 1);
  const auto& d = std::get<ThreadDetail>(obs[0].detail);
  BOOST_TEST(d.total == 4);
  BOOST_TEST(core::FormatDate(*d.first_date) == "2026-10-05");
  BOOST_TEST(obs[0].summary.find("once since your last session. 4 times in all, since Oct 5.") !=
                 std::string::npos,
             obs[0].summary);
}

BOOST_FIXTURE_TEST_CASE(writing_that_leaves_you_worse_is_said_gently, Fixture) {
  const char* days[] = {"2026-10-20", "2026-10-25", "2026-10-30",
                        "2026-11-04", "2026-11-06", "2026-11-08"};
  int i = 0;
  for (const char* d : days) {
    core::Entry& e = Add(std::string(d) + "T20:00:00+01:00", {"sadness"}, 5);
    e.mood_before = 6;
    e.mood_after = i++ == 1 ? 7 : 4;
  }
  auto obs = WritingEffectDetector::Detect(Index());
  BOOST_REQUIRE_EQUAL(obs.size(), 1u);
  BOOST_TEST(obs[0].count == 5);
  BOOST_TEST(obs[0].client_only());
  BOOST_TEST(std::get<WritingEffectDetail>(obs[0].detail).considered == 6);
  BOOST_TEST(obs[0].summary.starts_with(
      "In 5 of your last 6 entries with a mood before and after, you felt worse after writing"));
  BOOST_TEST(obs[0].summary.find("close the journal and rest") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(writing_that_helps_or_too_few_says_nothing, Fixture) {
  for (int i = 0; i < 8; ++i) {
    core::Entry& e = Add("2026-11-0" + std::to_string(1 + i) + "T20:00:00+01:00", {"sadness"}, 5);
    e.mood_before = 4;
    e.mood_after = i < 4 ? 3 : 6;  // worse in exactly half: not "most"
  }
  BOOST_TEST(WritingEffectDetector::Detect(Index()).empty());
  entries.clear();
  for (int i = 0; i < 3; ++i) {
    core::Entry& e = Add("2026-11-0" + std::to_string(4 + i) + "T20:00:00+01:00", {"sadness"}, 5);
    e.mood_before = 6;
    e.mood_after = 2;
  }
  BOOST_TEST(WritingEffectDetector::Detect(Index()).empty());  // three entries are too few
}

BOOST_AUTO_TEST_SUITE_END()
