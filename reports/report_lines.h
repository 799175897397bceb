// The sentences of the weekly report that come from observations, and the
// chart's data: what ReportBuilder puts in each line before the client's
// edits. Each observation can be said three ways:
//   - guarded (the default): the client's words in it (a recurring label,
//     a trigger phrase) cut to SixWordRule::kMaxUnchosenWords words;
//   - quoted (the client chose the excerpt with --quote): in full;
//   - plain: none of the client's words at all, the fallback when even the
//     guarded form would break the six-word rule.
#ifndef FIELDNOTES_REPORTS_REPORT_LINES_H_
#define FIELDNOTES_REPORTS_REPORT_LINES_H_

#include <optional>
#include <string>
#include <vector>

#include "reports/observation.h"
#include "reports/period.h"
#include "reports/report_content.h"

namespace fieldnotes::reports {

struct ObservationLine {
  std::string text;
  std::vector<std::string> excerpts;  // the client's words it carries in full, when quoted
  std::optional<std::string> plain;   // the fallback, when the type has one
};

// The line for an observation: its type's line (reports/observation_types.h).
ObservationLine LineFor(const Observation& o, const Period& period, bool quoted);

// The lines per type, named in the type table. A recurring worry: its label
// guarded, quoted or plain; with `quoted`, the loop whole when it is longer.
ObservationLine RecurringLine(const Observation& o, const Period& period, bool quoted);
// A trigger: its phrase guarded, quoted or plain.
ObservationLine TriggerLine(const Observation& o, const Period& period, bool quoted);
// The observation's summary as it is (time patterns, mood, writing effect).
ObservationLine SummaryLine(const Observation& o, const Period& period, bool quoted);

// A thread: "“Title”: followed up 4 times since your last session (Nov 2,
// 4, 6, 8)." The title is always an excerpt: it names the thread. Quoted,
// the latest follow-up's words follow in full.
ObservationLine ThreadLine(const Observation& o, const Period& period, bool quoted);

// "Feelings named most: anxiety in 5 entries (0 in the 8 days before),
// intensity 6.2 on average; …",
// from the per-emotion mood observations; empty when there are none.
std::string FeelingsLine(const std::vector<const Observation*>& emotions, const Period& period);

// The chart: the mood before and after writing, the own intensity of up to
// `max_emotions` feelings that moved most (by the change in how often they
// came up), and the previous period's mood before writing, all on the
// period's days; weekly points when the period is longer than
// kWeeklyAfterDays (three weeks). Series without any value are left out.
inline constexpr int kWeeklyAfterDays = 21;
MoodChart ChartFor(const std::vector<const Observation*>& mood, const Period& period,
                   size_t max_emotions);

// A key that finds the same observation in another report: the id for
// types whose ids do not depend on the period, a hash of the folded label
// for recurring worries.
std::string ObservationKey(const Observation& o);

// The footer lines: who wrote it, what it is and is not, and where to turn
// in a crisis (the region's lines from CrisisResources).
std::vector<std::string> FooterLines(const std::string& display_name, const std::string& region);

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_REPORT_LINES_H_
