// AppSettings: the client's preferences, kept encrypted in the journal's
// settings table, never in a plaintext file: even "which crisis lines" says
// something about a person.
//
// Stored exactly as fieldnotes-cli stores its settings (client/cli/
// settings.h): one record per key, {"format":1,"value":"..."}, with the same
// keys for what both share ("display-name", "region", "paper"), so a name or
// a paper size set in one is what the other uses, and the CLI can read every
// record the app writes. The app's own: "auto-lock" (minutes).
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
  // ISO 3166 code for the crisis lines ("GB"), or "default" for the list
  // for anywhere; empty: from the computer's language settings (LANG).
  std::string crisis_region;
  PaperSize paper = PaperSize::kA4;
  // Shown on reports; empty by default (no name).
  std::string display_name;

  bool operator==(const AppSettings&) const = default;
};

// Record ids in core::Table::kSettings (the CLI's keys, plus the app's).
inline constexpr std::string_view kDisplayNameKey = "display-name";
inline constexpr std::string_view kRegionKey = "region";
inline constexpr std::string_view kPaperKey = "paper";
inline constexpr std::string_view kAutoLockKey = "auto-lock";

// A display name is kept to this many bytes, without control characters
// (the CLI's limit).
inline constexpr size_t kMaxDisplayNameBytes = 80;

// {"format":1,"value":"<value>"}: the one shape of a settings record.
std::string SettingRecord(std::string_view value);
// The value of a settings record; Corruption when it is not of that shape.
core::Result<std::string> SettingValue(std::string_view record);

// `name` made fit to store: control characters become spaces, trimmed,
// cut to kMaxDisplayNameBytes at a character boundary.
std::string CleanDisplayName(std::string_view name);

// Defaults, as declared above: A4 paper whatever the locale, as
// fieldnotes-cli (which always uses A4 unless the `paper` setting says
// letter), so the app and the CLI make the same PDF of one journal.
AppSettings DefaultSettings();

// The stored settings; a key that is not stored (or holds a value this
// version does not know) gets its default. An error only when the journal
// cannot be read.
core::Result<AppSettings> LoadSettings(const core::Journal& journal);
// Writes every key; an empty name or an automatic region removes the key,
// as "fieldnotes-cli settings unset" does.
core::Status SaveSettings(core::Journal& journal, const AppSettings& settings);

// The region whose crisis lines to show, as fieldnotes-cli chooses it:
// FIELDNOTES_REGION when set (for scripts), else the setting ("default"
// gives "", the list for anywhere), else the territory of the locale
// (LC_ALL, LC_MESSAGES, LANG: "en_GB.UTF-8" -> "GB"), else "".
std::string EffectiveCrisisRegion(const AppSettings& settings);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_APP_SETTINGS_H_
