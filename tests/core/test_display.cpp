#include <boost/test/unit_test.hpp>

#include "core/display.h"

using namespace fieldnotes::core;

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

BOOST_AUTO_TEST_SUITE_END()
