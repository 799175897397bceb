#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>
#include <set>

#include "core/clock.h"
#include "core/text.h"
#include "reports/question_engine.h"
#include "reports/rule_question_engine.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

using Rule = RuleQuestionEngine::Rule;

// Forms a question must never take (docs/patterns.md, "Banned forms"): they
// interpret, explain, diagnose, label or advise. Matched case- and
// accent-insensitively as substrings, so "depress" catches "depressed" and
// "depression".
const std::vector<std::string> kBannedForms = {
    // explaining why
    "because", "the reason", "that's why", "that is why", "due to", "caused by",
    // interpreting the person
    "it sounds like", "sounds like you", "it seems", "you seem", "you are anxious",
    "you're anxious", "you are depressed", "you're depressed", "you are just", "you're just",
    "this means", "this shows", "deep down", "what you really", "you always", "you never",
    // diagnosis and labels
    "disorder", "diagnos", "symptom", "depress", "ptsd", "ocd", "adhd", "bipolar", "borderline",
    "narcissis", "psychos", "trauma", "catastroph", "distortion", "irrational", "overreact",
    "codependen", "avoidant", "attachment style",
    // advice
    "you should", "you need to", "you must", "you ought", "you have to", "try to", "try ",
    "have you tried", "have you considered", "why don't you", "why not ", "instead of",
    "it would help", "make sure", "don't worry", "calm down", "just relax", "let go"};

std::vector<std::string> BannedIn(const std::string& text) {
  std::vector<std::string> hits;
  const std::string folded = core::text::Fold(text);
  for (const std::string& form : kBannedForms) {
    if (folded.find(form) != std::string::npos) hits.push_back(form);
  }
  return hits;
}

