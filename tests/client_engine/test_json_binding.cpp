// core/json_binding.h: one typed reader, one error for a missing or
// mistyped field, and the records read with it (settings, report choices,
// drafts) refuse what does not fit in the same words.
#include <boost/test/unit_test.hpp>

#include "core/json.h"
#include "core/json_binding.h"
#include "engine/draft_store.h"
#include "engine/report_choices.h"
#include "engine/settings.h"

namespace fieldnotes::testing {
namespace json = core::json;

namespace {

json::Value Parsed(std::string_view text) {
  auto v = json::Parse(text);
  BOOST_REQUIRE_MESSAGE(v.ok(), v.status().ToString());
  return *v;
}

struct Record {
  std::string id;
  int pages = 0;
  bool shared = false;
  double mood = 0;
  std::vector<std::string> tags;
  std::vector<std::pair<std::string, std::string>> notes;
  std::optional<int> intensity;
};

core::Status Read(std::string_view text, Record& r,
                  json::Reader::Source source = json::Reader::kStored) {
  json::Reader reader(Parsed(text), "the record", source);
  reader.Format("format", 1)
      .Required("id", r.id)
      .Required("pages", r.pages)
      .Optional("shared", r.shared)
      .Optional("mood", r.mood)
      .Optional("tags", r.tags)
      .Optional("notes", r.notes)
      .Optional("intensity", r.intensity);
  return reader.status();
}

}  // namespace

BOOST_AUTO_TEST_CASE(fields_are_read_by_type) {
  Record r;
  BOOST_REQUIRE(Read(R"({"format":1,"id":"a","pages":2,"shared":true,"mood":2.5,)"
                     R"("tags":["x","y"],"notes":[["i","t"]],"intensity":null})",
                     r)
                    .ok());
  BOOST_TEST(r.id == "a");
  BOOST_TEST(r.pages == 2);
  BOOST_TEST(r.shared);
  BOOST_TEST(r.mood == 2.5);
  BOOST_TEST(r.tags == (std::vector<std::string>{"x", "y"}), boost::test_tools::per_element());
  BOOST_TEST(r.notes.size() == 1u);
  BOOST_TEST(!r.intensity.has_value());
  Record defaults;
  BOOST_REQUIRE(Read(R"({"format":1,"id":"a","pages":1})", defaults).ok());
  BOOST_TEST(!defaults.shared);  // absent optional fields keep their defaults
}

BOOST_AUTO_TEST_CASE(one_error_for_a_missing_or_mistyped_field) {
  const std::pair<const char*, const char*> cases[] = {
      {R"([])", "the record is not an object"},
      {R"({"id":"a","pages":1})", "the record: format is missing"},
      {R"({"format":2,"id":"a","pages":1})",
       "the record: format is 2, a format this version does not read"},
      {R"({"format":1,"pages":1})", "the record: id is missing"},
      {R"({"format":1,"id":7,"pages":1})", "the record: id is not text"},
      {R"({"format":1,"id":"a","pages":1.5})", "the record: pages is not a whole number"},
      {R"({"format":1,"id":"a","pages":4294967296})", "the record: pages is not a whole number"},
      {R"({"format":1,"id":"a","pages":1,"shared":"yes"})",
       "the record: shared is not true or false"},
      {R"({"format":1,"id":"a","pages":1,"tags":["x",1]})", "the record: tags is not a list"},
      {R"({"format":1,"id":"a","pages":1,"notes":[["x"]]})", "the record: notes is not a list"},
      {R"({"format":1,"id":"a","pages":1,"intensity":"high"})",
       "the record: intensity is not a whole number"},
  };
  for (const auto& [text, message] : cases) {
    Record r;
    const core::Status s = Read(text, r);
    BOOST_TEST(s.code() == core::Status::Code::kCorruption, text);
    BOOST_TEST(s.message() == message, text << ": " << s.message());
  }
  // The same words for input from outside, as InvalidArgument.
  Record r;
  const core::Status s = Read(R"({"format":1,"pages":1})", r, json::Reader::kInput);
  BOOST_TEST(s.code() == core::Status::Code::kInvalidArgument);
  BOOST_TEST(s.message() == "the record: id is missing");
}

BOOST_AUTO_TEST_CASE(the_client_records_read_through_it) {
  BOOST_TEST(client::SettingValue(R"({"format":1,"value":7})").status().message() ==
             "a setting: value is not text");
  BOOST_TEST(client::ChoicesFromJson(R"({"format":1,"picks":[1]})").status().message() ==
             "report choices: picks is not a list");
  BOOST_TEST(client::DraftFromJson(R"({"format":1})").status().message() ==
             "draft: entry is missing");
  BOOST_TEST(client::DraftFromJson(R"({"entry":{},"backdated":1})").status().message() ==
             "draft: backdated is not true or false");
}

}  // namespace fieldnotes::testing
