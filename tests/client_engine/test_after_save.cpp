// Writing with follow-up questions and safety, once (JournalController::
// AfterSave): fieldnotes-cli add and the app's Write page take the same
// steps, safety first and then at most two questions.
#include <boost/test/unit_test.hpp>

#include "engine/journal_controller.h"
#include "engine_fixture.h"

namespace fieldnotes::testing {
namespace {

core::Entry Spike(const core::Clock& clock, std::string thought) {
  core::Entry e;
  e.kind = core::EntryKind::kSpike;
  e.written_at = clock.Now();
  e.emotions = {"anxiety"};
  e.intensity = 8;
  e.before = "My manager asked to talk tomorrow.";
  e.thought = std::move(thought);
  return e;
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(questions_after_a_new_entry_and_none_after_danger, EngineFixture) {
  MakeJournal();
  client::JournalController controller(Open(), now);
  auto id = controller.AddEntry(Spike(now, "She will fire me."));
  BOOST_REQUIRE(id.ok());
  auto after = controller.AfterSave(*id, /*ask=*/true);
  BOOST_REQUIRE(after.ok());
  BOOST_TEST(!after->safety.raised());
  BOOST_REQUIRE(!after->questions.empty());
  BOOST_TEST(after->questions.size() <= 2u);
  // Recorded with the entry: asked again, the same questions.
  auto again = controller.AfterSave(*id, /*ask=*/true);
  BOOST_REQUIRE(again.ok());
  BOOST_TEST(again->questions.size() == after->questions.size());
  BOOST_TEST(again->questions[0].question == after->questions[0].question);
  // Not asked after an edit.
  BOOST_TEST(controller.AfterSave(*id, /*ask=*/false)->questions.empty());

  // An answer that says it: the safety check is raised.
  BOOST_REQUIRE(controller.AnswerQuestion(*id, 1, "I want to kill myself").ok());
  auto answered = controller.AfterSave(*id, /*ask=*/false);
  BOOST_REQUIRE(answered.ok());
  BOOST_TEST(answered->safety.raised());

  // A new entry that says it gets the crisis lines and no probing question.
  auto danger = controller.AddEntry(Spike(now, "I want to kill myself."));
  BOOST_REQUIRE(danger.ok());
  auto raised = controller.AfterSave(*danger, /*ask=*/true);
  BOOST_REQUIRE(raised.ok());
  BOOST_TEST(raised->safety.raised());
  BOOST_TEST(raised->questions.empty());
  BOOST_TEST(Open()->GetEntry(*danger)->followups.empty());
}

BOOST_FIXTURE_TEST_CASE(the_cli_adds_through_the_same_steps, EngineFixture) {
  MakeJournal();
  // `add` without --ask: the id printed, no question recorded.
  BOOST_REQUIRE(Cli({"add", "spike", "--emotion", "anxiety", "--intensity", "8", "--before",
                     "My manager asked to talk tomorrow.", "--thought", "She will fire me."},
                    now) == 0);
  auto journal = Open();
  const core::Entry& newest = *journal->entries().begin();
  BOOST_TEST(newest.thought == "She will fire me.");
  BOOST_TEST((newest.written_at == now.Now()));  // the CLI's clock
  BOOST_TEST(newest.followups.empty());
  // `questions` records them as the app's AfterSave does.
  BOOST_REQUIRE(Cli({"questions", newest.id}, now) == 0);
  BOOST_TEST(!Open()->GetEntry(newest.id)->followups.empty());
  BOOST_TEST(Cli({"answer", newest.id, "--question", "9", "--text", "x"}, now) == 2);
}

}  // namespace fieldnotes::testing
