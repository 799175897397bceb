#include "cli/settings.h"

#include <algorithm>
#include <cstdlib>

#include "cli/commands.h"
#include "core/json.h"
#include "reports/crisis_resources.h"
#include "reports/pdf_document.h"

namespace fieldnotes::client {
namespace {

constexpr size_t kMaxDisplayNameBytes = 80;

bool KnownKey(std::string_view key) {
  return std::find(std::begin(kSettingKeys), std::end(kSettingKeys), key) != std::end(kSettingKeys);
}

CliStatus UnknownKey(std::string_view key) {
  std::string keys;
  for (std::string_view k : kSettingKeys) keys += (keys.empty() ? "" : ", ") + std::string(k);
  return CliStatus::Usage("there is no setting called '" + std::string(key).substr(0, 40) +
                          "'; the settings are " + keys + ".");
}

// Upper-cased ASCII.
std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return out;
}

CliResult<std::string> Checked(std::string_view key, std::string_view value) {
  if (key == kDisplayNameSetting) {
    if (!core::json::IsValidUtf8(value)) return CliStatus::Usage("the name is not valid UTF-8.");
    for (char c : value) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
        return CliStatus::Usage("the name cannot hold control characters or line breaks.");
    }
    if (value.empty()) return CliStatus::Usage("the name is empty; use settings unset instead.");
    if (value.size() > kMaxDisplayNameBytes) return CliStatus::Usage("that name is too long.");
    return std::string(value);
  }
  if (key == kRegionSetting) {
    const auto& resources = reports::CrisisResources::Default();
    const std::string code = Upper(value);
    if (code == "DEFAULT") return std::string("default");
    const auto& region = resources.ForRegion(code);
    if (region.code == "default") {
      std::string codes;
      for (const auto& r : resources.regions()) codes += (codes.empty() ? "" : " ") + r.code;
      return CliStatus::Usage("there are no crisis lines for '" + std::string(value).substr(0, 20) +
                              "' yet; the regions are " + codes + ".");
    }
    return region.code;
  }
  if (key == kPaperSetting) {
    auto paper = reports::ParsePaper(value);
    if (!paper) return CliStatus::Usage("the paper is a4 or letter.");
    return std::string(reports::PaperName(*paper));
  }
  return UnknownKey(key);
}

}  // namespace

core::Result<std::map<std::string, std::string>> LoadSettings(const core::Journal& journal) {
  auto ids = journal.ListRecordIds(core::Table::kSettings);
  if (!ids.ok()) return ids.status();
  std::map<std::string, std::string> out;
  for (const std::string& id : *ids) {
    // The settings table also keeps records that are not settings (the
    // signing key, the app's draft): only the settings named here are read.
    if (!KnownKey(id)) continue;
    auto record = journal.GetRecord(core::Table::kSettings, id);
    if (!record.ok()) return record.status();
    auto parsed = core::json::Parse(record->str());
    const core::json::Value* value =
        parsed.ok() && parsed->is_object() ? parsed->as_object().Find("value") : nullptr;
    if (value == nullptr || !value->is_string())
      return core::Status::Corruption("setting " + id + " does not parse");
    out[id] = value->as_string();
  }
  return out;
}

std::string SettingOr(const core::Journal& journal, std::string_view key) {
  auto settings = LoadSettings(journal);
  if (!settings.ok()) return "";
  auto it = settings->find(std::string(key));
  return it == settings->end() ? "" : it->second;
}

CliStatus SaveSetting(core::Journal& journal, std::string_view key, std::string_view value) {
  if (!KnownKey(key)) return UnknownKey(key);
  auto checked = Checked(key, value);
  if (!checked.ok()) return checked.status();
  core::json::Object o;
  o.Set("format", 1);
  o.Set("value", *checked);
  return journal.PutRecord(core::Table::kSettings, key, core::json::Write(o));
}

CliStatus RemoveSetting(core::Journal& journal, std::string_view key) {
  if (!KnownKey(key)) return UnknownKey(key);
  core::Status s = journal.DeleteRecord(core::Table::kSettings, key);
  if (s.IsNotFound()) return CliStatus::Ok();
  return s;
}

std::string CrisisRegionFor(const core::Journal* journal) {
  if (const char* region = std::getenv(kRegionEnv); region != nullptr && *region != '\0')
    return region;
  if (journal != nullptr) {
    std::string stored = SettingOr(*journal, kRegionSetting);
    if (!stored.empty()) return stored == "default" ? "" : stored;
  }
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(var);
    if (value == nullptr || *value == '\0') continue;
    std::string locale(value);
    size_t underscore = locale.find('_');
    if (underscore == std::string::npos) return "";
    return locale.substr(underscore + 1, 2);
  }
  return "";
}

}  // namespace fieldnotes::client
