// SafetyDetector: language that suggests danger (self-harm, suicide,
// harming someone, immediate danger) raises a flag on that entry, so the
// client is shown crisis resources (crisis_resources.h).
//
// Safety without surveillance: the result is for the client's own screen.
// Nothing is sent anywhere and nothing goes into a report because of it.
// It is a word list, not an assessment: it catches common phrasings in the
// nine languages of reports/data/safety/ (every list runs on every text:
// people mix languages), compares words by stem and allows one typo in
// longer words, handles negation ("I would never hurt myself") and idioms
// ("this deadline is killing me"), and will miss things said in other
// ways. docs/safety.md says what it hears, how well, and what it is not.
#ifndef FIELDNOTES_REPORTS_SAFETY_DETECTOR_H_
#define FIELDNOTES_REPORTS_SAFETY_DETECTOR_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/status.h"
#include "reports/embedded_data.h"
#include "reports/safety_phrases.h"

namespace fieldnotes::reports {

struct SafetyResult {
  // The categories found, each once, in the order of SafetyCategory.
  std::vector<SafetyCategory> categories;
  // The fields they were found in ("text", "thought", "answer 1", ...).
  std::vector<std::string> fields;

  bool raised() const { return !categories.empty(); }
  bool Has(SafetyCategory c) const {
    for (SafetyCategory have : categories) {
      if (have == c) return true;
    }
    return false;
  }
};

class SafetyDetector {
 public:
  // Every reports/data/safety/*.txt compiled into the library, each with
  // the stemmer of its language (SafetyPhrases::StemmerFor). Built once,
  // on first use; safe to call from any thread. The lists are checked by
  // the tests, so a broken list is a build defect: it aborts.
  static const SafetyDetector& Default();

  // From lists named like the built-in ones ("safety/de.txt"), each with
  // the stemmer its name says: the files of a tool that tries a list
  // before it is built in. Fails like SafetyPhrases::Parse.
  static core::Result<SafetyDetector> FromFiles(std::span<const EmbeddedFile> files);

  // From explicit lists without stemmers (e.g. a test's). Fails like
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
