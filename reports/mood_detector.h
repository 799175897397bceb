// Mood movement (detector 4, docs/patterns.md): the client's mood before
// and after writing (0-10) per day, and each feeling's own intensity per
// day, over the period against the previous period of the same length.
// Intensities of different feelings are never averaged together. These are
// the series the report's chart draws; the sentences say the numbers.
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

  // "mood": the mood before and after writing (when either period has one
  // noted), then one per emotion named in at least kMinEmotionEntries
  // entries of either period, most frequent in the period first.
  static std::vector<Observation> Detect(const EntryIndex& index);
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_MOOD_DETECTOR_H_
