#include "core/timestamp.h"

#include <ctime>

#include <cstdio>

namespace fieldnotes::core {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` ASCII digits at `pos`.
bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

bool ParseDatePart(std::string_view s, Date* d) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return false;
  if (!Digits(s, 0, 4, &d->year) || !Digits(s, 5, 2, &d->month) || !Digits(s, 8, 2, &d->day))
    return false;
  if (d->year < 1 || d->month < 1 || d->month > 12) return false;
  return d->day >= 1 && d->day <= DaysInMonth(d->year, d->month);
}

}  // namespace

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysFromCivil(const Date& d) {
  int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const int64_t era = FloorDiv(y, 400);
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = FloorDiv(z, 146097);
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  Date d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

Date Timestamp::LocalDate() const {
  return CivilFromDays(FloorDiv(LocalSeconds(), kSecondsPerDay));
}

int Timestamp::LocalHour() const {
  int64_t s = LocalSeconds() - FloorDiv(LocalSeconds(), kSecondsPerDay) * kSecondsPerDay;
  return static_cast<int>(s / 3600);
}

int Timestamp::LocalWeekday() const {
  // 1970-01-01 was a Thursday (ISO index 3).
  int64_t days = FloorDiv(LocalSeconds(), kSecondsPerDay);
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

Result<Timestamp> ParseTimestamp(std::string_view s, std::optional<int32_t> default_offset) {
  auto bad = [&](std::string_view why) {
    return Status::InvalidArgument(std::string("invalid timestamp: ") + std::string(why) +
                                   " (expected e.g. 2026-11-03T21:40:00+01:00)");
  };
  Date d;
  if (!ParseDatePart(s, &d)) return bad("date part");
  if (s.size() < 16 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return bad("time part");
  int hh = 0, mm = 0, ss = 0;
  if (!Digits(s, 11, 2, &hh) || s[13] != ':' || !Digits(s, 14, 2, &mm)) return bad("time part");
  size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!Digits(s, pos + 1, 2, &ss)) return bad("seconds");
    pos += 3;
  }
  if (pos < s.size() && s[pos] == '.') return bad("fractions of a second are not supported");
  if (hh > 23 || mm > 59 || ss > 59) return bad("time out of range");
  int32_t offset = 0;
  if (pos == s.size()) {
    if (!default_offset) return bad("a UTC offset or Z is required");
    offset = *default_offset;
  } else if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) {
    offset = 0;
  } else if ((s[pos] == '+' || s[pos] == '-') && pos + 6 == s.size() && s[pos + 3] == ':') {
    int oh = 0, om = 0;
    if (!Digits(s, pos + 1, 2, &oh) || !Digits(s, pos + 4, 2, &om)) return bad("offset");
    if (oh > 18 || om > 59 || oh * 60 + om > 18 * 60) return bad("offset out of range");
    offset = (s[pos] == '-' ? -1 : 1) * (oh * 60 + om);
  } else {
    return bad("offset");
  }
  Timestamp t;
  int64_t local = DaysFromCivil(d) * kSecondsPerDay + int64_t{hh} * 3600 + int64_t{mm} * 60 + ss;
  t.unix_seconds = local - int64_t{offset} * 60;
  t.offset_minutes = offset;
  return t;
}

std::string FormatTimestamp(const Timestamp& t) {
  int64_t local = t.LocalSeconds();
  int64_t days = FloorDiv(local, kSecondsPerDay);
  int64_t sod = local - days * kSecondsPerDay;
  Date d = CivilFromDays(days);
  char buf[40];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", d.year, d.month, d.day,
                        static_cast<int>(sod / 3600), static_cast<int>(sod / 60 % 60),
                        static_cast<int>(sod % 60));
  std::string out(buf, static_cast<size_t>(n));
  if (t.offset_minutes == 0) {
    out += 'Z';
  } else {
    int32_t o = t.offset_minutes < 0 ? -t.offset_minutes : t.offset_minutes;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", t.offset_minutes < 0 ? '-' : '+', o / 60, o % 60);
    out += buf;
  }
  return out;
}

Result<Date> ParseDate(std::string_view text) {
  Date d;
  if (text.size() != 10 || !ParseDatePart(text, &d))
    return Status::InvalidArgument("invalid date '" + std::string(text.substr(0, 40)) +
                                   "' (expected YYYY-MM-DD)");
  return d;
}

std::string FormatDate(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

int32_t LocalOffsetMinutesAt(int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm local{};
  localtime_r(&t, &local);
  return static_cast<int32_t>(local.tm_gmtoff / 60);
}

}  // namespace fieldnotes::core
