// The safety classifier next to the lists (reports/safety_classifier.h,
// docs/safety.md "A classifier next to the lists"): the built-in model is
// current, hears clear danger in each language on its own, stays quiet on
// ordinary journaling and idioms, and names a category for its raises.
// The texts here are written for this test, not rows of the data files.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

#include "journal_generator.h"
#include "report_fixture.h"
#include "reports/embedded_data.h"
#include "reports/safety_classifier.h"
#include "reports/safety_detector.h"
#include "reports/safety_features.h"
#include "safety_eval.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

const SafetyClassifier& Model() { return SafetyClassifier::Default(); }

// Every text field of an entry, as SafetyDetector::Check reads them.
std::vector<std::string> Fields(const core::Entry& e) {
  std::vector<std::string> out = {e.before, e.body, e.thought, e.unsaid, e.text};
  out.insert(out.end(), e.emotions.begin(), e.emotions.end());
  out.insert(out.end(), e.tags.begin(), e.tags.end());
  for (const auto& f : e.followups) out.push_back(f.answer);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(safety_classifier)

BOOST_AUTO_TEST_CASE(the_built_in_model_parses_and_is_small) {
  const auto data = FindEmbeddedFile("safety/classifier.model");
  BOOST_REQUIRE(data.has_value());
  BOOST_TEST(data->size() < size_t{4} << 20);  // a few MB at most
  auto parsed = SafetyClassifier::Parse(*data);
  BOOST_REQUIRE_MESSAGE(parsed.ok(), parsed.status().message());
  BOOST_TEST(parsed->weight_count() > 1000u);
  BOOST_TEST(parsed->threshold() > 0.0);
  BOOST_TEST(parsed->threshold() < 1.0);
}

// The model records the SHA-256 of the rows it was trained on; rows added
// or changed since fail here until it is retrained (docs/safety.md, "How
// to retrain"). The CTest safety_model_retrains_to_the_same_bytes checks
// the rest: that retraining gives the very same file.
BOOST_AUTO_TEST_CASE(the_built_in_model_was_trained_on_the_current_dev_rows) {
  const std::vector<Labelled> dev =
      ReadDevRows(std::string(FIELDNOTES_SOURCE_DIR) + "/tests/data/safety");
  BOOST_TEST(dev.size() == Model().training_rows());
  BOOST_TEST(RowsSha256(dev) == Model().training_sha256());
}

BOOST_AUTO_TEST_CASE(a_broken_model_is_refused) {
  const std::string head =
      "fieldnotes-safety-model 1\nhash_bits 20\ntraining_rows 1\ntraining_sha256 00\n"
      "threshold 0.5\n";
  std::string outputs = "output danger 0\n5 1.5\n";
  for (size_t c = 0; c < kSafetyCategoryCount; ++c)
    outputs += "output " + std::string(SafetyCategoryName(static_cast<SafetyCategory>(c))) + " 0\n";
  BOOST_TEST(SafetyClassifier::Parse(head + outputs).ok());
  BOOST_TEST(!SafetyClassifier::Parse("").ok());
  BOOST_TEST(!SafetyClassifier::Parse("a model\n" + outputs).ok());
  BOOST_TEST(!SafetyClassifier::Parse(head + "output danger 0\n5 1\n").ok());       // no categories
  BOOST_TEST(!SafetyClassifier::Parse(head + "output danger 0\n6 1\n5 1\n").ok());  // order
  BOOST_TEST(!SafetyClassifier::Parse(head + "output danger 0\n99999999 1\n").ok());  // range
  BOOST_TEST(!SafetyClassifier::Parse(head + "5 1\n" + outputs).ok());  // before an output
  BOOST_TEST(SafetyClassifier::Parse(head + "sure 0.9\ndoubt 0.3\n" + outputs).ok());
  BOOST_TEST(SafetyClassifier::Parse(head + "doubt 0.3\n" + outputs)->doubt() == 0.3);
  BOOST_TEST(SafetyClassifier::Parse(head + outputs)->doubt() == 0.0);  // absent: none
  BOOST_TEST(!SafetyClassifier::Parse(head + "doubt 1.5\n" + outputs).ok());
  BOOST_TEST(!SafetyClassifier::Parse(head + "doubt -0.1\n" + outputs).ok());
  BOOST_TEST(!SafetyClassifier::Parse(head + "doubt x\n" + outputs).ok());
  BOOST_TEST(!SafetyClassifier::Parse(head + "sure 0.9\ndoubt 0.95\n" + outputs).ok());
  std::string wrong_bits = head + outputs;
  wrong_bits.replace(wrong_bits.find("hash_bits 20"), 12, "hash_bits 18");
  BOOST_TEST(!SafetyClassifier::Parse(wrong_bits).ok());
}

BOOST_AUTO_TEST_CASE(features_are_the_same_for_the_same_text_and_have_unit_length) {
  const auto a = SafetyFeatures::Of("Ich will nicht mehr leben, echt nicht.");
  const auto b = SafetyFeatures::Of("ICH WILL NICHT MEHR LEBEN, echt nicht.");
  BOOST_REQUIRE(!a.empty());
  BOOST_TEST(a.size() == b.size());
  double length = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    BOOST_TEST(a[i].index == b[i].index);
    if (i > 0) BOOST_TEST(a[i - 1].index < a[i].index);
    length += static_cast<double>(a[i].value) * a[i].value;
  }
  BOOST_TEST(length == 1.0, boost::test_tools::tolerance(1e-5));
  BOOST_TEST(SafetyFeatures::Of("  ... !").empty());
}

