#include "engine/report_choices.h"

#include "core/json.h"
#include "core/json_binding.h"
#include "engine/settings.h"

namespace fieldnotes::client {
namespace {

namespace json = core::json;
constexpr int kFormat = 1;

using List = std::vector<std::string>;
using Pairs = std::vector<std::pair<std::string, std::string>>;

json::Value ListJson(const List& list) {
  json::Array a;
  for (const std::string& s : list) a.push_back(json::Value(s));
  return json::Value(std::move(a));
}

json::Value PairsJson(const Pairs& pairs) {
  json::Array a;
  for (const auto& [id, text] : pairs)
    a.push_back(json::Value(json::Array{json::Value(id), json::Value(text)}));
  return json::Value(std::move(a));
}

bool Empty(const reports::ReportOptions& c) {
  return c.picks.empty() && c.agenda.empty() && c.excludes.empty() && c.questions.empty() &&
         c.quotes.empty() && c.notes.empty() && c.rewords.empty() && c.removes.empty();
}

}  // namespace

std::string ChoicesToJson(const reports::ReportOptions& c) {
  json::Object o;
  o.Set("format", kFormat);
  o.Set("picks", ListJson(c.picks));
  o.Set("agenda", ListJson(c.agenda));
  o.Set("excludes", ListJson(c.excludes));
  o.Set("questions", ListJson(c.questions));
  o.Set("quotes", ListJson(c.quotes));
  o.Set("notes", PairsJson(c.notes));
  o.Set("rewords", PairsJson(c.rewords));
  o.Set("removes", ListJson(c.removes));
  return json::Write(json::Value(std::move(o)));
}

core::Result<reports::ReportOptions> ChoicesFromJson(std::string_view text) {
  auto parsed = json::Parse(text);
  if (!parsed.ok()) return parsed.status();
  reports::ReportOptions c;
  json::Reader r(*parsed, "report choices");
  r.Format("format", kFormat)
      .Optional("picks", c.picks)
      .Optional("agenda", c.agenda)
      .Optional("excludes", c.excludes)
      .Optional("questions", c.questions)
      .Optional("quotes", c.quotes)
      .Optional("removes", c.removes)
      .Optional("notes", c.notes)
      .Optional("rewords", c.rewords);
  if (!r.ok()) return r.status();
  return c;
}

core::Status SaveReportChoices(core::Journal& journal, const reports::ReportOptions& choices) {
  if (Empty(choices)) {
    core::Status s = journal.DeleteRecord(core::Table::kSettings, kReportChoicesRecord);
    return s.IsNotFound() ? core::Status::Ok() : s;
  }
  return journal.PutRecord(core::Table::kSettings, kReportChoicesRecord,
                           SettingRecord(ChoicesToJson(choices)));
}

core::Result<reports::ReportOptions> LoadReportChoices(const core::Journal& journal) {
  auto record = journal.GetRecord(core::Table::kSettings, kReportChoicesRecord);
  if (!record.ok()) {
    if (record.status().IsNotFound()) return reports::ReportOptions{};
    return record.status();
  }
  auto value = SettingValue(record->str());
  if (!value.ok()) return value.status();
  return ChoicesFromJson(*value);
}

}  // namespace fieldnotes::client
