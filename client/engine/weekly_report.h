// The weekly report, from the person's choices to the kept PDF: one
// pipeline for fieldnotes-cli (`report`) and the desktop app's report page.
//
// The steps: the period (since the last session, or one the CLI was given),
// PatternAnalyzer, the last report brought to a session to compare with,
// ReportBuilder with the person's choices (it ends with the six-word rule),
// ReportPdf, and ReportStore for what is kept. No wx and no console: the app
// runs MakeReport on a worker thread over a ReportSnapshot (copies, so the
// journal can go on changing) and keeps the result on the UI thread; the
// CLI runs it all at once.
#ifndef FIELDNOTES_CLIENT_ENGINE_WEEKLY_REPORT_H_
#define FIELDNOTES_CLIENT_ENGINE_WEEKLY_REPORT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/journal.h"
#include "core/model.h"
#include "core/status.h"
#include "engine/settings.h"
#include "reports/analysis_cache.h"
#include "reports/period.h"
#include "reports/report_builder.h"
#include "reports/report_pdf.h"
#include "reports/report_store.h"

namespace fieldnotes::client {

// What a report is made from, copied out of the journal.
struct ReportSnapshot {
  std::vector<core::Entry> entries;  // oldest first, as the journal keeps them
  std::vector<core::Session> sessions;
  std::vector<core::Thread> threads;
  std::vector<reports::StoredReport> stored;  // oldest first, for "what changed"
  std::set<std::string> brought;  // ids of those taken to a session or shared
  std::vector<std::vector<std::string>> same_worry;  // loops joined as one worry
  reports::Paper paper = reports::Paper::kA4;
  std::string display_name;
  std::string region;  // of the crisis lines in the footer (EffectiveCrisisRegion)
  // The report's language (AppSettings::report_language: "fr"); empty,
  // the app's. The report's words, dates and numbers are in it.
  std::string language;
  // What earlier analyses of this journal worked out (never null).
  std::shared_ptr<reports::AnalysisCache> cache;
  // The journal's revision when `entries` were copied (JournalData::
  // revision); set it to 0 when changing `entries`.
  uint64_t revision = 0;
};

// Copies what MakeReport needs. `stored` is the journal's kept reports (the
// app reads them off the UI thread at unlock; their PDFs are not needed).
// A report is compared only with one that was taken to a session (marked)
// or shared, never with a draft. An error when a record cannot be read.
// `cache`: the open journal's (JournalController::analysis_cache()); a new
// one when null.
core::Result<ReportSnapshot> TakeSnapshot(const core::Journal& journal,
                                          const AppSettings& settings,
                                          std::vector<reports::StoredReport> stored,
                                          std::shared_ptr<reports::AnalysisCache> cache = nullptr);
// The same, reading the settings and the kept reports from the journal.
core::Result<ReportSnapshot> TakeSnapshot(const core::Journal& journal);

struct MadeReport {
  reports::ReportContent content;
  reports::RenderedPdf pdf;  // with the renderer's warnings (a missing glyph)
  reports::Paper paper = reports::Paper::kA4;
};

// The report's content only (for a preview), in the snapshot's language. `period`: since the last
// session when not given. `clock` gives "today" and must be safe to read
// from any thread. InvalidArgument with a message for the person when a
// choice does not fit (three picks, a text too long).
core::Result<reports::ReportContent> BuildReportContent(
    const ReportSnapshot& snapshot, const reports::ReportOptions& options,
    const core::Clock& clock, const std::optional<reports::Period>& period = std::nullopt);

// Builds and draws the report (slow: the app calls it off the UI thread),
// in the snapshot's language (core::ScopedLanguage, on this thread only).
// Errors as BuildReportContent; NotFound when the report's font is not
// installed.
core::Result<MadeReport> MakeReport(const ReportSnapshot& snapshot,
                                    const reports::ReportOptions& options,
                                    const core::Clock& clock,
                                    const std::optional<reports::Period>& period = std::nullopt);

// The follow-up questions of the period's entries that were left
// unanswered, newest first, without repeats: offered as "questions I
// couldn't answer alone".
std::vector<std::string> UnansweredQuestions(const ReportSnapshot& snapshot,
                                             const core::Clock& clock);

// Writes the PDF to `path`: a temporary file next to it, then renamed, so a
// failure never leaves half a file.
core::Status WriteReportPdf(const MadeReport& made, const std::string& path);

// The report as the journal keeps it: a new id, made now.
reports::StoredReport ToStoredReport(const MadeReport& made, const core::Clock& clock);

// Keeps the report in the journal (ReportStore): the next report compares
// with it once it is taken or shared, and it can be shared. Returns the
// stored report.
core::Result<reports::StoredReport> KeepReport(core::Journal& journal, const MadeReport& made,
                                               const core::Clock& clock);

// WriteReportPdf, then KeepReport. Returns the stored report's id.
core::Result<std::string> SaveReport(core::Journal& journal, const MadeReport& made,
                                     const std::string& path, const core::Clock& clock);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_WEEKLY_REPORT_H_
