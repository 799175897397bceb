#include "engine/settings.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "core/i18n.h"
#include "core/json.h"
#include "core/json_binding.h"
#include "engine/reminder.h"
#include "reports/crisis_resources.h"
#include "reports/pdf_document.h"

namespace fieldnotes::client {
namespace {

namespace json = core::json;

constexpr int kFormat = 1;

// Upper-cased ASCII.
std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return out;
}

std::optional<int> Minutes(std::string_view value) {
  int m = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), m);
  if (error != std::errc() || end != value.data() + value.size()) return std::nullopt;
  if (m < AppSettings::kMinAutoLockMinutes || m > AppSettings::kMaxAutoLockMinutes)
    return std::nullopt;
  return m;
}

core::Result<std::string> CheckDisplayName(std::string_view value) {
  if (!json::IsValidUtf8(value)) return core::Status::InvalidArgument(core::Tr("the name is not valid UTF-8."));
  for (char c : value) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      return core::Status::InvalidArgument(
          core::Tr("the name cannot hold control characters or line breaks."));
  }
  if (value.empty())
    return core::Status::InvalidArgument(core::Tr("the name is empty; use settings unset instead."));
  if (value.size() > kMaxDisplayNameBytes)
    return core::Status::InvalidArgument(core::Tr("that name is too long."));
  return std::string(value);
}

core::Result<std::string> CheckRegion(std::string_view value) {
  const auto& resources = reports::CrisisResources::Default();
  const std::string code = Upper(value);
  if (code == "DEFAULT") return std::string("default");
  const auto& region = resources.ForRegion(code);
  if (region.code == "default") {
    std::string codes;
    for (const auto& r : resources.regions()) codes += (codes.empty() ? "" : " ") + r.code;
    return core::Status::InvalidArgument(core::Format(
        // TRANSLATORS: %1 is the region the person typed, %2 the region codes there are.
        core::Tr("there are no crisis lines for '%1' yet; the regions are %2."),
        std::string(value).substr(0, 20), codes));
  }
  return region.code;
}

core::Result<std::string> CheckPaper(std::string_view value) {
  auto paper = reports::ParsePaper(value);
  if (!paper) return core::Status::InvalidArgument(core::Tr("the paper is a4 or letter."));
  return std::string(reports::PaperName(*paper));
}

core::Result<std::string> CheckAutoLock(std::string_view value) {
  auto m = Minutes(value);
  if (!m) return core::Status::InvalidArgument(core::Tr("auto-lock is a number of minutes from 1 to 240."));
  return std::to_string(*m);
}

// A language a report can be written in: English, or one with a catalog
// (po/LINGUAS, compiled into core::LocaleDir()). "de", or with a region,
// "de_AT" (dates then follow that country).
core::Result<std::string> CheckReportLanguage(std::string_view value) {
  std::string code(value);
  for (char& c : code) c = c == '-' ? '_' : c;
  const size_t underscore = code.find('_');
  std::string language = code.substr(0, underscore);
  for (char& c : language) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  std::string region = underscore == std::string::npos ? "" : Upper(code.substr(underscore + 1));
  const bool letters = std::all_of(language.begin(), language.end(),
                                   [](char c) { return c >= 'a' && c <= 'z'; }) &&
                       std::all_of(region.begin(), region.end(),
                                   [](char c) { return c >= 'A' && c <= 'Z'; });
  std::error_code ec;
  const bool known =
      letters && (language.size() == 2 || language.size() == 3) &&
      (region.empty() || region.size() == 2) &&
      (language == "en" ||
       std::filesystem::exists(core::LocaleDir() + "/" + language + "/LC_MESSAGES/" +
                                   core::kTextDomain + ".mo",
                               ec));
  if (!known) {
    // TRANSLATORS: %1 is what the person typed (cut short).
    return core::Status::InvalidArgument(core::Format(
        core::Tr("there is no report language '%1'; it is a language Fieldnotes speaks, such as "
                 "en, de, fr or es."),
        std::string(value).substr(0, 20)));
  }
  return region.empty() ? language : language + "_" + region;
}

