// The labelled safety texts of tests/data/safety/*.tsv (docs/safety.md,
// "How well it hears") and their tally, for the test that holds the bars
// (test_safety_eval.cpp) and the tool that tries a list before it is built
// in (tests/tools/safety_check.cpp).
#ifndef FIELDNOTES_TESTS_REPORTS_SAFETY_EVAL_H_
#define FIELDNOTES_TESTS_REPORTS_SAFETY_EVAL_H_

#include <map>
#include <string>
#include <vector>

#include "reports/safety_detector.h"

namespace fieldnotes::reports::testing {

struct Labelled {
  std::string language;  // the file's name: "de"
  std::string split;     // "dev" or "holdout"
  bool danger = false;
  std::string category;  // for danger
  std::string text;
  int line = 0;
  // The source block of the row in its file: the number of `#` lines
  // between its first row and this one. Each block was written by other
  // writers (the comment says who), and the blocks line up across the
  // files (0: the first texts, 1: round seven, 4: round eight, ...), so
  // cross-validation folded by block estimates how text by new writers
  // is heard.
  int block = 0;
};

// Every row of every .tsv in `folder`: split, label (danger | near_miss),
// category, text. Throws std::runtime_error naming the file and line of a
// malformed row.
std::vector<Labelled> ReadLabelledSet(const std::string& folder);

// Only the rows of the `dev` part: a row of any other part is skipped as
// soon as its first column says so, before its text is read. What the
// classifier is trained on (tests/tools/safety_train.cpp), so that the
// holdout stays text it has never seen.
std::vector<Labelled> ReadDevRows(const std::string& folder);

// SHA-256, in hex, over the rows of `dev` as read (language, label,
// category and text of each, in order): the model records it, and a test
// recomputes it, so a model not retrained after the rows changed fails.
std::string RowsSha256(const std::vector<Labelled>& dev);

struct Tally {
  int danger = 0, heard = 0;      // texts in danger, and how many raised
  int near = 0, false_alarm = 0;  // near misses, and how many raised
  double recall() const;          // percent
  double false_alarms() const;    // percent
};

struct Evaluation {
  std::map<std::string, Tally> by_language, by_split, by_category;
  Tally all;
  // The near misses that are ordinary journal writing (category
  // "ordinary": worry, harsh self-talk, a low day; docs/safety.md, "Round
  // thirteen") and the others (idioms, films, someone else's danger), each
  // also counted in the tallies above.
  Tally ordinary, other_near;
  std::vector<const Labelled*> wrong;  // missed or raised by mistake
  std::string Table() const;           // Markdown, as in docs/safety.md
};

Evaluation Evaluate(const SafetyDetector& detector, const std::vector<Labelled>& set);

}  // namespace fieldnotes::reports::testing

#endif  // FIELDNOTES_TESTS_REPORTS_SAFETY_EVAL_H_
