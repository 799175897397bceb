// Why ICU's parsers and not a reader of our own: the order of day, month
// and year, the separators, month names and their abbreviations, and AM/PM
// are each locale's, and ICU's data (CLDR) is where display.cpp's formats
// come from too.
#include "core/date_input.h"

#include <unicode/datefmt.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <cctype>
#include <memory>
#include <vector>

#include "core/i18n.h"

namespace fieldnotes::core {
namespace {

// "de_DE.UTF-8@euro" -> "de_DE"; the C locale is English.
std::string IcuLocaleName() {
  std::string name = TimeLocaleName();
  name = name.substr(0, name.find_first_of(".@"));
  if (name.empty() || name == "C" || name == "POSIX") return "en";
  return name;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::unique_ptr<icu::SimpleDateFormat> FromPattern(const icu::UnicodeString& pattern,
                                                   const icu::Locale& locale) {
  UErrorCode status = U_ZERO_ERROR;
  auto format = std::make_unique<icu::SimpleDateFormat>(pattern, locale, status);
  if (U_FAILURE(status)) return nullptr;
  format->setTimeZone(*icu::TimeZone::getGMT());
  format->setLenient(false);
  return format;
}

std::unique_ptr<icu::SimpleDateFormat> FromStyle(icu::DateFormat::EStyle date,
                                                 icu::DateFormat::EStyle time,
                                                 const icu::Locale& locale) {
  std::unique_ptr<icu::DateFormat> format(
      icu::DateFormat::createDateTimeInstance(date, time, locale));
  auto* simple = dynamic_cast<icu::SimpleDateFormat*>(format.get());
  if (simple == nullptr) return nullptr;
  icu::UnicodeString pattern;
  simple->toPattern(pattern);
  return FromPattern(pattern, locale);
}

// The locale's short date pattern with a four-digit year ("M/d/y").
icu::UnicodeString ShortPatternFullYear(const icu::Locale& locale) {
  auto format = FromStyle(icu::DateFormat::kShort, icu::DateFormat::kNone, locale);
  icu::UnicodeString pattern;
  if (format == nullptr) return icu::UnicodeString(u"y-MM-dd");
  format->toPattern(pattern);
  pattern.findAndReplace(u"yy", u"y");
  return pattern;
}

// Every way of writing a day tried for `locale`, most usual first.
std::vector<std::unique_ptr<icu::SimpleDateFormat>> DayFormats(const std::string& name) {
  std::vector<std::unique_ptr<icu::SimpleDateFormat>> out;
  const icu::Locale locale(name.c_str());
  auto add = [&](std::unique_ptr<icu::SimpleDateFormat> f) {
    if (f != nullptr) out.push_back(std::move(f));
  };
  for (auto style : {icu::DateFormat::kFull, icu::DateFormat::kLong, icu::DateFormat::kMedium,
                     icu::DateFormat::kShort}) {
    add(FromStyle(style, icu::DateFormat::kNone, locale));
  }
  add(FromPattern(ShortPatternFullYear(locale), locale));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      icu::DateTimePatternGenerator::createInstance(locale, status));
  if (U_SUCCESS(status)) {
    for (const char16_t* skeleton : {u"yMMMMd", u"yMMMd", u"yMMMMEEEEd", u"yMd"}) {
      status = U_ZERO_ERROR;
      const icu::UnicodeString pattern = generator->getBestPattern(skeleton, status);
      if (U_SUCCESS(status)) add(FromPattern(pattern, locale));
    }
  }
  // What display.cpp writes in English, and the other order, in the
  // locale's month names and in English ones.
  for (const char16_t* pattern :
       {u"d MMMM y", u"MMMM d, y", u"d MMM y", u"MMM d, y", u"MMMM d y", u"MMM d y"}) {
    add(FromPattern(pattern, locale));
    add(FromPattern(pattern, icu::Locale::getEnglish()));
  }
  add(FromPattern(u"y-M-d", icu::Locale::getRoot()));
  return out;
}

// The formats of the calling thread's locale, made once per thread and
// locale (ICU's formats are not safe to share while they parse).
const std::vector<std::unique_ptr<icu::SimpleDateFormat>>& CachedDayFormats() {
  thread_local std::string locale;
  thread_local std::vector<std::unique_ptr<icu::SimpleDateFormat>> formats;
  const std::string now = IcuLocaleName();
  if (formats.empty() || locale != now) {
    formats = DayFormats(now);
    locale = now;
  }
  return formats;
}

// The whole of `text` read by `format`, as a calendar day.
std::optional<Date> ParseWhole(const icu::SimpleDateFormat& format,
                               const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(*icu::TimeZone::getGMT(), status);
  if (U_FAILURE(status)) return std::nullopt;
  calendar.clear();
  // 31 February is refused, not read as 3 March.
  calendar.setLenient(false);
  icu::ParsePosition pos(0);
  format.parse(text, calendar, pos);
  if (pos.getErrorIndex() >= 0 || pos.getIndex() != text.length()) return std::nullopt;
  if (!calendar.isSet(UCAL_YEAR) && !calendar.isSet(UCAL_EXTENDED_YEAR)) return std::nullopt;
  Date d;
  d.year = calendar.get(UCAL_YEAR, status);
  d.month = calendar.get(UCAL_MONTH, status) + 1;
  d.day = calendar.get(UCAL_DATE, status);
  if (U_FAILURE(status)) return std::nullopt;
  return d;
}

}  // namespace

std::optional<Date> ParseDayInput(std::string_view text) {
  const std::string_view trimmed = Trim(text);
  if (trimmed.empty() || trimmed.size() > 200) return std::nullopt;
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(
      icu::StringPiece(trimmed.data(), static_cast<int32_t>(trimmed.size())));
  for (const auto& format : CachedDayFormats()) {
    std::optional<Date> d = ParseWhole(*format, input);
    // A two-digit year in a four-digit pattern reads as year 26: refused
    // there, read by the short pattern (which puts it in this century).
    if (d && d->year >= 1900 && d->year <= 2999) return d;
  }
  return std::nullopt;
}

std::string NumericDay(const Date& d) {
  const icu::Locale locale(IcuLocaleName().c_str());
  auto format = FromPattern(ShortPatternFullYear(locale), locale);
  if (format == nullptr) return std::to_string(d.year);
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(d.year, d.month - 1, d.day, 12, 0, status);
  calendar.setTimeZone(*icu::TimeZone::getGMT());
  icu::UnicodeString out;
  icu::FieldPosition pos;
  format->format(calendar, out, pos);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

std::optional<int> ParseTimeInput(std::string_view text) {
  const std::string_view t = Trim(text);
  if (t.empty() || t.size() > 40) return std::nullopt;
  // "21:40", "9:05", "0940": the forms every locale's people type.
  auto digits = [](std::string_view s) {
    if (s.empty() || s.size() > 2) return -1;
    int v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  int h = -1, m = -1;
  if (const auto colon = t.find_first_of(":."); colon != std::string_view::npos) {
    h = digits(t.substr(0, colon));
    m = t.size() - colon - 1 == 2 ? digits(t.substr(colon + 1)) : -1;
  } else if (t.size() == 4) {
    h = digits(t.substr(0, 2));
    m = digits(t.substr(2));
  }
  if (h >= 0 && h <= 23 && m >= 0 && m <= 59) return h * 60 + m;
  // The locale's short time, with AM/PM where it has them.
  const icu::Locale locale(IcuLocaleName().c_str());
  const icu::UnicodeString input =
      icu::UnicodeString::fromUTF8(icu::StringPiece(t.data(), static_cast<int32_t>(t.size())));
  std::unique_ptr<icu::SimpleDateFormat> formats[] = {
      FromStyle(icu::DateFormat::kNone, icu::DateFormat::kShort, locale),
      FromPattern(u"h:mm a", icu::Locale::getEnglish()),
      FromPattern(u"h a", icu::Locale::getEnglish())};
  for (const auto& format : formats) {
    if (format == nullptr) continue;
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar calendar(*icu::TimeZone::getGMT(), status);
    calendar.clear();
    icu::ParsePosition pos(0);
    format->parse(input, calendar, pos);
    if (pos.getErrorIndex() >= 0 || pos.getIndex() != input.length()) continue;
    const int hour = calendar.get(UCAL_HOUR_OF_DAY, status);
    const int minute = calendar.get(UCAL_MINUTE, status);
    if (U_SUCCESS(status) && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59)
      return hour * 60 + minute;
  }
  return std::nullopt;
}

}  // namespace fieldnotes::core
