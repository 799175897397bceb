// Days and times typed by a person, read the way their locale writes them
// (core::TimeLocaleName, so a ScopedLanguage counts): the date and time
// fields of the desktop app accept what core/display.h shows, and the
// locale's other usual forms.
#ifndef FIELDNOTES_CORE_DATE_INPUT_H_
#define FIELDNOTES_CORE_DATE_INPUT_H_

#include <optional>
#include <string>
#include <string_view>

#include "core/timestamp.h"

namespace fieldnotes::core {

// The day in `text`, or nullopt. Accepted, with any spaces around:
//  - the locale's written dates, full, long, medium and short, as ICU knows
//    them ("6 December 2026", "Dec 6, 2026", "12/6/26" in en_US;
//    "6. Dezember 2026", "06.12.26" in de_DE; "06/12/2026" in fr_FR), and
//    what DayMonthYear writes; a four-digit year where the short form has
//    two; month names full or abbreviated, in any case;
//  - ISO 8601, 2026-12-06, in every locale.
// Refused: anything else, an impossible day (31 February), a year outside
// 1900 to 2999, a day without its year.
std::optional<Date> ParseDayInput(std::string_view text);

// `d` in the locale's short numeric form with a four-digit year
// ("12/6/2026", "06.12.2026", "06/12/2026"): the example the date field's
// tooltip gives beside the written form.
std::string NumericDay(const Date& d);

// Minutes since midnight in `text`, or nullopt: what LocalClock writes
// ("21:40", "9:05", "21.40"), "0940", and the locale's short time
// ("9:40 PM" in en_US).
std::optional<int> ParseTimeInput(std::string_view text);

}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_DATE_INPUT_H_
