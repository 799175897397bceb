// Turning command-line options into entry fields and times.
#ifndef FIELDNOTES_CLIENT_CLI_ENTRY_OPTIONS_H_
#define FIELDNOTES_CLIENT_CLI_ENTRY_OPTIONS_H_

#include <string>
#include <string_view>

#include "cli/exit_codes.h"
#include "core/model.h"
#include "core/timestamp.h"

namespace fieldnotes::client {

// "2026-11-03T21:40:00+01:00" as given; without an offset, the machine's
// local time at that moment. A usage error naming `option` otherwise.
CliResult<core::Timestamp> ParseWhen(std::string_view text, std::string_view option);

// Sets the fields of `entry` that `args` gives (--at, --emotion, ...). A
// value replaces the field and an empty one clears it; --emotion and --tag
// replace the whole list. Emotions are trimmed, and a vocabulary word is
// lower-cased ("Anxiety" -> "anxiety"). Returns how many fields were given.
CliResult<int> ApplyEntryOptions(const Args& args, core::Entry* entry);

// "there is no entry with the id 3f2a9c1d." The id is repeated only when it
// looks like one: a mistyped argument could be anything.
std::string NoEntryMessage(std::string_view id);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_CLI_ENTRY_OPTIONS_H_
