#include "reports/phrase_format.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

namespace fieldnotes::reports {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> kWeekdays = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

std::string ShortDate(core::Date d, int reference_year) {
  std::string out = std::string(kMonths[(d.month - 1) % 12]) + " " + std::to_string(d.day);
  if (d.year != reference_year) out += ", " + std::to_string(d.year);
  return out;
}

std::string DateList(std::span<const core::Date> dates, int reference_year, size_t max_listed) {
  std::vector<core::Date> sorted(dates.begin(), dates.end());
  std::sort(sorted.begin(), sorted.end());
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
  std::string out;
  const size_t listed = std::min(sorted.size(), max_listed);
  for (size_t i = 0; i < listed; ++i) {
    const core::Date& d = sorted[i];
    if (i > 0) out += ", ";
    const bool same_month = i > 0 && sorted[i - 1].year == d.year && sorted[i - 1].month == d.month;
    if (same_month) {
      out += std::to_string(d.day);
    } else {
      // The year goes after the last day of a month in another year.
      out += std::string(kMonths[(d.month - 1) % 12]) + " " + std::to_string(d.day);
    }
    const bool month_ends =
        i + 1 == listed || sorted[i + 1].month != d.month || sorted[i + 1].year != d.year;
    if (month_ends && d.year != reference_year) out += ", " + std::to_string(d.year);
  }
  if (sorted.size() > listed) out += ", and " + std::to_string(sorted.size() - listed) + " more";
  return out;
}

std::string Times(int64_t n) {
  if (n == 1) return "once";
  if (n == 2) return "twice";
  return std::to_string(n) + " times";
}

std::string_view WeekdayName(int weekday) { return kWeekdays[((weekday % 7) + 7) % 7]; }

std::string Capitalized(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
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

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

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

std::string OneDecimal(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", std::round(x * 10) / 10);
  return buf;
}

}  // namespace fieldnotes::reports
