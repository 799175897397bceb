// Small pieces the importers share. Internal to the importers library.
#ifndef FIELDNOTES_IMPORTERS_PARSE_UTIL_H_
#define FIELDNOTES_IMPORTERS_PARSE_UTIL_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/json.h"
#include "core/model.h"
#include "core/status.h"
#include "core/timestamp.h"

namespace fieldnotes::importers::internal {

// The line (from 1) that byte `offset` of `text` is on.
size_t LineOf(std::string_view text, size_t offset);

// A failed json::Parse of `text` as a sentence for a person ("Line 3 is
// not valid JSON (reason). …", core::DescribeInvalidJson); `file` names a
// file in a zip, empty for the file itself.
core::Status JsonError(std::string_view text, const core::Status& parse_error,
                       std::string_view file = {});

// A key's name for a message, only when short printable ASCII.
std::string Quote(std::string_view key);

// "21:04", "9:05", "21:04:33", "10:00 pm", "10:00 PM", "12:15 am" to
// {hour, minute, second}; nullopt otherwise.
struct Clock {
  int hour = 0, minute = 0, second = 0;
};
std::optional<Clock> ParseClock(std::string_view text);

// Adds `tag` once (trimmed; empty ones are left out).
void AddTag(core::Entry& e, std::string_view tag);

// Appends a paragraph to e.text, a blank line apart.
void AddParagraph(core::CompactString& text, std::string_view paragraph);

}  // namespace fieldnotes::importers::internal

#endif  // FIELDNOTES_IMPORTERS_PARSE_UTIL_H_
