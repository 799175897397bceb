// AppSettings: the client's preferences, kept encrypted in the journal's
// settings table (record "preferences", JSON; docs/client-app.md), never in
// a plaintext file: even "which crisis lines" says something about a person.
#ifndef FIELDNOTES_CLIENT_UI_APP_SETTINGS_H_
#define FIELDNOTES_CLIENT_UI_APP_SETTINGS_H_

#include <string>
#include <string_view>

#include "core/journal.h"
#include "core/status.h"

namespace fieldnotes::client {

enum class PaperSize { kA4, kLetter };
std::string_view PaperSizeName(PaperSize p);  // "a4", "letter"

struct AppSettings {
  static constexpr int kDefaultAutoLockMinutes = 10;
  static constexpr int kMinAutoLockMinutes = 1;
  static constexpr int kMaxAutoLockMinutes = 240;

  // Lock after this many minutes without a key press or a click.
  int auto_lock_minutes = kDefaultAutoLockMinutes;
  // ISO 3166 code for the crisis lines ("GB"); empty: from the computer's
  // language settings (LANG), else the list for anywhere.
  std::string crisis_region;
  PaperSize paper = PaperSize::kA4;
  // Shown on reports; empty by default (no name).
  std::string display_name;

  bool operator==(const AppSettings&) const = default;
};

// The id of the settings record in core::Table::kSettings.
inline constexpr std::string_view kSettingsRecord = "preferences";

// {"format":1,"auto_lock_minutes":10,"crisis_region":"","paper":"a4","display_name":""}
std::string SettingsToJson(const AppSettings& s);
// Unknown keys are ignored (a newer app may add some); out-of-range values
// fall back to the default. InvalidArgument when it is not a JSON object.
core::Result<AppSettings> SettingsFromJson(std::string_view json);

// Defaults for this computer: paper from the locale (Letter in the US and
// Canada), everything else as declared above.
AppSettings DefaultSettings();

// The stored settings, or DefaultSettings() when none are stored yet.
core::Result<AppSettings> LoadSettings(const core::Journal& journal);
core::Status SaveSettings(core::Journal& journal, const AppSettings& settings);

// The region whose crisis lines to show: the setting, else the territory of
// the locale (LC_ALL, LC_MESSAGES, LANG: "en_GB.UTF-8" -> "GB"), else "".
std::string EffectiveCrisisRegion(const AppSettings& settings);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_APP_SETTINGS_H_
