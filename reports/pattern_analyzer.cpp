#include "reports/pattern_analyzer.h"

#include "reports/mood_detector.h"
#include "reports/phrase_format.h"
#include "reports/recurring_detector.h"
#include "reports/thread_detector.h"
#include "reports/time_detector.h"
#include "reports/tokenizer.h"
#include "reports/trigger_detector.h"
#include "reports/writing_effect_detector.h"

namespace fieldnotes::reports {
namespace json = core::json;

Patterns PatternAnalyzer::Analyze(const JournalData& data, const Period& period,
                                  const core::Clock& clock) {
  EntryIndex index(data, period);
  Tokenizer tokenizer;
  Patterns out{period, {}};
  auto append = [&](std::vector<Observation> v) {
    for (Observation& o : v) out.observations.push_back(std::move(o));
  };
  append(MoodDetector::Detect(index));
  append(ThreadDetector::Detect(index));
  append(RecurringDetector(tokenizer).Detect(index));
  append(TimeDetector::Detect(index, clock));
  append(TriggerDetector(tokenizer).Detect(index));
  append(WritingEffectDetector::Detect(index));
  return out;
}

json::Value PatternsToJson(const Patterns& patterns) {
  json::Object period;
  period.Set("from", core::FormatDate(patterns.period.from()));
  period.Set("to", core::FormatDate(patterns.period.to()));
  json::Array observations;
  observations.reserve(patterns.observations.size());
  for (const Observation& o : patterns.observations) observations.push_back(ObservationToJson(o));
  json::Object out;
  out.Set("period", std::move(period));
  out.Set("observations", std::move(observations));
  return out;
}

std::string PatternsToText(const Patterns& patterns) {
  const Period& p = patterns.period;
  const int year = p.to().year;
  std::string out = p.session()
                        ? "Since your last session (" + ShortDate(p.from(), year) + " to " +
                              ShortDate(p.to(), year) + ")"
                        : "From " + ShortDate(p.from(), year) + " to " + ShortDate(p.to(), year);
  out += ":\n";
  if (patterns.observations.empty()) {
    out += "\nNothing stood out yet. That is fine: patterns need a few entries to show.\n";
    return out;
  }
  for (const Observation& o : patterns.observations) {
    out += "\n- " + o.summary + "\n";
    if (o.client_only())
      out += "  (Only you see this. It goes into a report only if you add it.)\n";
  }
  return out;
}

}  // namespace fieldnotes::reports
