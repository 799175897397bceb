// Dates, times, numbers and kinds in words for people, in the calling
// thread's language (core/i18n.h: the program's locale, or a
// ScopedLanguage's), shared by every place that writes for a person: the
// CLIs, the apps, the Markdown export, the reports.
//
// Dates and numbers come from ICU's data for the locale core::
// TimeLocaleName() names ("6. Dezember 2026", "6 décembre 2026", "6 de
// diciembre de 2026"); words (labels, kind titles) from the catalogs.
// English keeps Fieldnotes' own forms in every English locale ("6 December
// 2026", "Tuesday 3 November 2026", "Nov 3"): unambiguous on both sides of
// the Atlantic, and what every English text of the project says.
#ifndef FIELDNOTES_CORE_DISPLAY_H_
#define FIELDNOTES_CORE_DISPLAY_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/timestamp.h"

namespace fieldnotes::core {

// 0 = Monday ... 6 = Sunday (Timestamp::LocalWeekday); out-of-range wraps.
// Standalone, in the locale's capitalisation ("Monday", "Montag", "lundi").
std::string WeekdayName(int weekday);
// The same, abbreviated the locale's way ("Wed", "Mi.", "mer.", "mié"):
// whole letters, never a cut in the middle of one.
std::string ShortWeekdayName(int weekday);
// 1 = January ... 12 = December; out-of-range wraps ("December", "Dezember").
std::string MonthName(int month);
// A month with its year, as a heading: "December 2026" ("Dezember 2026").
std::string MonthYear(int year, int month);
// A day with its weekday, the month being known: "Tuesday 1"
// ("Dienstag, 1.").
std::string WeekdayAndDay(const Date& d);

// The locale's first day of the week, 0 = Monday ... 6 = Sunday (Sunday in
// the US, Monday in most of Europe).
int FirstWeekday();

// "Tuesday 3 November 2026" ("Dienstag, 3. November 2026"), in the
// writer's local time.
std::string LongDate(const Timestamp& t);
// "6 December 2026" ("6. Dezember 2026"): the one way a day is written
// where no weekday is needed (lists, the date fields, the viewer).
std::string DayMonthYear(const Date& d);
// "Nov 3" ("3. Nov."), and "Nov 3, 2025" when d.year != reference_year.
std::string ShortMonthDay(const Date& d, int reference_year);
// The day of the month alone as the locale writes it in a list ("3", "3.").
std::string DayOfMonth(const Date& d);
// "21:40", in the writer's local time.
std::string LocalClock(const Timestamp& t);
// "Spike", "Loop", "Thread", "Note" (translated).
std::string_view KindTitle(EntryKind kind);
// An emotion for people: a word of the fixed vocabulary (EmotionVocabulary)
// in the reader's language, the client's own words as written.
std::string EmotionWord(std::string_view emotion);
// A country or region by its ISO 3166 code ("GB"), in the locale's language
// as month and day names are (TimeLocaleName: a ScopedLanguage's, else the
// program's; ICU's names: "Vereinigtes Königreich"), or the code itself
// when ICU has no name for it.
std::string RegionName(std::string_view code);

// `x` with exactly `decimals` digits after the locale's decimal separator,
// no grouping: "6.2", "6,2". Rounded half away from zero.
std::string FormatDecimal(double x, int decimals);

// A whole number with the locale's grouping: "20,000", "20.000", "20 000".
std::string FormatCount(unsigned long long n);

// "a, b, c".
std::string JoinWithCommas(const std::vector<std::string>& items);

// Who the labels speak to: the CLI says "What you almost said" to the
// writer; the Markdown export is the writer's own record ("What I almost
// said").
enum class Voice { kYou, kI };

struct LabelledField {
  std::string_view label;  // "What happened right before" (translated; lives forever)
  std::string value;       // as written; scales as "7 out of 10"
};

// An entry's fields in the order people read them, each with its label,
// leaving out the empty ones: feelings, how strong, before, body, thought,
// what was almost said, the text, the thread, tags, each follow-up question
// with its answer ("(not answered)" when none), moods.
std::vector<LabelledField> DescribeEntry(const Entry& e, Voice voice);

}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_DISPLAY_H_
