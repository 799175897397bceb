// The same worry in other words: the client's decisions, the synonym lists,
// the suggestions, and confirmed groups counting together.
#include <boost/test/unit_test.hpp>

#include "core/clock.h"
#include "reports/loop_groups.h"
#include "reports/recurring_detector.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

struct Suggesting {
  Tokenizer tokenizer;
  SynonymTable synonyms = SynonymTable::FromEmbedded(tokenizer).value();
  LoopSuggester suggester{tokenizer, synonyms};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(loop_groups)

BOOST_AUTO_TEST_CASE(join_separate_and_the_record) {
  const std::string a = core::NewUuid(), b = core::NewUuid(), c = core::NewUuid(),
                    d = core::NewUuid();
  LoopGroups g;
  g.Join(std::vector<std::string>{a, b});
  g.Join(std::vector<std::string>{c, b});  // joins the group b is in
  BOOST_REQUIRE_EQUAL(g.same.size(), 1u);
  BOOST_TEST(g.same[0].size() == 3u);
  BOOST_TEST(g.GroupOf(c) == g.GroupOf(a));
  g.Separate(std::vector<std::string>{c});  // c alone again; nothing declined
  BOOST_TEST(g.GroupOf(c) == nullptr);
  BOOST_TEST(g.apart.empty());
  g.Separate(std::vector<std::string>{a, b, d});  // three apart: the group is gone
  BOOST_TEST(g.same.empty());
  BOOST_TEST(g.apart.size() == 3u);
  BOOST_TEST(g.Declined(b, a));
  g.Join(std::vector<std::string>{a, b});  // joining again forgets the decline
  BOOST_TEST(!g.Declined(a, b));
  BOOST_TEST(g.Declined(a, d));

  auto back = LoopGroupsFromJson(LoopGroupsToJson(g));
  BOOST_REQUIRE(back.ok());
  BOOST_TEST((*back == g));
}

BOOST_AUTO_TEST_CASE(a_bad_record_is_refused) {
  const std::string id = core::NewUuid();
  for (const std::string& bad : std::vector<std::string>{
           "", "{", "[]", R"({"format":1})", R"({"format":1,"same":{},"apart":[]})",
        R"({"format":1,"same":[["not-a-uuid","x"]],"apart":[]})",
        R"({"format":1,"same":[[")" + id + R"("]],"apart":[]})",  // a group of one
        R"({"format":1,"same":[],"apart":[[")" + id + R"("]]})",  // half a pair
        R"({"format":"1","same":[],"apart":[]})"}) {
    BOOST_TEST(LoopGroupsFromJson(bad).status().IsCorruption(), bad);
  }
  BOOST_TEST(LoopGroupsFromJson(R"({"format":2,"same":[],"apart":[]})").status().code() ==
             core::Status::Code::kUnsupported);
}

BOOST_AUTO_TEST_CASE(synonym_lists_are_well_formed_and_match_phrases) {
  Tokenizer tokenizer;
  auto table = SynonymTable::FromEmbedded(tokenizer);
  BOOST_REQUIRE_MESSAGE(table.ok(), table.status().ToString());
  BOOST_TEST(table->size() >= 100u);
  auto own = SynonymTable::FromText("# a test list\nmother, mum, mom\nfire, sack, let go, lose my job\n",
                                    "test.txt", tokenizer);
  BOOST_REQUIRE(own.ok());
  LoopSuggester s(tokenizer, *own);
  BOOST_TEST(Has(s.Concepts("My mum's angry"), "=mother"));
  BOOST_TEST(Has(s.Concepts("They will let me go, I know it"), "=fire") == false);  // not adjacent
  BOOST_TEST(Has(s.Concepts("They're going to let go of me"), "=fire"));
  BOOST_TEST(Has(s.Concepts("I'll lose my job"), "=fire"));
  BOOST_TEST(Has(s.Concepts("Getting sacked"), "=fire"));  // stemmed: sacked -> sack
  for (const std::string bad : {"mother\n", "mother,, mum\n", "a, b c d e f g h i j\n"}) {
    BOOST_TEST(!SynonymTable::FromText(bad, "bad.txt", tokenizer).ok(), bad);
  }
}

BOOST_AUTO_TEST_CASE(suggests_the_same_worry_in_other_words_and_only_that) {
  Suggesting f;
  std::vector<core::Entry> entries = {
      Loop("2026-10-01T21:00:00+02:00", "Mum will be so disappointed in me."),
      Loop("2026-10-08T21:00:00+02:00", "Mum will be so disappointed in me."),
      Loop("2026-10-20T21:00:00+02:00", "My mother is going to be so disappointed in me again."),
      Loop("2026-10-02T21:00:00+02:00", "The train will be late and I'll miss the interview."),
      Loop("2026-10-09T21:00:00+02:00", "My boss thinks I'm lazy."),
  };
  auto suggestions = f.suggester.Suggest(entries, {});
  BOOST_REQUIRE_EQUAL(suggestions.size(), 1u);
  const LoopSuggestion& s = suggestions[0];
  // The two written the same way are one worry already.
  BOOST_TEST(s.first.size() == 2u);
  BOOST_TEST(s.first.front() == entries[0].id);
  BOOST_TEST(s.second == std::vector<std::string>{entries[2].id});
  BOOST_TEST(s.first_label == "Mum will be so disappointed in me");
  BOOST_TEST(s.score >= LoopSuggester::kThreshold);

  // Declined: never suggested again. Joined: nothing left to suggest.
  LoopGroups declined;
  declined.Separate(std::vector<std::string>{entries[1].id, entries[2].id});
  BOOST_TEST(f.suggester.Suggest(entries, declined).empty());
  LoopGroups joined;
  joined.Join(std::vector<std::string>{entries[0].id, entries[2].id});
  BOOST_TEST(f.suggester.Suggest(entries, joined).empty());
  // Notes and spikes are not loops.
  for (auto& e : entries) e.kind = core::EntryKind::kNote;
  BOOST_TEST(f.suggester.Suggest(entries, {}).empty());
}

BOOST_AUTO_TEST_CASE(confirmed_groups_count_together_in_these_or_other_words) {
  const core::FakeClock clock(T("2026-11-09T21:00:00+01:00"));
  const std::vector<core::Session> sessions = {SessionAt("2026-11-02T17:00:00+01:00")};
  const std::vector<core::Thread> threads;
  std::vector<core::Entry> entries = {
      Loop("2026-10-20T21:00:00+01:00", "Mum will be so disappointed in me."),
      Loop("2026-11-03T21:00:00+01:00", "Mum will be so disappointed in me."),
      Loop("2026-11-05T21:00:00+01:00", "My mother is going to feel let down by me."),
      Loop("2026-11-07T21:00:00+01:00", "I keep letting my mother down."),
  };
  Tokenizer tokenizer;
  RecurringDetector detector(tokenizer);
  const Period period = Period::SinceLastSession(sessions, clock);
  // Apart: two words-for-word and two singles; nothing shows.
  BOOST_TEST(detector.Detect(EntryIndex(JournalData{entries, sessions, threads}, period)).empty());

  const std::vector<std::vector<std::string>> same = {
      {entries[0].id, entries[1].id, entries[2].id, entries[3].id}};
  auto obs = detector.Detect(EntryIndex(JournalData{entries, sessions, threads, same}, period));
  BOOST_REQUIRE_EQUAL(obs.size(), 1u);
  BOOST_TEST(obs[0].count == 3);
  const auto& d = std::get<RecurringDetail>(obs[0].detail);
  BOOST_TEST(d.total == 4);
  BOOST_TEST(!d.verbatim);
  BOOST_TEST(obs[0].summary.find("in these or other words") != std::string::npos, obs[0].summary);
  BOOST_TEST(obs[0].summary.find("4 times in all, since Oct 20") != std::string::npos,
             obs[0].summary);
}

BOOST_AUTO_TEST_SUITE_END()
