// import and export: the sample week, the lossless round trip, re-import,
// every way a file is refused, and progress on long files.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <map>

#include "cli_fixture.h"
#include "core/import_export.h"

namespace fieldnotes::testing {
namespace {

const std::string kGoodSession =
    R"({"type":"session","at":"2026-11-02T17:00:00+01:00","note":"first"})";
const std::string kGoodEntry =
    R"({"type":"entry","kind":"note","at":"2026-11-03T21:40:00+01:00","text":"fine"})";

std::string SampleWeek() { return ReadFile(SourcePath("docs/examples/sample-week.jsonl")); }

std::vector<core::ImportItem> Parsed(const std::string& jsonl) {
  auto items = core::ParseImport(jsonl);
  BOOST_REQUIRE_MESSAGE(items.ok(), items.status().ToString());
  return std::move(items).value();
}

std::map<std::string, core::Entry> EntriesById(const std::string& jsonl) {
  std::map<std::string, core::Entry> out;
  for (auto& item : Parsed(jsonl)) {
    if (item.type == core::ImportItem::Type::kEntry) out[item.entry.id] = item.entry;
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import_export)

BOOST_AUTO_TEST_CASE(sample_week_imports_once) {
  CliFixture f;
  f.Init();
  std::string sample = SourcePath("docs/examples/sample-week.jsonl");
  ProcessResult r = f.Cli({"import", sample});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  // The first line is the import's; a line about safety may follow (the
  // classifier raises on one of the sample's answers: test_safety_classifier.cpp).
  BOOST_TEST(r.out.starts_with("Imported 18 entries. Imported 2 sessions.\n"), r.out);
  BOOST_TEST(f.EntryCount() == 18u);
  BOOST_TEST(f.SessionCount() == 2u);

  ProcessResult again = f.Cli({"import", sample});
  BOOST_REQUIRE_MESSAGE(again.exit_code == 0, again.err);
  BOOST_TEST(again.out ==
             "Imported 0 entries. Imported 0 sessions. 20 entries or sessions were already in "
             "the journal and were left as they are.\n");
  BOOST_TEST(f.EntryCount() == 18u);
  BOOST_TEST(f.SessionCount() == 2u);
}

BOOST_AUTO_TEST_CASE(import_reads_standard_input) {
  CliFixture f;
  f.Init();
  ProcessOptions in;
  in.stdin_data = kGoodSession + "\r\n\n" + kGoodEntry + "\r\n";
  ProcessResult r = f.Cli({"import", "-"}, in);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(r.out == "Imported 1 entry. Imported 1 session.\n");
}

BOOST_AUTO_TEST_CASE(export_import_export_is_lossless) {
  CliFixture f;
  f.Init();
  BOOST_REQUIRE_EQUAL(f.Cli({"import", SourcePath("docs/examples/sample-week.jsonl")}).exit_code,
                      0);
  f.Add({"spike", "--at", "2026-11-10T08:00", "--emotion", "worry", "--text", "added by hand"});
  ProcessResult first = f.Cli({"export"});
  BOOST_REQUIRE_MESSAGE(first.exit_code == 0, first.err);

  CliFixture g;
  g.Init();
  ProcessOptions in;
  in.stdin_data = first.out;
  ProcessResult imported = g.Cli({"import", "-"}, in);
  BOOST_REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
  ProcessResult second = g.Cli({"export", "--format", "jsonl"});
  BOOST_REQUIRE_EQUAL(second.exit_code, 0);
  BOOST_TEST(first.out == second.out);

  // Against the sample itself: same ids, same fields, same instants and
  // offsets.
  auto sample = EntriesById(SampleWeek());
  auto exported = EntriesById(second.out);
  BOOST_REQUIRE_EQUAL(exported.size(), sample.size() + 1);
  for (const auto& [id, entry] : sample) {
    auto it = exported.find(id);
    BOOST_REQUIRE_MESSAGE(it != exported.end(), "missing " + id);
    BOOST_TEST((it->second == entry));
    BOOST_TEST(it->second.written_at.SameAs(entry.written_at));
  }
}

BOOST_AUTO_TEST_CASE(export_to_a_file_is_private_and_complete) {
  CliFixture f;
  f.Init();
  BOOST_REQUIRE_EQUAL(f.Cli({"import", SourcePath("docs/examples/sample-week.jsonl")}).exit_code,
                      0);
  std::string out = (f.dir() / "export.jsonl").string();
  ProcessResult r = f.Cli({"export", "--out", out});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(r.out == "Exported 18 entries to " + out +
                          ". The file holds 2 sessions too.\nThis file is not encrypted: keep it "
                          "somewhere only you can read.\n");
  struct stat st {};
  BOOST_REQUIRE_EQUAL(stat(out.c_str(), &st), 0);
  BOOST_TEST((st.st_mode & 0777) == 0600u);
  BOOST_TEST(ReadFile(out) == f.Cli({"export"}).out);
  // Replacing leaves no temporary file behind.
  BOOST_REQUIRE_EQUAL(f.Cli({"export", "--out", out, "--format", "markdown"}).exit_code, 0);
  for (const auto& item : std::filesystem::directory_iterator(f.dir())) {
    BOOST_TEST(item.path().filename().string().find(".tmp-") == std::string::npos);
  }
  std::string md = ReadFile(out);
  BOOST_TEST(md.find("## Monday 2 November 2026") != std::string::npos);
  BOOST_TEST(md.find("Therapy session") != std::string::npos);
  BOOST_TEST(md.find("Zoë") != std::string::npos);
  BOOST_TEST(md.find("## Monday 2 November 2026") < md.find("## Sunday 8 November 2026"));
}

BOOST_AUTO_TEST_CASE(a_bad_line_rejects_the_whole_file) {
  struct Case {
    std::string name;
    std::string line;
    std::string reason;  // a word the message must contain
  };
  const std::vector<Case> cases = {
      {"invalid JSON", R"({"type":"entry","kind":"note",)", "JSON"},
      {"unknown key", R"({"type":"entry","kind":"note","at":"2026-11-03T21:40:00Z","mood":3})",
       "Line 3: the field “mood” is not one Fieldnotes knows."},
      {"wrong type",
       R"({"type":"entry","kind":"spike","at":"2026-11-03T21:40:00Z","intensity":"7"})",
       "intensity"},
      {"missing field", R"({"type":"entry","kind":"note"})", "Line 3: the field “at” is missing."},
      {"invalid UTF-8",
       "{\"type\":\"entry\",\"kind\":\"note\",\"at\":\"2026-11-03T21:40:00Z\",\"text\":"
       "\"caf\xe9\"}",
       "UTF-8"},
      {"timestamp without offset", R"({"type":"entry","kind":"note","at":"2026-11-03T21:40:00"})",
       "Line 3: the field “at” should be a date and time with its offset from UTC"},
      {"line over 1 MiB",
       R"({"type":"entry","kind":"note","at":"2026-11-03T21:40:00Z","text":")" +
           std::string(core::kMaxImportLineBytes, 'x') + "\"}",
       "1 MiB"},
      {"not an object", R"(["entry"])", "Line 3 is not a JSON object"},
      {"unknown type", R"({"type":"diary","at":"2026-11-03T21:40:00Z"})",
       "Line 3: the field “type” should be one of these: entry, session."},
      {"intensity out of range",
       R"({"type":"entry","kind":"spike","at":"2026-11-03T21:40:00Z","intensity":11})",
       "Line 3: the field “intensity” should be a whole number from 0 to 10."},
      {"an empty tag (the model's own check)",
       R"({"type":"entry","kind":"note","at":"2026-11-03T21:40:00Z","tags":["a",""]})",
       "Line 3: the field “tags” has an empty item."},
      {"a follow-up without a question (the model's own check)",
       R"({"type":"entry","kind":"note","at":"2026-11-03T21:40:00Z",)"
       R"("followups":[{"question":"","answer":"x"}]})",
       "Line 3: a follow-up has no question."},
  };
  CliFixture f;
  f.Init();
  f.Add({"note", "--text", "already here"});
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.name) {
      std::string path = f.WriteFile(
          "bad.jsonl", kGoodSession + "\n" + kGoodEntry + "\n" + c.line + "\n" + kGoodEntry + "\n");
      ProcessResult r = f.Cli({"import", path});
      BOOST_TEST(r.exit_code == 4);
      BOOST_TEST(r.err.find("Line 3") != std::string::npos, "stderr: " << r.err);
      BOOST_TEST(r.err.find(c.reason) != std::string::npos, "stderr: " << r.err);
      BOOST_TEST(r.out.empty());
      BOOST_TEST(f.EntryCount() == 1u);
      BOOST_TEST(f.SessionCount() == 0u);
    }
  }
}

