// The typed JSON layer's problems as values (json::FieldError), and the one
// function that says them to a person, in English and, from the test
// catalog (tests/data/i18n/de.po), in German.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "core/i18n.h"
#include "core/json.h"
#include "core/json_binding.h"
#include "core/json_error_words.h"
#include "core/language_fixture.h"
#include "core/record_codec.h"

namespace fieldnotes::core {
namespace {

using json::FieldError;
using json::Kind;
using Problem = json::FieldError::Problem;

json::Value MustParse(const std::string& text) {
  auto v = json::Parse(text);
  BOOST_REQUIRE_MESSAGE(v.ok(), v.status().ToString());
  return *v;
}

// The first problem of reading {uuid: text (not empty), at: timestamp,
// tags: list} from `text`.
FieldError ProblemOf(const std::string& text) {
  json::Reader r(MustParse(text), "an entry", json::Reader::kInput);
  std::string uuid;
  Timestamp at;
  std::vector<std::string> tags;
  r.Known({"uuid", "at", "tags"})
      .Required("uuid", uuid)
      .NotEmpty("uuid", uuid)
      .Required("at", at)
      .Optional("tags", tags);
  BOOST_TEST(r.ok() == (r.error().problem == Problem::kNone));
  return r.error();
}

const ErrorPlace kEntry3{ErrorPlace::Unit::kEntry, 3, {}};

}  // namespace

BOOST_FIXTURE_TEST_SUITE(json_error_words, testing::LanguageFixture)

BOOST_AUTO_TEST_CASE(the_reader_keeps_its_first_problem_as_a_value) {
  BOOST_TEST(
      (ProblemOf(R"({"uuid":"a","at":"2026-11-03T21:40:00+01:00"})").problem == Problem::kNone));
  const FieldError missing = ProblemOf(R"({"at":"2026-11-03T21:40:00+01:00"})");
  BOOST_TEST((missing.problem == Problem::kMissing));
  BOOST_TEST(missing.field == "uuid");
  const FieldError empty = ProblemOf(R"({"uuid":"","at":"2026-11-03T21:40:00+01:00"})");
  BOOST_TEST((empty.problem == Problem::kEmpty));
  const FieldError wrong = ProblemOf(R"({"uuid":"a","at":"2026-11-03T21:40:00"})");
  BOOST_TEST((wrong.problem == Problem::kWrongKind));
  BOOST_TEST((wrong.kind == Kind::kTimestamp));
  BOOST_TEST(wrong.field == "at");
  const FieldError list = ProblemOf(R"({"uuid":"a","at":"2026-11-03T21:40:00Z","tags":"x"})");
  BOOST_TEST((list.kind == Kind::kList));
  const FieldError unknown = ProblemOf(R"({"uuid":"a","mood":3})");
  BOOST_TEST((unknown.problem == Problem::kUnknown));
  BOOST_TEST(unknown.field == "mood");
  // A name that could be someone's writing is never kept.
  const FieldError hidden = ProblemOf(R"({"uuid":"a","what I said to her":3})");
  BOOST_TEST((hidden.problem == Problem::kUnknown));
  BOOST_TEST(hidden.field.empty());
  json::Reader not_object(MustParse("[1]"), "an entry", json::Reader::kInput);
  BOOST_TEST((not_object.error().problem == Problem::kNotObject));
  // The developer's message is unchanged beside it.
  json::Reader r(MustParse(R"({"at":1})"), "an entry", json::Reader::kInput);
  std::string uuid;
  r.Required("uuid", uuid);
  BOOST_TEST(r.status().message() == "an entry: uuid is missing");
}

BOOST_AUTO_TEST_CASE(each_problem_is_one_english_sentence) {
  ScopedLanguage english("en");
  BOOST_TEST(
      DescribeFieldError(kEntry3, json::MakeFieldError(Problem::kEmpty, "uuid", Kind::kText)) ==
      "Entry 3: the field “uuid” is empty.");
  BOOST_TEST(DescribeFieldError({ErrorPlace::Unit::kLine, 12, {}},
                                json::MakeFieldError(Problem::kMissing, "at", Kind::kTimestamp)) ==
             "Line 12: the field “at” is missing.");
  BOOST_TEST(DescribeFieldError(
                 {ErrorPlace::Unit::kEntry, 1, "Journal.json"},
                 json::MakeFieldError(Problem::kWrongKind, "creationDate", Kind::kTimestamp)) ==
             "Journal.json, entry 1: the field “creationDate” should be a date and time with its "
             "offset from UTC, such as 2026-11-03T21:40:00+01:00.");
  BOOST_TEST(DescribeFieldError(
                 {ErrorPlace::Unit::kLine, 2, {}},
                 json::MakeFieldError(Problem::kNotOneOf, "type", Kind::kText, "entry, session")) ==
             "Line 2: the field “type” should be one of these: entry, session.");
  BOOST_TEST(
      DescribeFieldError(kEntry3, json::MakeFieldError(Problem::kNotObject, "", Kind::kObject)) ==
      "Entry 3 is not a JSON object, so Fieldnotes cannot read it.");
  BOOST_TEST(
      DescribeFieldError(kEntry3, json::MakeFieldError(Problem::kUnknown, "", Kind::kText)) ==
      "Entry 3 has a field Fieldnotes does not know.");
  // Every kind has its own sentence, none of them a fallback.
  for (Kind k :
       {Kind::kText, Kind::kBool, Kind::kInteger, Kind::kNumber, Kind::kList, Kind::kPair,
        Kind::kObject, Kind::kTimestamp, Kind::kDate, Kind::kClock, Kind::kScale, Kind::kUuid}) {
    const std::string s =
        DescribeFieldError(kEntry3, json::MakeFieldError(Problem::kWrongKind, "f", k));
    BOOST_TEST(s.rfind("Entry 3: the field “f” should be ", 0) == 0, s);
  }
  BOOST_TEST(DescribeInvalidJson({ErrorPlace::Unit::kLine, 4, {}}, "unexpected end of input") ==
             "Line 4 is not valid JSON (unexpected end of input). The file may be cut short or "
             "changed: export it again and import the new file.");
}

BOOST_AUTO_TEST_CASE(a_record_of_the_import_format_says_its_problem) {
  FieldError why;
  auto e = EntryFromJson(MustParse(R"({"type":"entry","kind":"note","at":7})").as_object(), &why);
  BOOST_REQUIRE(!e.ok());
  BOOST_TEST((why.problem == Problem::kWrongKind));
  BOOST_TEST(why.field == "at");
  FieldError scale_why;
  auto scaled = EntryFromJson(
      MustParse(R"({"type":"entry","kind":"spike","at":"2026-11-03T21:40:00Z","intensity":11})")
          .as_object(),
      &scale_why);
  BOOST_REQUIRE(!scaled.ok());
  BOOST_TEST((scale_why.kind == Kind::kScale));
  BOOST_TEST(scale_why.field == "intensity");
  FieldError kind_why;
  auto kinded = EntryFromJson(
      MustParse(R"({"type":"entry","kind":"dream","at":"2026-11-03T21:40:00Z"})").as_object(),
      &kind_why);
  BOOST_REQUIRE(!kinded.ok());
  BOOST_TEST((kind_why.problem == Problem::kNotOneOf));
  BOOST_TEST(kind_why.allowed == "spike, loop, thread, note");
  FieldError session_why;
  auto s = SessionFromJson(MustParse(R"({"type":"session"})").as_object(), &session_why);
  BOOST_REQUIRE(!s.ok());
  BOOST_TEST((session_why.problem == Problem::kMissing));
  BOOST_TEST(session_why.field == "at");
}

BOOST_AUTO_TEST_CASE(the_sentences_come_from_the_catalog) {
  ScopedLanguage german("de");
  BOOST_REQUIRE_MESSAGE(german.active(), "de_DE.UTF-8 must exist (packaging/install-deps.sh)");
  BOOST_TEST(
      DescribeFieldError(kEntry3, json::MakeFieldError(Problem::kEmpty, "uuid", Kind::kText)) ==
      "Eintrag 3: Das Feld „uuid“ ist leer.");
  BOOST_TEST(DescribeFieldError({ErrorPlace::Unit::kEntry, 2, "Journal.json"},
                                json::MakeFieldError(Problem::kWrongKind, "tags", Kind::kList)) ==
             "Journal.json, Eintrag 2: Das Feld „tags“ sollte eine Liste sein.");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::core
