// Writing effect (detector 6, docs/patterns.md): where the client records a
// mood before and after writing, and writing has left them feeling worse in
// most of the recent entries, say so gently, as the guide does: that
// matters more than any practice. Client-only: never in a report unless
// the client adds it (Observation::client_only()).
#ifndef FIELDNOTES_REPORTS_WRITING_EFFECT_DETECTOR_H_
#define FIELDNOTES_REPORTS_WRITING_EFFECT_DETECTOR_H_

#include <vector>

#include "reports/entry_index.h"
#include "reports/observation.h"

namespace fieldnotes::reports {

class WritingEffectDetector {
 public:
  static constexpr size_t kRecent = 10;   // the latest entries with both moods ...
  static constexpr int kRecentDays = 28;  // ... written in the last four weeks
  static constexpr int kMinEntries = 4;
  static constexpr int kMinWorse = 3;  // and worse in more than half of them

  // At most one observation: empty when writing has not left the client
  // feeling worse in most recent entries, or there are too few to say.
  static std::vector<Observation> Detect(const EntryIndex& index);
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_WRITING_EFFECT_DETECTOR_H_