// The model on its own, in each of the nine languages, on danger written
// the way the journal hears it: in the middle of an ordinary day. (Short
// statements alone, "je veux me suicider", are the lists' part: the model
// scores several of them under its threshold, docs/safety.md.)
BOOST_AUTO_TEST_CASE(the_model_alone_hears_clear_danger_in_each_language) {
  for (const char* text : {
           "work was long again. i keep thinking everyone would be better off if i just wasn't "
           "here anymore. i've started looking up how many pills it would take.",
           "Arbeit war wieder anstrengend. Ich denke ständig daran, dass es besser wäre, wenn ich "
           "einfach nicht mehr da wäre. Ich habe schon nachgeschaut, wie viele Tabletten man "
           "bräuchte.",
           "encore une longue journée au boulot. je pense tout le temps que ce serait mieux si je "
           "n'étais plus là. j'ai regardé combien de cachets il faudrait.",
           "otro día largo en el trabajo. no dejo de pensar que todos estarían mejor si yo no "
           "estuviera. ya busqué cuántas pastillas harían falta.",
           "altra giornata lunga al lavoro. continuo a pensare che sarebbe meglio se io non ci "
           "fossi più. ho cercato quante pastiglie servirebbero.",
           "weer een lange dag op werk. ik denk steeds dat iedereen beter af is als ik er niet "
           "meer ben. ik heb al opgezocht hoeveel pillen ik nodig heb.",
           "znowu długi dzień w pracy. ciągle myślę, że wszystkim byłoby lepiej, gdyby mnie nie "
           "było. sprawdziłam już, ile tabletek by wystarczyło.",
           "mais um dia longo no trabalho. não paro de pensar que todos ficariam melhor se eu não "
           "estivesse aqui. já pesquisei quantos comprimidos seriam precisos.",
           "опять длинный день на работе. всё время думаю, что всем было бы лучше, если бы меня "
           "не было. уже посмотрела, сколько таблеток нужно.",
       }) {
    const SafetyClassifier::Score s = Model().Check(text);
    BOOST_TEST(s.raised, text << " scored " << s.danger);
  }
}

BOOST_AUTO_TEST_CASE(ordinary_text_and_idioms_stay_quiet) {
  for (const char* text : {
           "Had coffee with Sam, talked about the move. Felt lighter after.",
           "My manager's message made my stomach drop, I kept rereading it.",
           "this deadline is killing me lol",
           "I'm dead tired after the gym",
           "Heute war ein guter Tag, wir waren im Park spazieren.",
           "je meurs de faim, on mange quand ?",
           "Mañana tengo cita con la terapeuta, quiero hablar de mi madre.",
           "We watched a documentary about suicide prevention for class.",
       }) {
    const SafetyResult r = SafetyDetector::Default().CheckText(text);
    BOOST_TEST(!r.raised(), text << " scored " << r.model_score);
  }
}

