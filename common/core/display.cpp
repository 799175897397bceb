// Why ICU for dates and numbers, and not strftime or std::locale: ICU's
// data has every locale's patterns and names (the glibc locales installed
// on the machine need not), its pattern generator turns "a day with its
// month and year" into the locale's own order and punctuation, and core
// already links it for text.
#include "core/display.h"

#include <unicode/calendar.h>
#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/numfmt.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <utility>

#include "core/i18n.h"

namespace fieldnotes::core {
namespace {

// How a date or time is written: Fieldnotes' own pattern for English, an
// ICU skeleton (the fields wanted, in no order) for every other language.
enum class Form {
  kLong,
  kDayMonthYear,
  kShort,
  kShortWithYear,
  kDay,
  kClock,
  kWeekday,
  kShortWeekday,
  kMonth,
  kMonthYear,
  kWeekdayDay
};
struct FormInfo {
  const char* english;  // an ICU pattern
  const char* skeleton;
  bool pattern_for_all;  // the same pattern everywhere (standalone names)
};
constexpr std::array<FormInfo, 11> kForms = {{
    {"EEEE d MMMM y", "yMMMMEEEEd", false},
    {"d MMMM y", "yMMMMd", false},
    {"MMM d", "MMMd", false},
    {"MMM d, y", "yMMMd", false},
    {"d", "d", false},
    {"HH:mm", "Hm", false},
    {"cccc", "cccc", true},
    {"ccc", "ccc", true},
    {"LLLL", "LLLL", true},
    {"LLLL y", "yMMMM", false},
    {"EEEE d", "EEEEd", false},
}};

// "de_DE.UTF-8@euro" -> "de_DE"; the C locale is English.
std::string IcuLocaleName() {
  std::string name = TimeLocaleName();
  name = name.substr(0, name.find_first_of(".@"));
  if (name.empty() || name == "C" || name == "POSIX") return "en";
  return name;
}

bool IsEnglish(const std::string& locale) { return locale == "en" || locale.rfind("en_", 0) == 0; }

std::string ToUtf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// The formatter of `form` for `locale`, made once per thread (ICU's
// formatters are not safe to share while they format).
icu::SimpleDateFormat* Formatter(const std::string& locale, Form form) {
  thread_local std::map<std::pair<std::string, Form>, std::unique_ptr<icu::SimpleDateFormat>> cache;
  auto& slot = cache[{locale, form}];
  if (slot) return slot.get();
  const FormInfo& info = kForms[static_cast<size_t>(form)];
  const icu::Locale loc(locale.c_str());
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString pattern;
  if (IsEnglish(locale) || info.pattern_for_all) {
    pattern = icu::UnicodeString::fromUTF8(info.english);
  } else {
    std::unique_ptr<icu::DateTimePatternGenerator> generator(
        icu::DateTimePatternGenerator::createInstance(loc, status));
    if (U_SUCCESS(status)) {
      pattern = generator->getBestPattern(icu::UnicodeString::fromUTF8(info.skeleton), status);
    }
    if (U_FAILURE(status) || pattern.isEmpty()) {
      status = U_ZERO_ERROR;
      pattern = icu::UnicodeString::fromUTF8(info.english);
    }
  }
  auto format = std::make_unique<icu::SimpleDateFormat>(pattern, loc, status);
  if (U_FAILURE(status)) {
    // A locale ICU cannot format in at all: English, as written.
    status = U_ZERO_ERROR;
    format = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString::fromUTF8(info.english),
                                                     icu::Locale::getEnglish(), status);
  }
  // The instants given are already local wall-clock time (LocalSeconds).
  format->setTimeZone(*icu::TimeZone::getGMT());
  slot = std::move(format);
  return slot.get();
}

constexpr double kMillisPerDay = 86400000.0;

std::string FormatAt(double millis, Form form) {
  icu::UnicodeString out;
  Formatter(IcuLocaleName(), form)->format(millis, out);
  return ToUtf8(out);
}

std::string FormatDay(const Date& d, Form form) {
  // Noon, so no calendar's day boundary is near.
  return FormatAt(static_cast<double>(DaysFromCivil(d)) * kMillisPerDay + kMillisPerDay / 2, form);
}

std::string FormatLocal(const Timestamp& t, Form form) {
  return FormatAt(static_cast<double>(t.LocalSeconds()) * 1000.0, form);
}

// The kind titles of core/model.h (kEntryKinds), for the catalog:
// KindTitle translates them.
[[maybe_unused]] constexpr const char* kKindTitles[] = {
    // TRANSLATORS: the four kinds of entry. A spike: a moment an emotion
    // jumped; a loop: a thought that keeps coming back; a thread: how a
    // suggestion from the last session went; a note: anything else.
    N_("Spike"), N_("Loop"), N_("Thread"), N_("Note")};

}  // namespace

std::string WeekdayName(int weekday) {
  // 2024-01-01 was a Monday.
  const Date monday{2024, 1, 1};
  const int w = (weekday % 7 + 7) % 7;
  return FormatDay(CivilFromDays(DaysFromCivil(monday) + w), Form::kWeekday);
}

std::string ShortWeekdayName(int weekday) {
  const Date monday{2024, 1, 1};
  const int w = (weekday % 7 + 7) % 7;
  return FormatDay(CivilFromDays(DaysFromCivil(monday) + w), Form::kShortWeekday);
}

