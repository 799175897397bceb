#include "engine/patterns.h"

#include <utility>

#include "engine/loops.h"

namespace fieldnotes::client {

core::Result<PatternSnapshot> TakePatternSnapshot(const core::Journal& journal,
                                                  std::shared_ptr<reports::AnalysisCache> cache) {
  PatternSnapshot s;
  s.cache = cache ? std::move(cache) : std::make_shared<reports::AnalysisCache>();
  auto groups = LoopDecisions(journal);
  if (!groups.ok()) return groups.status();
  s.groups = std::move(groups).value();
  const auto entries = journal.entries().oldest_first();
  s.entries.assign(entries.begin(), entries.end());
  s.revision = journal.revision();
  s.sessions = journal.sessions();
  s.threads = journal.threads();
  return s;
}

core::Result<PatternAnalysis> AnalyzePatterns(const PatternSnapshot& snapshot,
                                              const core::Clock& clock,
                                              const std::optional<reports::Period>& chosen) {
  const reports::Period period =
      chosen ? *chosen : reports::Period::SinceLastSession(snapshot.sessions, clock);
  reports::JournalData data{snapshot.entries, snapshot.sessions, snapshot.threads,
                            snapshot.groups.same};
  data.cache = snapshot.cache.get();
  data.revision = snapshot.revision;
  PatternAnalysis out{reports::PatternAnalyzer::Analyze(data, period, clock), {}};
  auto suggestions = SuggestSameWorry(snapshot.entries, snapshot.groups);
  if (!suggestions.ok()) return suggestions.status();
  out.suggestions = std::move(suggestions).value();
  return out;
}

}  // namespace fieldnotes::client
