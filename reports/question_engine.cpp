#include "reports/question_engine.h"

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
  for (std::string& q : questions) entry.followups.push_back(core::FollowUp{std::move(q), ""});
  return true;
}

core::Status RecordAnswer(core::Entry& entry, int number, std::string_view answer) {
  if (number < 1 || static_cast<size_t>(number) > entry.followups.size()) {
    return core::Status::InvalidArgument(
        entry.followups.empty() ? "this entry has no questions"
                                : "there is no question " + std::to_string(number) +
                                      "; this entry has " + std::to_string(entry.followups.size()));
  }
  if (answer.size() > core::kMaxFieldBytes)
    return core::Status::InvalidArgument("the answer is longer than 64 KiB");
  if (!core::json::IsValidUtf8(answer))
    return core::Status::InvalidArgument("the answer is not valid UTF-8");
  entry.followups[number - 1].answer = std::string(answer);
  return core::Status::Ok();
}

}  // namespace fieldnotes::reports
