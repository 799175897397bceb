// The weekly report on the 20,000-entry journal (DESIGN.md §7, issue 4):
// everything `fieldnotes-cli report` does after the journal is open, timed
// together: the pattern analysis (which reads the whole history), the
// report's content with its six-word check over every entry (the last step
// of ReportBuilder::Build), finding the fonts and drawing the PDF. Also its
// size.
#include <chrono>

#include "bench/journal_bench.h"
#include "core/clock.h"
#include "reports/font_locator.h"
#include "reports/pattern_analyzer.h"
#include "reports/report_builder.h"
#include "reports/report_pdf.h"

namespace fieldnotes::bench {
namespace {

using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Made {
  size_t bytes = 0;
  int pages = 0;
  double pdf_ms = 0;  // finding the fonts and drawing the PDF, of the whole
};

core::Result<Made> MakeReport(const reports::JournalData& data, const reports::Period& period,
                              const core::Clock& clock) {
  const reports::Patterns patterns = reports::PatternAnalyzer::Analyze(data, period, clock);
  reports::ReportOptions options;
  options.agenda = {"Sunday nights, and the messages"};
  auto content = reports::ReportBuilder::Build({data, &patterns, nullptr, ""}, options);
  if (!content.ok()) return content.status();
  const auto start = Clock::now();
  auto fonts = reports::FindReportFonts();
  if (!fonts.ok()) return fonts.status();
  auto pdf = reports::ReportPdf::Render(*content, reports::Paper::kA4, *fonts);
  if (!pdf.ok()) return pdf.status();
  return Made{pdf->bytes.size(), pdf->pages, MsSince(start)};
}

}  // namespace

core::Status JournalBench::MeasureReport(const core::Journal& journal) {
  *log_ << "timing the weekly report..." << std::endl;
  // The same "now" as the pattern analysis: the day after the journal ends.
  core::FakeClock clock(core::Timestamp{core::DaysFromCivil({2026, 7, 1}) * 86400 + 9 * 3600, 0});
  reports::JournalData data{journal.entries(), journal.sessions(), journal.threads()};
  data.cache = cache_.get();  // kept since MeasurePatterns, as the app keeps it
  data.revision = journal.revision();
  const reports::Period recent = reports::Period::SinceLastSession(journal.sessions(), clock);
  const reports::Period whole = reports::Period::WholeHistory(journal.entries().oldest_first(), clock);
  std::vector<double> recent_ms, whole_ms, pdf_ms;
  Made weekly, history;
  for (int i = 0; i < options_.report_runs; ++i) {
    auto start = Clock::now();
    auto made = MakeReport(data, recent, clock);
    if (!made.ok()) return made.status().WithContext("making the weekly report");
    recent_ms.push_back(MsSince(start));
    pdf_ms.push_back(made->pdf_ms);
    weekly = *made;
    start = Clock::now();
    made = MakeReport(data, whole, clock);
    if (!made.ok()) return made.status().WithContext("making the whole-history report");
    whole_ms.push_back(MsSince(start));
    history = *made;
  }
  const std::string runs = "median of " + std::to_string(options_.report_runs);
  auto pages = [](const Made& m) {
    return std::to_string(m.pages) + (m.pages == 1 ? " page" : " pages");
  };
  report_->Add({"report_weekly_ms",
                "Weekly report since the last session: analysis of the whole history, content, "
                "six-word check, PDF",
                Median(recent_ms), "ms", 500.0, runs + "; " + pages(weekly)});
  report_->Add({"report_weekly_pdf_ms",
                "Of which the PDF: fonts found (fontconfig), text shaped, drawn, fonts subset",
                Median(pdf_ms), "ms", std::nullopt, runs});
  report_->Add({"report_weekly_pdf_kb", "Weekly report PDF size, fonts subset",
                static_cast<double>(weekly.bytes) / 1024.0, "KB", 80.0, pages(weekly)});
  report_->Add({"report_whole_ms", "Report over the whole ten years (the largest period)",
                Median(whole_ms), "ms", std::nullopt,
                runs + "; " + pages(history) + ", " +
                    std::to_string(static_cast<int>(static_cast<double>(history.bytes) / 1024.0)) +
                    " KB"});
  return core::Status::Ok();
}

}  // namespace fieldnotes::bench