// Ordinary journaling must essentially never raise: no field of the
// generated journals, and at most two entries of the sample week (one now).
BOOST_AUTO_TEST_CASE(ordinary_journals_do_not_raise) {
  const SafetyDetector& detector = SafetyDetector::Default();
  size_t fields = 0, raised = 0;
  for (uint64_t seed : {1, 2, 3}) {
    GeneratorOptions options;
    options.seed = seed;
    options.plant_recurring = options.plant_trigger = options.plant_writing_effect = true;
    for (const core::Entry& e : GenerateJournal(options).entries) {
      for (const std::string& f : Fields(e)) {
        if (f.empty()) continue;
        ++fields;
        if (detector.CheckText(f).raised()) {
          ++raised;
          BOOST_TEST_MESSAGE("raised: " << f);
        }
      }
    }
  }
  // The sample week (docs/examples/sample-week.jsonl, 20 entries): the
  // model alone raises on one of its answers, "That it would be obvious to
  // everyone" (0.94; round fourteen's model also on a Sunday "Asleep by
  // midnight", 0.81), a known defect (docs/safety.md, "What it cannot do":
  // on ordinary writing nobody tuning had read it raises on about 4 %).
  // No more than two.
  SampleJournal sample;
  size_t sample_raised = 0, sample_entries = 0;
  for (const core::Entry& e : sample.journal().entries().oldest_first()) {
    ++sample_entries;
    const SafetyResult r = detector.Check(e);
    if (!r.raised()) continue;
    ++sample_raised;
    BOOST_TEST_MESSAGE("sample week: " << e.id << " raised by "
                                       << (r.by_model ? "the model alone" : "the lists")
                                       << ", scored " << r.model_score);
    BOOST_TEST(r.by_model, e.id);  // the lists hear nothing in it
  }
  BOOST_TEST(sample_entries >= 18u);
  BOOST_TEST(sample_raised <= 2u);
  BOOST_TEST_MESSAGE(raised << " of " << fields << " generated fields raised");
  BOOST_TEST(fields > 1000u);
  BOOST_TEST(raised == 0u);
}

// A raise by the model alone (no list hears it here: the detector's only
// list has one phrase) names the model's category, and danger from others
// leads to the line for abuse at home.
BOOST_AUTO_TEST_CASE(a_raise_by_the_model_alone_names_its_category) {
  auto lists = SafetyDetector::FromLists({"[raise:wish_dead]\nzzz qqq\n"});
  BOOST_REQUIRE(lists.ok());
  const SafetyDetector detector = lists->WithModel(&Model(), true);
  const SafetyResult r =
      detector.CheckText("he hit me again last night and said he will kill me if i leave him");
  BOOST_TEST(r.raised());
  BOOST_TEST(r.by_model);
  BOOST_TEST(r.Has(SafetyCategory::kHarmFromOthers));
  const SafetyResult quiet =
      detector.CheckText("Sunday: laundry, groceries, a long call with Mum.");
  BOOST_TEST(!quiet.raised());
  BOOST_TEST(!quiet.by_model);
}

// The built-in model with its doubt level set to `doubt` (docs/safety.md,
// "Round thirteen"): the same weights, so the same scores.
SafetyClassifier WithDoubt(double doubt) {
  std::string text(*FindEmbeddedFile("safety/classifier.model"));
  if (size_t at = text.find("\ndoubt "); at != std::string::npos)
    text.erase(at + 1, text.find('\n', at + 1) - at);
  text.insert(text.find("\noutput danger ") + 1, "doubt " + std::to_string(doubt) + "\n");
  auto parsed = SafetyClassifier::Parse(text);
  BOOST_REQUIRE_MESSAGE(parsed.ok(), parsed.status().message());
  return std::move(*parsed);
}

