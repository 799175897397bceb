#include "ui/app_settings.h"

#include <cstdlib>

#include "core/json.h"

namespace fieldnotes::client {
namespace {

namespace json = core::json;

constexpr int kFormat = 1;

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

}  // namespace

std::string_view PaperSizeName(PaperSize p) { return p == PaperSize::kLetter ? "letter" : "a4"; }

std::string SettingsToJson(const AppSettings& s) {
  json::Object o;
  o.Set("format", kFormat);
  o.Set("auto_lock_minutes", s.auto_lock_minutes);
  o.Set("crisis_region", s.crisis_region);
  o.Set("paper", std::string(PaperSizeName(s.paper)));
  o.Set("display_name", s.display_name);
  return json::Write(json::Value(std::move(o)));
}

core::Result<AppSettings> SettingsFromJson(std::string_view text) {
  auto parsed = json::Parse(text);
  if (!parsed.ok()) return parsed.status();
  if (!parsed->is_object()) return core::Status::InvalidArgument("settings are not an object");
  const json::Object& o = parsed->as_object();
  AppSettings s = DefaultSettings();
  if (const json::Value* v = o.Find("auto_lock_minutes"); v != nullptr && v->is_int()) {
    int64_t minutes = v->as_int();
    if (minutes >= AppSettings::kMinAutoLockMinutes && minutes <= AppSettings::kMaxAutoLockMinutes)
      s.auto_lock_minutes = static_cast<int>(minutes);
  }
  if (const json::Value* v = o.Find("crisis_region"); v != nullptr && v->is_string())
    s.crisis_region = v->as_string();
  if (const json::Value* v = o.Find("paper"); v != nullptr && v->is_string()) {
    if (v->as_string() == "letter") s.paper = PaperSize::kLetter;
    if (v->as_string() == "a4") s.paper = PaperSize::kA4;
  }
  if (const json::Value* v = o.Find("display_name"); v != nullptr && v->is_string())
    s.display_name = v->as_string();
  return s;
}

AppSettings DefaultSettings() {
  AppSettings s;
  const std::string territory = LocaleTerritory();
  if (territory == "US" || territory == "CA") s.paper = PaperSize::kLetter;
  return s;
}

core::Result<AppSettings> LoadSettings(const core::Journal& journal) {
  auto record = journal.GetRecord(core::Table::kSettings, kSettingsRecord);
  if (!record.ok()) {
    if (record.status().IsNotFound()) return DefaultSettings();
    return record.status();
  }
  return SettingsFromJson(record->str());
}

core::Status SaveSettings(core::Journal& journal, const AppSettings& settings) {
  return journal.PutRecord(core::Table::kSettings, kSettingsRecord, SettingsToJson(settings));
}

std::string EffectiveCrisisRegion(const AppSettings& settings) {
  if (!settings.crisis_region.empty()) return settings.crisis_region;
  return LocaleTerritory();
}

}  // namespace fieldnotes::client
