// Timestamp: a UTC instant plus the UTC offset of the person who wrote it.
//
// Weekday and hour patterns use the writer's local time, so the offset is
// kept with every entry rather than converted away. Precision is one second.
#ifndef FIELDNOTES_CORE_TIMESTAMP_H_
#define FIELDNOTES_CORE_TIMESTAMP_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace fieldnotes::core {

// A calendar date (proleptic Gregorian), no time zone.
struct Date {
  int year = 1970;
  int month = 1;  // 1-12
  int day = 1;    // 1-31
  auto operator<=>(const Date&) const = default;
};

struct Timestamp {
  int64_t unix_seconds = 0;    // UTC
  int32_t offset_minutes = 0;  // writer's offset east of UTC, [-18h, +18h]

  // Ordering and equality are by instant only.
  bool operator==(const Timestamp& o) const { return unix_seconds == o.unix_seconds; }
  auto operator<=>(const Timestamp& o) const { return unix_seconds <=> o.unix_seconds; }
  bool SameAs(const Timestamp& o) const {
    return unix_seconds == o.unix_seconds && offset_minutes == o.offset_minutes;
  }

  // Seconds since the epoch in the writer's local wall-clock time.
  int64_t LocalSeconds() const { return unix_seconds + int64_t{offset_minutes} * 60; }
  Date LocalDate() const;
  int LocalHour() const;     // 0-23
  int LocalWeekday() const;  // 0 = Monday ... 6 = Sunday (ISO)
};

// Days since 1970-01-01 for a date, and back.
int64_t DaysFromCivil(const Date& d);
Date CivilFromDays(int64_t days);

// Parses "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM|-HH:MM)". A space may stand
// for 'T'. Fractions of a second are refused rather than silently dropped.
// Without an offset: InvalidArgument, unless `default_offset_minutes` is
// given, which is then used (the CLI passes the machine's local offset).
Result<Timestamp> ParseTimestamp(std::string_view text,
                                 std::optional<int32_t> default_offset_minutes = std::nullopt);

// "2026-11-03T21:40:00+01:00" (or "...Z" for offset 0). Round-trips with
// ParseTimestamp.
std::string FormatTimestamp(const Timestamp& t);

// Parses "YYYY-MM-DD" and checks the day exists.
Result<Date> ParseDate(std::string_view text);
std::string FormatDate(const Date& d);  // "YYYY-MM-DD"

// The machine's UTC offset at the given instant, in minutes.
int32_t LocalOffsetMinutesAt(int64_t unix_seconds);

}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_TIMESTAMP_H_
