// The report's language (settings "report-lang", engine/weekly_report.h):
// the weekly report is written in it, whatever the app's language, and
// defaults to the app's. Real catalogs compiled by msgfmt
// (tests/data/i18n: fixed words while po/ is being translated), the
// system's de_DE and fr_FR locales, real PDFs read back with pdftotext.
#include <string>

#include <boost/test/unit_test.hpp>

#include "core/i18n.h"
#include "core/language_fixture.h"
#include "engine/settings.h"
#include "engine/weekly_report.h"
#include "engine_fixture.h"
#include "support/run_process.h"

namespace fieldnotes::testing {
namespace {

// The language set-up of the core tests first (core/language_fixture.h),
// then a journal.
struct ReportLanguageFixture : LanguageFixture, EngineFixture {
  ReportLanguageFixture() {
    MakeJournal();
  }

  // The report as the app makes it, read back from its PDF.
  std::string ReportText(const std::string& name) const {
    auto journal = Open();
    auto snapshot = client::TakeSnapshot(*journal);
    BOOST_REQUIRE_MESSAGE(snapshot.ok(), snapshot.status().ToString());
    auto made = client::MakeReport(*snapshot, {}, now);
    BOOST_REQUIRE_MESSAGE(made.ok(), made.status().ToString());
    const std::string path = dir.File(name);
    BOOST_REQUIRE(client::WriteReportPdf(*made, path).ok());
    const ProcessResult r = RunProcess("/usr/bin/pdftotext", {"-enc", "UTF-8", path, "-"});
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    std::string flat;
    for (char c : r.out) flat += (c == '\n' ? ' ' : c);
    return flat;
  }

  bool Has(const std::string& text, const std::string& words) const {
    return text.find(words) != std::string::npos;
  }
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(the_report_is_written_in_its_language, ReportLanguageFixture) {
  BOOST_REQUIRE_MESSAGE(core::ScopedLanguage("de").active(),
                        "de_DE.UTF-8 must exist (packaging/install-deps.sh)");
  // Unset: the app's language (English here).
  const std::string english = ReportText("default.pdf");
  BOOST_TEST(Has(english, "Notes for my next session"), english);
  BOOST_TEST(Has(english, "Mood"));
  BOOST_TEST(Has(english, "Mar 12"));

  BOOST_REQUIRE(Cli({"settings", "set", "report-lang", "de"}, now) == 0);
  const std::string german = ReportText("de.pdf");
  BOOST_TEST(Has(german, "Notizen für meine nächste Sitzung"), german);
  BOOST_TEST(Has(german, "Stimmung"));
  BOOST_TEST(Has(german, "Was sich wiederholt hat"));
  BOOST_TEST(Has(german, "Seite 1 von"));
  BOOST_TEST(Has(german, "12. März"));  // the date in German too
  BOOST_TEST(!Has(german, "Notes for my next session"));

  BOOST_REQUIRE(Cli({"settings", "set", "report-lang", "en"}, now) == 0);
  const std::string back = ReportText("en.pdf");
  BOOST_TEST(Has(back, "Notes for my next session"), back);
  BOOST_TEST(Has(back, "What repeated"));
  BOOST_TEST(!Has(back, "Stimmung"));
}

BOOST_FIXTURE_TEST_CASE(a_german_app_writes_a_french_report, ReportLanguageFixture) {
  BOOST_REQUIRE(Cli({"settings", "set", "report-lang", "fr"}, now) == 0);
  core::ScopedLanguage app("de");  // the app's language, on this thread
  BOOST_REQUIRE(app.active());
  const std::string french = ReportText("fr.pdf");
  BOOST_TEST(Has(french, "Notes pour ma prochaine séance"), french);
  BOOST_TEST(Has(french, "Humeur"));
  BOOST_TEST(Has(french, "Page 1 sur"));
  BOOST_TEST(Has(french, "12 mars"));
  // The app speaks German again once the report is made.
  BOOST_TEST(std::string(core::Tr("Mood")) == "Stimmung");
  BOOST_TEST(core::TimeLocaleName() == "de_DE.UTF-8");
}

BOOST_FIXTURE_TEST_CASE(a_report_language_needs_a_catalog, ReportLanguageFixture) {
  BOOST_TEST(Cli({"settings", "set", "report-lang", "xx"}, now) == 2);
  BOOST_TEST(Cli({"settings", "set", "report-lang", "de-AT"}, now) == 0);
  auto journal = Open();
  auto settings = client::LoadSettings(*journal);
  BOOST_REQUIRE(settings.ok());
  BOOST_TEST(settings->report_language == "de_AT");
  const auto* spec = client::FindSetting("report-lang");
  BOOST_REQUIRE(spec != nullptr);
  BOOST_TEST(!spec->check("../../etc").ok());
  BOOST_TEST(*spec->check("FR") == "fr");
}

}  // namespace fieldnotes::testing
