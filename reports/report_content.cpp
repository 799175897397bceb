#include "reports/report_content.h"

#include <cmath>

#include "core/i18n.h"
#include "core/json_binding.h"
#include "reports/phrase_format.h"

namespace fieldnotes::reports {
namespace json = core::json;
namespace {

// ---- writing ----

json::Value DateOrNull(const std::optional<core::Date>& d) {
  return d ? json::Value(core::FormatDate(*d)) : json::Value();
}

json::Value Strings(const std::vector<std::string>& v) {
  json::Array out;
  for (const auto& s : v) out.emplace_back(s);
  return out;
}

json::Value Dates(const std::vector<core::Date>& v) {
  json::Array out;
  for (const auto& d : v) out.emplace_back(core::FormatDate(d));
  return out;
}

json::Value ItemToJson(const ReportItem& item) {
  json::Object o;
  o.Set("id", item.id);
  o.Set("text", item.text);
  if (!item.note.empty()) o.Set("note", item.note);
  if (!item.observation_id.empty()) o.Set("observation_id", item.observation_id);
  o.Set("client_written", item.client_written);
  if (!item.excerpts.empty()) o.Set("excerpts", Strings(item.excerpts));
  return o;
}

}  // namespace

std::string_view MeasureName(ChartMeasure m) {
  switch (m) {
    case ChartMeasure::kMoodBefore: return "mood_before";
    case ChartMeasure::kMoodAfter: return "mood_after";
    case ChartMeasure::kIntensity: break;
  }
  return "intensity";
}

namespace {

json::Value ChartToJson(const MoodChart& chart) {
  json::Object o;
  o.Set("days_per_point", chart.days_per_point);
  o.Set("points", Dates(chart.points));
  json::Array series;
  for (const ChartSeries& s : chart.series) {
    json::Object so;
    so.Set("label", s.label);
    if (!s.emotion.empty()) so.Set("emotion", s.emotion);
    so.Set("measure", MeasureName(s.measure));
    so.Set("previous", s.previous);
    json::Array values;
    for (const auto& v : s.values)
      values.push_back(v ? json::Value(std::round(*v * 100) / 100) : json::Value());
    so.Set("values", std::move(values));
    series.emplace_back(std::move(so));
  }
  o.Set("series", std::move(series));
  return o;
}

json::Value ObservationToJson(const ReportObservation& r) {
  json::Object o;
  o.Set("id", r.id);
  o.Set("type", r.type);
  o.Set("key", r.key);
  o.Set("summary", r.summary);
  o.Set("count", r.count);
  o.Set("entry_ids", EntryIdsToJson(r.evidence));
  o.Set("dates", DatesToJson(r.evidence));
  o.Set("placement", r.placement);
  return o;
}

// ---- reading ----

// The report's JSON through core/json_binding.h (json::Reader: one error
// shape, "<record>: <field> is missing / is not <kind>"), with the few
// kinds report content adds: dates, and fields that may be null.
class Reader {
 public:
  // `record` names the part in errors ("report content: a section"); a
  // string literal.
  Reader(const json::Value& v, std::string_view record) : r_(v, record, json::Reader::kInput) {}
  bool ok() const { return r_.ok(); }
  const core::Status& status() const { return r_.status(); }

