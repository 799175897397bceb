#include "engine/report_choices.h"

#include "core/json.h"
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

core::Status ReadList(const json::Object& o, std::string_view key, List& out) {
  const json::Value* v = o.Find(key);
  if (v == nullptr) return core::Status::Ok();
  if (!v->is_array()) return core::Status::InvalidArgument(std::string(key) + " is not a list");
  for (const json::Value& item : v->as_array()) {
    if (!item.is_string())
      return core::Status::InvalidArgument(std::string(key) + " holds something not text");
    out.push_back(item.as_string());
  }
  return core::Status::Ok();
}

core::Status ReadPairs(const json::Object& o, std::string_view key, Pairs& out) {
  const json::Value* v = o.Find(key);
  if (v == nullptr) return core::Status::Ok();
  if (!v->is_array()) return core::Status::InvalidArgument(std::string(key) + " is not a list");
  for (const json::Value& item : v->as_array()) {
    if (!item.is_array() || item.as_array().size() != 2 || !item.as_array()[0].is_string() ||
        !item.as_array()[1].is_string())
      return core::Status::InvalidArgument(std::string(key) + " holds something not a pair");
    out.emplace_back(item.as_array()[0].as_string(), item.as_array()[1].as_string());
  }
  return core::Status::Ok();
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
  if (!parsed->is_object()) return core::Status::InvalidArgument("report choices: not an object");
  const json::Object& o = parsed->as_object();
  const json::Value* format = o.Find("format");
  if (format == nullptr || !format->is_int() || format->as_int() != kFormat)
    return core::Status::InvalidArgument("report choices: unknown format");
  reports::ReportOptions c;
  for (auto [key, list] : {std::pair<std::string_view, List*>{"picks", &c.picks},
                           {"agenda", &c.agenda},
                           {"excludes", &c.excludes},
                           {"questions", &c.questions},
                           {"quotes", &c.quotes},
                           {"removes", &c.removes}}) {
    FN_RETURN_IF_ERROR(ReadList(o, key, *list));
  }
  FN_RETURN_IF_ERROR(ReadPairs(o, "notes", c.notes));
  FN_RETURN_IF_ERROR(ReadPairs(o, "rewords", c.rewords));
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
