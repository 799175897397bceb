// RuleQuestionEngine: the default, offline follow-up questions. Each rule
// looks at what the entry leaves out (docs/patterns.md, "Questions"):
//   a thread follow-up, briefly told   -> "How did it actually go — not how you wish it went?"
//   a loop                             -> "When did this thought come back before, and what was
//   going on?" the same thing written again       -> "You have written about this N times since
//   your last
//                                          session. Is it the same worry, or a new one?"
//   a spike, or a note with a feeling,
//   with nothing in `before`           -> "What happened right before?"
//   a feeling of the fear family (anxiety, fear, worry, panic, overwhelm,
//   or the client's own word for one) but no feared outcome
//                                      -> "What were you afraid would happen?"
//   a spike with no body               -> "Where did you feel it in your body?"
// The first two that apply are asked, in this order. No question presumes
// a feeling the client did not name: relief, hope or calm alone are never
// asked what was feared. Questions are computed as of the entry's own time:
// entries written after it never count (an older or imported entry).
#ifndef FIELDNOTES_REPORTS_RULE_QUESTION_ENGINE_H_
#define FIELDNOTES_REPORTS_RULE_QUESTION_ENGINE_H_

#include <string>
#include <vector>

#include "reports/question_engine.h"

namespace fieldnotes::reports {

class RuleQuestionEngine final : public QuestionEngine {
 public:
  enum class Rule { kThread, kLoop, kMemory, kBefore, kFeared, kBody };

  // A loop written again asks about memory from the 2nd time; anything
  // else from the 3rd.
  static constexpr int kMemoryLoop = 2;
  static constexpr int kMemoryOther = 3;
  // A thread follow-up shorter than this is asked how it actually went.
  static constexpr size_t kShortThreadWords = 25;

  std::vector<std::string> QuestionsFor(const QuestionContext& context) const override;

  // The rules alone: `similar` is how many entries since the last session
  // say the same thing as `e` (counting `e`), `since_session` whether the
  // journal has a last session (else "in the last 14 days").
  static std::vector<std::string> QuestionsFor(const core::Entry& e, int similar,
                                               bool since_session);

  // The wording of one rule's question.
  static std::string Text(Rule rule, int similar = 0, bool since_session = true);

  // Every distinct question this engine can produce, with memory counts
  // from 1 to max_similar: what the banned-forms test checks.
  static std::vector<std::string> EveryQuestion(int max_similar);

  // True when the entry already says what the client feared ("afraid",
  // "what if", ...), in any text field or answer.
  static bool MentionsFear(const core::Entry& e);

  // True when one of the entry's feelings is of the fear family: from the
  // vocabulary (anxiety, fear, worry, panic, overwhelm) or the client's own
  // word for one ("nervous", "scared", "dread", ...).
  static bool NamesFear(const core::Entry& e);
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_RULE_QUESTION_ENGINE_H_
