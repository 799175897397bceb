// SafetyDetector: language that suggests danger (self-harm, suicide,
// harming someone, immediate danger) raises a flag on that entry, so the
// client is shown crisis resources (crisis_resources.h).
//
// Safety without surveillance: the result is for the client's own screen.
// Nothing is sent anywhere and nothing goes into a report because of it.
// It is a word list, not an assessment: it catches common phrasings in the
// languages of reports/data/safety/, handles negation ("I would never hurt
// myself") and idioms ("this deadline is killing me"), and will miss
// things said in other ways. docs/patterns.md says what it is and is not.
#ifndef FIELDNOTES_REPORTS_SAFETY_DETECTOR_H_
#define FIELDNOTES_REPORTS_SAFETY_DETECTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/status.h"
#include "reports/safety_phrases.h"

namespace fieldnotes::reports {

struct SafetyResult {
  // The categories found, each once, in the order of SafetyCategory.
  std::vector<SafetyCategory> categories;
  // The fields they were found in ("text", "thought", "answer 1", ...).
  std::vector<std::string> fields;

  bool raised() const { return !categories.empty(); }
};

class SafetyDetector {
 public:
  // Every reports/data/safety/*.txt compiled into the library. Built once,
  // on first use; safe to call from any thread. The lists are checked by
  // the tests, so a broken list is a build defect: it aborts.
  static const SafetyDetector& Default();

  // From explicit lists (e.g. a test's, or one language). Fails like
  // SafetyPhrases::Parse.
  static core::Result<SafetyDetector> FromLists(const std::vector<std::string_view>& lists);

  // Checks every text field of `e`: before, body, thought, unsaid, text,
  // emotions, tags and follow-up answers. Each field is read on its own.
  SafetyResult Check(const core::Entry& e) const;

  // Checks one text.
  SafetyResult CheckText(std::string_view text) const;

 private:
  void CheckInto(std::string_view text, std::string_view field, SafetyResult& result) const;
  std::vector<SafetyPhrases> lists_;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_SAFETY_DETECTOR_H_
