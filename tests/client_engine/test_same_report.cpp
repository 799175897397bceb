// The weekly report is one pipeline (engine/weekly_report.h): fieldnotes-cli
// `report` and the app's report page make byte-identical PDFs of the same
// journal with the same choices, settings and "what changed" comparison.
#include <string>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "engine/settings.h"
#include "engine/weekly_report.h"
#include "engine_fixture.h"
#include "reports/report_content.h"
#include "reports/report_store.h"
#include "support/run_process.h"

namespace fieldnotes::testing {
namespace {

std::string Pdftotext(const std::string& path) {
  const ProcessResult r = RunProcess("/usr/bin/pdftotext", {"-enc", "UTF-8", path, "-"});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  std::string flat;
  for (char c : r.out) flat += (c == '\n' ? ' ' : c);
  return flat;
}

// The app's path: what ReportPanel::Start, Rebuild and SaveTo call, with
// the kept reports read as JournalController::StoredReports reads them.
std::string AppReport(const EngineFixture& f, const reports::ReportOptions& choices,
                      const std::string& path) {
  auto journal = f.Open();
  auto settings = client::LoadSettings(*journal);
  BOOST_REQUIRE(settings.ok());
  auto stored = reports::ReportStore::List(*journal);
  BOOST_REQUIRE(stored.ok());
  for (reports::StoredReport& r : *stored) r.pdf.clear();
  auto snapshot = client::TakeSnapshot(*journal, *settings, std::move(stored).value());
  BOOST_REQUIRE_MESSAGE(snapshot.ok(), snapshot.status().ToString());
  auto made = client::MakeReport(*snapshot, choices, f.now);
  BOOST_REQUIRE_MESSAGE(made.ok(), made.status().ToString());
  BOOST_REQUIRE(client::WriteReportPdf(*made, path).ok());
  BOOST_REQUIRE(client::KeepReport(*journal, *made, f.now).ok());
  return ReadFile(path);
}

}  // namespace

BOOST_FIXTURE_TEST_CASE(cli_and_app_make_byte_identical_pdfs, EngineFixture) {
  MakeJournal();
  BOOST_REQUIRE(Cli({"settings", "set", "display-name", "Zoë Ł."}, now) == 0);
  BOOST_REQUIRE(Cli({"settings", "set", "region", "gb"}, now) == 0);
  BOOST_REQUIRE(Cli({"settings", "set", "paper", "letter"}, now) == 0);

  // A report made the day before the session and taken to it: both paths
  // say what changed since it.
  core::FakeClock before(now.Now());
  before.AdvanceSeconds(-8 * 86400);
  BOOST_REQUIRE(Cli({"report", "--pdf", dir.File("first.pdf")}, before) == 0);
  std::string first_id;
  {
    auto journal = Open();
    auto stored = reports::ReportStore::List(*journal);
    BOOST_REQUIRE(stored.ok());
    BOOST_REQUIRE(stored->size() == 1u);
    first_id = stored->front().id;
  }
  BOOST_REQUIRE(Cli({"report", "taken", first_id}, now) == 0);

  // The choices: a pick carried in the client's own words with a note, a
  // line reworded, and two questions.
  reports::ReportOptions choices;
  {
    auto journal = Open();
    auto snapshot = client::TakeSnapshot(*journal);
    BOOST_REQUIRE(snapshot.ok());
    auto content = client::BuildReportContent(*snapshot, {}, now);
    BOOST_REQUIRE(content.ok());
    BOOST_REQUIRE_MESSAGE(!content->suggestions.empty(), reports::ContentToText(*content));
    BOOST_REQUIRE(content->FindItem("mood-feelings") != nullptr);
    const std::string& pick = content->suggestions[0];
    choices.picks = {pick};
    choices.quotes = {pick};
    choices.notes = {{pick, "It got louder on Sunday night."}};
    choices.rewords = {{"mood-feelings", "The messages from my manager, again."}};
    choices.questions = {"What were you afraid would happen?", "Why Sundays?"};
  }
  const std::string cli_pdf = dir.File("cli.pdf");
  BOOST_REQUIRE(Cli({"report", "--pdf", cli_pdf, "--pick", choices.picks[0], "--quote",
                     choices.quotes[0], "--note",
                     choices.notes[0].first + "=" + choices.notes[0].second, "--reword",
                     choices.rewords[0].first + "=" + choices.rewords[0].second, "--question",
                     choices.questions[0], "--question", choices.questions[1]},
                    now) == 0);
  const std::string app_pdf = dir.File("app.pdf");
  const std::string app_bytes = AppReport(*this, choices, app_pdf);
  const std::string cli_bytes = ReadFile(cli_pdf);

  BOOST_REQUIRE(!cli_bytes.empty());
  BOOST_TEST((cli_bytes == app_bytes), "the CLI's PDF (" << cli_bytes.size()
                                                         << " bytes) and the app's ("
                                                         << app_bytes.size() << ") differ");
  // And they are the report asked for, not two empty pages.
  const std::string text = Pdftotext(app_pdf);
  BOOST_TEST(text.find("Zoë Ł.") != std::string::npos, text);
  BOOST_TEST(text.find("It got louder on Sunday night.") != std::string::npos, text);
  BOOST_TEST(text.find("The messages from my manager, again.") != std::string::npos, text);
  BOOST_TEST(text.find("Why Sundays?") != std::string::npos, text);
  BOOST_TEST(text.find("Samaritans") != std::string::npos, text);

  // The comparison can tell: other choices give another PDF.
  reports::ReportOptions fewer = choices;
  fewer.questions.pop_back();
  BOOST_TEST((AppReport(*this, fewer, dir.File("fewer.pdf")) != app_bytes));
  // Every report was kept in the journal.
  auto journal = Open();
  BOOST_TEST(reports::ReportStore::List(*journal)->size() == 4u);
}

}  // namespace fieldnotes::testing
