#include "core/json_error_words.h"

#include "core/i18n.h"

namespace fieldnotes::core {
namespace {

using Problem = json::FieldError::Problem;
using json::Kind;

// The place at the start of a sentence: "Entry 3", "journal.json, line 12".
}  // namespace

std::string DescribePlace(const ErrorPlace& place) {
  const bool entry = place.unit == ErrorPlace::Unit::kEntry;
  if (place.file.empty()) {
    // TRANSLATORS: where a file to import went wrong, at the start of a
    // sentence ("Entry 3: the field “uuid” is empty."): %1 the number of an
    // entry in an export, counted from 1.
    return entry ? Format(Tr("Entry %1"), place.number)
                 // TRANSLATORS: as "Entry %1", for a line of a file: %1 a
                 // line number.
                 : Format(Tr("Line %1"), place.number);
  }
  // TRANSLATORS: as "Entry %1", in one file of a zip: %1 the file's name
  // as it is written in the zip ("Journal.json"), %2 the entry's number.
  return entry ? Format(Tr("%1, entry %2"), place.file, place.number)
               // TRANSLATORS: as "%1, entry %2", for a line of a file in a
               // zip: %1 the file's name, %2 a line number.
               : Format(Tr("%1, line %2"), place.file, place.number);
}

namespace {

// "%1: the field “%2” should be …" for each kind of value.
const char* ShouldBe(Kind kind) {
  // TRANSLATORS (all "%1: the field “%2” should be …"): %1 where in the file
  // ("Entry 3", "Line 12"), %2 the field's name exactly as the file writes
  // it ("creationDate"); keep the example values as they are.
  switch (kind) {
    case Kind::kText:
      return Tr("%1: the field “%2” should be text.");
    case Kind::kBool:
      return Tr("%1: the field “%2” should be true or false.");
    case Kind::kInteger:
      return Tr("%1: the field “%2” should be a whole number.");
    case Kind::kNumber:
      return Tr("%1: the field “%2” should be a number.");
    case Kind::kList:
      return Tr("%1: the field “%2” should be a list.");
    case Kind::kPair:
      return Tr("%1: the field “%2” should be a list of two values.");
    case Kind::kObject:
      return Tr("%1: the field “%2” should be a JSON object.");
    case Kind::kTimestamp:
      return Tr(
          "%1: the field “%2” should be a date and time with its offset from UTC, such as "
          "2026-11-03T21:40:00+01:00.");
    case Kind::kDate:
      return Tr("%1: the field “%2” should be a date such as 2026-11-03.");
    case Kind::kClock:
      return Tr("%1: the field “%2” should be a time such as 21:04.");
    case Kind::kScale:
      return Tr("%1: the field “%2” should be a whole number from 0 to 10.");
    case Kind::kUuid:
      return Tr("%1: the field “%2” should be an id such as 0b6e3f1c-5a2d-4c7e-9f10-2b3c4d5e6f70.");
  }
  return Tr("%1: the field “%2” holds a value Fieldnotes cannot use.");
}

}  // namespace

std::string DescribeFieldError(const ErrorPlace& place, const json::FieldError& error) {
  const std::string where = DescribePlace(place);
  const std::string& field = error.field;
  switch (error.problem) {
    case Problem::kNone:
    case Problem::kNotObject:
      // TRANSLATORS: %1 where in the file ("Entry 3", "Line 12").
      return Format(Tr("%1 is not a JSON object, so Fieldnotes cannot read it."), where);
    case Problem::kMissing:
      // TRANSLATORS: %1 where in the file ("Entry 3", "Line 12"), %2 the
      // field's name exactly as the file writes it ("uuid").
      return Format(Tr("%1: the field “%2” is missing."), where, field);
    case Problem::kWrongKind:
      return Format(ShouldBe(error.kind), where, field);
    case Problem::kEmpty:
      // TRANSLATORS: as "%1: the field “%2” is missing.".
      return Format(Tr("%1: the field “%2” is empty."), where, field);
    case Problem::kUnknown:
      if (field.empty())
        // TRANSLATORS: %1 where in the file ("Line 12"); the field's name
        // cannot be shown.
        return Format(Tr("%1 has a field Fieldnotes does not know."), where);
      // TRANSLATORS: as "%1: the field “%2” is missing.".
      return Format(Tr("%1: the field “%2” is not one Fieldnotes knows."), where, field);
    case Problem::kNotAccepted:
      // TRANSLATORS: as "%1: the field “%2” is missing.".
      return Format(Tr("%1: the field “%2” holds a value Fieldnotes cannot use."), where, field);
    case Problem::kNotOneOf:
      // TRANSLATORS: as "%1: the field “%2” is missing."; %3 the values the
      // field may hold, exactly as the file writes them ("entry, session").
      return Format(Tr("%1: the field “%2” should be one of these: %3."), where, field,
                    error.allowed);
    case Problem::kFormat:
      // TRANSLATORS: as "%1: the field “%2” is missing."; the field holds
      // the version of the file's format.
      return Format(Tr("%1: the field “%2” names a format this version of Fieldnotes cannot read."),
                    where, field);
    case Problem::kUnknownZone:
      // TRANSLATORS: as "%1: the field “%2” is missing."; the field holds a
      // time zone ("Europe/Berlin").
      return Format(Tr("%1: the time zone in the field “%2” is not one Fieldnotes knows."), where,
                    field);
  }
  return Format(Tr("%1 is not a JSON object, so Fieldnotes cannot read it."), where);
}

Status FieldErrorStatus(const ErrorPlace& place, const json::FieldError& error) {
  return Status::InvalidArgument(DescribeFieldError(place, error));
}

std::string DescribeModelError(const ErrorPlace& place, const ModelError& error) {
  using ModelProblem = ModelError::Problem;
  const std::string where = DescribePlace(place);
  const std::string& field = error.field;
  switch (error.problem) {
    case ModelProblem::kNone:
      break;
    case ModelProblem::kNotUuid:
      return Format(ShouldBe(Kind::kUuid), where, field);
    case ModelProblem::kOutOfScale:
      return Format(ShouldBe(Kind::kScale), where, field);
    case ModelProblem::kTimeOutOfRange:
      // TRANSLATORS: as "%1: the field “%2” is missing."; the field holds a
      // date and time.
      return Format(Tr("%1: the date in the field “%2” is too far in the past or the future."),
                    where, field);
    case ModelProblem::kOffsetOutOfRange:
      // TRANSLATORS: as "%1: the field “%2” is missing."; the field holds a
      // date and time with its offset from UTC ("+01:00").
      return Format(Tr("%1: the offset from UTC in the field “%2” should be at most 18 hours."),
                    where, field);
    case ModelProblem::kTooLong:
      // TRANSLATORS: as "%1: the field “%2” is missing.".
      return Format(Tr("%1: the field “%2” is longer than 64 KiB."), where, field);
    case ModelProblem::kTooManyBytes:
      // TRANSLATORS: as "%1: the field “%2” is missing."; %3 the most bytes
      // the field may hold (32, 256, 512).
      return Format(Tr("%1: the field “%2” is longer than %3 bytes."), where, field, error.limit);
    case ModelProblem::kNotUtf8:
      // TRANSLATORS: as "%1: the field “%2” is missing.".
      return Format(Tr("%1: the field “%2” is not valid UTF-8 text."), where, field);
    case ModelProblem::kTooManyItems:
      // TRANSLATORS: as "%1: the field “%2” is missing."; the field holds a
      // list.
      return Format(Tr("%1: the field “%2” has more than 64 items."), where, field);
    case ModelProblem::kEmptyItem:
      // TRANSLATORS: as "%1: the field “%2” is missing."; the field holds a
      // list and one of its items is empty text.
      return Format(Tr("%1: the field “%2” has an empty item."), where, field);
    case ModelProblem::kEmptyQuestion:
      // TRANSLATORS: %1 where in the file ("Entry 3", "Line 12"). A
      // follow-up is a question the journal asked, with its answer.
      return Format(Tr("%1: a follow-up has no question."), where);
    case ModelProblem::kSourceAlone:
      // TRANSLATORS: as "%1: the field “%2” is missing."; %2 and %3 the
      // names of two fields ("source", "source_id") as the file writes them.
      return Format(Tr("%1: the fields “%2” and “%3” go together: give both or neither."), where,
                    "source", "source_id");
    case ModelProblem::kSourceLetters:
      return Format(
          // TRANSLATORS: as "%1: the field “%2” is missing."; the field
          // names the app an entry came from ("daylio").
          Tr("%1: the field “%2” should hold only lower-case letters a to z, digits and hyphens."),
          where, field);
    case ModelProblem::kControlCharacter:
      // TRANSLATORS: as "%1: the field “%2” is missing."; a control
      // character is an invisible one such as a line break or a tab.
      return Format(Tr("%1: the field “%2” holds a control character."), where, field);
  }
  return Format(Tr("%1: the field “%2” holds a value Fieldnotes cannot use."), where, field);
}

Status ModelErrorStatus(const ErrorPlace& place, const ModelError& error) {
  return Status::InvalidArgument(DescribeModelError(place, error));
}

std::string DescribeInvalidJson(const ErrorPlace& place, std::string_view reason) {
  return Format(
      // TRANSLATORS: %1 where in the file ("Line 12", "Journal.json, line
      // 12"); %2 the JSON parser's own reason, in English (a detail for
      // whoever looks into it).
      Tr("%1 is not valid JSON (%2). The file may be cut short or changed: export it again and "
         "import the new file."),
      DescribePlace(place), reason);
}

}  // namespace fieldnotes::core
