#include "reports/observation.h"

#include <cmath>

#include "reports/phrase_format.h"

namespace fieldnotes::reports {
namespace json = core::json;
namespace {

json::Value Rounded(double x, double scale) { return json::Value(std::round(x * scale) / scale); }

json::Value OptionalAverage(const std::optional<double>& v) {
  return v ? Rounded(*v, 100) : json::Value();
}

json::Value SeriesToJson(const std::vector<MoodPoint>& series) {
  json::Array out;
  out.reserve(series.size());
  for (const MoodPoint& p : series) {
    json::Object point;
    point.Set("date", core::FormatDate(p.date));
    point.Set("average", OptionalAverage(p.average));
    point.Set("entries", p.entries);
    out.emplace_back(std::move(point));
  }
  return out;
}

void AddDetail(json::Object& o, const RecurringDetail& d) {
  o.Set("label", d.label);
  o.Set("whole", d.whole);
  if (d.since) o.Set("since", core::FormatDate(*d.since));
  o.Set("total", d.total);
  o.Set("verbatim", d.verbatim);
}

void AddDetail(json::Object& o, const TimeDetail& d) {
  o.Set("weekday", WeekdayName(d.weekday));
  o.Set("part_of_day", PartOfDayName(d.part));
  o.Set("weeks", d.weeks);
  if (!d.emotion.empty()) o.Set("emotion", d.emotion);
}

void AddDetail(json::Object& o, const TriggerDetail& d) {
  o.Set("trigger", d.trigger);
  o.Set("emotion", d.emotion);
  o.Set("occurrences", d.occurrences);
  o.Set("in_period", d.in_period);
  o.Set("base_rate", Rounded(d.base_rate, 1000));
}

void AddDetail(json::Object& o, const MoodDetail& d) {
  if (!d.emotion.empty()) o.Set("emotion", d.emotion);
  o.Set("average", OptionalAverage(d.average));
  o.Set("previous_average", OptionalAverage(d.previous_average));
  o.Set("previous_count", d.previous_count);
  o.Set("series", SeriesToJson(d.series));
  o.Set("previous_series", SeriesToJson(d.previous));
  if (d.emotion.empty()) {
    o.Set("average_after", OptionalAverage(d.average_after));
    o.Set("previous_average_after", OptionalAverage(d.previous_average_after));
    o.Set("after_series", SeriesToJson(d.after));
    o.Set("previous_after_series", SeriesToJson(d.previous_after));
  }
}

void AddDetail(json::Object& o, const ThreadDetail& d) {
  o.Set("thread", d.thread);
  if (!d.latest_entry_id.empty()) {
    o.Set("latest_entry_id", d.latest_entry_id);
    if (d.latest_date) o.Set("latest_date", core::FormatDate(*d.latest_date));
    o.Set("latest", d.latest);
  }
  o.Set("total", d.total);
  if (d.first_date) o.Set("first_date", core::FormatDate(*d.first_date));
}

void AddDetail(json::Object& o, const WritingEffectDetail& d) {
  o.Set("considered", d.considered);
  o.Set("client_only", true);
}

}  // namespace

std::string_view PartOfDayName(PartOfDay part) {
  switch (part) {
    case PartOfDay::kMorning:
      return "morning";
    case PartOfDay::kAfternoon:
      return "afternoon";
    case PartOfDay::kEvening:
      return "evening";
    case PartOfDay::kNight:
      return "night";
  }
  return "morning";
}

TimeSlot SlotOf(const core::Timestamp& t) {
  const int hour = t.LocalHour();
  int64_t day = core::DaysFromCivil(t.LocalDate());
  TimeSlot slot;
  if (hour >= 5 && hour < 12) {
    slot.part = PartOfDay::kMorning;
  } else if (hour >= 12 && hour < 17) {
    slot.part = PartOfDay::kAfternoon;
  } else if (hour >= 17 && hour < 21) {
    slot.part = PartOfDay::kEvening;
  } else {
    slot.part = PartOfDay::kNight;
    if (hour < 5) --day;  // the small hours belong to the night before
  }
  slot.date = core::CivilFromDays(day);
  // 1970-01-01 was a Thursday (ISO index 3).
  slot.weekday = static_cast<int>(((day % 7) + 7 + 3) % 7);
  return slot;
}

json::Value ObservationToJson(const Observation& o) {
  json::Object out;
  out.Set("id", o.id);
  out.Set("type", TypeName(o.type()));
  out.Set("summary", o.summary);
  out.Set("count", o.count);
  out.Set("entry_ids", EntryIdsToJson(o.evidence));
  out.Set("dates", DatesToJson(o.evidence));
  std::visit([&](const auto& d) { AddDetail(out, d); }, o.detail);
  return out;
}

}  // namespace fieldnotes::reports
