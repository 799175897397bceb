// patterns, questions, answer, add --ask and the safety message, end to end
// through the real fieldnotes-cli on the sample week.
#include <boost/test/unit_test.hpp>

#include <set>

#include "cli_fixture.h"
#include "core/json.h"
#include "core/timestamp.h"

namespace fieldnotes::testing {
namespace {

namespace json = core::json;

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
    BOOST_TEST(
        (std::set<std::string>{"recurring", "time", "trigger", "mood", "thread", "writing_effect"}
             .count(type) == 1));
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

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
