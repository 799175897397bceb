// ReportContent: the weekly report as data, before it is drawn (issue 4,
// docs/report.md). The PDF draws exactly this, and `report --json`,
// `report show` and the stored report hold exactly this, so what the client
// reads, what is printed and what may later be shared cannot drift apart.
//
// Sections follow the order a session runs: mood, since last session,
// what I want to bring, what repeated, questions I couldn't answer alone.
// Every line is an item with a stable id, so the client can remove or
// reword it before export.
#ifndef FIELDNOTES_REPORTS_REPORT_CONTENT_H_
#define FIELDNOTES_REPORTS_REPORT_CONTENT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/status.h"
#include "core/timestamp.h"
#include "reports/evidence.h"
#include "reports/six_word_rule.h"

namespace fieldnotes::reports {

// Version of the content's JSON form; ContentFromJson refuses others.
inline constexpr int kReportContentFormat = 1;

enum class SectionKind { kMood, kSinceLastSession, kAgenda, kRepeated, kQuestions };
inline constexpr SectionKind kSectionOrder[] = {SectionKind::kMood, SectionKind::kSinceLastSession,
                                                SectionKind::kAgenda, SectionKind::kRepeated,
                                                SectionKind::kQuestions};
// "mood", "since_last_session", "agenda", "repeated", "questions".
std::string_view SectionKey(SectionKind kind);
// "Mood", "Since last session", "What I want to bring", "What repeated",
// "Questions I couldn't answer alone".
std::string_view SectionTitle(SectionKind kind);

struct ReportItem {
  std::string id;              // stable: "mood", "thread-1a2b3c4d", "agenda-1", "question-2"
  std::string text;            // the line as printed
  std::string note;            // a second line under it, or empty ("How it went: …")
  std::string observation_id;  // the observation it came from, or empty
  // `text` is the client's own writing for this report (an agenda item, a
  // question, a reworded line). `note` always is, when set.
  bool client_written = false;
  // Parts of `text` the client chose to quote from their entries, in full
  // (--quote), and thread titles; see SixWordRule.
  std::vector<std::string> excerpts;
};

struct ReportSection {
  SectionKind kind = SectionKind::kMood;
  std::vector<ReportItem> items;
  // Shown instead of items when there are none ("Nothing picked this time.").
  std::string empty_text;
  // Lines after the items: what was left out and counted, what changed.
  std::vector<std::string> notes;
};

// What a chart line measures, each 0 to 10.
enum class ChartMeasure { kMoodBefore, kMoodAfter, kIntensity };
std::string_view MeasureName(ChartMeasure m);  // "mood_before", "mood_after", "intensity"

// One line of the mood chart: daily (or weekly, for periods longer than
// three weeks) averages of one measure, one value per point of
// MoodChart::points, nullopt where no entry had a value.
struct ChartSeries {
  std::string label;    // "Mood before writing", "Anxiety", "Mood before writing, the 7 days before"
  std::string emotion;  // folded emotion of an intensity line; empty for the mood
  bool previous = false;  // the previous period, drawn on the same days
  std::vector<std::optional<double>> values;
  ChartMeasure measure = ChartMeasure::kIntensity;
};

struct MoodChart {
  std::vector<core::Date> points;  // first day of each point, in order
  int days_per_point = 1;          // 1, or 7 for periods longer than three weeks
  std::vector<ChartSeries> series;
  bool empty() const { return series.empty(); }
};

// An observation the report shows, as it shows it. Observations the client
// excluded, or that were left out to keep the report short, are not here.
struct ReportObservation {
  std::string id;
  std::string type;     // as observation.h: "recurring", "time", ...
  std::string key;      // matches the same observation in another report
  std::string summary;  // the sentence as the report shows it
  int count = 0;
  Evidence evidence;      // shared with the observation it was made from (evidence.h)
  std::string placement;  // the section key it is shown in
};

struct PreviousReportRef {
  std::string id;
  core::Date from;
  core::Date to;
};

struct ReportContent {
  int format = kReportContentFormat;
  core::Date from;
  core::Date to;
  std::optional<core::Date> last_session;  // the session the period starts at
  std::optional<core::Date> next_session;  // the next one booked, if any
  std::string title;                       // "Notes for my next session"
  std::string subtitle;                    // "Nov 2 to Nov 9, 2026 · before the session on …"
  std::string display_name;                // empty unless the client set one
  std::string region;                      // of the crisis line in the footer
  int entries = 0;                         // entries in the period
  // The mood before and after writing (0-10) over the period, where noted.
  std::optional<double> mood_before;
  std::optional<double> mood_after;
  MoodChart chart;
  std::vector<ReportSection> sections;  // always five, in kSectionOrder
  std::vector<std::string> footer;      // on every page
  std::vector<ReportObservation> observations;
  std::vector<std::string> suggestions;  // observation ids suggested for the agenda
  std::optional<PreviousReportRef> previous;

  const ReportSection* Section(SectionKind kind) const;
  ReportSection* Section(SectionKind kind);
  // nullptr when no item has that id.
  const ReportItem* FindItem(std::string_view id) const;
};

// The JSON form (docs/report.md): keys in a fixed order, so the same content
// always writes the same bytes.
core::json::Value ContentToJson(const ReportContent& content);
// InvalidArgument when a field is missing or of the wrong type; Unsupported
// for another format.
core::Result<ReportContent> ContentFromJson(const core::json::Value& value);

// Every text the report shows that could carry a client's words: items,
// notes, section notes, the chart's labels, the subtitle and the
// observations' summaries. Fixed wording (titles, footer) is not included:
// it is the same in every report.
std::vector<GuardedText> GuardedTexts(const ReportContent& content);

// The report as plain text for a terminal, each item with its id, so the
// client can review it and name lines to --remove or --reword.
std::string ContentToText(const ReportContent& content);

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_REPORT_CONTENT_H_
