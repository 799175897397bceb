#include "core/display.h"

#include <array>
#include <cstdio>

namespace fieldnotes::core {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

}  // namespace

std::string_view WeekdayName(int weekday) {
  return kWeekdays[static_cast<size_t>((weekday % 7 + 7) % 7)];
}

std::string_view MonthName(int month) {
  return kMonths[static_cast<size_t>(((month - 1) % 12 + 12) % 12)];
}

std::string LongDate(const Timestamp& t) {
  Date d = t.LocalDate();
  return std::string(WeekdayName(t.LocalWeekday())) + " " + std::to_string(d.day) + " " +
         std::string(MonthName(d.month)) + " " + std::to_string(d.year);
}

std::string DayMonthYear(const Date& d) {
  return std::to_string(d.day) + " " + std::string(MonthName(d.month)) + " " +
         std::to_string(d.year);
}

std::string LocalClock(const Timestamp& t) {
  int64_t minutes_of_day = ((t.LocalSeconds() % 86400) + 86400) % 86400 / 60;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", static_cast<int>(minutes_of_day / 60),
                static_cast<int>(minutes_of_day % 60));
  return buf;
}

std::string_view KindTitle(EntryKind kind) { return InfoOf(kind).title; }

std::string JoinWithCommas(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

std::vector<LabelledField> DescribeEntry(const Entry& e, Voice voice) {
  const bool you = voice == Voice::kYou;
  std::vector<LabelledField> out;
  auto add = [&out](std::string_view label, std::string value) {
    if (!value.empty()) out.push_back({label, std::move(value)});
  };
  auto add_scale = [&add](std::string_view label, const std::optional<int>& value) {
    if (value) add(label, std::to_string(*value) + " out of 10");
  };
  add("Feelings", JoinWithCommas(e.emotions));
  add_scale("How strong", e.intensity);
  add("What happened right before", e.before);
  add(you ? "Where you felt it in your body" : "Where I felt it in my body", e.body);
  add("The thought", e.thought);
  add(you ? "What you almost said" : "What I almost said", e.unsaid);
  add(e.kind == EntryKind::kLoop ? "The thought, word for word" : "Notes", e.text);
  add("Following up on", e.thread);
  add("Tags", JoinWithCommas(e.tags));
  for (const auto& f : e.followups) {
    add("Question", f.question);
    add(you ? "Your answer" : "My answer", f.answer.empty() ? "(not answered)" : f.answer);
  }
  add_scale("Mood before writing", e.mood_before);
  add_scale("Mood after writing", e.mood_after);
  return out;
}

}  // namespace fieldnotes::core
