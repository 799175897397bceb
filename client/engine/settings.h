// The client's settings: one table of keys, checks and defaults, and one
// reader, for fieldnotes-cli and the desktop app alike.
//
// Settings are kept encrypted in the journal (core::Table::kSettings), never
// in a plaintext file: even "which crisis lines" says something about a
// person, and they travel with the journal. One record per key, in one
// shape: {"format": 1, "value": "..."}.
//
//   display-name  the name a report shows (title line, footer, PDF author);
//                 unset, a report carries no name at all
//   region        the crisis lines shown after a worrying entry and in a
//                 report's footer ("GB", "US", ... or "default"; see
//                 reports/data/crisis_resources.json); unset, the country
//                 of the locale
//   paper         the paper of a report PDF: a4 (the default, whatever the
//                 locale) or letter
//   auto-lock     the app locks after this many idle minutes (1-240; 10)
//   report-lang   the language the weekly report is written in ("de",
//                 "fr", "es", "en"); unset, the app's own language
//                 (core::UiLanguage): a client may write in one language
//                 for a therapist who reads another
//   reminder      a gentle note at this time of day ("20:30") when nothing
//                 was written that day and the app is running; "off" (the
//                 default) for none (engine/reminder.h)
//
// Adding a setting: a row in kSettingSpecs (settings.cpp checks every key
// has one at compile time), a field in AppSettings with its default, its
// two lines in Apply/ValueOf (settings.cpp), and its control in the app's
// settings dialog.
#ifndef FIELDNOTES_CLIENT_ENGINE_SETTINGS_H_
#define FIELDNOTES_CLIENT_ENGINE_SETTINGS_H_

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/journal.h"
#include "core/status.h"

namespace fieldnotes::client {

enum class PaperSize { kA4, kLetter };
std::string_view PaperSizeName(PaperSize p);  // "a4", "letter"

// Record ids in core::Table::kSettings.
inline constexpr std::string_view kDisplayNameKey = "display-name";
inline constexpr std::string_view kRegionKey = "region";
inline constexpr std::string_view kPaperKey = "paper";
inline constexpr std::string_view kAutoLockKey = "auto-lock";
inline constexpr std::string_view kReportLanguageKey = "report-lang";
inline constexpr std::string_view kReminderKey = "reminder";

// Picks the region of the crisis lines ("GB", "US") over every setting, for
// tests and scripts.
inline constexpr char kRegionEnv[] = "FIELDNOTES_REGION";

// A display name is kept to this many bytes, without control characters.
inline constexpr size_t kMaxDisplayNameBytes = 80;

// One setting: its key, what a person may give it, and its default as
// stored text ("" when unset means "not there": no name, the locale's region).
struct SettingSpec {
  std::string_view key;
  std::string_view default_value;
  // The value to store for what a person typed; InvalidArgument with words
  // for them when it cannot be one (a region with no crisis lines, a paper
  // size, a name too long).
  core::Result<std::string> (*check)(std::string_view value);
};

// Every setting, in the order `settings list` shows them.
std::span<const SettingSpec> SettingSpecs();
// nullptr when there is no setting of that name.
const SettingSpec* FindSetting(std::string_view key);

// The settings as the client uses them, each with its default.
struct AppSettings {
  static constexpr int kDefaultAutoLockMinutes = 10;
  static constexpr int kMinAutoLockMinutes = 1;
  static constexpr int kMaxAutoLockMinutes = 240;

  // Lock after this many minutes without a key press or a click.
  int auto_lock_minutes = kDefaultAutoLockMinutes;
  // ISO 3166 code for the crisis lines ("GB"), or "default" for the list
  // for anywhere; empty: from the computer's language settings (LANG).
  std::string crisis_region;
  PaperSize paper = PaperSize::kA4;
  // Shown on reports; empty by default (no name).
  std::string display_name;
  // The weekly report's language ("fr"); empty: the app's language.
  std::string report_language;
  // The daily reminder, in minutes after local midnight; none (off) by
  // default.
  std::optional<int> reminder_minutes;

  bool operator==(const AppSettings&) const = default;
};

// {"format":1,"value":"<value>"}: the one shape of a settings record.
std::string SettingRecord(std::string_view value);
// The value of a settings record; Corruption when it is not of that shape.
core::Result<std::string> SettingValue(std::string_view record);

// `name` made fit to store: control characters become spaces, trimmed,
// cut to kMaxDisplayNameBytes at a character boundary.
std::string CleanDisplayName(std::string_view name);

// The defaults, from kSettingSpecs: A4 paper whatever the locale.
AppSettings DefaultSettings();

// The one reader: the stored value of every known setting that is set, by
// key (records in the table that are not settings are never read).
// Corruption when a record does not parse.
core::Result<std::map<std::string, std::string>> StoredSettings(const core::Journal& journal);

// The settings with their defaults; a key that is not stored, does not
// parse, or holds a value this version does not know gets its default. An
// error only when the journal cannot be read.
core::Result<AppSettings> LoadSettings(const core::Journal& journal);
// Writes every key; an empty name or an automatic region removes the key,
// as "fieldnotes-cli settings unset" does.
core::Status SaveSettings(core::Journal& journal, const AppSettings& settings);

// Checks and stores one setting by key (`settings set`): InvalidArgument
// naming what is wrong (an unknown key, a value its check refuses).
core::Status SaveSetting(core::Journal& journal, std::string_view key, std::string_view value);
// Removes one setting (`settings unset`); ok when it was not set.
core::Status RemoveSetting(core::Journal& journal, std::string_view key);

// The region whose crisis lines to show: FIELDNOTES_REGION when set (for
// scripts), else the setting ("default" gives "", the list for anywhere),
// else the territory of the locale (LC_ALL, LC_MESSAGES, LANG: "en_GB.UTF-8"
// -> "GB"), else "".
std::string EffectiveCrisisRegion(const AppSettings& settings);
// The same from the journal's settings (defaults when it cannot be read,
// or when `journal` is null).
std::string CrisisRegionFor(const core::Journal* journal);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_SETTINGS_H_
