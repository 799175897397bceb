#include "reports/question_engine.h"

#include "core/i18n.h"
#include "core/json.h"
#include "reports/rule_question_engine.h"

namespace fieldnotes::reports {

std::unique_ptr<QuestionEngine> MakeDefaultQuestionEngine() {
  return std::make_unique<RuleQuestionEngine>();
}

bool EnsureQuestions(core::Entry& entry, const QuestionEngine& engine, const JournalData& journal,
                     const core::Clock& clock) {
  if (!entry.followups.empty()) return false;
  std::vector<std::string> questions = engine.QuestionsFor(QuestionContext{entry, journal, clock});
  if (questions.size() > QuestionEngine::kMaxQuestions)
    questions.resize(QuestionEngine::kMaxQuestions);
  if (questions.empty()) return false;
  for (const std::string& q : questions) entry.followups.push_back(core::FollowUp{q, ""});
  return true;
}

core::Status RecordAnswer(core::Entry& entry, int number, std::string_view answer) {
  if (number < 1 || static_cast<size_t>(number) > entry.followups.size()) {
    if (entry.followups.empty())
      return core::Status::InvalidArgument(core::Tr("this entry has no questions."));
    const size_t count = entry.followups.size();
    return core::Status::InvalidArgument(core::Format(
        // TRANSLATORS: %1 the number of the question asked for; %2 how many
        // follow-up questions the entry has.
        core::TrN("there is no question %1; this entry has %2 question.",
                  "there is no question %1; this entry has %2 questions.",
                  static_cast<unsigned long>(count)),
        number, count));
  }
  if (answer.size() > core::kMaxFieldBytes)
    return core::Status::InvalidArgument(core::Tr("the answer is longer than 64 KiB."));
  if (!core::json::IsValidUtf8(answer))
    return core::Status::InvalidArgument(core::Tr("the answer is not valid UTF-8."));
  entry.followups[number - 1].answer = std::string(answer);
  return core::Status::Ok();
}

}  // namespace fieldnotes::reports
