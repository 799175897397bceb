// init, add, list, show, edit, delete, search and sessions, end to end.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>

#include "cli_fixture.h"
#include "core/json.h"

namespace fieldnotes::testing {
namespace {

namespace json = core::json;

json::Object ShowJson(const CliFixture& f, const std::string& id) {
  ProcessResult r = f.Cli({"show", id, "--json"});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto v = json::Parse(r.out);
  BOOST_REQUIRE_MESSAGE(v.ok(), v.status().ToString());
  BOOST_REQUIRE(v->is_object());
  return v->as_object();
}

std::string StringAt(const json::Object& o, std::string_view key) {
  const json::Value* v = o.Find(key);
  return v != nullptr && v->is_string() ? v->as_string() : std::string();
}

int Mode(const std::string& path) {
  struct stat st {};
  BOOST_REQUIRE_EQUAL(stat(path.c_str(), &st), 0);
  return static_cast<int>(st.st_mode & 0777);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(entries)

BOOST_AUTO_TEST_CASE(init_creates_a_private_journal_once) {
  CliFixture f;
  f.Init();
  BOOST_TEST(Mode(f.journal()) == 0600);
  ProcessResult again = f.Cli({"init", "--kdf-cost", "15"});
  BOOST_TEST(again.exit_code == 1);
  BOOST_TEST(again.err.find("already a journal") != std::string::npos);
  BOOST_TEST(f.EntryCount() == 0u);
}

BOOST_AUTO_TEST_CASE(default_journal_lives_under_xdg_data_home_then_home) {
  CliFixture f;
  ProcessResult r = f.CliNoJournal({"init", "--kdf-cost", "15"});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  std::string xdg_journal = (f.dir() / "xdg" / "fieldnotes" / "journal.db").string();
  BOOST_TEST(Mode(xdg_journal) == 0600);
  BOOST_TEST(Mode((f.dir() / "xdg" / "fieldnotes").string()) == 0700);

  ProcessOptions no_xdg;
  no_xdg.env["XDG_DATA_HOME"] = kUnset;
  r = f.CliNoJournal({"init", "--kdf-cost", "15"}, no_xdg);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(Mode((f.dir() / "home/.local/share/fieldnotes/journal.db").string()) == 0600);
}

BOOST_AUTO_TEST_CASE(add_show_list_edit_delete) {
  CliFixture f;
  f.Init();
  std::string id = f.Add({"spike",
                          "--at",
                          "2026-11-03T21:40:00+01:00",
                          "--emotion",
                          "Anxiety",
                          "--emotion",
                          "dread",
                          "--intensity",
                          "7",
                          "--before",
                          "A message from my manager",
                          "--body",
                          "tight chest",
                          "--thought",
                          "I got it wrong",
                          "--unsaid",
                          "Can it wait?",
                          "--tag",
                          "work",
                          "--mood-before",
                          "4",
                          "--mood-after",
                          "6"});
  std::string loop = f.Add(
      {"loop", "--at", "2026-11-04T07:40:00+01:00", "--text", "If I don't answer right away…"});

  json::Object shown = ShowJson(f, id);
  BOOST_TEST(StringAt(shown, "id") == id);
  BOOST_TEST(StringAt(shown, "kind") == "spike");
  BOOST_TEST(StringAt(shown, "at") == "2026-11-03T21:40:00+01:00");
  BOOST_TEST(StringAt(shown, "thought") == "I got it wrong");
  BOOST_TEST(shown.Find("intensity")->as_int() == 7);
  BOOST_TEST(shown.Find("emotions")->as_array().size() == 2u);
  BOOST_TEST(shown.Find("emotions")->as_array()[0].as_string() == "anxiety");

  // An 8-character prefix is enough; the text form labels fields in words.
  ProcessResult text = f.Cli({"show", id.substr(0, 8)});
  BOOST_REQUIRE_MESSAGE(text.exit_code == 0, text.err);
  BOOST_TEST(text.out.find("What happened right before: A message from my manager") !=
             std::string::npos);
  BOOST_TEST(text.out.find("Mood after writing: 6 out of 10") != std::string::npos);

  ProcessResult list = f.Cli({"list"});
  BOOST_REQUIRE_EQUAL(list.exit_code, 0);
  // Newest first.
  BOOST_TEST(list.out.find(loop.substr(0, 8)) < list.out.find(id.substr(0, 8)));
  ProcessResult loops = f.Cli({"list", "--kind", "loop"});
  BOOST_TEST(loops.out.find(loop.substr(0, 8)) != std::string::npos);
  BOOST_TEST(loops.out.find(id.substr(0, 8)) == std::string::npos);
  ProcessResult day = f.Cli({"list", "--from", "2026-11-03", "--to", "2026-11-03", "--json"});
  auto days = json::Parse(day.out);
  BOOST_REQUIRE(days.ok());
  BOOST_TEST(days->as_array().size() == 1u);

  // Edit: only the given fields change; an empty value clears.
  ProcessResult edit =
      f.Cli({"edit", id, "--thought", "Maybe I didn't", "--emotion", "worry", "--intensity", ""});
  BOOST_REQUIRE_MESSAGE(edit.exit_code == 0, edit.err);
  json::Object edited = ShowJson(f, id);
  BOOST_TEST(StringAt(edited, "thought") == "Maybe I didn't");
  BOOST_TEST(StringAt(edited, "before") == "A message from my manager");
  BOOST_TEST(edited.Find("intensity") == nullptr);
  BOOST_TEST(edited.Find("emotions")->as_array().size() == 1u);
  BOOST_TEST(StringAt(edited, "at") == "2026-11-03T21:40:00+01:00");

  ProcessResult del = f.Cli({"delete", id});
  BOOST_REQUIRE_MESSAGE(del.exit_code == 0, del.err);
  BOOST_TEST(f.Cli({"show", id}).exit_code == 6);
  BOOST_TEST(f.EntryCount() == 1u);
}

BOOST_AUTO_TEST_CASE(at_without_offset_is_local_time) {
  CliFixture f;
  f.Init();
  // A POSIX TZ rule needs no time zone database: UTC+1, summer time UTC+2.
  ProcessOptions paris;
  paris.env["TZ"] = "CET-1CEST,M3.5.0,M10.5.0/3";
  ProcessResult winter = f.Cli({"add", "note", "--at", "2026-01-15T09:30"}, paris);
  ProcessResult summer = f.Cli({"add", "note", "--at", "2026-07-15T09:30"}, paris);
  BOOST_REQUIRE_MESSAGE(winter.exit_code == 0 && summer.exit_code == 0, winter.err + summer.err);
  BOOST_TEST(StringAt(ShowJson(f, winter.out.substr(0, 36)), "at") == "2026-01-15T09:30:00+01:00");
  BOOST_TEST(StringAt(ShowJson(f, summer.out.substr(0, 36)), "at") == "2026-07-15T09:30:00+02:00");
}

BOOST_AUTO_TEST_CASE(search_ignores_case_and_accents) {
  CliFixture f;
  f.Init();
  std::string cafe = f.Add({"note", "--text", "Coffee with Zoë at the café"});
  f.Add({"note", "--text", "A walk by the river"});
  ProcessResult r = f.Cli({"search", "CAFE"});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(r.out.find(cafe.substr(0, 8)) != std::string::npos);
  BOOST_TEST(r.out.find("river") == std::string::npos);
  ProcessResult zoe = f.Cli({"search", "zoe", "--json"});
  auto found = json::Parse(zoe.out);
  BOOST_REQUIRE(found.ok());
  BOOST_TEST(found->as_array().size() == 1u);
  ProcessResult none = f.Cli({"search", "nothing like this"});
  BOOST_TEST(none.exit_code == 0);
  BOOST_TEST(none.out.find("No entries") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(search_finds_the_forms_people_type) {
  // Issue 18: a ligature, full-width letters, the Kelvin sign, ß and SS,
  // Turkish dotted and dotless i.
  CliFixture f;
  f.Init();
  std::string fi = f.Add({"note", "--text", "I \xEF\xAC\x81nally slept through"});
  std::string full =
      f.Add({"note", "--text", "\xEF\xBC\xA6\xEF\xBC\xB5\xEF\xBC\xAC\xEF\xBC\xAC moon"});
  std::string kelvin = f.Add({"note", "--text", "The lab was at 4 \xE2\x84\xAA again"});
  std::string strasse = f.Add({"note", "--text",
                               "Ich lief die Stra\xC3\x9F"
                               "e entlang"});
  std::string turkish = f.Add({"note", "--text", "I\xC5\x9EIKLARI kapatt\xC4\xB1m"});
  auto finds = [&](const std::string& query, const std::string& id) {
    ProcessResult r = f.Cli({"search", query});
    BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return r.out.find(id.substr(0, 8)) != std::string::npos;
  };
  BOOST_TEST(finds("finally", fi));
  BOOST_TEST(finds("full moon", full));
  BOOST_TEST(finds("4 k again", kelvin));
  BOOST_TEST(finds("STRASSE", strasse));
  BOOST_TEST(finds("\xC4\xB1\xC5\x9F\xC4\xB1klar\xC4\xB1", turkish));  // ışıkları
  BOOST_TEST(finds("KAPATTIM", turkish));
}

BOOST_AUTO_TEST_CASE(sessions_add_and_list) {
  CliFixture f;
  f.Init();
  ProcessResult later = f.Cli({"session", "add", "--at", "2026-11-09T17:00:00+01:00"});
  ProcessResult first =
      f.Cli({"session", "add", "--at", "2026-11-02T17:00:00+01:00", "--note", "what landed"});
  BOOST_REQUIRE_MESSAGE(later.exit_code == 0 && first.exit_code == 0, later.err + first.err);
  ProcessResult list = f.Cli({"session", "list"});
  BOOST_REQUIRE_EQUAL(list.exit_code, 0);
  // Oldest first.
  BOOST_TEST(list.out.find(first.out.substr(0, 8)) < list.out.find(later.out.substr(0, 8)));
  BOOST_TEST(list.out.find("what landed") != std::string::npos);
  auto sessions = json::Parse(f.Cli({"session", "list", "--json"}).out);
  BOOST_REQUIRE(sessions.ok());
  BOOST_REQUIRE_EQUAL(sessions->as_array().size(), 2u);
  BOOST_TEST(StringAt(sessions->as_array()[0].as_object(), "note") == "what landed");
  BOOST_TEST(f.Cli({"session", "add"}).exit_code == 2);
}

BOOST_AUTO_TEST_CASE(summary_counts_what_is_there) {
  CliFixture f;
  f.Init();
  BOOST_REQUIRE_EQUAL(f.Cli({"import", SourcePath("docs/examples/sample-week.jsonl")}).exit_code,
                      0);
  ProcessResult r = f.Cli({"summary"});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(r.out.find("18 entries") != std::string::npos);
  BOOST_TEST(r.out.find("anxiety: 5 times") != std::string::npos);
  BOOST_TEST(r.out.find("2 sessions") != std::string::npos);
  auto j = json::Parse(f.Cli({"summary", "--json"}).out);
  BOOST_REQUIRE(j.ok());
  BOOST_TEST(j->as_object().Find("entries")->as_int() == 18);
}

BOOST_AUTO_TEST_CASE(passwd_changes_the_passphrase) {
  CliFixture f;
  f.Init();
  f.Add({"note", "--text", "before the change"});
  ProcessOptions change;
  change.env["FIELDNOTES_NEW_PASSPHRASE"] = "a new passphrase, longer";
  ProcessResult r = f.Cli({"passwd", "--kdf-cost", "15"}, change);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(f.Cli({"list"}).exit_code == 3);
  ProcessOptions with_new;
  with_new.env["FIELDNOTES_PASSPHRASE"] = "a new passphrase, longer";
  ProcessResult list = f.Cli({"list"}, with_new);
  BOOST_TEST(list.exit_code == 0);
  BOOST_TEST(list.out.find("before the change") != std::string::npos);
  // With no source for the new passphrase and no terminal: a usage error.
  BOOST_TEST(f.Cli({"passwd", "--kdf-cost", "15"}, with_new).exit_code == 2);
}

BOOST_AUTO_TEST_CASE(passphrase_file_is_read_when_no_variable) {
  CliFixture f;
  f.Init();
  std::string file = f.WriteFile("pass.txt", std::string(kPassphrase) + "\n");
  ProcessOptions no_env;
  no_env.env["FIELDNOTES_PASSPHRASE"] = kUnset;
  ProcessResult r = f.Cli({"--passphrase-file", file, "list"}, no_env);
  BOOST_TEST(r.exit_code == 0);
  ProcessResult after = f.Cli({"list", "--passphrase-file", file}, no_env);
  BOOST_TEST(after.exit_code == 0);
  ProcessResult none = f.Cli({"list"}, no_env);
  BOOST_TEST(none.exit_code == 2);
  BOOST_TEST(none.err.find("FIELDNOTES_PASSPHRASE") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
