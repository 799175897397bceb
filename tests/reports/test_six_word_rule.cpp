#include <boost/test/unit_test.hpp>

#include <set>

#include "reports/six_word_rule.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

std::vector<core::Entry> OneEntry(std::string_view text) {
  return {Note("2026-11-03T21:40:00+01:00", text)};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(six_word_rule)

BOOST_AUTO_TEST_CASE(words_fold_case_accents_and_apostrophes) {
  const auto words = SixWordRule::Words("Déjà vu: I DON’T—can't   keep up, 2 times!");
  const std::vector<std::string> want = {"deja", "vu", "i", "dont", "cant",
                                         "keep", "up", "2", "times"};
  BOOST_TEST(words == want, boost::test_tools::per_element());
  const auto greek = SixWordRule::Words("Νιώθω ΠΟΛΎ κουρασμένη");
  BOOST_REQUIRE_EQUAL(greek.size(), 3u);
  BOOST_TEST(greek[1] == SixWordRule::Words("πολυ")[0]);
  // Chinese and Japanese: one word per character.
  BOOST_TEST(SixWordRule::Words("今日は疲れた").size() == 6u);
}

BOOST_AUTO_TEST_CASE(finds_a_run_whatever_the_punctuation_and_case) {
  auto entries = OneEntry("If I don't answer straight away, they'll think I can't keep up.");
  std::vector<GuardedText> texts = {
      {"a", "You wrote: IF I DONT ANSWER STRAIGHT — away! Later.", {}, false},
      {"b", "answer straight away they'll think", {}, false},  // five words: fine
      {"c", "You wrote \"If I don't answer straight…\" 4 times.", {}, false},
  };
  const auto v = SixWordRule::Check(entries, texts);
  BOOST_REQUIRE_EQUAL(v.size(), 1u);
  BOOST_TEST(v[0].where == "a");
  BOOST_TEST(v[0].run == "if i dont answer straight away");
}

BOOST_AUTO_TEST_CASE(every_protected_field_counts) {
  core::Entry e = Spike("2026-11-03T09:00:00+01:00", {"anxiety"});
  e.followups.push_back(
      {"What were you afraid would happen?", "that she would decide I am no good"});
  e.unsaid = "can you tell me what it is about first";
  std::vector<core::Entry> entries = {e};
  std::vector<GuardedText> texts = {
      {"answer", "so: that she would decide I am", {}, false},
      {"unsaid", "Can you tell me what it is", {}, false},
  };
  std::set<std::string> where;
  for (const auto& x : SixWordRule::Check(entries, texts)) where.insert(x.where);
  BOOST_TEST(where == (std::set<std::string>{"answer", "unsaid"}));
}

BOOST_AUTO_TEST_CASE(chosen_excerpts_and_the_clients_own_lines_pass) {
  auto entries = OneEntry("everyone is going to find out I'm a fraud");
  const std::string label = "everyone is going to find out I'm a fraud";
  std::vector<GuardedText> texts = {
      {"quoted", "You wrote \"" + label + "\" 4 times.", {label}, false},
      {"own", "I keep thinking everyone is going to find out I'm a fraud", {}, true},
      {"unchosen", "You wrote \"" + label + "\" 4 times.", {}, false},
      // An excerpt allows only runs inside it, not the words around it.
      {"around", "everyone is going to find out I'm", {"a fraud"}, false},
  };
  const auto v = SixWordRule::Check(entries, texts);
  std::set<std::string> where;
  for (const auto& x : v) where.insert(x.where);
  BOOST_TEST(where == (std::set<std::string>{"unchosen", "around"}));
}

BOOST_AUTO_TEST_CASE(runs_do_not_span_two_fields) {
  core::Entry e = Spike("2026-11-03T09:00:00+01:00", {"anxiety"}, "one two three", "four five six");
  std::vector<core::Entry> entries = {e};
  std::vector<GuardedText> texts = {{"x", "one two three four five six", {}, false}};
  BOOST_TEST(SixWordRule::Check(entries, texts).empty());
}

BOOST_AUTO_TEST_CASE(first_words_keeps_five_words_as_written) {
  BOOST_TEST(SixWordRule::FirstWords("If I don't answer straight away, they'll think") ==
             "If I don't answer straight\u2026");
  BOOST_TEST(SixWordRule::FirstWords("short and sweet") == "short and sweet");
  BOOST_TEST(SixWordRule::FirstWords("one two three four five, six", 5) ==
             "one two three four five\u2026");
  BOOST_TEST(SixWordRule::Words(SixWordRule::FirstWords("a b c d e f g h")).size() == 5u);
  BOOST_TEST(SixWordRule::FirstWords("Αυτό είναι ένα μεγάλο κείμενο εδώ", 2) == "Αυτό είναι\u2026");
}

BOOST_AUTO_TEST_SUITE_END()