BOOST_AUTO_TEST_CASE(the_refusal_never_quotes_the_line) {
  CliFixture f;
  f.Init();
  const std::string secret = "private-words-7f3a";
  std::string path =
      f.WriteFile("bad.jsonl", R"({"type":"entry","kind":"note","at":"2026-11-03","text":")" +
                                   secret + R"(","private-words-key":1})" + "\n");
  ProcessResult r = f.Cli({"import", path});
  BOOST_TEST(r.exit_code == 4);
  BOOST_TEST(r.err.find(secret) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(long_imports_show_progress) {
  CliFixture f;
  f.Init();
  std::string content;
  for (int i = 0; i < 2500; ++i) {
    content += R"({"type":"entry","kind":"note","at":"2026-11-03T21:40:00+01:00","text":"entry )" +
               std::to_string(i) + "\"}\n";
  }
  ProcessResult r = f.Cli({"import", f.WriteFile("big.jsonl", content)});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(r.out == "Imported 2,500 entries. Imported 0 sessions.\n");
  // Not a terminal: plain lines, at most one per tenth.
  BOOST_TEST(r.err.find("Imported 2,500 of 2,500 lines…\n") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("of 2,500 lines…") != std::string::npos);
  BOOST_TEST(r.err.find('\r') == std::string::npos);
  BOOST_TEST(f.EntryCount() == 2500u);
}

