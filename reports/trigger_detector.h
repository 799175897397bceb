// Triggers (detector 3, docs/patterns.md): what came right before spikes of
// the same emotion, from the `before` field and tags. "Anxiety followed
// "message from my manager" 5 of the 6 times it came up (since Sep 21)."
//
// Candidates are the client's own words: single content words and pairs of
// neighbouring content words of `before` (compared by stem, so "messaged"
// and "message" are one), and whole tags. For an emotion E and a
// candidate T that came up m times, E k of them, a trigger needs
// k >= kMinCount, k/m above E's base rate among all spikes in the window,
// and a binomial probability of k or more out of m at the base rate small
// enough to keep the chance of any trigger in a journal where emotions and
// events are unrelated at most kAlpha: Tarone's correction over the
// (emotion, candidate) pairs tried, counting only the pairs that could
// reach significance at all (a candidate seen 3 times cannot).
#ifndef FIELDNOTES_REPORTS_TRIGGER_DETECTOR_H_
#define FIELDNOTES_REPORTS_TRIGGER_DETECTOR_H_

#include <vector>

#include "reports/entry_index.h"
#include "reports/observation.h"
#include "reports/tokenizer.h"

namespace fieldnotes::reports {

class TriggerDetector {
 public:
  static constexpr int kMinCount = 3;
  static constexpr double kAlpha = 0.2;
  static constexpr double kSameEvidence = 0.8;  // a trigger sharing this much with a
                                                // better one of the same emotion is dropped
  static constexpr size_t kMaxPerEmotion = 2;
  static constexpr size_t kMaxObservations = 6;
  static constexpr size_t kMinWordBytes = 3;  // shorter words are not triggers on their own

  // Uses `tokenizer` during calls; it must outlive this object.
  explicit TriggerDetector(Tokenizer& tokenizer) : tokenizer_(tokenizer) {}

  // Looks at the spikes in index.InWindow() that name an emotion.
  std::vector<Observation> Detect(const EntryIndex& index);

 private:
  Tokenizer& tokenizer_;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_TRIGGER_DETECTOR_H_
