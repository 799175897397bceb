// patterns, questions, answer, add --ask and the safety message, end to end
// through the real fieldnotes-cli on the sample week.
#include <boost/test/unit_test.hpp>

#include <set>

#include "cli_fixture.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/timestamp.h"
#include "reports/observation_types.h"

namespace fieldnotes::testing {
namespace {

namespace json = core::json;

// The "type" names of `patterns --json`: the type table's.
std::set<std::string> KnownTypes() {
  std::set<std::string> out;
  for (const reports::ObservationTypeInfo& t : reports::ObservationTypes())
    out.insert(std::string(t.name));
  return out;
}

void ImportSample(const CliFixture& f) {
  f.Init();
  ProcessResult r = f.Cli({"import", SourcePath("docs/examples/sample-week.jsonl")});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

json::Value ParseOut(const ProcessResult& r) {
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  auto v = json::Parse(r.out);
  BOOST_REQUIRE_MESSAGE(v.ok(), v.status().ToString());
  return *v;
}

std::set<std::string> ListedIds(const CliFixture& f) {
  json::Value v = ParseOut(f.Cli({"list", "--json"}));
  std::set<std::string> ids;
  for (const json::Value& e : v.as_array()) ids.insert(e.as_object().Find("id")->as_string());
  return ids;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(patterns)

BOOST_AUTO_TEST_CASE(patterns_json_has_the_documented_shape_and_real_evidence) {
  CliFixture f;
  ImportSample(f);
  json::Value v =
      ParseOut(f.Cli({"patterns", "--from", "2026-11-02", "--to", "2026-11-09", "--json"}));
  const json::Object& o = v.as_object();
  const json::Object& period = o.Find("period")->as_object();
  BOOST_TEST(period.Find("from")->as_string() == "2026-11-02");
  BOOST_TEST(period.Find("to")->as_string() == "2026-11-09");
  std::set<std::string> ids = ListedIds(f);
  bool saw_loop = false;
  for (const json::Value& item : o.Find("observations")->as_array()) {
    const json::Object& ob = item.as_object();
    for (const char* key : {"id", "type", "summary", "count", "entry_ids", "dates"})
      BOOST_TEST(ob.Contains(key), key);
    const std::string type = ob.Find("type")->as_string();
    BOOST_TEST(KnownTypes().count(type) == 1u, type);
    for (const json::Value& id : ob.Find("entry_ids")->as_array())
      BOOST_TEST(ids.count(id.as_string()) == 1u);  // evidence points at real entries
    for (const json::Value& d : ob.Find("dates")->as_array())
      BOOST_TEST(core::ParseDate(d.as_string()).ok());
    if (type == "recurring") {
      BOOST_TEST(ob.Contains("label"));
      // The sample's loop is written four times, with small changes.
      if (ob.Find("count")->as_int() == 4) saw_loop = true;
    }
  }
  BOOST_TEST(saw_loop);
  // The text form says the same in sentences.
  ProcessResult text = f.Cli({"patterns", "--from", "2026-11-02", "--to", "2026-11-09"});
  BOOST_TEST(text.exit_code == 0);
  BOOST_TEST(text.out.find("4 times") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(patterns_usage_errors) {
  CliFixture f;
  ImportSample(f);
  BOOST_TEST(f.Cli({"patterns", "--from", "2026-11-02"}).exit_code == 2);
  BOOST_TEST(f.Cli({"patterns", "--from", "2026-11-09", "--to", "2026-11-02"}).exit_code == 2);
  BOOST_TEST(f.Cli({"patterns", "--from", "yesterday", "--to", "2026-11-02"}).exit_code == 2);
  BOOST_TEST(
      f.Cli({"patterns", "--since-last-session", "--from", "2026-11-02", "--to", "2026-11-03"})
          .exit_code == 2);
  BOOST_TEST(f.Cli({"patterns", "--since-last-session"}).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(questions_are_at_most_two_and_answers_are_saved) {
  CliFixture f;
  f.Init();
  std::string id = f.Add({"spike", "--emotion", "anxiety", "--intensity", "6", "--thought",
                          "they will see I'm not good enough"});
  ProcessResult q = f.Cli({"questions", id});
  BOOST_REQUIRE_MESSAGE(q.exit_code == 0, q.err);
  BOOST_TEST(q.out.find("1. ") != std::string::npos);
  BOOST_TEST(q.out.find("3. ") == std::string::npos);  // one layer deeper, then stop
  // Asking again gives the same questions (they were saved with the entry).
  BOOST_TEST(f.Cli({"questions", id}).out == q.out);

  ProcessResult a = f.Cli({"answer", id, "--question", "1", "--text", "a message at 8:50"});
  BOOST_REQUIRE_MESSAGE(a.exit_code == 0, a.err);
  json::Value shown = ParseOut(f.Cli({"show", id, "--json"}));
  const json::Array& followups = shown.as_object().Find("followups")->as_array();
  BOOST_REQUIRE(!followups.empty());
  BOOST_TEST(followups.size() <= 2u);
  BOOST_TEST(followups[0].as_object().Find("answer")->as_string() == "a message at 8:50");

  BOOST_TEST(f.Cli({"answer", id, "--question", "9", "--text", "x"}).exit_code == 2);
  BOOST_TEST(f.Cli({"answer", id, "--text", "x"}).exit_code == 2);
  BOOST_TEST(f.Cli({"questions", "00000000-0000-4000-8000-000000000000"}).exit_code == 6);
}

BOOST_AUTO_TEST_CASE(add_ask_reads_answers_from_stdin) {
  CliFixture f;
  f.Init();
  ProcessOptions o;
  o.stdin_data = "my manager's message\n\n";
  ProcessResult r =
      f.Cli({"add", "spike", "--emotion", "anxiety", "--thought", "here we go", "--ask"}, o);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(r.err.find("?") != std::string::npos);  // the questions were asked
  std::string id = r.out.substr(0, r.out.find('\n'));
  json::Value shown = ParseOut(f.Cli({"show", id, "--json"}));
  const json::Array& followups = shown.as_object().Find("followups")->as_array();
  BOOST_REQUIRE(!followups.empty());
  BOOST_TEST(followups[0].as_object().Find("answer")->as_string() == "my manager's message");
}

BOOST_AUTO_TEST_CASE(safety_flag_shows_crisis_lines_and_sends_nothing) {
  CliFixture f;
  f.Init();
  ProcessOptions us;
  us.env["FIELDNOTES_REGION"] = "US";
  ProcessResult raised =
      f.Cli({"add", "note", "--text", "I don't want to be here anymore", "--ask"}, us);
  BOOST_REQUIRE_MESSAGE(raised.exit_code == 0, raised.err);
  BOOST_TEST(raised.err.find("988") != std::string::npos);
  BOOST_TEST(raised.err.find("Nothing has been sent") != std::string::npos);
  // Safety first: no probing questions after the flag.
  BOOST_TEST(raised.err.find("What happened right before?") == std::string::npos);

  ProcessOptions gb;
  gb.env["FIELDNOTES_REGION"] = "GB";
  ProcessResult uk = f.Cli({"add", "note", "--text", "I want to end my life"}, gb);
  BOOST_TEST(uk.err.find("116 123") != std::string::npos);

  ProcessResult idiom = f.Cli({"add", "spike", "--thought", "this deadline is killing me"}, us);
  BOOST_TEST(idiom.exit_code == 0);
  BOOST_TEST(idiom.err.find("988") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(add_json_says_whether_the_safety_lines_were_raised) {
  CliFixture f;
  f.Init();
  ProcessOptions de;
  de.env["FIELDNOTES_REGION"] = "DE";
  ProcessResult raised =
      f.Cli({"add", "note", "--text", "Ich will einfach nicht mehr leben.", "--json"}, de);
  BOOST_REQUIRE_MESSAGE(raised.exit_code == 0, raised.err);
  const json::Value raised_json = ParseOut(raised);
  const json::Object& out = raised_json.as_object();
  BOOST_TEST(out.Find("id")->as_string().size() == 36u);
  const json::Object& safety = out.Find("safety")->as_object();
  BOOST_TEST(safety.Find("raised")->as_bool());
  BOOST_REQUIRE(!safety.Find("categories")->as_array().empty());
  // The person still sees the lines for their region, on standard error.
  BOOST_TEST(raised.err.find("0800 111 0 111") != std::string::npos);

  ProcessResult quiet = f.Cli({"add", "note", "--text", "Dead tired after the move.", "--json"});
  BOOST_REQUIRE_MESSAGE(quiet.exit_code == 0, quiet.err);
  const json::Value quiet_json = ParseOut(quiet);
  const json::Object& calm = quiet_json.as_object().Find("safety")->as_object();
  BOOST_TEST(!calm.Find("raised")->as_bool());
  BOOST_TEST(calm.Find("categories")->as_array().empty());
  BOOST_TEST(quiet.err.empty());
}

BOOST_AUTO_TEST_CASE(harm_from_others_also_shows_the_abuse_line) {
  CliFixture f;
  f.Init();
  ProcessOptions gb;
  gb.env["FIELDNOTES_REGION"] = "GB";
  ProcessResult threat =
      f.Cli({"add", "note", "--text", "He said he would kill me if I ever left him.", "--json"}, gb);
  BOOST_REQUIRE_MESSAGE(threat.exit_code == 0, threat.err);
  BOOST_TEST(threat.out.find("harm_from_others") != std::string::npos);
  BOOST_TEST(threat.err.find("0808 2000 247") != std::string::npos);  // Refuge
  BOOST_TEST(threat.err.find("116 123") != std::string::npos);
  // Thoughts of suicide alone: the crisis lines, not the abuse line.
  ProcessResult alone = f.Cli({"add", "note", "--text", "I want to kill myself."}, gb);
  BOOST_TEST(alone.err.find("116 123") != std::string::npos);
  BOOST_TEST(alone.err.find("0808 2000 247") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_answer_that_raises_the_flag_ends_the_questions) {
  CliFixture f;
  f.Init();
  ProcessOptions o;
  o.stdin_data = "honestly I want to die\nthe second answer\n";
  ProcessResult r = f.Cli(
      {"add", "spike", "--emotion", "anxiety", "--thought", "it went wrong again", "--ask"}, o);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  const std::string id = r.out.substr(0, r.out.find('\n'));
  // One prompt, then the crisis lines; the second question is never asked.
  size_t prompts = 0;
  for (size_t at = r.err.find("\n> "); at != std::string::npos; at = r.err.find("\n> ", at + 1))
    ++prompts;
  BOOST_TEST(prompts == 1u);
  BOOST_TEST(r.err.find("Nothing has been sent") != std::string::npos);
  json::Value shown = ParseOut(f.Cli({"show", id, "--json"}));
  const json::Array& followups = shown.as_object().Find("followups")->as_array();
  BOOST_REQUIRE(!followups.empty());
  BOOST_TEST(followups[0].as_object().Find("answer")->as_string() == "honestly I want to die");
  for (const json::Value& q : followups)
    BOOST_TEST(q.as_object().Find("answer")->as_string() != "the second answer");
}

BOOST_AUTO_TEST_CASE(edits_and_imports_are_read_for_safety) {
  CliFixture f;
  f.Init();
  ProcessOptions us;
  us.env["FIELDNOTES_REGION"] = "US";
  const std::string id = f.Add({"note", "--text", "an ordinary day"});
  ProcessResult edited = f.Cli({"edit", id, "--text", "je veux mourir, vraiment"}, us);
  BOOST_REQUIRE_MESSAGE(edited.exit_code == 0, edited.err);
  BOOST_TEST(edited.err.find("988") != std::string::npos);

  const std::string file = f.WriteFile(
      "import.jsonl",
      R"({"type":"entry","id":"5e0b3c1a-7d2f-4a8e-9b61-0c4d2e8f1a01","kind":"note","at":"2026-11-03T21:40:00+01:00","text":"quiero morirme"})"
      "\n"
      R"({"type":"entry","id":"5e0b3c1a-7d2f-4a8e-9b61-0c4d2e8f1a02","kind":"note","at":"2026-11-04T21:40:00+01:00","text":"a good walk"})"
      "\n"
      R"({"type":"entry","id":"5e0b3c1a-7d2f-4a8e-9b61-0c4d2e8f1a03","kind":"loop","at":"2026-11-05T21:40:00+01:00","text":"я больше не хочу жить"})"
      "\n");
  ProcessResult imported = f.Cli({"import", file}, us);
  BOOST_REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);
  BOOST_TEST(imported.out.find("2 imported entries mention") != std::string::npos, imported.out);
  BOOST_TEST(imported.err.find("988") != std::string::npos);
  // Imported again: nothing new, nothing said.
  ProcessResult again = f.Cli({"import", file}, us);
  BOOST_TEST(again.out.find("mention") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing

namespace fieldnotes::testing {
namespace {

// A line of the import format: a loop `days` ago.
std::string LoopLine(const std::string& id, int days, const std::string& text) {
  core::Timestamp at = core::SystemClock::Instance().Now();
  at.unix_seconds -= days * 86400;
  return R"({"type":"entry","id":")" + id + R"(","kind":"loop","at":")" +
         core::FormatTimestamp(at) + R"(","text":")" + text + "\"}\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(loops)

BOOST_AUTO_TEST_CASE(the_same_worry_is_suggested_and_only_the_client_joins_it) {
  CliFixture f;
  f.Init();
  const std::string a = "0b9e1c64-5b8f-4b43-9d8c-2a3f1d7e6c01";
  const std::string b = "1c8e2d75-6a9f-4c54-8e9d-3b4f2e8f7d02";
  const std::string c = "6f4d2a10-3c7e-4e59-8a1b-9d0c2e4f7a03";
  const std::string note = "7a5e3b21-4d8f-4f6a-9b2c-0e1d3f5a8b04";
  core::Timestamp session = core::SystemClock::Instance().Now();
  session.unix_seconds -= 10 * 86400;
  const std::string file = f.WriteFile(
      "loops.jsonl",
      R"({"type":"session","at":")" + core::FormatTimestamp(session) + "\"}\n" +
          LoopLine(a, 9, "Mum will be so disappointed in me.") +
          LoopLine(b, 6, "Mum will be so disappointed in me.") +
          LoopLine(c, 2, "My mother is going to be so disappointed in me again.") +
          R"({"type":"entry","id":")" + note +
          R"(","kind":"note","at":"2026-01-05T10:00:00Z","text":"Bought bread."})" + "\n");
  ProcessResult imported = f.Cli({"import", file});
  BOOST_REQUIRE_MESSAGE(imported.exit_code == 0, imported.err);

  // Suggested, not joined.
  json::Value suggested = ParseOut(f.Cli({"loop", "suggest", "--json"}));
  BOOST_REQUIRE_EQUAL(suggested.as_array().size(), 1u);
  const json::Object& s = suggested.as_array()[0].as_object();
  BOOST_TEST(s.Find("first")->as_array().size() == 2u);
  BOOST_TEST(s.Find("second")->as_array()[0].as_string() == c);
  BOOST_TEST(f.Cli({"patterns"}).out.find("fieldnotes-cli loop suggest") != std::string::npos);
  auto together = [&]() -> int {
    json::Value p = ParseOut(f.Cli({"patterns", "--json"}));
    for (const json::Value& o : p.as_object().Find("observations")->as_array()) {
      const json::Object& obs = o.as_object();
      if (obs.Find("type")->as_string() == "recurring" &&
          obs.Find("summary")->as_string().find("in these or other words") != std::string::npos)
        return static_cast<int>(obs.Find("count")->as_int());
    }
    return 0;
  };
  BOOST_TEST(together() == 0);

  // The client joins them (by id prefixes): counted together.
  ProcessResult same = f.Cli({"loop", "same", a.substr(0, 8), c.substr(0, 8)});
  BOOST_REQUIRE_MESSAGE(same.exit_code == 0, same.err);
  BOOST_TEST(same.out.find("2 loops, and any written the same way as them, now count as one") !=
                 std::string::npos,
             same.out);
  BOOST_TEST(together() == 3);  // b is written as a is
  BOOST_TEST(ParseOut(f.Cli({"loop", "suggest", "--json"})).as_array().empty());
  json::Value listed = ParseOut(f.Cli({"loop", "list", "--json"}));
  BOOST_TEST(listed.as_object().Find("same")->as_array()[0].as_array().size() == 2u);

  // Apart for good: not counted together, never suggested again.
  ProcessResult apart = f.Cli({"loop", "apart", a, b, c});
  BOOST_REQUIRE_MESSAGE(apart.exit_code == 0, apart.err);
  BOOST_TEST(together() == 0);
  BOOST_TEST(ParseOut(f.Cli({"loop", "suggest", "--json"})).as_array().empty());

  // Bad input: said, nothing changes.
  BOOST_TEST(f.Cli({"loop", "same", a}).exit_code == 2);
  BOOST_TEST(f.Cli({"loop", "same", a, note}).exit_code == 2);
  BOOST_TEST(f.Cli({"loop", "same", a, "ffffffff-no-such-entry"}).exit_code == 6);
  BOOST_TEST(f.Cli({"loop"}).exit_code == 2);
  BOOST_TEST(f.Cli({"loop", "--help"}).exit_code == 0);
  BOOST_TEST(ParseOut(f.Cli({"loop", "list", "--json"})).as_object().Find("same")->as_array().empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
