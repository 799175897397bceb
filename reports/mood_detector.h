// Mood movement (detector 4, docs/patterns.md): intensity per day over the
// period against the previous period of the same length, for every entry
// and per emotion. These are the series the report's chart draws; the
// sentences say only what moved, with the numbers.
#ifndef FIELDNOTES_REPORTS_MOOD_DETECTOR_H_
#define FIELDNOTES_REPORTS_MOOD_DETECTOR_H_

#include <vector>

#include "reports/entry_index.h"
#include "reports/observation.h"

namespace fieldnotes::reports {

class MoodDetector {
 public:
  static constexpr int kMinEmotionEntries = 2;  // in the period or the one before
  static constexpr size_t kMaxEmotions = 5;

  // One observation for all entries (when either period has an intensity),
  // then one per emotion named in at least kMinEmotionEntries entries of
  // either period, most frequent in the period first.
  static std::vector<Observation> Detect(const EntryIndex& index);
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_MOOD_DETECTOR_H_