  std::string String(std::string_view key, bool optional = false) {
    if (optional) {
      std::optional<std::string> s;
      r_.Optional(key, s);
      return s.value_or(std::string());
    }
    std::string s;
    r_.Required(key, s);
    return s;
  }
  int64_t Int(std::string_view key) {
    int64_t n = 0;
    r_.Required(key, n);
    return n;
  }
  bool Bool(std::string_view key, bool optional = false) {
    std::optional<bool> b;
    optional ? r_.Optional(key, b) : r_.Required(key, b);
    if (!optional) r_.Check(key, b.has_value(), "is missing");
    return b.value_or(false);
  }
  std::optional<double> Double(std::string_view key) {
    std::optional<double> d;
    r_.Optional(key, d);
    return d;
  }
  std::optional<core::Date> Date(std::string_view key, bool optional = false) {
    const std::string s = String(key, optional);
    if (s.empty()) {
      if (!optional) r_.Check(key, false, "is not a date");
      return std::nullopt;
    }
    auto d = core::ParseDate(s);
    r_.Check(key, d.ok(), "is not a date");
    return d.ok() ? std::optional<core::Date>(*d) : std::nullopt;
  }
  // The list at `key` (empty when absent and `optional`).
  json::Array Array(std::string_view key, bool optional = false) {
    std::optional<json::Array> a;
    optional ? r_.Optional(key, a) : r_.Required(key, a);
    if (!optional) r_.Check(key, a.has_value(), "is missing");
    return a.value_or(json::Array());
  }
  // The object at `key`, when there is one.
  std::optional<json::Value> Object(std::string_view key, bool optional = false) {
    std::optional<json::Object> o;
    optional ? r_.Optional(key, o) : r_.Required(key, o);
    if (!optional) r_.Check(key, o.has_value(), "is missing");
    if (!o) return std::nullopt;
    return json::Value(std::move(*o));
  }
  std::vector<std::string> StringList(std::string_view key, bool optional = false) {
    std::optional<std::vector<std::string>> list;
    optional ? r_.Optional(key, list) : r_.Required(key, list);
    if (!optional) r_.Check(key, list.has_value(), "is missing");
    return list.value_or(std::vector<std::string>());
  }
  std::vector<core::Date> DateList(std::string_view key) {
    std::vector<core::Date> out;
    for (const auto& s : StringList(key)) {
      auto d = core::ParseDate(s);
      r_.Check(key, d.ok(), "is not a list of dates");
      if (d.ok()) out.push_back(*d);
    }
    return out;
  }
  void Fail(std::string_view key, std::string_view what) { r_.Check(key, false, what); }

