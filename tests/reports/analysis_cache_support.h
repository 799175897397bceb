// Helpers shared by the analysis cache's tests (test_analysis_cache.cpp,
// test_analysis_cache_memory.cpp): the journal's order, the analysis as
// JSON, and the recurring detector through FillUnits.
#ifndef FIELDNOTES_TESTS_REPORTS_ANALYSIS_CACHE_SUPPORT_H_
#define FIELDNOTES_TESTS_REPORTS_ANALYSIS_CACHE_SUPPORT_H_

#include <algorithm>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/json.h"
#include "core/model.h"
#include "reports/entry_index.h"
#include "reports/pattern_analyzer.h"
#include "reports/recurring_detector.h"

namespace fieldnotes::reports::testing {

// The journal as core::Journal keeps it: oldest first.
inline void SortOldestFirst(std::vector<core::Entry>& entries) {
  std::sort(entries.begin(), entries.end(), [](const core::Entry& a, const core::Entry& b) {
    if (a.written_at.unix_seconds != b.written_at.unix_seconds)
      return a.written_at.unix_seconds < b.written_at.unix_seconds;
    return a.id < b.id;
  });
}

inline std::string Analyzed(const JournalData& data, const Period& period,
                            const core::Clock& clock) {
  return core::json::Write(PatternsToJson(PatternAnalyzer::Analyze(data, period, clock)));
}

// The recurring detector with a tokenizer that knows a term already (the
// cache then gives it every entry's units, FillUnits).
inline std::string DetectKnowing(const JournalData& data, const Period& period) {
  Tokenizer tokenizer;
  (void)tokenizer.TermOfStem("already-known");
  const EntryIndex index(data, period);
  std::string out;
  for (const Observation& o : RecurringDetector(tokenizer).Detect(index))
    out += core::json::Write(ObservationToJson(o)) + "\n";
  return out;
}

}  // namespace fieldnotes::reports::testing

#endif  // FIELDNOTES_TESTS_REPORTS_ANALYSIS_CACHE_SUPPORT_H_
