// ReportBuilder: turns the observations of a period and the client's
// choices into the weekly report's content (issue 4, docs/report.md).
//
// No I/O: it takes the journal's data, the analysis, the client's options
// and (optionally) the last report, and returns a ReportContent that keeps
// the six-word rule. Drawing it is ReportPdf's job, storing it ReportStore's.
#ifndef FIELDNOTES_REPORTS_REPORT_BUILDER_H_
#define FIELDNOTES_REPORTS_REPORT_BUILDER_H_

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "reports/entry_index.h"
#include "reports/pattern_analyzer.h"
#include "reports/report_content.h"

namespace fieldnotes::reports {

// What the client chose. Ids are observation ids (from `patterns --json` or
// the report's preview) or item ids (from the preview).
struct ReportOptions {
  std::vector<std::string> picks;      // observations to bring (the agenda)
  std::vector<std::string> agenda;     // agenda items in the client's own words
  std::vector<std::string> excludes;   // observations left out of the report entirely
  std::vector<std::string> questions;  // questions the client couldn't answer alone
  // Observations whose words from the entries the client chooses to carry in
  // full: a recurring thought word for word, a trigger, how a thread went.
  std::vector<std::string> quotes;
  std::vector<std::pair<std::string, std::string>>
      notes;  // item id -> a line of their own under it
  std::vector<std::pair<std::string, std::string>> rewords;  // item id -> the line in their words
  std::vector<std::string> removes;                          // item ids
  std::string display_name;  // empty: no name anywhere in the report
  std::string region;        // of the crisis lines in the footer; empty: the default list
};

struct ReportInput {
  JournalData data;          // the whole journal (the rule checks every entry)
  const Patterns* patterns;  // PatternAnalyzer::Analyze(data, period, clock)
  // The last report before this one, to say what changed; may be null.
  const ReportContent* previous = nullptr;
  std::string previous_id;
};

class ReportBuilder {
 public:
  static constexpr size_t kMaxAgenda = 2;  // "pick one, two at most"
  static constexpr size_t kMaxQuestions = 5;
  static constexpr size_t kMaxThreads = 4;
  static constexpr size_t kMaxRepeated = 6;
  static constexpr size_t kMaxChartEmotions = 3;
  static constexpr size_t kMaxSuggestions = 3;
  static constexpr size_t kMaxClientTextBytes = 500;  // one agenda item, question, note, reword

  // The report. InvalidArgument, with a message for the client, when an id
  // names no observation or line of this report, when more than kMaxAgenda
  // things are picked, or a text is empty or too long. Internal if the
  // content would break the six-word rule after every fallback (a bug).
  static core::Result<ReportContent> Build(const ReportInput& input, const ReportOptions& options);

  // Ok when no text of `content` carries six words in a row of an entry
  // that the client did not choose; otherwise Internal naming the first
  // offending line (never its words). Run on the final content before it is
  // drawn or stored.
  static core::Status CheckSixWordRule(const ReportContent& content,
                                       std::span<const core::Entry> entries);
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_REPORT_BUILDER_H_