 private:
  json::Reader r_;
};

core::Status Bad(const Reader& r) { return r.status(); }

std::optional<SectionKind> SectionFromKey(std::string_view key) {
  for (SectionKind k : kSectionOrder) {
    if (SectionKey(k) == key) return k;
  }
  return std::nullopt;
}

}  // namespace

std::string_view SectionKey(SectionKind kind) {
  switch (kind) {
    case SectionKind::kMood:
      return "mood";
    case SectionKind::kSinceLastSession:
      return "since_last_session";
    case SectionKind::kAgenda:
      return "agenda";
    case SectionKind::kRepeated:
      return "repeated";
    case SectionKind::kQuestions:
      return "questions";
  }
  return "mood";
}

std::string_view SectionTitle(SectionKind kind) {
  switch (kind) {
    // TRANSLATORS: the headings of the report's sections, in the client's
    // voice ("I").
    case SectionKind::kMood:
      return core::Tr("Mood");
    case SectionKind::kSinceLastSession:
      return core::Tr("Since last session");
    case SectionKind::kAgenda:
      return core::Tr("What I want to bring");
    case SectionKind::kRepeated:
      return core::Tr("What repeated");
    case SectionKind::kQuestions:
      return core::Tr("Questions I couldn't answer alone");
  }
  return "";
}

const ReportSection* ReportContent::Section(SectionKind kind) const {
  for (const auto& s : sections) {
    if (s.kind == kind) return &s;
  }
  return nullptr;
}

ReportSection* ReportContent::Section(SectionKind kind) {
  for (auto& s : sections) {
    if (s.kind == kind) return &s;
  }
  return nullptr;
}

const ReportItem* ReportContent::FindItem(std::string_view id) const {
  for (const auto& s : sections) {
    for (const auto& item : s.items) {
      if (item.id == id) return &item;
    }
  }
  return nullptr;
}

json::Value ContentToJson(const ReportContent& c) {
  json::Object o;
  o.Set("format", c.format);
  json::Object period;
  period.Set("from", core::FormatDate(c.from));
  period.Set("to", core::FormatDate(c.to));
  o.Set("period", std::move(period));
  o.Set("last_session", DateOrNull(c.last_session));
  o.Set("next_session", DateOrNull(c.next_session));
  o.Set("title", c.title);
  o.Set("subtitle", c.subtitle);
  o.Set("display_name", c.display_name);
  o.Set("region", c.region);
  o.Set("entries", c.entries);
  auto rounded = [](const std::optional<double>& v) {
    return v ? json::Value(std::round(*v * 100) / 100) : json::Value();
  };
  o.Set("mood_before", rounded(c.mood_before));
  o.Set("mood_after", rounded(c.mood_after));
  o.Set("chart", ChartToJson(c.chart));
  json::Array sections;
  for (const ReportSection& s : c.sections) {
    json::Object so;
    so.Set("key", SectionKey(s.kind));
    so.Set("title", SectionTitle(s.kind));
    json::Array items;
    for (const auto& item : s.items) items.push_back(ItemToJson(item));
    so.Set("items", std::move(items));
    so.Set("empty_text", s.empty_text);
    so.Set("notes", Strings(s.notes));
    sections.emplace_back(std::move(so));
  }
  o.Set("sections", std::move(sections));
  o.Set("footer", Strings(c.footer));
  json::Array observations;
  for (const auto& r : c.observations) observations.push_back(ObservationToJson(r));
  o.Set("observations", std::move(observations));
  o.Set("suggestions", Strings(c.suggestions));
  if (c.previous) {
    json::Object p;
    p.Set("id", c.previous->id);
    p.Set("from", core::FormatDate(c.previous->from));
    p.Set("to", core::FormatDate(c.previous->to));
    o.Set("previous", std::move(p));
  } else {
    o.Set("previous", json::Value());
  }
  return o;
}

core::Result<ReportContent> ContentFromJson(const json::Value& value) {
  Reader r(value, "report content");
  if (!r.ok()) return Bad(r);
  ReportContent c;
  c.format = static_cast<int>(r.Int("format"));
  if (r.ok() && c.format != kReportContentFormat)
    return core::Status::Unsupported("report content: format is " + std::to_string(c.format) +
                                     ", a format this version does not read");
  if (const auto p = r.Object("period")) {
    Reader pr(*p, "report content: period");
    auto from = pr.Date("from");
    auto to = pr.Date("to");
    if (!pr.ok()) return Bad(pr);
    c.from = *from;
    c.to = *to;
  }
  c.last_session = r.Date("last_session", true);
  c.next_session = r.Date("next_session", true);
  c.title = r.String("title");
  c.subtitle = r.String("subtitle");
  c.display_name = r.String("display_name");
  c.region = r.String("region");
  c.entries = static_cast<int>(r.Int("entries"));
  // Reports kept before the mood section was about mood carry
  // "average_intensity" instead: read as no mood noted.
  c.mood_before = r.Double("mood_before");
  c.mood_after = r.Double("mood_after");
  if (const auto ch = r.Object("chart")) {
    Reader cr(*ch, "report content: chart");
    c.chart.days_per_point = static_cast<int>(cr.Int("days_per_point"));
    c.chart.points = cr.DateList("points");
    {
      for (const auto& sv : cr.Array("series")) {
        Reader sr(sv, "report content: a chart series");
        ChartSeries s;
        s.label = sr.String("label");
        s.emotion = sr.String("emotion", true);
        // Older reports drew intensities only.
        const std::string measure = sr.String("measure", true);
        if (measure == "mood_before") {
          s.measure = ChartMeasure::kMoodBefore;
        } else if (measure == "mood_after") {
          s.measure = ChartMeasure::kMoodAfter;
        } else if (!measure.empty() && measure != "intensity") {
          sr.Fail("measure", "is not mood_before, mood_after or intensity");
        }
        s.previous = sr.Bool("previous");
        {
          for (const auto& v : sr.Array("values")) {
            if (v.is_number()) {
              s.values.push_back(v.as_double());
            } else {
              s.values.push_back(std::nullopt);
            }
          }
        }
        if (!sr.ok()) return Bad(sr);
        if (s.values.size() != c.chart.points.size()) {
          sr.Fail("values", "is not as long as the chart's points");
          return Bad(sr);
        }
        c.chart.series.push_back(std::move(s));
      }
    }
    if (!cr.ok()) return Bad(cr);
  }
  {
    for (const auto& sv : r.Array("sections")) {
      Reader sr(sv, "report content: a section");
      ReportSection s;
      auto kind = SectionFromKey(sr.String("key"));
      if (!kind) sr.Fail("key", "is not a section");
      s.kind = kind.value_or(SectionKind::kMood);
      s.empty_text = sr.String("empty_text");
      s.notes = sr.StringList("notes");
      {
        for (const auto& iv : sr.Array("items")) {
          Reader ir(iv, "report content: a line");
          ReportItem item;
          item.id = ir.String("id");
          item.text = ir.String("text");
          item.note = ir.String("note", true);
          item.observation_id = ir.String("observation_id", true);
          item.client_written = ir.Bool("client_written");
          item.excerpts = ir.StringList("excerpts", true);
          if (!ir.ok()) return Bad(ir);
          s.items.push_back(std::move(item));
        }
      }
      if (!sr.ok()) return Bad(sr);
      c.sections.push_back(std::move(s));
    }
  }
  c.footer = r.StringList("footer");
  {
    for (const auto& ov : r.Array("observations")) {
      Reader orr(ov, "report content: an observation");
      ReportObservation o;
      o.id = orr.String("id");
      o.type = orr.String("type");
      o.key = orr.String("key");
      o.summary = orr.String("summary");
      o.count = static_cast<int>(orr.Int("count"));
      const std::vector<std::string> ids = orr.StringList("entry_ids");
      const std::vector<core::Date> dates = orr.DateList("dates");
      // docs/report.md: the date of each entry in entry_ids, in order.
      if (dates.size() != ids.size()) orr.Fail("dates", "is not one date per entry id");
      o.evidence.Reserve(ids.size());
      for (size_t i = 0; i < ids.size() && i < dates.size(); ++i) o.evidence.Add(ids[i], dates[i]);
      o.placement = orr.String("placement");
      if (!orr.ok()) return Bad(orr);
      c.observations.push_back(std::move(o));
    }
  }
  c.suggestions = r.StringList("suggestions");
  if (const auto p = r.Object("previous", /*optional=*/true)) {
    Reader pr(*p, "report content: previous");
    PreviousReportRef ref;
    ref.id = pr.String("id");
    auto from = pr.Date("from");
    auto to = pr.Date("to");
    if (!pr.ok()) return Bad(pr);
    ref.from = *from;
    ref.to = *to;
    c.previous = ref;
  }
  if (!r.ok()) return Bad(r);
  return c;
}

std::vector<GuardedText> GuardedTexts(const ReportContent& c) {
  std::vector<GuardedText> out;
  out.push_back({"subtitle", c.subtitle, {}, false});
  for (const ChartSeries& s : c.chart.series) out.push_back({"chart label", s.label, {}, false});
  for (const ReportSection& s : c.sections) {
    const std::string section(SectionKey(s.kind));
    out.push_back({"section " + section, s.empty_text, {}, false});
    for (const std::string& note : s.notes) out.push_back({"section " + section, note, {}, false});
    for (const ReportItem& item : s.items) {
      out.push_back({"item " + item.id, item.text, item.excerpts, item.client_written});
      if (!item.note.empty()) out.push_back({"note of " + item.id, item.note, {}, true});
    }
  }
  for (const ReportObservation& o : c.observations) {
    // An observation says what its item says (checked there); one whose
    // item is gone is checked on its own.
    const ReportItem* item = c.FindItem(o.id);
    if (item != nullptr && item->text == o.summary) continue;
    out.push_back({"observation " + o.id, o.summary, {}, false});
  }
  return out;
}

std::string ContentToText(const ReportContent& c) {
  std::string out = c.title + "\n" + c.subtitle + "\n";
  for (const ReportSection& s : c.sections) {
    out += "\n" + std::string(SectionTitle(s.kind)) + "\n";
    if (s.items.empty() && !s.empty_text.empty()) out += "  " + s.empty_text + "\n";
    for (const ReportItem& item : s.items) {
      out += "  [" + item.id + "] " + item.text + "\n";
      if (!item.note.empty()) out += "      " + item.note + "\n";
    }
    for (const std::string& note : s.notes) out += "  " + note + "\n";
  }
  return out;
}

}  // namespace fieldnotes::reports
