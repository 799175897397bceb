#include "reports/pattern_analyzer.h"

#include "reports/observation_types.h"
#include "reports/phrase_format.h"
#include "reports/tokenizer.h"

namespace fieldnotes::reports {
namespace json = core::json;

Patterns PatternAnalyzer::Analyze(const JournalData& data, const Period& period,
                                  const core::Clock& clock) {
  EntryIndex index(data, period);
  Tokenizer tokenizer;
  Patterns out{period, {}};
  const DetectorInput in{index, tokenizer, clock};
  // Each type's detector, in the table's order (reports/observation_types.cpp).
  for (const ObservationTypeInfo& type : ObservationTypes()) {
    for (Observation& o : type.detect(in)) out.observations.push_back(std::move(o));
  }
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