core::Result<std::string> CheckReminder(std::string_view value) {
  if (value == "off" || value == "OFF" || value == "Off") return std::string("off");
  auto minutes = ParseReminderTime(value);
  if (!minutes)
    return core::Status::InvalidArgument(
        // TRANSLATORS: after "fieldnotes-cli settings set reminder ..." with a
        // value that is neither a time nor "off" (which stays in English).
        core::Tr("the reminder is a time of day such as 20:30, or off."));
  return ReminderTimeText(minutes);
}

constexpr std::array kSettingSpecs = {
    SettingSpec{kDisplayNameKey, "", CheckDisplayName},
    SettingSpec{kRegionKey, "", CheckRegion},
    SettingSpec{kPaperKey, "a4", CheckPaper},
    SettingSpec{kAutoLockKey, "10", CheckAutoLock},
    SettingSpec{kReportLanguageKey, "", CheckReportLanguage},
    SettingSpec{kReminderKey, "off", CheckReminder},
};

constexpr bool KeysAreUnique() {
  for (size_t i = 0; i < kSettingSpecs.size(); ++i)
    for (size_t j = i + 1; j < kSettingSpecs.size(); ++j)
      if (kSettingSpecs[i].key == kSettingSpecs[j].key) return false;
  return true;
}
constexpr bool HasKey(std::string_view key) {
  for (const SettingSpec& s : kSettingSpecs)
    if (s.key == key) return true;
  return false;
}
static_assert(KeysAreUnique(), "a setting is listed twice in kSettingSpecs");
static_assert(HasKey(kDisplayNameKey) && HasKey(kRegionKey) && HasKey(kPaperKey) &&
                  HasKey(kAutoLockKey) && HasKey(kReportLanguageKey) &&
                  HasKey(kReminderKey),
              "every setting key needs its row in kSettingSpecs");

// A stored value into its field; a value this version does not know keeps
// the default.
void Apply(AppSettings& s, std::string_view key, const std::string& value) {
  if (key == kDisplayNameKey) {
    s.display_name = CleanDisplayName(value);
  } else if (key == kRegionKey) {
    s.crisis_region = value;
  } else if (key == kPaperKey) {
    if (value == "letter") s.paper = PaperSize::kLetter;
    if (value == "a4") s.paper = PaperSize::kA4;
  } else if (key == kAutoLockKey) {
    if (auto m = Minutes(value)) s.auto_lock_minutes = *m;
  } else if (key == kReportLanguageKey) {
    if (auto checked = CheckReportLanguage(value); checked.ok()) s.report_language = *checked;
  } else if (key == kReminderKey) {
    // "off", or a time this version reads; anything else keeps it off.
    s.reminder_minutes = ParseReminderTime(value);
  }
}

// The field as stored text; "" removes the key.
std::string ValueOf(const AppSettings& s, std::string_view key) {
  if (key == kDisplayNameKey) return CleanDisplayName(s.display_name);
  if (key == kRegionKey) return s.crisis_region;
  if (key == kPaperKey) return std::string(PaperSizeName(s.paper));
  if (key == kAutoLockKey) return std::to_string(s.auto_lock_minutes);
  if (key == kReportLanguageKey) return s.report_language;
  // Off is the default: no record at all.
  if (key == kReminderKey) return s.reminder_minutes ? ReminderTimeText(s.reminder_minutes) : "";
  return "";
}

core::Status UnknownKey(std::string_view key) {
  std::string keys;
  for (const SettingSpec& s : kSettingSpecs) keys += (keys.empty() ? "" : ", ") + std::string(s.key);
  return core::Status::InvalidArgument(core::Format(
      // TRANSLATORS: %1 is the name the person typed, %2 the names of the settings.
      core::Tr("there is no setting called '%1'; the settings are %2."),
      std::string(key).substr(0, 40), keys));
}

// The stored value of `key`: nullopt when not stored; Corruption when the
// record does not parse; an error when the journal fails. "does not parse"
// stays English on purpose: a damaged record is a developer's detail.
core::Result<std::optional<std::string>> Stored(const core::Journal& journal,
                                                std::string_view key) {
  auto record = journal.GetRecord(core::Table::kSettings, key);
  if (!record.ok()) {
    if (record.status().IsNotFound()) return std::optional<std::string>();
    return record.status();
  }
  auto value = SettingValue(record->str());
  if (!value.ok()) return core::Status::Corruption("setting " + std::string(key) + " does not parse");
  return std::optional<std::string>(std::move(value).value());
}

