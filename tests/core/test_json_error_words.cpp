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

BOOST_AUTO_TEST_CASE(the_models_own_checks_are_whole_sentences) {
  ScopedLanguage english("en");
  Entry long_text;
  long_text.text = std::string(kMaxFieldBytes + 1, 'a');
  ModelError why;
  BOOST_TEST(!Validate(long_text, &why).ok());
  BOOST_TEST((why.problem == ModelError::Problem::kTooLong));
  BOOST_TEST(why.field == "text");
  BOOST_TEST(DescribeModelError(kEntry3, why) ==
             "Entry 3: the field “text” is longer than 64 KiB.");
  ModelError none;
  BOOST_TEST(Validate(Entry{}, &none).ok());
  BOOST_TEST((none.problem == ModelError::Problem::kNone));

  // A record that reads well but that the model refuses: the import's
  // reader finds nothing, the model's check says what.
  FieldError read_why;
  ModelError model_why;
  auto e = EntryFromJson(
      MustParse(R"({"type":"entry","kind":"note","at":"2026-11-03T21:40:00Z","tags":["a",""]})")
          .as_object(),
      &read_why, &model_why);
  BOOST_REQUIRE(!e.ok());
  BOOST_TEST((read_why.problem == Problem::kNone));
  BOOST_TEST(DescribeModelError({ErrorPlace::Unit::kLine, 7, {}}, model_why) ==
             "Line 7: the field “tags” has an empty item.");
  // Year 1 reads as a date and time, but is outside what the journal keeps.
  model_why = {};
  auto s =
      SessionFromJson(MustParse(R"({"type":"session","at":"0001-01-01T00:00:00Z"})").as_object(),
                      &read_why, &model_why);
  BOOST_REQUIRE(!s.ok());
  BOOST_TEST((read_why.problem == Problem::kNone));
  BOOST_TEST(DescribeModelError(kEntry3, model_why) ==
             "Entry 3: the date in the field “at” is too far in the past or the future.");

  // Every problem has its own sentence, none of them the fallback, each
  // naming the place and ending with a full stop.
  using P = ModelError::Problem;
  const std::string fallback = DescribeModelError(kEntry3, ModelError{static_cast<P>(999), "f", 0});
  for (P p : {P::kNotUuid, P::kTimeOutOfRange, P::kOffsetOutOfRange, P::kTooLong, P::kTooManyBytes,
              P::kNotUtf8, P::kTooManyItems, P::kEmptyItem, P::kOutOfScale, P::kEmptyQuestion,
              P::kSourceAlone, P::kSourceLetters, P::kControlCharacter}) {
    const std::string words = DescribeModelError(kEntry3, ModelError{p, "f", 32});
    BOOST_TEST(words != fallback, words);
    BOOST_TEST(words.rfind("Entry 3: ", 0) == 0, words);
    BOOST_TEST(words.back() == '.', words);
  }
  BOOST_TEST(DescribeModelError(kEntry3, ModelError{P::kTooManyBytes, "source", 32}) ==
             "Entry 3: the field “source” is longer than 32 bytes.");
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
  // The model's own checks, too.
  BOOST_TEST(DescribeModelError(kEntry3, ModelError{ModelError::Problem::kTooLong, "text", 0}) ==
             "Eintrag 3: Das Feld „text“ ist länger als 64 KiB.");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::core