std::string MonthName(int month) {
  const int m = ((month - 1) % 12 + 12) % 12 + 1;
  return FormatDay(Date{2024, m, 15}, Form::kMonth);
}

int FirstWeekday() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> calendar(
      icu::Calendar::createInstance(icu::Locale(IcuLocaleName().c_str()), status));
  if (U_FAILURE(status)) return 0;
  // UCAL_SUNDAY is 1, UCAL_MONDAY 2, … UCAL_SATURDAY 7.
  const int icu_day = static_cast<int>(calendar->getFirstDayOfWeek(status));
  if (U_FAILURE(status)) return 0;
  return (icu_day + 5) % 7;
}

std::string MonthYear(int year, int month) {
  const int m = ((month - 1) % 12 + 12) % 12 + 1;
  return FormatDay(Date{year, m, 15}, Form::kMonthYear);
}

std::string WeekdayAndDay(const Date& d) { return FormatDay(d, Form::kWeekdayDay); }

std::string LongDate(const Timestamp& t) { return FormatLocal(t, Form::kLong); }

std::string DayMonthYear(const Date& d) { return FormatDay(d, Form::kDayMonthYear); }

std::string ShortMonthDay(const Date& d, int reference_year) {
  return FormatDay(d, d.year == reference_year ? Form::kShort : Form::kShortWithYear);
}

std::string DayOfMonth(const Date& d) { return FormatDay(d, Form::kDay); }

std::string LocalClock(const Timestamp& t) { return FormatLocal(t, Form::kClock); }

std::string_view KindTitle(EntryKind kind) { return Tr(InfoOf(kind).title.data()); }

std::string EmotionWord(std::string_view emotion) {
  if (!IsVocabularyEmotion(emotion)) return std::string(emotion);
  return Tr(std::string(emotion).c_str());
}

std::string RegionName(std::string_view code) {
  std::string region(code);
  const icu::Locale place("", region.c_str());
  if (place.isBogus()) return region;
  icu::UnicodeString name;
  place.getDisplayCountry(icu::Locale(IcuLocaleName().c_str()), name);
  // ICU answers with the code itself when it knows no name.
  if (name.isEmpty()) return region;
  return ToUtf8(name);
}

std::string FormatDecimal(double x, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double rounded = std::round(x * scale) / scale;
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::map<std::pair<std::string, int>, std::unique_ptr<icu::NumberFormat>> cache;
  const std::string locale = IcuLocaleName();
  auto& format = cache[{locale, decimals}];
  if (!format) {
    format.reset(icu::NumberFormat::createInstance(icu::Locale(locale.c_str()), status));
    if (U_FAILURE(status) || !format) {
      status = U_ZERO_ERROR;
      format.reset(icu::NumberFormat::createInstance(icu::Locale::getEnglish(), status));
    }
    format->setGroupingUsed(false);
    format->setMinimumFractionDigits(decimals);
    format->setMaximumFractionDigits(decimals);
  }
  icu::UnicodeString out;
  format->format(rounded, out);
  return ToUtf8(out);
}

std::string FormatCount(unsigned long long n) {
  UErrorCode status = U_ZERO_ERROR;
  thread_local std::map<std::string, std::unique_ptr<icu::NumberFormat>> cache;
  const std::string locale = IcuLocaleName();
  auto& format = cache[locale];
  if (!format) {
    format.reset(icu::NumberFormat::createInstance(icu::Locale(locale.c_str()), status));
    if (U_FAILURE(status) || !format) {
      status = U_ZERO_ERROR;
      format.reset(icu::NumberFormat::createInstance(icu::Locale::getEnglish(), status));
    }
    format->setGroupingUsed(true);
    format->setMaximumFractionDigits(0);
  }
  icu::UnicodeString out;
  format->format(static_cast<int64_t>(n), out);
  return ToUtf8(out);
}

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
    // TRANSLATORS: a value on the 0 to 10 scales (how strong a feeling was,
    // the mood before or after writing); %1 is the number.
    if (value) add(label, Format(Tr("%1 out of 10"), *value));
  };
  std::vector<std::string> emotions;
  for (const auto& emotion : e.emotions) emotions.push_back(EmotionWord(emotion));
  // TRANSLATORS: the labels of an entry's fields, shown with their values
  // in the CLI (spoken to the writer: "you") and in the Markdown export
  // (the writer's own record: "I").
  add(Tr("Feelings"), JoinWithCommas(emotions));
  add_scale(Tr("How strong"), e.intensity);
  add(Tr("What happened right before"), e.before);
  add(you ? Tr("Where you felt it in your body") : Tr("Where I felt it in my body"), e.body);
  add(Tr("The thought"), e.thought);
  add(you ? Tr("What you almost said") : Tr("What I almost said"), e.unsaid);
  add(e.kind == EntryKind::kLoop ? Tr("The thought, word for word") : Tr("Notes"), e.text);
  add(Tr("Following up on"), e.thread);
  add(Tr("Tags"), JoinWithCommas(e.tags));
  for (const auto& f : e.followups) {
    add(Tr("Question"), f.question);
    add(you ? Tr("Your answer") : Tr("My answer"),
        f.answer.empty() ? std::string(Tr("(not answered)")) : f.answer.str());
  }
  add_scale(Tr("Mood before writing"), e.mood_before);
  add_scale(Tr("Mood after writing"), e.mood_after);
  return out;
}

}  // namespace fieldnotes::core
