// WeeklyReport: the weekly report for the app, built exactly as
// `fieldnotes-cli report` builds it (client/cli/commands_report.cpp): the
// period since the last session, PatternAnalyzer, the last stored report to
// compare with, ReportBuilder with the person's choices, ReportPdf, and
// ReportStore for what was saved. No wx: the report page runs MakeReport
// on a worker thread over a ReportSnapshot (copies, so the journal can go
// on changing), and SaveReport on the UI thread.
#ifndef FIELDNOTES_CLIENT_UI_WEEKLY_REPORT_H_
#define FIELDNOTES_CLIENT_UI_WEEKLY_REPORT_H_

#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/journal.h"
#include "core/model.h"
#include "core/status.h"
#include "reports/report_builder.h"
#include "reports/report_pdf.h"
#include "reports/report_store.h"
#include "ui/app_settings.h"

namespace fieldnotes::client {

// What a report is made from, copied out of the journal on the UI thread.
struct ReportSnapshot {
  std::vector<core::Entry> entries;
  std::vector<core::Session> sessions;
  std::vector<core::Thread> threads;
  std::vector<reports::StoredReport> stored;  // oldest first, for "what changed"
  std::set<std::string> brought;  // ids of those taken to a session or shared
  std::vector<std::vector<std::string>> same_worry;  // loops joined as one worry
  reports::Paper paper = reports::Paper::kA4;
  std::string display_name;
  std::string region;
};

// Copies what MakeReport needs; `stored` is the journal's kept reports
// (JournalController::StoredReports(), read off the UI thread at unlock).
// A report is compared only with one that was taken to a session (marked)
// or shared, never with a draft; unreadable marks compare with none.
ReportSnapshot TakeSnapshot(const core::Journal& journal, const AppSettings& settings,
                            std::vector<reports::StoredReport> stored);

struct MadeReport {
  reports::ReportContent content;
  reports::RenderedPdf pdf;
  reports::Paper paper = reports::Paper::kA4;
};

// Builds and draws the report (slow: call it off the UI thread). `clock`
// gives "today" and must be safe to read from any thread. InvalidArgument
// with a message for the person when a choice does not fit (three picks, a
// text too long); NotFound when the report's font is not installed.
core::Result<MadeReport> MakeReport(const ReportSnapshot& snapshot,
                                    const reports::ReportOptions& options,
                                    const core::Clock& clock);

// The follow-up questions of the period's entries that were left
// unanswered, newest first, without repeats: offered as "questions I
// couldn't answer alone".
std::vector<std::string> UnansweredQuestions(const ReportSnapshot& snapshot,
                                             const core::Clock& clock);

// Writes the PDF to `path`: a temporary file next to it, then renamed, so a
// failure never leaves half a file.
core::Status WriteReportPdf(const MadeReport& made, const std::string& path);

// Keeps the report in the journal (ReportStore), as `fieldnotes-cli report`
// does; the next report compares with it, and it can be shared. Returns the
// stored report.
core::Result<reports::StoredReport> KeepReport(core::Journal& journal, const MadeReport& made,
                                               const core::Clock& clock);

// WriteReportPdf, then KeepReport, as `fieldnotes-cli report --pdf` does.
// Returns the stored report's id.
core::Result<std::string> SaveReport(core::Journal& journal, const MadeReport& made,
                                     const std::string& path, const core::Clock& clock);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_WEEKLY_REPORT_H_