// A raise of the lists where a [doubt] frame of the lists is in the same
// field stands only when the model's score reaches its doubt level; with
// no frame there, or no doubt level, it stands whatever the model says.
BOOST_AUTO_TEST_CASE(a_raise_of_the_lists_under_a_doubt_frame_needs_the_model) {
  auto lists = SafetyDetector::FromLists(
      {"[raise:suicidal_thoughts]\nsuicidal thoughts\n[doubt]\n(night|long) shift\npatient\n"
       "[doubt_marks]\n\xF0\x9F\x98\x82\n"});
  BOOST_REQUIRE(lists.ok());
  const char* at_work =
      "Night shift on the ward. A patient told me about his suicidal thoughts; I stayed with "
      "him until the doctor came. Home, tea, bed.";
  const char* own = "suicidal thoughts again all evening, could not stop them";
  const double work_score = Model().Check(at_work).danger;
  const double own_score = Model().Check(own).danger;
  BOOST_TEST_MESSAGE("scores: at work " << work_score << ", own " << own_score);
  BOOST_REQUIRE(work_score > 0.02);
  BOOST_REQUIRE(work_score < 0.95);

  const SafetyClassifier over = WithDoubt(std::min(0.95, work_score + 0.01));
  const SafetyClassifier under = WithDoubt(work_score - 0.01);
  const SafetyClassifier none = WithDoubt(0);
  const SafetyDetector strict = lists->WithModel(&over, true);
  const SafetyResult dropped = strict.CheckText(at_work);
  BOOST_TEST(!dropped.raised());
  BOOST_TEST(dropped.doubted);
  BOOST_TEST(dropped.model_score == work_score, boost::test_tools::tolerance(1e-9));
  const SafetyResult stands = lists->WithModel(&under, true).CheckText(at_work);
  BOOST_TEST(stands.raised());
  BOOST_TEST(stands.Has(SafetyCategory::kSuicidalThoughts));
  BOOST_TEST(!stands.doubted);
  BOOST_TEST(!stands.by_model);
  BOOST_TEST(lists->WithModel(&none, true).CheckText(at_work).raised());
  BOOST_TEST(lists->CheckText(at_work).raised());  // the lists alone: no model to ask

  // No frame in the text: the lists' raise stands, even with the strictest level.
  const SafetyClassifier strictest = WithDoubt(0.95);
  const SafetyResult plain = lists->WithModel(&strictest, true).CheckText(own);
  BOOST_TEST(plain.raised());
  BOOST_TEST(!plain.doubted);
  // A laughter mark is a frame; each field of an entry is judged on its own.
  const std::string joking = std::string(own) + " \xF0\x9F\x98\x82";
  if (Model().Check(joking).danger < 0.95)
    BOOST_TEST(!lists->WithModel(&strictest, true).CheckText(joking).raised());
  core::Entry e;
  e.body = at_work;
  e.thought = own;
  const SafetyResult entry = strict.Check(e);
  BOOST_TEST(entry.raised());
  BOOST_TEST(entry.doubted);
  BOOST_TEST(entry.fields == std::vector<std::string>{"thought"});
}

// A field of fewer than kModelMinWords words is the lists' alone: the
// model's score is kept, its raise is not.
BOOST_AUTO_TEST_CASE(the_model_does_not_raise_on_a_few_words) {
  auto lists = SafetyDetector::FromLists({"[raise:wish_dead]\nzzz qqq\n"});
  BOOST_REQUIRE(lists.ok());
  const SafetyDetector detector = lists->WithModel(&Model(), true);
  const std::string danger = "he said he will kill me if i leave him, i am scared of him";
  BOOST_REQUIRE(Model().Check(danger).raised);
  BOOST_TEST(detector.CheckText(danger).raised());
  // The same words, three at a time: whatever the model scores, no raise.
  for (const char* few : {"kill me", "he will kill", "entry 42", "sunday night"}) {
    const SafetyResult r = detector.CheckText(few);
    BOOST_TEST(!r.raised(), few << " scored " << r.model_score);
  }
  // The lists still hear short texts.
  auto short_list = SafetyDetector::FromLists({"[raise:self_harm]\ncut again\n"});
  BOOST_REQUIRE(short_list.ok());
  BOOST_TEST(short_list->WithModel(&Model(), true).CheckText("cut again").raised());
}

BOOST_AUTO_TEST_CASE(explain_names_the_features_that_weighed_most) {
  const auto why = Model().Explain("i want to kill myself", 5);
  BOOST_REQUIRE(!why.empty());
  BOOST_TEST(why.size() <= 5u);
  for (size_t i = 1; i < why.size(); ++i) BOOST_TEST(why[i - 1].second >= why[i].second);
  BOOST_TEST(why.front().second > 0.0);
  BOOST_TEST(why.front().first.find(':') != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
