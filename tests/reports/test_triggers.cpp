#include <boost/test/unit_test.hpp>

#include "core/clock.h"
#include "reports/trigger_detector.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

struct Fixture {
  core::FakeClock clock{T("2026-11-16T20:00:00+01:00")};
  std::vector<core::Entry> entries;
  int day = 1;

  void Add(std::vector<std::string> emotions, std::string_view before,
           std::vector<std::string> tags = {}) {
    char at[64];
    std::snprintf(at, sizeof at, "2026-10-%02dT%02d:00:00+01:00", 1 + day % 30, 8 + day % 12);
    ++day;
    core::Entry e = Spike(at, std::move(emotions), before);
    e.tags = std::move(tags);
    entries.push_back(std::move(e));
  }
  std::vector<Observation> Detect() {
    auto period = Period::Between(core::Date{2026, 10, 1}, core::Date{2026, 11, 16});
    EntryIndex index(JournalData{entries, {}, {}}, *period);
    Tokenizer tokenizer;
    return TriggerDetector(tokenizer).Detect(index);
  }
  void Background() {
    const char* befores[] = {"a call from my sister",
                             "the bus was late",
                             "lunch with Sam",
                             "a message from the bank",
                             "cleaning the flat",
                             "my manager was off sick",
                             "the news",
                             "an email about the car",
                             "walking home",
                             "the school run",
                             "a text from the landlord",
                             "my neighbour's music"};
    const char* emotions[] = {"anxiety", "sadness", "irritation", "anger", "guilt", "shame"};
    for (int i = 0; i < 24; ++i) Add({emotions[i % 6]}, befores[i % 12]);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(triggers)

BOOST_FIXTURE_TEST_CASE(anxiety_after_messages_from_the_manager, Fixture) {
  Background();
  Add({"anxiety"}, "a message from my manager");
  Add({"anxiety", "shame"}, "another message from my manager");
  Add({"anxiety"}, "my manager messaged me late");
  Add({"anxiety"}, "message from my manager about the deadline");
  Add({"anxiety"}, "a message from my manager on Sunday");
  Add({"irritation"}, "a message from my manager");
  auto obs = Detect();
  BOOST_REQUIRE(!obs.empty());
  const auto& d = std::get<TriggerDetail>(obs[0].detail);
  BOOST_TEST(d.emotion == "anxiety");
  BOOST_TEST(obs[0].count == 5);
  BOOST_TEST(d.occurrences == 6);
  // The client's own words, the most frequent way they wrote it.
  BOOST_TEST(d.trigger == "message from my manager");
  BOOST_TEST(obs[0].summary ==
             "Anxiety followed \"message from my manager\" 5 of the 6 times it came up "
             "(since Oct 1), all of them between Oct 1 and Nov 16.");
  BOOST_TEST(d.in_period == 5);
  // The single word "manager" says the same thing: not reported twice.
  BOOST_TEST(obs.size() == 1u);
}

BOOST_FIXTURE_TEST_CASE(tags_are_triggers_too, Fixture) {
  Background();
  for (int i = 0; i < 5; ++i) Add({"exhaustion"}, "", {"Night shift"});
  Add({"calm"}, "", {"night shift"});
  auto obs = Detect();
  BOOST_REQUIRE_EQUAL(obs.size(), 1u);
  BOOST_TEST(std::get<TriggerDetail>(obs[0].detail).trigger == "Night shift");
  BOOST_TEST(obs[0].count == 5);
}

BOOST_FIXTURE_TEST_CASE(not_above_the_base_rate_is_no_trigger, Fixture) {
  // Anxiety in nearly every spike: following the manager's messages is just its base rate.
  for (int i = 0; i < 20; ++i)
    Add({"anxiety"}, i % 4 == 0 ? "message from my manager" : "other things");
  BOOST_TEST(Detect().empty());
}

BOOST_FIXTURE_TEST_CASE(fewer_than_three_is_no_trigger, Fixture) {
  Background();
  Add({"joy"}, "a letter from grandma");
  Add({"joy"}, "a letter from grandma");
  BOOST_TEST(Detect().empty());
}

BOOST_AUTO_TEST_SUITE_END()
