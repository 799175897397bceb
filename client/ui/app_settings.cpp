#include "ui/app_settings.h"

#include <cstdlib>
#include <optional>

#include "core/json.h"

namespace fieldnotes::client {
namespace {

namespace json = core::json;

constexpr int kFormat = 1;
// The same variable fieldnotes-cli reads (client/cli/commands.h).
constexpr char kRegionEnv[] = "FIELDNOTES_REGION";

// The territory of the locale: "en_GB.UTF-8" -> "GB"; "" when none.
std::string LocaleTerritory() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(var);
    if (value == nullptr || *value == '\0') continue;
    std::string_view locale(value);
    size_t underscore = locale.find('_');
    if (underscore == std::string_view::npos || locale.size() < underscore + 3) return "";
    return std::string(locale.substr(underscore + 1, 2));
  }
  return "";
}

// The stored value of `key`; nullopt when not stored or not readable as a
// setting (then the default holds); an error when the journal fails.
core::Result<std::optional<std::string>> Stored(const core::Journal& journal,
                                                std::string_view key) {
  auto record = journal.GetRecord(core::Table::kSettings, key);
  if (!record.ok()) {
    if (record.status().IsNotFound()) return std::optional<std::string>();
    return record.status();
  }
  auto value = SettingValue(record->str());
  if (!value.ok()) return std::optional<std::string>();
  return std::optional<std::string>(std::move(value).value());
}

core::Status Put(core::Journal& journal, std::string_view key, std::string_view value) {
  if (value.empty()) {
    core::Status s = journal.DeleteRecord(core::Table::kSettings, key);
    return s.IsNotFound() ? core::Status::Ok() : s;
  }
  return journal.PutRecord(core::Table::kSettings, key, SettingRecord(value));
}

}  // namespace

std::string_view PaperSizeName(PaperSize p) { return p == PaperSize::kLetter ? "letter" : "a4"; }

std::string SettingRecord(std::string_view value) {
  json::Object o;
  o.Set("format", kFormat);
  o.Set("value", std::string(value));
  return json::Write(json::Value(std::move(o)));
}

core::Result<std::string> SettingValue(std::string_view record) {
  auto parsed = json::Parse(record);
  const json::Value* value =
      parsed.ok() && parsed->is_object() ? parsed->as_object().Find("value") : nullptr;
  if (value == nullptr || !value->is_string())
    return core::Status::Corruption("a setting does not parse");
  return value->as_string();
}

std::string CleanDisplayName(std::string_view name) {
  std::string out(name);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  const size_t first = out.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  out = out.substr(first, out.find_last_not_of(' ') - first + 1);
  if (out.size() > kMaxDisplayNameBytes) {
    size_t cut = kMaxDisplayNameBytes;
    // Back to the start of a character (never inside a UTF-8 sequence).
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

AppSettings DefaultSettings() { return AppSettings{}; }

core::Result<AppSettings> LoadSettings(const core::Journal& journal) {
  AppSettings s = DefaultSettings();
  auto minutes = Stored(journal, kAutoLockKey);
  if (!minutes.ok()) return minutes.status();
  if (*minutes) {
    const int m = std::atoi((*minutes)->c_str());
    if (m >= AppSettings::kMinAutoLockMinutes && m <= AppSettings::kMaxAutoLockMinutes)
      s.auto_lock_minutes = m;
  }
  auto region = Stored(journal, kRegionKey);
  if (!region.ok()) return region.status();
  if (*region) s.crisis_region = **region;
  auto paper = Stored(journal, kPaperKey);
  if (!paper.ok()) return paper.status();
  if (*paper == "letter") s.paper = PaperSize::kLetter;
  if (*paper == "a4") s.paper = PaperSize::kA4;
  auto name = Stored(journal, kDisplayNameKey);
  if (!name.ok()) return name.status();
  if (*name) s.display_name = CleanDisplayName(**name);
  return s;
}

core::Status SaveSettings(core::Journal& journal, const AppSettings& settings) {
  FN_RETURN_IF_ERROR(Put(journal, kAutoLockKey, std::to_string(settings.auto_lock_minutes)));
  FN_RETURN_IF_ERROR(Put(journal, kRegionKey, settings.crisis_region));
  FN_RETURN_IF_ERROR(Put(journal, kPaperKey, PaperSizeName(settings.paper)));
  return Put(journal, kDisplayNameKey, CleanDisplayName(settings.display_name));
}

std::string EffectiveCrisisRegion(const AppSettings& settings) {
  if (const char* region = std::getenv(kRegionEnv); region != nullptr && *region != '\0')
    return region;
  if (!settings.crisis_region.empty())
    return settings.crisis_region == "default" ? "" : settings.crisis_region;
  return LocaleTerritory();
}

}  // namespace fieldnotes::client
