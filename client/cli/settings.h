// The client's settings, kept encrypted in the journal (core::Table::
// kSettings), one record per key: {"format": 1, "value": "..."}.
//
//   display-name  the name a report shows (title line, footer, PDF author);
//                 unset, a report carries no name at all
//   region        the crisis lines shown after a worrying entry and in a
//                 report's footer ("GB", "US", ...; see
//                 reports/data/crisis_resources.json)
//   paper         the default paper of a report PDF: a4 or letter
//
// Settings live in the journal rather than a config file so they are as
// private as the entries and travel with the journal.
#ifndef FIELDNOTES_CLIENT_CLI_SETTINGS_H_
#define FIELDNOTES_CLIENT_CLI_SETTINGS_H_

#include <map>
#include <span>
#include <string>
#include <string_view>

#include "cli/exit_codes.h"
#include "core/journal.h"

namespace fieldnotes::client {

inline constexpr std::string_view kDisplayNameSetting = "display-name";
inline constexpr std::string_view kRegionSetting = "region";
inline constexpr std::string_view kPaperSetting = "paper";
inline constexpr std::string_view kSettingKeys[] = {kDisplayNameSetting, kRegionSetting,
                                                    kPaperSetting};

// Every setting that is set, by key. Corruption when a record does not parse.
core::Result<std::map<std::string, std::string>> LoadSettings(const core::Journal& journal);
// The value, or empty when unset (or unreadable).
std::string SettingOr(const core::Journal& journal, std::string_view key);

// Checks and stores one setting; a usage error names what is wrong
// (unknown key, a region with no crisis lines, a paper size, a name too long).
CliStatus SaveSetting(core::Journal& journal, std::string_view key, std::string_view value);
// Removes a setting; ok when it was not set.
CliStatus RemoveSetting(core::Journal& journal, std::string_view key);

// The region of crisis lines: FIELDNOTES_REGION when set (for tests and
// scripts), else the region setting, else the country of the locale
// (LC_ALL, LC_MESSAGES, LANG: "en_GB.UTF-8" -> "GB"), else "" (the list for
// anywhere).
std::string CrisisRegionFor(const core::Journal* journal);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_CLI_SETTINGS_H_