// Every combination of what an entry can leave out.
std::vector<core::Entry> EveryShapeOfEntry() {
  std::vector<core::Entry> out;
  for (auto kind : {core::EntryKind::kSpike, core::EntryKind::kLoop, core::EntryKind::kThread,
                    core::EntryKind::kNote}) {
    for (int mask = 0; mask < 64; ++mask) {
      core::Entry e = MakeEntry(kind, "2026-11-10T20:00:00+01:00");
      if (mask & 1) e.emotions = {"anxiety"};
      if (mask & 2) e.before = "a call";
      if (mask & 4) e.body = "chest";
      if (mask & 8) e.thought = "I was afraid they'd laugh";
      if (mask & 16) e.text = "It went fine, mostly, and then it didn't.";
      if (mask & 32) e.followups = {{"What happened right before?", "what if it happens again"}};
      out.push_back(e);
    }
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(questions)

BOOST_AUTO_TEST_CASE(no_question_the_engine_can_produce_takes_a_banned_form) {
  std::set<std::string> every;
  for (const std::string& q : RuleQuestionEngine::EveryQuestion(200)) every.insert(q);
  for (const core::Entry& e : EveryShapeOfEntry()) {
    for (int similar : {1, 2, 3, 4, 17}) {
      for (bool since : {true, false}) {
        auto qs = RuleQuestionEngine::QuestionsFor(e, similar, since);
        BOOST_TEST(qs.size() <= QuestionEngine::kMaxQuestions);
        for (const std::string& q : qs) {
          // EveryQuestion is complete: the test below checks all of it.
          BOOST_TEST(every.count(q) == 1u, "not listed by EveryQuestion: " << q);
        }
      }
    }
  }
  BOOST_TEST(every.size() >= 6u);
  for (const std::string& q : every) {
    auto hits = BannedIn(q);
    BOOST_TEST(hits.empty(),
               "\"" << q << "\" contains banned form \"" << (hits.empty() ? "" : hits[0]) << "\"");
    BOOST_TEST(q.back() == '?', q);  // a question asks
  }
}

BOOST_AUTO_TEST_CASE(the_banned_forms_catch_what_they_should) {
  BOOST_TEST(!BannedIn("You are anxious because your manager is demanding.").empty());
  BOOST_TEST(!BannedIn("It sounds like you are depressed.").empty());
  BOOST_TEST(!BannedIn("You should try breathing.").empty());
  BOOST_TEST(!BannedIn("You need to rest.").empty());
  BOOST_TEST(!BannedIn("Is this your Anxiety Disorder?").empty());
  BOOST_TEST(BannedIn("What happened right before?").empty());
}

BOOST_AUTO_TEST_CASE(questions_follow_what_the_entry_leaves_out) {
  core::Entry spike = MakeEntry(core::EntryKind::kSpike, "2026-11-10T20:00:00+01:00");
  spike.emotions = {"anxiety"};
  auto qs = RuleQuestionEngine::QuestionsFor(spike, 1, true);
  BOOST_REQUIRE_EQUAL(qs.size(), 2u);
  BOOST_TEST(qs[0] == "What happened right before?");
  BOOST_TEST(qs[1] == "What were you afraid would happen?");
  spike.before = "my manager's message";
  qs = RuleQuestionEngine::QuestionsFor(spike, 1, true);
  BOOST_TEST(qs[0] == "What were you afraid would happen?");
  BOOST_TEST(qs[1] == "Where did you feel it in your body?");
  spike.thought = "what if they fire me";  // a feared outcome, said
  spike.body = "stomach";
  BOOST_TEST(RuleQuestionEngine::QuestionsFor(spike, 1, true).empty());  // nothing left out

  core::Entry loop = Loop("2026-11-10T20:00:00+01:00", "I always ruin it");
  qs = RuleQuestionEngine::QuestionsFor(loop, 1, true);
  BOOST_REQUIRE_EQUAL(qs.size(), 1u);
  BOOST_TEST(qs[0] == "When did this thought come back before, and what was going on?");
  qs = RuleQuestionEngine::QuestionsFor(loop, 4, true);
  BOOST_TEST(qs[0] ==
             "You have written about this 4 times since your last session. Is it the same worry, "
             "or a new one?");
  BOOST_TEST(RuleQuestionEngine::QuestionsFor(loop, 2, false)[0] ==
             "You have written about this twice in the last 14 days. Is it the same worry, or a "
             "new one?");

  core::Entry thread = MakeEntry(core::EntryKind::kThread, "2026-11-10T20:00:00+01:00");
  thread.thread = "say no";
  thread.text = "Did it.";
  BOOST_TEST(RuleQuestionEngine::QuestionsFor(thread, 1, true)[0] ==
             "How did it actually go — not how you wish it went?");
  core::Entry note = Note("2026-11-10T20:00:00+01:00", "Quiet day.");
  BOOST_TEST(RuleQuestionEngine::QuestionsFor(note, 1, true).empty());
}

BOOST_AUTO_TEST_CASE(the_engine_remembers_since_the_last_session) {
  core::FakeClock clock(T("2026-11-10T21:00:00+01:00"));
  std::vector<core::Session> sessions = {SessionAt("2026-11-02T17:00:00+01:00")};
  std::vector<core::Entry> journal = {
      Loop("2026-11-03T21:00:00+01:00", "They're going to leave me"),
      Loop("2026-11-06T21:00:00+01:00", "they are going to leave me"),
      Note("2026-11-07T21:00:00+01:00", "Baked bread. It rose!")};
  core::Entry fresh = Loop("2026-11-10T20:00:00+01:00", "they're all going to leave me");
  auto engine = MakeDefaultQuestionEngine();
  auto qs = engine->QuestionsFor(QuestionContext{fresh, JournalData{journal, sessions, {}}, clock});
  BOOST_REQUIRE(!qs.empty());
  BOOST_TEST(qs[0] ==
             "You have written about this 3 times since your last session. Is it the same worry, "
             "or a new one?");
}

BOOST_AUTO_TEST_CASE(no_question_presumes_a_feeling_that_was_not_named) {
  const std::string feared = RuleQuestionEngine::Text(RuleQuestionEngine::Rule::kFeared);
  auto asks_fear = [&](std::vector<std::string> emotions) {
    core::Entry e = Spike("2026-11-10T20:00:00+01:00", std::move(emotions));
    for (const std::string& q : RuleQuestionEngine::QuestionsFor(e, 1, true))
      if (q == feared) return true;
    e.before = "the call";  // so that the fear question is not crowded out
    for (const std::string& q : RuleQuestionEngine::QuestionsFor(e, 1, true))
      if (q == feared) return true;
    return false;
  };
  for (const char* calm : {"relief", "hope", "calm", "joy", "pride", "gratitude", "tenderness"})
    BOOST_TEST(!asks_fear({calm}), calm);
  BOOST_TEST(!asks_fear({"relief", "joy"}));
  BOOST_TEST(!asks_fear({"sadness"}));
  BOOST_TEST(!asks_fear({"Erleichterung"}));  // the client's own word, not one of fear
  BOOST_TEST(asks_fear({"anxiety"}));
  BOOST_TEST(asks_fear({"relief", "worry"}));
  BOOST_TEST(asks_fear({"Nervous"}));         // the client's own word for it
  BOOST_TEST(asks_fear({"scared stiff"}));
}

BOOST_AUTO_TEST_CASE(questions_are_computed_as_of_the_entrys_own_time) {
  core::FakeClock clock(T("2026-11-20T21:00:00+01:00"));
  std::vector<core::Session> sessions = {SessionAt("2026-11-02T17:00:00+01:00"),
                                         SessionAt("2026-11-16T17:00:00+01:00")};
  // Newest first, as the journal keeps them; and the same, shuffled.
  std::vector<core::Entry> journal = {
      Loop("2026-11-12T21:00:00+01:00", "they are going to leave me"),
      Loop("2026-11-09T21:00:00+01:00", "they're going to leave me"),
      Loop("2026-11-06T21:00:00+01:00", "They're going to leave me"),
  };
  std::vector<core::Entry> shuffled = {journal[1], journal[2], journal[0]};
  auto engine = MakeDefaultQuestionEngine();
  const std::string first_time = RuleQuestionEngine::Text(RuleQuestionEngine::Rule::kLoop);
  // An imported entry from 4 November: nothing before it, so no memory, and
  // the entries written after it do not count.
  core::Entry old = Loop("2026-11-04T21:00:00+01:00", "they're all going to leave me");
  for (const auto* data : {&journal, &shuffled}) {
    auto qs = engine->QuestionsFor(QuestionContext{old, JournalData{*data, sessions, {}}, clock});
    BOOST_REQUIRE(!qs.empty());
    BOOST_TEST(qs[0] == first_time);
  }
  // On 10 November: the two before it since the session of 2 November.
  core::Entry middle = Loop("2026-11-10T08:00:00+01:00", "they're all going to leave me");
  auto qs = engine->QuestionsFor(QuestionContext{middle, JournalData{journal, sessions, {}}, clock});
  BOOST_REQUIRE(!qs.empty());
  BOOST_TEST(qs[0] ==
             "You have written about this 3 times since your last session. Is it the same worry, "
             "or a new one?");
}

BOOST_AUTO_TEST_CASE(questions_are_recorded_once_and_answers_saved_with_the_entry) {
  core::FakeClock clock(T("2026-11-10T21:00:00+01:00"));
  auto engine = MakeDefaultQuestionEngine();
  core::Entry e = Spike("2026-11-10T20:00:00+01:00", {"shame"});
  BOOST_TEST(EnsureQuestions(e, *engine, JournalData{}, clock));
  BOOST_REQUIRE_EQUAL(e.followups.size(), 2u);
  BOOST_TEST(e.followups[0].answer.empty());
  // Asking again does not change them, even when the entry changed since.
  e.before = "a call";
  BOOST_TEST(!EnsureQuestions(e, *engine, JournalData{}, clock));
  BOOST_TEST(e.followups[0].question == "What happened right before?");

  BOOST_TEST(RecordAnswer(e, 2, "That they'd think I'm useless.").ok());
  BOOST_TEST(e.followups[1].answer == "That they'd think I'm useless.");
  BOOST_TEST(RecordAnswer(e, 3, "x").code() == core::Status::Code::kInvalidArgument);
  BOOST_TEST(RecordAnswer(e, 0, "x").code() == core::Status::Code::kInvalidArgument);
  BOOST_TEST(RecordAnswer(e, 1, std::string("\xff")).code() ==
             core::Status::Code::kInvalidArgument);
  BOOST_TEST(RecordAnswer(e, 1, "").ok());  // skipped
  BOOST_TEST(core::Validate(e).ok());

  core::Entry quiet = Note("2026-11-10T20:00:00+01:00", "Quiet day.");
  BOOST_TEST(!EnsureQuestions(quiet, *engine, JournalData{}, clock));
  BOOST_TEST(RecordAnswer(quiet, 1, "x").message() == "this entry has no questions.");
}

BOOST_AUTO_TEST_SUITE_END()
