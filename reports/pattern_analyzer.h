// PatternAnalyzer: runs the six detectors over a journal for a period and
// returns their observations; the entry point for `fieldnotes-cli patterns`
// and the weekly report (docs/patterns.md).
//
// No I/O: it reads the entries, sessions and threads it is given and the
// clock, and returns values. Nothing is kept between calls unless the data
// carries an AnalysisCache (analysis_cache.h), which gives the same
// observations faster.
#ifndef FIELDNOTES_REPORTS_PATTERN_ANALYZER_H_
#define FIELDNOTES_REPORTS_PATTERN_ANALYZER_H_

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/json.h"
#include "reports/entry_index.h"
#include "reports/observation.h"
#include "reports/period.h"

namespace fieldnotes::reports {

struct Patterns {
  Period period;
  // In the order of a session: mood, threads, recurring, time, triggers,
  // then the client-only writing effect.
  std::vector<Observation> observations;
};

class PatternAnalyzer {
 public:
  // Observations about `period`. Recurring counts also look at the whole
  // history, time patterns and triggers at least EntryIndex::kEvidenceDays
  // back from the period's end. `data` is only read during the call.
  // Thread-safe: each call uses its own tokenizer.
  static Patterns Analyze(const JournalData& data, const Period& period, const core::Clock& clock);
};

// {"period": {"from": "YYYY-MM-DD", "to": "YYYY-MM-DD"}, "observations": [...]}
// with each observation as ObservationToJson; the shape of `patterns --json`.
core::json::Value PatternsToJson(const Patterns& patterns);

// The observations as plain text for a terminal: a heading with the period,
// then one paragraph per observation. A kind message when there are none.
std::string PatternsToText(const Patterns& patterns);

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_PATTERN_ANALYZER_H_
