// Time patterns (detector 2, docs/patterns.md): spikes bucketed by local
// weekday x part of day, reported only when the evidence is strong.
// "You wrote a spike on Sunday night in 5 of the last 6 weeks."
//
// The statistic is the number of distinct weeks a bucket had a spike in
// (one bad Sunday with five spikes is one week, not five). Chance is
// worked out from the client's own rhythm: a spike's part of day follows
// the client's usual share of spikes in that part on the other six
// weekdays (people write in the evening), and its weekday is uniform. A bucket is reported when it
// came up in at least kMinWeeks weeks and the probability of that many weeks or more by chance,
// times the 28 buckets tried (Bonferroni), is at most kFamilyAlpha.
#ifndef FIELDNOTES_REPORTS_TIME_DETECTOR_H_
#define FIELDNOTES_REPORTS_TIME_DETECTOR_H_

#include <vector>

#include "core/clock.h"
#include "reports/entry_index.h"
#include "reports/observation.h"

namespace fieldnotes::reports {

class TimeDetector {
 public:
  static constexpr int kMinWeeks = 3;
  static constexpr int kBuckets = 28;
  static constexpr double kFamilyAlpha = 0.03;
  static constexpr double kPriorSpikes = 20;    // see part_share in time_detector.cpp
  static constexpr double kEmotionShare = 0.6;  // name the emotion when this many share it
  static constexpr size_t kMaxObservations = 3;

  // Looks at the spikes in index.InWindow(); `clock` decides whether the
  // window ends today ("the last 6 weeks") or earlier.
  static std::vector<Observation> Detect(const EntryIndex& index, const core::Clock& clock);
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_TIME_DETECTOR_H_
