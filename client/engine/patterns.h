// Patterns: what the journal noticed since the last session, and loops that
// may be one worry in other words; one flow for `fieldnotes-cli patterns`
// and the app's Patterns page. The app takes the snapshot on the UI thread
// and analyses it on a worker; the CLI does both at once.
#ifndef FIELDNOTES_CLIENT_ENGINE_PATTERNS_H_
#define FIELDNOTES_CLIENT_ENGINE_PATTERNS_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "core/clock.h"
#include "core/journal.h"
#include "core/model.h"
#include "core/status.h"
#include "reports/analysis_cache.h"
#include "reports/loop_groups.h"
#include "reports/pattern_analyzer.h"
#include "reports/period.h"

namespace fieldnotes::client {

// What the analysis reads, copied out of the journal.
struct PatternSnapshot {
  std::vector<core::Entry> entries;  // oldest first, as the journal keeps them
  std::vector<core::Session> sessions;
  std::vector<core::Thread> threads;
  reports::LoopGroups groups;  // loops joined as one worry, and kept apart
  // What earlier analyses of this journal worked out (never null).
  std::shared_ptr<reports::AnalysisCache> cache;
  // The journal's revision when `entries` were copied (JournalData::
  // revision); set it to 0 when changing `entries`.
  uint64_t revision = 0;
};

// An error when the grouped loops cannot be read. `cache`: the open
// journal's (JournalController::analysis_cache()); a new one when null.
core::Result<PatternSnapshot> TakePatternSnapshot(
    const core::Journal& journal, std::shared_ptr<reports::AnalysisCache> cache = nullptr);

struct PatternAnalysis {
  reports::Patterns patterns;
  // Loops that may be the same worry, best first; only the person decides.
  std::vector<reports::LoopSuggestion> suggestions;
};

// The analysis over `period` (since the last session when not given). Slow
// on a long journal: the app calls it off the UI thread; `clock` must be
// safe to read from any thread.
core::Result<PatternAnalysis> AnalyzePatterns(
    const PatternSnapshot& snapshot, const core::Clock& clock,
    const std::optional<reports::Period>& period = std::nullopt);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_PATTERNS_H_
