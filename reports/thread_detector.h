// Threads (detector 5, docs/patterns.md): for each suggestion from a session
// that the period touches, how many entries followed it up and the latest
// "how it went", in the client's words.
#ifndef FIELDNOTES_REPORTS_THREAD_DETECTOR_H_
#define FIELDNOTES_REPORTS_THREAD_DETECTOR_H_

#include <vector>

#include "reports/entry_index.h"
#include "reports/observation.h"

namespace fieldnotes::reports {

class ThreadDetector {
 public:
  static constexpr size_t kLatestWords = 40;  // longer follow-ups are cut with "…"

  // One observation per thread followed up by an entry of the period, or
  // created in it (then with a count of 0). Threads match by title, case-
  // and accent-insensitively. Most followed-up first.
  static std::vector<Observation> Detect(const EntryIndex& index);
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_THREAD_DETECTOR_H_
