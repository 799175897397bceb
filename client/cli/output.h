// How fieldnotes-cli shows entries and sessions: readable text by default,
// JSON (the record form of core/record_codec.h) with --json.
#ifndef FIELDNOTES_CLIENT_CLI_OUTPUT_H_
#define FIELDNOTES_CLIENT_CLI_OUTPUT_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/display.h"
#include "core/model.h"
#include "core/timestamp.h"

namespace fieldnotes::client {

// "20,000" ("20.000" in German): core::FormatCount.
std::string Thousands(size_t n);

// One line for list and search:
// "3f2a9c1d  Tue 2026-11-03 21:40  spike   anxiety 7/10 · My manager wrote at 9…"
std::string EntryLine(const core::Entry& e);
// Every field of an entry, labelled in plain words, for show.
std::string EntryDetails(const core::Entry& e);
// "5d0c7e2a  Mon 2026-11-02 17:00  What landed…"
std::string SessionLine(const core::Session& s);

// Pretty JSON: an array of entry records, one record, an array of sessions.
std::string EntriesJson(std::span<const core::Entry* const> entries);
std::string EntryJson(const core::Entry& e);
std::string SessionsJson(std::span<const core::Session> sessions);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_CLI_OUTPUT_H_
