#include <boost/test/unit_test.hpp>

#include <set>

#include "core/clock.h"
#include "core/json.h"
#include "reports/observation_types.h"
#include "reports/pattern_analyzer.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;
namespace json = fieldnotes::core::json;

BOOST_AUTO_TEST_SUITE(patterns_json)

// The shape `fieldnotes-cli patterns --json` prints (issue 3, docs/patterns.md).
BOOST_AUTO_TEST_CASE(every_observation_has_the_common_fields_and_its_own) {
  core::FakeClock clock(T("2026-11-16T20:00:00+01:00"));
  std::vector<core::Session> sessions = {SessionAt("2026-11-02T17:00:00+01:00")};
  std::vector<core::Thread> threads = {
      {core::NewUuid(), "say no once a week", T("2026-11-03T09:00:00+01:00")}};
  std::vector<core::Entry> entries;
  for (const char* at : {"2026-11-03T22:00:00+01:00", "2026-11-05T22:00:00+01:00",
                         "2026-11-08T22:00:00+01:00", "2026-11-10T22:00:00+01:00"}) {
    entries.push_back(Loop(at, "everyone is going to find out I'm a fraud"));
  }
  for (const char* at :
       {"2026-10-11T22:30:00+01:00", "2026-10-18T23:10:00+01:00", "2026-10-25T22:40:00+01:00",
        "2026-11-01T22:00:00+01:00", "2026-11-08T22:00:00+01:00", "2026-11-15T21:45:00+01:00"}) {
    core::Entry e = Spike(at, {"anxiety"}, "a message from my manager");
    e.mood_before = 6;
    e.mood_after = 3;
    entries.push_back(e);
  }
  const char* befores[] = {"the news",       "a long queue", "rain again", "the dentist",
                           "a burnt dinner", "traffic",      "the radio",  "an old photo"};
  int b = 0;
  for (const char* at :
       {"2026-10-06T13:00:00+01:00", "2026-10-14T09:00:00+01:00", "2026-10-21T18:30:00+01:00",
        "2026-10-29T12:15:00+01:00", "2026-11-03T19:00:00+01:00", "2026-11-11T08:00:00+01:00",
        "2026-10-08T13:00:00+01:00", "2026-10-16T09:00:00+01:00"}) {
    entries.push_back(Spike(at, {"sadness"}, befores[b++]));
  }
  core::Entry t = MakeEntry(core::EntryKind::kThread, "2026-11-06T18:00:00+01:00");
  t.thread = "say no once a week";
  t.text = "Said no to the extra shift.";
  entries.push_back(t);

  Period period = Period::SinceLastSession(sessions, clock);
  Patterns p = PatternAnalyzer::Analyze(JournalData{entries, sessions, threads}, period, clock);
  json::Value v = PatternsToJson(p);
  // Round trip through the writer and the strict parser.
  auto parsed = json::Parse(json::Write(v));
  BOOST_REQUIRE(parsed.ok());
  BOOST_REQUIRE(parsed->is_object());
  const json::Object& root = parsed->as_object();
  BOOST_REQUIRE(root.size() == 2u);
  const json::Object& per = root.Find("period")->as_object();
  BOOST_TEST(per.Find("from")->as_string() == "2026-11-02");
  BOOST_TEST(per.Find("to")->as_string() == "2026-11-16");

  std::set<std::string> types;
  std::set<std::string> ids;
  for (const json::Value& ov : root.Find("observations")->as_array()) {
    const json::Object& o = ov.as_object();
    for (const char* key : {"id", "type", "summary", "count", "entry_ids", "dates"})
      BOOST_REQUIRE_MESSAGE(o.Contains(key), key);
    const std::string type = o.Find("type")->as_string();
    types.insert(type);
    BOOST_TEST(ids.insert(o.Find("id")->as_string()).second);  // ids are unique
    BOOST_TEST(o.Find("count")->is_int());
    const auto& entry_ids = o.Find("entry_ids")->as_array();
    const auto& dates = o.Find("dates")->as_array();
    BOOST_TEST(entry_ids.size() == dates.size());
    for (const json::Value& d : dates) BOOST_TEST(core::ParseDate(d.as_string()).ok());
    for (const json::Value& id : entry_ids) BOOST_TEST(core::IsUuid(id.as_string()));
    if (type == "time") {
      BOOST_TEST(o.Find("weekday")->as_string() == "Sunday");
      BOOST_TEST(o.Find("part_of_day")->as_string() == "night");
    } else if (type == "trigger") {
      BOOST_TEST(o.Find("trigger")->as_string() == "message from my manager");
      BOOST_TEST(o.Find("emotion")->as_string() == "anxiety");
    } else if (type == "recurring") {
      BOOST_TEST(o.Find("label")->as_string() == "everyone is going to find out I'm a fraud");
      BOOST_TEST(o.Find("since")->as_string() == "2026-11-02");
      BOOST_TEST(o.Find("count")->as_int() == 4);
    } else if (type == "mood") {
      BOOST_TEST(o.Find("series")->is_array());
    } else if (type == "thread") {
      BOOST_TEST(o.Find("thread")->as_string() == "say no once a week");
    } else if (type == "writing_effect") {
      BOOST_TEST(o.Find("client_only")->as_bool());
    } else {
      BOOST_FAIL("unknown type " << type);
    }
  }
  // Every type in the type table, and nothing else.
  for (const ObservationTypeInfo& info : ObservationTypes())
    BOOST_TEST(types.count(std::string(info.name)) == 1u, info.name);
  BOOST_TEST(types.size() == ObservationTypes().size());
  BOOST_TEST(ObservationTypes().size() == 6u);

  // The text form names the period and every observation.
  std::string text = PatternsToText(p);
  BOOST_TEST(text.starts_with("Since your last session (Nov 2 to Nov 16):"));
  for (const Observation& o : p.observations) BOOST_TEST(text.find(o.summary) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_empty_journal_is_an_empty_list) {
  core::FakeClock clock(T("2026-11-16T20:00:00+01:00"));
  Patterns p = PatternAnalyzer::Analyze(JournalData{}, Period::SinceLastSession({}, clock), clock);
  BOOST_TEST(p.observations.empty());
  BOOST_TEST(json::Write(PatternsToJson(p)) ==
             R"({"period":{"from":"2026-11-03","to":"2026-11-16"},"observations":[]})");
  BOOST_TEST(PatternsToText(p).find("Nothing stood out yet") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
