// SafetyDetector: language that suggests danger (self-harm, suicide,
// harming someone, immediate danger) raises a flag on that entry, so the
// client is shown crisis resources (crisis_resources.h).
//
// Safety without surveillance: the result is for the client's own screen.
// Nothing is sent anywhere and nothing goes into a report because of it.
// It is word lists and a small classifier, not an assessment. The lists
// catch common phrasings in the nine languages of reports/data/safety/
// (every list runs on every text: people mix languages), compare words by
// stem and allow one typo in longer words, handle negation ("I would never
// hurt myself") and idioms ("this deadline is killing me"). Next to them a
// linear classifier (safety_classifier.h), trained on labelled texts of
// the nine languages, hears some of what is said in other ways; a text
// raises when the lists or the classifier do. Both will miss things.
// docs/safety.md says what it hears, how well, and what it is not.
#ifndef FIELDNOTES_REPORTS_SAFETY_DETECTOR_H_
#define FIELDNOTES_REPORTS_SAFETY_DETECTOR_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/status.h"
#include "reports/embedded_data.h"
#include "reports/safety_classifier.h"
#include "reports/safety_phrases.h"

namespace fieldnotes::reports {

struct SafetyResult {
  // The categories found, each once, in the order of SafetyCategory.
  std::vector<SafetyCategory> categories;
  // The fields they were found in ("text", "thought", "answer 1", ...).
  std::vector<std::string> fields;
  // Whether the classifier raised on a field the lists left quiet (its
  // category is then among `categories`), and its highest danger score
  // over the fields the lists left quiet (0 without a classifier).
  bool by_model = false;
  double model_score = 0;
  // Whether a raise of the lists was dropped in a field because a [doubt]
  // frame was there and the classifier's score stayed under its doubt()
  // level (docs/safety.md, "Round thirteen").
  bool doubted = false;

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
  // the stemmer of its language (SafetyPhrases::StemmerFor), and the
  // built-in classifier (SafetyClassifier::Default). Built once, on first
  // use; safe to call from any thread. The lists and the model are checked
  // by the tests, so a broken one is a build defect: it aborts.
  static const SafetyDetector& Default();

  // Whether the lists' quieting rules also quiet a raise by the model
  // alone, in Default(): yes. Without them the model hears more (round
  // ten's cross-validation by writer: 89 % against 82 % with the lists, at
  // 10 % false alarms) but raises on ordinary anxious writing ("If I don't
  // answer straight away, they'll think I can't keep up") and on negations
  // ("I never want to hurt anyone"): docs/safety.md, "Round ten".
  static constexpr bool kListsQuietModel = true;

  // The model reads a field of at least this many words; shorter ones
  // (a tag, an emotion, "sunday night", "entry 42") are the lists' alone:
  // it learnt from texts of five words and more and reads too little in
  // them (docs/safety.md, "Round fifteen").
  static constexpr size_t kModelMinWords = 4;

  // The built-in lists without the classifier: for measuring what each
  // part hears (the eval test, the bench, safety_train).
  static const SafetyDetector& ListsOnly();

  // This detector's lists with `model` next to them (nullptr: the lists
  // alone). `model` must outlive the result. With `lists_quiet_model`, a
  // raise by the model alone is dropped when one of the lists' quieting
  // rules applies to the text (Quieted), unless the model's score reaches
  // its sure() level. A raise of the lists in a text with a [doubt] frame
  // (Doubted) stands only when the model's score reaches its doubt() level.
  SafetyDetector WithModel(const SafetyClassifier* model, bool lists_quiet_model) const;

  // Whether a quieting rule of any list applies to `text`: a raise phrase
  // negated or inside an idiom ("I would never hurt myself", "this
  // deadline is killing me"), or an idiom, fiction, news or prevention
  // phrase anywhere in it.
  bool Quieted(std::string_view text) const;
  bool Quieted(const std::vector<SafetyPhrases::Word>& words) const;

  // Whether a [doubt] frame of any list is in `text` (SafetyPhrases::Doubted).
  bool Doubted(std::string_view text) const;
  bool Doubted(std::string_view text, const std::vector<SafetyPhrases::Word>& words) const;

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
  const SafetyClassifier* model_ = nullptr;
  bool lists_quiet_model_ = false;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_SAFETY_DETECTOR_H_