core::Status Put(core::Journal& journal, std::string_view key, std::string_view value) {
  if (value.empty()) {
    core::Status s = journal.DeleteRecord(core::Table::kSettings, key);
    return s.IsNotFound() ? core::Status::Ok() : s;
  }
  return journal.PutRecord(core::Table::kSettings, key, SettingRecord(value));
}

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

std::span<const SettingSpec> SettingSpecs() { return kSettingSpecs; }

const SettingSpec* FindSetting(std::string_view key) {
  for (const SettingSpec& s : kSettingSpecs)
    if (s.key == key) return &s;
  return nullptr;
}

std::string SettingRecord(std::string_view value) {
  json::Object o;
  o.Set("format", kFormat);
  o.Set("value", std::string(value));
  return json::Write(json::Value(std::move(o)));
}

core::Result<std::string> SettingValue(std::string_view record) {
  auto parsed = json::Parse(record);
  if (!parsed.ok()) return core::Status::Corruption("a setting does not parse");
  std::string value;
  json::Reader r(*parsed, "a setting");
  r.Required("value", value);
  if (!r.ok()) return r.status();
  return value;
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

AppSettings DefaultSettings() {
  AppSettings s;
  for (const SettingSpec& spec : kSettingSpecs)
    if (!spec.default_value.empty()) Apply(s, spec.key, std::string(spec.default_value));
  return s;
}

core::Result<std::map<std::string, std::string>> StoredSettings(const core::Journal& journal) {
  std::map<std::string, std::string> out;
  for (const SettingSpec& spec : kSettingSpecs) {
    auto value = Stored(journal, spec.key);
    if (!value.ok()) return value.status();
    if (*value) out.emplace(spec.key, std::move(**value));
  }
  return out;
}

core::Result<AppSettings> LoadSettings(const core::Journal& journal) {
  AppSettings s = DefaultSettings();
  for (const SettingSpec& spec : kSettingSpecs) {
    auto value = Stored(journal, spec.key);
    if (!value.ok()) {
      if (value.status().code() == core::Status::Code::kCorruption) continue;  // the default
      return value.status();
    }
    if (*value) Apply(s, spec.key, **value);
  }
  return s;
}

core::Status SaveSettings(core::Journal& journal, const AppSettings& settings) {
  for (const SettingSpec& spec : kSettingSpecs)
    FN_RETURN_IF_ERROR(Put(journal, spec.key, ValueOf(settings, spec.key)));
  return core::Status::Ok();
}

core::Status SaveSetting(core::Journal& journal, std::string_view key, std::string_view value) {
  const SettingSpec* spec = FindSetting(key);
  if (spec == nullptr) return UnknownKey(key);
  auto checked = spec->check(value);
  if (!checked.ok()) return checked.status();
  return journal.PutRecord(core::Table::kSettings, key, SettingRecord(*checked));
}

core::Status RemoveSetting(core::Journal& journal, std::string_view key) {
  if (FindSetting(key) == nullptr) return UnknownKey(key);
  core::Status s = journal.DeleteRecord(core::Table::kSettings, key);
  return s.IsNotFound() ? core::Status::Ok() : s;
}

std::string EffectiveCrisisRegion(const AppSettings& settings) {
  if (const char* region = std::getenv(kRegionEnv); region != nullptr && *region != '\0')
    return region;
  if (!settings.crisis_region.empty())
    return settings.crisis_region == "default" ? "" : settings.crisis_region;
  return LocaleTerritory();
}

std::string CrisisRegionFor(const core::Journal* journal) {
  AppSettings settings = DefaultSettings();
  if (journal != nullptr) {
    if (auto loaded = LoadSettings(*journal); loaded.ok()) settings = std::move(loaded).value();
  }
  return EffectiveCrisisRegion(settings);
}

}  // namespace fieldnotes::client
