// The report's output for a generated journal, against files written by an
// earlier build (tests/data/report_output/): the patterns' JSON (its
// SHA-256), the content's JSON, the PDF's text as pdftotext reads it and
// the PDF's SHA-256. A change of how the analysis or the report holds its data in
// memory must leave every one of them as it was.
//
// To write the files again after a change that means to change the output:
// FIELDNOTES_WRITE_REPORT_OUTPUT=1 reports_tests --run_test=report_output,
// then read the diff before committing it.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/json.h"
#include "journal_generator.h"
#include "report_fixture.h"
#include "reports/analysis_cache.h"
#include "reports/font_locator.h"
#include "reports/report_pdf.h"
#include "support/temp_dir.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

const std::filesystem::path kExpectedDir =
    std::filesystem::path(FIELDNOTES_SOURCE_DIR) / "tests/data/report_output";

bool Writing() { return std::getenv("FIELDNOTES_WRITE_REPORT_OUTPUT") != nullptr; }

// A UUID made from a number, so the same journal has the same ids in every run.
std::string IdOf(char kind, size_t n) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%08x-0000-4000-8000-%012zx", static_cast<unsigned>(kind), n);
  return buf;
}

// The generator's journal with its random ids replaced by fixed ones.
GeneratedJournal Journal() {
  GeneratorOptions options;
  options.seed = 2026;
  options.weeks = 70;
  options.entries_per_week = 12;
  options.plant_recurring = true;
  options.plant_time = true;
  options.plant_trigger = true;
  options.plant_writing_effect = true;
  GeneratedJournal g = GenerateJournal(options);
  for (size_t i = 0; i < g.entries.size(); ++i) g.entries[i].id = IdOf('e', i);
  for (size_t i = 0; i < g.sessions.size(); ++i) g.sessions[i].id = IdOf('s', i);
  for (size_t i = 0; i < g.threads.size(); ++i) g.threads[i].id = IdOf('t', i);
  return g;
}

std::string Digest(const std::string& bytes) {
  return core::crypto::HexEncode(core::crypto::Sha256(core::crypto::AsBytes(bytes))) + "\n";
}

// Compares `actual` with the expected file `name`, or writes it.
void Expect(const std::string& name, const std::string& actual) {
  const std::filesystem::path path = kExpectedDir / name;
  if (Writing()) {
    std::filesystem::create_directories(kExpectedDir);
    fieldnotes::testing::WriteFile(path, actual);
    BOOST_TEST_MESSAGE("wrote " << path.string());
    return;
  }
  BOOST_REQUIRE_MESSAGE(std::filesystem::exists(path), "no expected file " << path.string());
  const std::string expected = fieldnotes::testing::ReadFile(path);
  if (expected == actual) {
    BOOST_TEST(true);
    return;
  }
  size_t at = 0;
  while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) ++at;
  BOOST_ERROR(name << " differs from the expected file at byte " << at << " (sizes "
                   << expected.size() << " and " << actual.size() << "): \""
                   << expected.substr(at > 40 ? at - 40 : 0, 120) << "\" against \""
                   << actual.substr(at > 40 ? at - 40 : 0, 120) << "\"");
}

// The report of `period` with the client's choices made from its own
// observations: the first thing that repeated picked and quoted, the first
// thread quoted, one of each of the client's own lines.
void CheckReport(const std::string& name, const JournalData& data, const Period& period,
                 const core::Clock& clock, const ReportContent* previous,
                 ReportContent* out = nullptr) {
  const Patterns patterns = PatternAnalyzer::Analyze(data, period, clock);
  // The patterns' JSON by its digest: over the whole history it holds a
  // mood value for every day (hundreds of KB).
  Expect(name + ".patterns.sha256", Digest(core::json::Write(PatternsToJson(patterns))));
  ReportOptions options;
  for (const Observation& o : patterns.observations) {
    if (o.type() == ObservationType::kRecurring && options.picks.empty()) {
      options.picks.push_back(o.id);
      options.quotes.push_back(o.id);
    }
    if (o.type() == ObservationType::kThread && options.quotes.size() < 2)
      options.quotes.push_back(o.id);
  }
  options.agenda = {"The Sunday evenings"};
  options.questions = {"Why does it come back at night?"};
  options.display_name = "Sam";
  options.region = "GB";
  ReportInput input{data, &patterns, previous, previous ? "previous-id" : ""};
  auto content = ReportBuilder::Build(input, options);
  BOOST_REQUIRE_MESSAGE(content.ok(), content.status().ToString());
  BOOST_TEST(!content->observations.empty());
  Expect(name + ".content.json", core::json::WritePretty(ContentToJson(*content)));
  auto fonts = FindReportFonts();
  BOOST_REQUIRE_MESSAGE(fonts.ok(), fonts.status().ToString());
  auto pdf = ReportPdf::Render(*content, Paper::kA4, *fonts);
  BOOST_REQUIRE_MESSAGE(pdf.ok(), pdf.status().ToString());
  fieldnotes::testing::TempDir dir;
  const std::string file = dir.File("report.pdf");
  fieldnotes::testing::WriteFile(file, pdf->bytes);
  Expect(name + ".pdf.txt", CommandOutput("pdftotext -enc UTF-8 '" + file + "' -"));
  Expect(name + ".pdf.sha256", Digest(pdf->bytes));
  if (out) *out = std::move(content).value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_output)

BOOST_AUTO_TEST_CASE(a_generated_journal_gives_the_expected_reports) {
  GeneratedJournal g = Journal();
  BOOST_TEST_MESSAGE(g.entries.size() << " entries, " << g.sessions.size() << " sessions");
  const core::FakeClock clock(g.now);
  const JournalData plain{g.entries, g.sessions, g.threads};
  // The period before the last session, then since it with that report as
  // the previous one: what repeated again, and what did not.
  std::vector<core::Timestamp> at;
  for (const core::Session& s : g.sessions) at.push_back(s.at);
  std::sort(at.begin(), at.end());
  BOOST_REQUIRE(at.size() >= 2);
  const Period before =
      Period::Between(at[at.size() - 2].LocalDate(), at.back().LocalDate()).value();
  ReportContent previous;
  CheckReport("before-last-session", plain, before, clock, nullptr, &previous);
  CheckReport("since-last-session", plain, Period::SinceLastSession(g.sessions, clock), clock,
              &previous);
  // The whole history, through the analysis cache as the app makes it.
  AnalysisCache cache;
  JournalData cached = plain;
  cached.cache = &cache;
  CheckReport("whole-history", cached, Period::WholeHistory(g.entries, clock), clock, nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
