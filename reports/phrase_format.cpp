#include "reports/phrase_format.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

#include <unicode/locid.h>
#include <unicode/stringoptions.h>
#include <unicode/unistr.h>

#include "core/display.h"
#include "core/i18n.h"

namespace fieldnotes::reports {
namespace {

// English on purpose: ids and JSON (docs/patterns.md), never shown.
constexpr std::array<std::string_view, 7> kWeekdays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

std::string ShortDate(core::Date d, int reference_year) {
  return core::ShortMonthDay(d, reference_year);
}

std::string DateList(std::span<const core::Date> dates, int reference_year, size_t max_listed) {
  std::vector<core::Date> sorted(dates.begin(), dates.end());
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::string out;
  const size_t listed = std::min(sorted.size(), max_listed);
  // The locale's short date puts the day first ("3 nov.", "3. Nov.") or the
  // month first ("Nov 3"): the month is named once per run of days of one
  // month, with the run's first day where the month comes first ("Nov 3,
  // 5, 8") and with its last where the day comes first ("3, 5, 8 nov.").
  const bool day_first = !sorted.empty() &&
      std::isdigit(static_cast<unsigned char>(core::ShortMonthDay(sorted[0], sorted[0].year)[0])) != 0;
  for (size_t i = 0; i < listed; ++i) {
    const core::Date& d = sorted[i];
    // TRANSLATORS: the separator between the dates of a list ("Nov 3, 5, 8").
    if (i > 0) out += core::Tr(", ");
    const bool same_month = i > 0 && sorted[i - 1].year == d.year && sorted[i - 1].month == d.month;
    const bool month_ends =
        i + 1 == listed || sorted[i + 1].month != d.month || sorted[i + 1].year != d.year;
    // The year goes with the last day of a month in another year.
    const bool with_year = month_ends && d.year != reference_year;
    if (day_first) {
      out += month_ends ? core::ShortMonthDay(d, with_year ? reference_year : d.year)
                        : core::DayOfMonth(d);
    } else if (!same_month) {
      out += core::ShortMonthDay(d, with_year ? reference_year : d.year);
    } else if (with_year) {
      // TRANSLATORS: a day in a list of dates, then its year, when the month
      // was named before it: "Dec 30, 31, 2025" (%1 is "31", %2 "2025").
      out += core::Format(core::TrC("a day and its year in a list of dates", "%1, %2"),
                         core::DayOfMonth(d), d.year);
    } else {
      out += core::DayOfMonth(d);
    }
  }
  if (sorted.size() > listed) {
    const size_t more = sorted.size() - listed;
    // TRANSLATORS: a list of dates cut short: %1 is the list ("Nov 3, 5,
    // 8"), %2 how many dates were left out.
    out = core::Format(core::TrN("%1, and %2 more", "%1, and %2 more", more), out, more);
  }
  return out;
}

std::string Times(int64_t n) {
  // TRANSLATORS: how often something happened, put into a sentence: "You
  // wrote about this once since your last session".
  if (n == 1) return core::Tr("once");
  // TRANSLATORS: as "once": two times.
  if (n == 2) return core::Tr("twice");
  // TRANSLATORS: as "once", for 3 or more (the singular form is there for
  // languages that use it for some larger numbers).
  return core::Format(core::TrN("%1 time", "%1 times", static_cast<unsigned long>(n)), n);
}

std::string DaysBeforePhrase(int64_t days) {
  // TRANSLATORS: the stretch of time of the same length right before the
  // report's period, always after "in" ("No mood was noted in %1.",
  // "against 3 in %1"): "the day before", "the 8 days before".
  if (days == 1) return core::Tr("the day before");
  return core::Format(
      // TRANSLATORS: as "the day before", for more days (%1).
      core::TrN("the %1 day before", "the %1 days before", static_cast<unsigned long>(days)), days);
}

std::string InAllSince(int64_t total, core::Date first, int reference_year) {
  // TRANSLATORS: after a sentence saying how often something came up in
  // the report's period: how often in all. %1 is "Twice", "3 times" (with
  // a capital), %2 the first date ("Oct 3").
  return " " + core::Format(core::Tr("%1 in all, since %2."), Capitalized(Times(total)),
                            ShortDate(first, reference_year));
}

std::string_view WeekdayName(int weekday) { return kWeekdays[((weekday % 7) + 7) % 7]; }

std::string Capitalized(std::string_view s) {
  if (s.empty()) return std::string();
  // The language decides some letters (Turkish i, Dutch ij): the thread's.
  std::string language = core::TimeLocaleName();
  language = language.substr(0, language.find_first_of("_.@"));
  if (language == "C" || language == "POSIX") language = "en";
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  // The first letter only, whatever the script; the rest as written.
  text.toTitle(nullptr, icu::Locale(language.c_str()),
               U_TITLECASE_SENTENCES | U_TITLECASE_NO_LOWERCASE);
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string ClientPhrase(std::string_view text, size_t max_words) {
  std::string out;
  size_t words = 0;
  size_t i = 0;
  bool cut = false;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    if (i >= text.size()) break;
    if (words == max_words) {
      cut = true;
      break;
    }
    size_t j = i;
    while (j < text.size() && !IsSpace(text[j])) ++j;
    if (!out.empty()) out += ' ';
    out.append(text.substr(i, j - i));
    ++words;
    i = j;
  }
  while (!out.empty() && (out.back() == '.' || out.back() == ',' || out.back() == ';' ||
                          out.back() == ':' || out.back() == '-')) {
    out.pop_back();
  }
  if (cut) out += "…";
  return out;
}

size_t WordCount(std::string_view text) {
  size_t n = 0;
  bool in_word = false;
  for (char c : text) {
    if (IsSpace(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++n;
    }
  }
  return n;
}

std::string Quoted(std::string_view s) {
  // TRANSLATORS: the client's own words quoted in a sentence of the report
  // (%1); use your language's quotation marks.
  return core::Format(core::Tr("\"%1\""), s);
}

std::string ShortHash(std::string_view s) {
  uint32_t h = 2166136261u;
  for (unsigned char c : s) {
    h ^= c;
    h *= 16777619u;
  }
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", h);
  return buf;
}

std::string OneDecimal(double x) { return core::FormatDecimal(x, 1); }

}  // namespace fieldnotes::reports
