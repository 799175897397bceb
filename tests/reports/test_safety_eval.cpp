// The safety lines measured on the labelled texts of tests/data/safety/
// (docs/safety.md, "How well it hears"): recall per language on texts that
// express danger, false alarms on near misses. The tables are printed with
// --log_level=message; FIELDNOTES_SAFETY_MISSES=1 also prints every text
// it got wrong.
//
// The lists were tuned on the `dev` part, and the classifier trained on it
// (docs/safety.md, "A classifier next to the lists"); the `holdout` part
// (written by writers who saw neither the lists nor the other texts) was
// never looked at while tuning or training. Its tables are printed for the
// lists alone and for the lists with the classifier, as the client has
// them; the floors are the measured combined values of docs/safety.md less
// a margin, so that a change that hears less on new text fails here.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "safety_eval.h"
#include "support/temp_dir.h"

using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

constexpr double kDevRecall = 90.0;          // overall, the target
constexpr double kDevLanguageRecall = 80.0;  // every language
// On the dev part's near misses (the lists were tuned on them and the
// classifier trained on them, so this only catches something gone wrong).
constexpr double kMaxFalseAlarms = 5.0;
// docs/safety.md, "Round fifteen": the fourteenth set, lists and
// classifier together (93 % heard, 88 % in the lowest languages, 3.3 % of
// its near misses raised), less a margin (32 texts in danger a language:
// one text is three points).
constexpr double kHoldoutRecallFloor = 89.0;
constexpr double kHoldoutLanguageRecallFloor = 80.0;
constexpr double kHoldoutFalseAlarmCeiling = 6.0;
// The lists alone on that set (75 %), less a margin.
constexpr double kHoldoutListsRecallFloor = 71.0;
// Ordinary journal writing nobody tuning had read (the holdout rows of
// category "ordinary": 4.8 % raised), less a margin.
constexpr double kHoldoutOrdinaryCeiling = 7.0;

std::vector<Labelled> Part(const std::vector<Labelled>& set, const char* split) {
  std::vector<Labelled> out;
  std::copy_if(set.begin(), set.end(), std::back_inserter(out),
               [&](const Labelled& t) { return t.split == split; });
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(safety_eval)

BOOST_AUTO_TEST_CASE(recall_and_false_alarms_on_the_labelled_set) {
  const std::vector<Labelled> set =
      ReadLabelledSet(std::string(FIELDNOTES_SOURCE_DIR) + "/tests/data/safety");
  const Evaluation all = Evaluate(SafetyDetector::Default(), set);
  const std::vector<Labelled> dev_set = Part(set, "dev");
  const std::vector<Labelled> holdout_set = Part(set, "holdout");
  const Evaluation dev = Evaluate(SafetyDetector::Default(), dev_set);
  const Evaluation holdout = Evaluate(SafetyDetector::Default(), holdout_set);
  const Evaluation holdout_lists = Evaluate(SafetyDetector::ListsOnly(), holdout_set);
  BOOST_TEST_MESSAGE("\nAll texts, lists and classifier\n"
                     << all.Table() << "\nDev, lists and classifier\n"
                     << dev.Table() << "\nHoldout, the lists alone\n"
                     << holdout_lists.Table() << "\nHoldout, lists and classifier\n"
                     << holdout.Table());
  if (std::getenv("FIELDNOTES_SAFETY_MISSES") != nullptr) {
    for (const Labelled* t : all.wrong)
      std::printf("%s %s:%d %s\n", t->danger ? "MISSED" : "RAISED", t->language.c_str(), t->line,
                  t->text.c_str());
  }

  // The set itself: at least 400 texts, 25 in danger and 15 near misses in
  // each of the nine languages.
  BOOST_TEST(set.size() >= 400u);
  BOOST_TEST(all.by_language.size() == 9u);
  for (const auto& [language, tally] : all.by_language) {
    BOOST_TEST(tally.danger >= 25, language);
    BOOST_TEST(tally.near >= 15, language);
  }
  BOOST_TEST(dev.all.recall() >= kDevRecall);
  for (const auto& [language, tally] : dev.by_language)
    BOOST_TEST(tally.recall() >= kDevLanguageRecall, language);
  BOOST_TEST(dev.all.false_alarms() <= kMaxFalseAlarms);
  BOOST_TEST(holdout.all.recall() >= kHoldoutRecallFloor);
  for (const auto& [language, tally] : holdout.by_language)
    BOOST_TEST(tally.recall() >= kHoldoutLanguageRecallFloor, language);
  BOOST_TEST(holdout.other_near.false_alarms() <= kHoldoutFalseAlarmCeiling);
  BOOST_TEST(holdout.ordinary.false_alarms() <= kHoldoutOrdinaryCeiling);
  BOOST_TEST(holdout.ordinary.near > 0);
  BOOST_TEST(holdout_lists.all.recall() >= kHoldoutListsRecallFloor);
}

// Each row knows its source block (the `#` lines before it, the file's
// title aside), which safety_train --folds blocks folds by.
BOOST_AUTO_TEST_CASE(rows_know_their_source_block) {
  fieldnotes::testing::TempDir dir;
  {
    std::ofstream f(dir.File("xx.tsv"));
    f << "split\tlabel\tcategory\ttext\n# a title\n"
      << "dev\tdanger\twish_dead\tone\ndev\tnear_miss\t\ttwo\n"
      << "# written by others\nholdout\tnear_miss\t\tthree\n"
      << "# and others again\ndev\tnear_miss\t\tfour\n";
  }
  const std::vector<Labelled> all = ReadLabelledSet(dir.path());
  BOOST_REQUIRE_EQUAL(all.size(), 4u);
  BOOST_TEST(all[0].block == 0);
  BOOST_TEST(all[1].block == 0);
  BOOST_TEST(all[2].block == 1);
  BOOST_TEST(all[3].block == 2);
  const std::vector<Labelled> dev = ReadDevRows(dir.path());
  BOOST_REQUIRE_EQUAL(dev.size(), 3u);
  BOOST_TEST(dev[2].block == 2);
}

// The dev rows' blocks line up across the languages (each block's writers
// wrote in all of them), so that a fold of blocks holds out the same
// writers in every language.
BOOST_AUTO_TEST_CASE(dev_blocks_line_up_across_languages) {
  const std::vector<Labelled> dev =
      ReadDevRows(std::string(FIELDNOTES_SOURCE_DIR) + "/tests/data/safety");
  std::map<std::string, std::set<int>> blocks;
  for (const Labelled& t : dev) blocks[t.language].insert(t.block);
  BOOST_REQUIRE_EQUAL(blocks.size(), 9u);
  BOOST_TEST(blocks.begin()->second.size() >= 3u);
  for (const auto& [language, b] : blocks) BOOST_TEST((b == blocks.begin()->second), language);
}

BOOST_AUTO_TEST_SUITE_END()
