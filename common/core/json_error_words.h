// The one place a problem found reading a JSON file to import becomes words
// for a person: which entry or line, which field (named as the file writes
// it), and what is wrong, as whole translated sentences ("Entry 3: the field
// “creationDate” should be a date and time such as
// 2026-11-03T21:40:00+01:00.").
//
// The problems themselves come from json::Reader (core/json_binding.h) as a
// json::FieldError value; callers that find a problem after reading (a date
// that does not parse) say it with Reader::Refuse, so every problem goes
// through the same words.
#ifndef FIELDNOTES_CORE_JSON_ERROR_WORDS_H_
#define FIELDNOTES_CORE_JSON_ERROR_WORDS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "core/json_binding.h"
#include "core/model.h"
#include "core/status.h"

namespace fieldnotes::core {

// Where in a file a problem is: an entry of an export (counted from 1) or
// a line of a file, optionally in a named file of a zip.
struct ErrorPlace {
  enum class Unit { kEntry, kLine };
  Unit unit = Unit::kLine;
  size_t number = 0;
  std::string file;  // a zip member's name, shown as is; empty for the file itself
};

// Where, as words that start a sentence: "Entry 3", "Journal.json, line 12".
std::string DescribePlace(const ErrorPlace& place);

// "Entry 3: the field “uuid” is empty." in the current message language.
// An error with problem kNone says that the record cannot be read.
std::string DescribeFieldError(const ErrorPlace& place, const json::FieldError& error);

// The same as an InvalidArgument status (for what came from outside).
Status FieldErrorStatus(const ErrorPlace& place, const json::FieldError& error);

// "Entry 3: the field “text” is longer than 64 KiB." for a problem the
// model's own checks found (core::Validate), in the current message language.
std::string DescribeModelError(const ErrorPlace& place, const ModelError& error);

// The same as an InvalidArgument status.
Status ModelErrorStatus(const ErrorPlace& place, const ModelError& error);

// "Line 3 is not valid JSON (<reason>). …": `reason` is the parser's own
// words, a developer's detail kept in English; the sentence around it is
// translated and says what a person can do.
std::string DescribeInvalidJson(const ErrorPlace& place, std::string_view reason);

}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_JSON_ERROR_WORDS_H_
