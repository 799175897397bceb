// report, report list, report show and settings, driven through the real
// binary on the sample week (docs/report.md).
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "cli_fixture.h"
#include "core/journal.h"
#include "core/json.h"

namespace fieldnotes::testing {
namespace {

const std::vector<std::string> kWeek = {"--from", "2026-11-02", "--to", "2026-11-09"};

std::vector<std::string> Args(std::vector<std::string> head, const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

// A journal with the sample week.
void SampleJournal(const CliFixture& f) {
  f.Init();
  ProcessResult r = f.Cli({"import", SourcePath("docs/examples/sample-week.jsonl")});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

std::string Pdftotext(const std::string& pdf) {
  ProcessResult r = RunProcess("/bin/sh", {"-c", "pdftotext -enc UTF-8 \"$0\" - 2>/dev/null", pdf});
  return r.out;
}

// The observation id of the sample's loop, from the preview.
std::string LoopId(const CliFixture& f) {
  ProcessResult r = f.Cli(Args({"report", "--preview"}, kWeek));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const size_t at = r.out.find("[recurring-");
  BOOST_REQUIRE(at != std::string::npos);
  return r.out.substr(at + 1, r.out.find(']', at) - at - 1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report)

BOOST_AUTO_TEST_CASE(preview_shows_each_line_with_its_id_and_writes_nothing) {
  CliFixture f;
  SampleJournal(f);
  ProcessResult r = f.Cli(Args({"report", "--preview"}, kWeek));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(r.out.find("Mood\n") != std::string::npos);
  BOOST_TEST(r.out.find("[mood] Mood noted in 7 entries") != std::string::npos);
  BOOST_TEST(r.out.find("[thread-") != std::string::npos);
  BOOST_TEST(r.out.find("--pick") != std::string::npos);
  ProcessResult list = f.Cli({"report", "list"});
  BOOST_TEST(list.out.find("No reports yet") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(pdf_json_list_show_and_same_bytes) {
  CliFixture f;
  SampleJournal(f);
  const std::string loop = LoopId(f);
  const std::string pdf = (f.dir() / "out" / "week.pdf").string();
  const std::string json = (f.dir() / "out" / "week.json").string();
  const std::vector<std::string> choices = {
      "--pick",     loop,
      "--quote",    loop,
      "--agenda",   "Οι Κυριακές — и воскресные вечера",
      "--question", "Why does 'careful' sound like an insult?",
      "--paper",    "letter"};
  ProcessResult r = f.Cli(Args(Args({"report", "--pdf", pdf, "--json", json}, kWeek), choices));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(r.out.find("Saved the report (1 page") != std::string::npos, r.out);
  BOOST_TEST(std::filesystem::file_size(pdf) <= 250u * 1024u);

  const std::string text = Pdftotext(pdf);
  BOOST_TEST(text.find("What I want to bring") != std::string::npos);
  BOOST_TEST(text.find("Οι Κυριακές — и воскресные вечера") != std::string::npos);
  BOOST_TEST(text.find("If I don't answer straight away, they'll think I can't keep up") !=
             std::string::npos);  // quoted: the client chose it

  auto parsed = core::json::Parse(ReadFile(json));
  BOOST_REQUIRE(parsed.ok());
  const core::json::Object& o = parsed->as_object();
  const std::string id = o.Find("id")->as_string();
  BOOST_TEST(core::IsUuid(id));
  BOOST_TEST(o.Find("paper")->as_string() == "letter");
  const auto& content = o.Find("content")->as_object();
  BOOST_TEST(content.Find("sections")->as_array().size() == 5u);
  BOOST_TEST(content.Find("observations")->as_array().size() >= 3u);

  ProcessResult list = f.Cli({"report", "list"});
  BOOST_TEST(list.out.find(id) != std::string::npos);
  // The days as every screen writes them (core::DayMonthYear).
  BOOST_TEST(list.out.find("2 November 2026 to 9 November 2026") != std::string::npos, list.out);
  const std::string again = (f.dir() / "again.pdf").string();
  ProcessResult show = f.Cli({"report", "show", id.substr(0, 8), "--pdf", again});
  BOOST_REQUIRE_MESSAGE(show.exit_code == 0, show.err);
  BOOST_TEST(show.out.find("\"id\": \"" + id + "\"") != std::string::npos);
  BOOST_TEST(ReadFile(again) == ReadFile(pdf));  // kept exactly as exported

  // The same journal and choices: the same bytes.
  const std::string second = (f.dir() / "second.pdf").string();
  ProcessResult r2 = f.Cli(Args(Args({"report", "--pdf", second}, kWeek), choices));
  BOOST_REQUIRE_MESSAGE(r2.exit_code == 0, r2.err);
  BOOST_TEST((ReadFile(second) == ReadFile(pdf)));
  // Nothing of the report is on disk in the clear but the files asked for.
  BOOST_TEST(f.AnyFileContains("Κυριακές"));  // in week.json, as asked
  std::filesystem::remove(json);
  std::filesystem::remove(pdf);
  std::filesystem::remove(again);
  std::filesystem::remove(second);
  BOOST_TEST(!f.AnyFileContains("Κυριακές"));
  BOOST_TEST(!f.AnyFileContains("What I want to bring"));
}

BOOST_AUTO_TEST_CASE(reword_remove_note_and_the_next_report_compares) {
  CliFixture f;
  SampleJournal(f);
  const std::string pdf = (f.dir() / "r.pdf").string();
  ProcessResult first = f.Cli({"report", "--from", "2026-10-27", "--to", "2026-11-02", "--pdf", pdf,
                               "--agenda", "Messages from Dana"});
  BOOST_REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  const std::string kept = "kept in your journal as report ";
  const size_t at = first.out.find(kept);
  BOOST_REQUIRE(at != std::string::npos);
  const std::string first_id = first.out.substr(at + kept.size(), 36);
  // A draft nobody took to a session is not "last time".
  ProcessResult draft = f.Cli(Args({"report", "--preview"}, kWeek));
  BOOST_REQUIRE_MESSAGE(draft.exit_code == 0, draft.err);
  BOOST_TEST(draft.out.find("Last time I chose") == std::string::npos);
  ProcessResult taken = f.Cli({"report", "taken", first_id.substr(0, 8)});
  BOOST_REQUIRE_MESSAGE(taken.exit_code == 0, taken.err);
  BOOST_TEST(taken.out.find("marked as taken to a session") != std::string::npos);
  ProcessResult listed = f.Cli({"report", "list"});
  BOOST_TEST(listed.out.find(first_id) != std::string::npos);
  BOOST_TEST(listed.out.find("taken") != std::string::npos);

  ProcessResult r = f.Cli(Args({"report", "--pdf", pdf, "--reword",
                                "mood-feelings=Mostly anxious on work days.", "--remove", "mood"},
                               kWeek));
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string text = Pdftotext(pdf);
  BOOST_TEST(text.find("Mostly anxious on work days.") != std::string::npos);
  BOOST_TEST(text.find("Mood noted in") == std::string::npos);
  BOOST_TEST(text.find("Last time I chose to bring: \"Messages from Dana\".") != std::string::npos);
  BOOST_TEST(f.Cli({"report", "taken", "00000000-no-such"}).exit_code != 0);

  ProcessResult bad = f.Cli(Args({"report", "--pdf", pdf, "--remove", "no-such-line"}, kWeek));
  BOOST_TEST(bad.exit_code == 2);
  BOOST_TEST(bad.err.find("no line") != std::string::npos);
  ProcessResult three = f.Cli(
      Args({"report", "--pdf", pdf, "--agenda", "a", "--agenda", "b", "--agenda", "c"}, kWeek));
  BOOST_TEST(three.exit_code == 2);
  BOOST_TEST(three.err.find("two at most") != std::string::npos);
  ProcessResult no_pdf = f.Cli(Args({"report"}, kWeek));
  BOOST_TEST(no_pdf.exit_code == 2);
}

BOOST_AUTO_TEST_CASE(an_empty_period_is_a_short_friendly_report) {
  CliFixture f;
  SampleJournal(f);
  const std::string pdf = (f.dir() / "empty.pdf").string();
  ProcessResult r = f.Cli({"report", "--from", "2026-12-01", "--to", "2026-12-07", "--pdf", pdf});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(Pdftotext(pdf).find("and that's fine") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(no_font_is_a_clear_error) {
  CliFixture f;
  SampleJournal(f);
  ProcessOptions o;
  o.env["FIELDNOTES_FONT_DIR"] = f.dir().string();
  ProcessResult r = f.Cli(Args({"report", "--pdf", (f.dir() / "x.pdf").string()}, kWeek), o);
  BOOST_TEST(r.exit_code == 6);
  BOOST_TEST(r.err.find("fonts-dejavu-core") != std::string::npos, r.err);
  BOOST_TEST(!std::filesystem::exists(f.dir() / "x.pdf"));
}

BOOST_AUTO_TEST_CASE(settings_display_name_region_and_paper) {
  CliFixture f;
  SampleJournal(f);
  BOOST_TEST(f.Cli({"settings", "set", "display-name", "Zoë Ł."}).exit_code == 0);
  BOOST_TEST(f.Cli({"settings", "set", "region", "uk"}).exit_code == 0);
  BOOST_TEST(f.Cli({"settings", "set", "paper", "letter"}).exit_code == 0);
  ProcessResult list = f.Cli({"settings", "list"});
  BOOST_TEST(list.out.find("display-name  Zoë Ł.") != std::string::npos, list.out);
  BOOST_TEST(list.out.find("region        GB") != std::string::npos);
  BOOST_TEST(!f.AnyFileContains("Zoë Ł."));  // encrypted in the journal

  BOOST_TEST(f.Cli({"settings", "set", "region", "XX"}).exit_code == 2);
  BOOST_TEST(f.Cli({"settings", "set", "colour", "blue"}).exit_code == 2);
  BOOST_TEST(f.Cli({"settings", "set", "paper", "a5"}).exit_code == 2);

  // The stored region wins over the locale; FIELDNOTES_REGION over both.
  const std::string pdf = (f.dir() / "named.pdf").string();
  ProcessOptions env;
  env.env["FIELDNOTES_REGION"] = kUnset;
  env.env["LANG"] = "en_US.UTF-8";
  ProcessResult r = f.Cli(Args({"report", "--pdf", pdf}, kWeek), env);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  std::string text = Pdftotext(pdf);
  BOOST_TEST(text.find("Zoë Ł.") != std::string::npos);
  BOOST_TEST(text.find("Samaritans") != std::string::npos);
  ProcessResult info = RunProcess("/bin/sh", {"-c", "pdfinfo -enc UTF-8 \"$0\"", pdf});
  BOOST_TEST(info.out.find("Author:          Zoë Ł.") != std::string::npos);
  BOOST_TEST(info.out.find("(letter)") != std::string::npos);

  BOOST_TEST(f.Cli({"settings", "unset", "display-name"}).exit_code == 0);
  env.env["FIELDNOTES_REGION"] = "US";
  r = f.Cli(Args({"report", "--pdf", pdf}, kWeek), env);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  text = Pdftotext(pdf);
  BOOST_TEST(text.find("Zoë") == std::string::npos);
  BOOST_TEST(text.find("988") != std::string::npos);
  info = RunProcess("/bin/sh", {"-c", "pdfinfo -enc UTF-8 \"$0\"", pdf});
  BOOST_TEST(info.out.find("Author:") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
