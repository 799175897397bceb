#include "engine/weekly_report.h"

#include <optional>
#include <set>

#include "core/atomic_file.h"
#include "core/i18n.h"
#include "engine/kept_reports.h"
#include "reports/font_locator.h"
#include "reports/loop_groups.h"
#include "reports/pattern_analyzer.h"

namespace fieldnotes::client {
namespace {

// The snapshot's language on this thread while it lives; nothing when the
// report is in the app's language, or the system has no locale for it
// (then the report is in the app's language too).
class ReportLanguage {
 public:
  explicit ReportLanguage(const ReportSnapshot& snapshot) {
    const std::string& language = snapshot.language;
    if (language.empty()) return;
    // "de_AT": that country's dates when the system has its locale, else
    // the language's.
    const size_t underscore = language.find('_');
    if (underscore != std::string::npos) {
      scope_.emplace(language + ".UTF-8");
      if (scope_->active()) return;
      scope_.reset();
    }
    scope_.emplace(language.substr(0, underscore));
  }

 private:
  std::optional<core::ScopedLanguage> scope_;
};

reports::Period PeriodOf(const ReportSnapshot& snapshot, const core::Clock& clock,
                         const std::optional<reports::Period>& period) {
  if (period) return *period;
  return reports::Period::SinceLastSession(snapshot.sessions, clock);
}

}  // namespace

core::Result<ReportSnapshot> TakeSnapshot(const core::Journal& journal,
                                          const AppSettings& settings,
                                          std::vector<reports::StoredReport> stored,
                                          std::shared_ptr<reports::AnalysisCache> cache) {
  ReportSnapshot s;
  s.cache = cache ? std::move(cache) : std::make_shared<reports::AnalysisCache>();
  s.stored = std::move(stored);
  auto brought = ReportsBrought(journal);
  if (!brought.ok()) return brought.status();
  s.brought = brought->All();
  auto groups = reports::LoadLoopGroups(journal);
  if (!groups.ok()) return groups.status();
  s.same_worry = std::move(groups->same);
  const auto entries = journal.entries().oldest_first();
  s.entries.assign(entries.begin(), entries.end());
  s.revision = journal.revision();
  s.sessions = journal.sessions();
  s.threads = journal.threads();
  s.paper = settings.paper == PaperSize::kLetter ? reports::Paper::kLetter : reports::Paper::kA4;
  s.display_name = settings.display_name;
  s.region = EffectiveCrisisRegion(settings);
  s.language = settings.report_language;
  return s;
}

core::Result<ReportSnapshot> TakeSnapshot(const core::Journal& journal) {
  auto settings = LoadSettings(journal);
  if (!settings.ok()) return settings.status();
  auto stored = reports::ReportStore::List(journal);
  if (!stored.ok()) return stored.status();
  return TakeSnapshot(journal, *settings, std::move(stored).value());
}

core::Result<reports::ReportContent> BuildReportContent(
    const ReportSnapshot& snapshot, const reports::ReportOptions& choices,
    const core::Clock& clock, const std::optional<reports::Period>& chosen) {
  const ReportLanguage language(snapshot);
  reports::ReportOptions options = choices;
  options.display_name = snapshot.display_name;
  options.region = snapshot.region;
  const reports::Period period = PeriodOf(snapshot, clock, chosen);
  reports::JournalData data{snapshot.entries, snapshot.sessions, snapshot.threads,
                            snapshot.same_worry};
  data.cache = snapshot.cache.get();
  data.revision = snapshot.revision;
  const reports::Patterns patterns = reports::PatternAnalyzer::Analyze(data, period, clock);
  const reports::StoredReport* previous =
      reports::ReportStore::PreviousOf(snapshot.stored, period.from(), snapshot.brought);
  reports::ReportInput input{data, &patterns, previous ? &previous->content : nullptr,
                             previous ? previous->id : ""};
  return reports::ReportBuilder::Build(input, options);
}

core::Result<MadeReport> MakeReport(const ReportSnapshot& snapshot,
                                    const reports::ReportOptions& options,
                                    const core::Clock& clock,
                                    const std::optional<reports::Period>& period) {
  // The PDF's headings and page numbers are in the content's language too.
  const ReportLanguage language(snapshot);
  auto content = BuildReportContent(snapshot, options, clock, period);
  if (!content.ok()) return content.status();
  // Build's last step was the six-word check on exactly this content;
  // nothing changes it between here and the PDF and the journal.
  auto fonts = reports::FindReportFonts();
  if (!fonts.ok()) return fonts.status();
  auto pdf = reports::ReportPdf::Render(*content, snapshot.paper, *fonts);
  if (!pdf.ok()) return pdf.status();
  MadeReport made;
  made.content = std::move(content).value();
  made.pdf = std::move(pdf).value();
  made.paper = snapshot.paper;
  return made;
}

std::vector<std::string> UnansweredQuestions(const ReportSnapshot& snapshot,
                                             const core::Clock& clock) {
  const reports::Period period = PeriodOf(snapshot, clock, std::nullopt);
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (auto e = snapshot.entries.rbegin(); e != snapshot.entries.rend(); ++e) {  // newest first
    if (!period.Contains(*e)) continue;
    for (const core::FollowUp& f : e->followups) {
      if (!f.answer.empty() || f.question.empty()) continue;
      if (f.question.size() > reports::ReportBuilder::kMaxClientTextBytes) continue;
      if (seen.insert(f.question).second) out.push_back(f.question);
    }
  }
  return out;
}

core::Status WriteReportPdf(const MadeReport& made, const std::string& path) {
  return core::WriteFileAtomically(
      path, std::string_view(reinterpret_cast<const char*>(made.pdf.bytes.data()),
                             made.pdf.bytes.size()));
}

reports::StoredReport ToStoredReport(const MadeReport& made, const core::Clock& clock) {
  reports::StoredReport report;
  report.id = core::NewUuid();
  report.created_at = clock.Now();
  report.paper = std::string(reports::PaperName(made.paper));
  report.pages = made.pdf.pages;
  report.content = made.content;
  report.pdf = made.pdf.bytes;
  return report;
}

core::Result<reports::StoredReport> KeepReport(core::Journal& journal, const MadeReport& made,
                                               const core::Clock& clock) {
  reports::StoredReport report = ToStoredReport(made, clock);
  FN_RETURN_IF_ERROR(KeepStoredReport(journal, report));
  return report;
}

core::Result<std::string> SaveReport(core::Journal& journal, const MadeReport& made,
                                     const std::string& path, const core::Clock& clock) {
  FN_RETURN_IF_ERROR(WriteReportPdf(made, path));
  auto kept = KeepReport(journal, made, clock);
  if (!kept.ok())
    return kept.status().WithContext(
        "the PDF was written, but the report could not be kept in the journal");
  return kept->id;
}

}  // namespace fieldnotes::client
