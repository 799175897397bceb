// Follow-up questions: one layer deeper, then stop (docs/patterns.md).
//
// After an entry is written the journal may ask at most kMaxQuestions
// questions, chosen by what the entry leaves out. Questions describe and
// ask; they never interpret ("you are anxious because ..."), diagnose,
// label or advise. QuestionEngine is the interface; the default is the
// offline RuleQuestionEngine, and another engine (a local language model,
// say) can replace it without touching callers.
//
// The questions asked are stored with the entry (core::Entry::followups),
// with the answers, so asking again returns the same questions.
#ifndef FIELDNOTES_REPORTS_QUESTION_ENGINE_H_
#define FIELDNOTES_REPORTS_QUESTION_ENGINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/model.h"
#include "core/status.h"
#include "reports/entry_index.h"

namespace fieldnotes::reports {

// What an engine may look at. All references must outlive the call.
struct QuestionContext {
  const core::Entry& entry;  // the entry to ask about
  JournalData journal;       // the whole journal; may or may not contain `entry` (same id)
  const core::Clock& clock;  // for "since your last session"
};

class QuestionEngine {
 public:
  static constexpr size_t kMaxQuestions = 2;

  virtual ~QuestionEngine() = default;

  // At most kMaxQuestions questions, the most useful first; empty when the
  // entry leaves nothing to ask. Every question must pass the banned-forms
  // rules of docs/patterns.md.
  virtual std::vector<std::string> QuestionsFor(const QuestionContext& context) const = 0;
};

// The default engine (RuleQuestionEngine): offline, deterministic.
std::unique_ptr<QuestionEngine> MakeDefaultQuestionEngine();

// Makes sure `entry` has its follow-up questions recorded: when
// entry.followups is empty, asks `engine` (with `journal` and `clock`) and
// records its questions with empty answers, returning true (the caller
// saves the entry). Returns false and changes nothing when questions were
// already recorded, so they stay the same once asked.
bool EnsureQuestions(core::Entry& entry, const QuestionEngine& engine, const JournalData& journal,
                     const core::Clock& clock);

// Stores `answer` for question `number` (1-based, as printed) in
// entry.followups, replacing an earlier answer. InvalidArgument when there
// is no such question, or the answer is not valid UTF-8 or longer than
// core::kMaxFieldBytes. An empty answer clears it (skipped).
core::Status RecordAnswer(core::Entry& entry, int number, std::string_view answer);

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_QUESTION_ENGINE_H_
