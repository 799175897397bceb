// Small helpers that turn numbers, dates and the client's words into the
// plain sentences of observations. Every sentence a detector writes goes
// through these, so the voice stays the same everywhere.
#ifndef FIELDNOTES_REPORTS_PHRASE_FORMAT_H_
#define FIELDNOTES_REPORTS_PHRASE_FORMAT_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/timestamp.h"

namespace fieldnotes::reports {

// "Nov 3"; "Nov 3, 2025" when d.year != reference_year (core::ShortDate:
// in the thread's language, "3. Nov." in German).
std::string ShortDate(core::Date d, int reference_year);

// Distinct dates, ascending, the month named only when it changes:
// "Nov 3, 5, 8, 10" or "Oct 30, Nov 2". Years appear as in ShortDate. More
// than `max_listed` dates end with ", and N more". `dates` may repeat and
// be in any order.
std::string DateList(std::span<const core::Date> dates, int reference_year, size_t max_listed = 10);

// "once", "twice", "3 times" (translated, for a sentence's %N).
std::string Times(int64_t n);

// The stretch of the same length right before a period, for "in %1": "the
// day before", "the 8 days before" (translated).
std::string DaysBeforePhrase(int64_t days);

// "Monday" ... "Sunday" for 0 (Monday) ... 6, as core::Timestamp::LocalWeekday:
// English always, for ids and JSON; core::WeekdayName is for people.
std::string_view WeekdayName(int weekday);

// " Twice in all, since Oct 3.": how often in all, when that is more than
// in the period (a sentence of its own, with its leading space).
std::string InAllSince(int64_t total, core::Date first, int reference_year);

// The first letter in title case, in any script and as the thread's
// language writes it (ICU): "anxiety" -> "Anxiety", "épuisement" ->
// "Épuisement"; the rest as written.
std::string Capitalized(std::string_view s);

// The client's words as they wrote them, made fit for one line: whitespace
// runs become one space, surrounding spaces and trailing . , ; : dropped,
// and cut after `max_words` words with "…". Never rewords anything.
std::string ClientPhrase(std::string_view text, size_t max_words);

// Number of whitespace-separated words.
size_t WordCount(std::string_view text);

// `s` in the language's quotation marks: "everyone will find out".
std::string Quoted(std::string_view s);

// 8 lower-case hex digits of a 32-bit FNV-1a hash, for stable ids.
std::string ShortHash(std::string_view s);

// One decimal, with the locale's separator: 6.2 (6,2 in German).
std::string OneDecimal(double x);

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_PHRASE_FORMAT_H_