BOOST_AUTO_TEST_CASE(long_daylio_imports_show_progress) {
  CliFixture f;
  f.Init();
  std::string content = "full_date,date,weekday,time,mood,activities,note_title,note\n";
  for (int i = 0; i < 2000; ++i) {
    const int minute = i % 60, hour = (i / 60) % 24, day = 1 + i / (60 * 24);
    char row[160];
    std::snprintf(row, sizeof row, "2026-11-%02d,x,x,%02d:%02d,meh,\"walk\",\"\",\"entry %d\"\n",
                  day, hour, minute, i);
    content += row;
  }
  ProcessOptions berlin;
  berlin.env["TZ"] = "Europe/Berlin";
  ProcessResult r = f.Cli({"import", f.WriteFile("daylio-big.csv", content)}, berlin);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(r.out.find("Imported 2,000 entries from Daylio.\n") != std::string::npos, r.out);
  BOOST_TEST(r.err.find("Checked 2,001 of 2,001 lines…\n") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("Imported 2,000 of 2,000 entries…\n") != std::string::npos, r.err);
  BOOST_TEST(f.EntryCount() == 2000u);
}

BOOST_AUTO_TEST_CASE(other_apps_exports_import_once_by_content) {
  CliFixture f;
  f.Init();
  ProcessOptions berlin;
  berlin.env["TZ"] = "Europe/Berlin";
  struct Case {
    const char* sample;
    const char* found;
    size_t entries;
    const char* source;
  };
  const Case cases[] = {
      {"dayone-export.zip",
       "Found 4 entries from Day One, written from 2019-03-04 to 2026-11-30.\n", 4, "Day One"},
      {"jrnl.json", "Found 3 entries from jrnl, written from 2026-11-02 to 2026-11-30.\n", 3,
       "jrnl"},
      {"daylio.csv", "Found 4 entries from Daylio, written from 2026-11-27 to 2026-11-30.\n", 4,
       "Daylio"},
      {"bearable.csv", "Found 3 entries from Bearable, written from 2026-01-05 to 2026-01-06.\n", 3,
       "Bearable"},
  };
  size_t total = 0;
  for (const Case& c : cases) {
    // A name that says nothing: the content decides.
    std::string copy = f.WriteFile(
        "export.dat", ReadFile(SourcePath(std::string("tests/data/import/") + c.sample)));
    ProcessResult r = f.Cli({"import", copy}, berlin);
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, c.sample << ": " << r.err);
    BOOST_TEST(r.out.rfind(std::string(c.found) + "Imported " + std::to_string(c.entries) +
                               " entries from " + c.source + ".\n",
                           0) == 0,
               r.out);
    total += c.entries;
    ProcessResult again = f.Cli({"import", copy}, berlin);
    BOOST_REQUIRE_EQUAL(again.exit_code, 0);
    BOOST_TEST(again.out.find("Imported 0 entries from " + std::string(c.source) + ". " +
                              std::to_string(c.entries) +
                              " entries were already in the journal and were left as they "
                              "are.\n") != std::string::npos,
               again.out);
    BOOST_TEST(f.EntryCount() == total);
  }
  ProcessResult day_one =
      f.Cli({"import", SourcePath("tests/data/import/dayone-Journal.json")}, berlin);
  BOOST_TEST(
      day_one.out.find("Fieldnotes keeps words, moods and tags:\n  The photos of 2 entries are not "
                       "imported.\n") != std::string::npos,
      day_one.out);
}

BOOST_AUTO_TEST_CASE(a_picture_is_refused_and_nothing_changes) {
  CliFixture f;
  f.Init();
  const std::string before = ReadFile(f.journal());
  std::string png = f.WriteFile("journal.json", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  ProcessResult r = f.Cli({"import", png});
  BOOST_TEST(r.exit_code == 4);
  BOOST_TEST(r.err.find("this is a PNG picture, not a journal export") != std::string::npos, r.err);
  BOOST_TEST(ReadFile(f.journal()) == before);
  BOOST_TEST(f.EntryCount() == 0u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
