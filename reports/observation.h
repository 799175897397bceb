// Observation: one thing the journal noticed, as a plain sentence plus its
// evidence (a count, the entry ids, their dates). Observations describe;
// they never interpret, diagnose or advise (docs/patterns.md).
//
// The JSON form is the contract of `fieldnotes-cli patterns --json` and of
// the weekly report; docs/patterns.md documents every field.
#ifndef FIELDNOTES_REPORTS_OBSERVATION_H_
#define FIELDNOTES_REPORTS_OBSERVATION_H_

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/json.h"
#include "core/timestamp.h"
#include "reports/evidence.h"

namespace fieldnotes::reports {

// The kinds of observation, in the order the analyzer finds them and a
// session reads them. Everything else about a type (its JSON name, its label
// on the Patterns page, where the weekly report shows it and how it says it,
// its detector) is one row of the table in reports/observation_types.cpp,
// checked at compile time against this enum and ObservationDetail below.
enum class ObservationType { kMood, kThread, kRecurring, kTime, kTrigger, kWritingEffect };

// "mood", "thread", "recurring", "time", "trigger", "writing_effect".
std::string_view TypeName(ObservationType type);

// Weekday x part of day buckets for time patterns. A night (21:00-05:00)
// belongs to the weekday on which it began.
enum class PartOfDay { kMorning, kAfternoon, kEvening, kNight };  // 05-12, 12-17, 17-21, 21-05
std::string_view PartOfDayName(PartOfDay part);                   // "morning" ... "night"

struct TimeSlot {
  int weekday = 0;  // 0 = Monday ... 6 = Sunday
  PartOfDay part = PartOfDay::kMorning;
  core::Date date;  // the local date the slot belongs to (a night's first day)
};
// The slot of a local time: an entry at 02:00 on a Monday is Sunday night.
TimeSlot SlotOf(const core::Timestamp& t);

// "You wrote 'X' 4 times since your last session". The label is a sentence
// the client wrote, never a paraphrase.
struct RecurringDetail {
  static constexpr ObservationType kType = ObservationType::kRecurring;
  std::string label;
  // The loop whole, word for word (a loop entry's whole thought, else the
  // sentence uncut): shown only when the client chooses to quote it.
  std::string whole;
  std::optional<core::Date> since;  // the last session's date, when counting since it
  int total = 0;                    // entries in the whole history that say the same
  bool verbatim = false;            // every entry in the period used near-identical words
};

// "Anxiety came up on Sunday night in 5 of the last 6 weeks".
struct TimeDetail {
  static constexpr ObservationType kType = ObservationType::kTime;
  int weekday = 0;
  PartOfDay part = PartOfDay::kMorning;
  int weeks = 0;  // weeks whose day of `weekday` is in the window; count is those it came up in
  std::string emotion;   // the emotion most of those spikes named, or empty
  double p_value = 1.0;  // chance of this under random times, before correction
};

// "Anxiety followed \"message from my manager\" 5 of the 6 times it came up".
struct TriggerDetail {
  static constexpr ObservationType kType = ObservationType::kTrigger;
  std::string trigger;                    // the client's own phrase from `before` or a tag
  std::string emotion;                    // folded
  int occurrences = 0;                    // spikes whose `before` or tags had the trigger
  double base_rate = 0;                   // share of all spikes in the window with the emotion
  std::optional<core::Date> window_from;  // where the evidence starts
  int in_period = 0;                      // of the count, those in the period
};

// One day of the mood chart.
struct MoodPoint {
  core::Date date;
  std::optional<double> average;  // mean value that day, when any entry had one
  int entries = 0;                // entries with a value that day
};

// Mood movement, over the period against the previous period of the same
// length. With an emotion: that feeling's own intensity per day. With an
// empty emotion: the client's mood before writing per day (`series`,
// `average`) and after writing (`after`, `average_after`), 0-10.
struct MoodDetail {
  static constexpr ObservationType kType = ObservationType::kMood;
  std::string emotion;
  std::vector<MoodPoint> series;    // one point per day of the period
  std::vector<MoodPoint> previous;  // one point per day of the previous period
  std::optional<double> average;    // over the period
  std::optional<double> previous_average;
  int previous_count = 0;  // entries in the previous period (count is this period's)
  // The mood after writing (empty emotion only).
  std::vector<MoodPoint> after;
  std::vector<MoodPoint> previous_after;
  std::optional<double> average_after;
  std::optional<double> previous_average_after;
};

// How a suggestion from a session went.
struct ThreadDetail {
  static constexpr ObservationType kType = ObservationType::kThread;
  std::string thread;  // title
  std::string latest_entry_id;
  std::optional<core::Date> latest_date;
  std::string latest;  // the client's words from the latest follow-up (text, else thought)
  // The memory across sessions: follow-ups in the whole history up to the
  // period's end, and the date of the first.
  int total = 0;
  std::optional<core::Date> first_date;
};

// Writing has left the client feeling worse. Client-only: never in a report
// unless they add it.
struct WritingEffectDetail {
  static constexpr ObservationType kType = ObservationType::kWritingEffect;
  int considered = 0;  // recent entries with a mood before and after
};

// One alternative per ObservationType, in the enum's order (each detail's
// kType is checked against its position in reports/observation_types.cpp).
using ObservationDetail = std::variant<MoodDetail, ThreadDetail, RecurringDetail, TimeDetail,
                                       TriggerDetail, WritingEffectDetail>;

struct Observation {
  std::string id;       // stable for the same journal and period: "time-sunday-night"
  std::string summary;  // the sentence shown to the client
  int count = 0;        // the headline number (see docs/patterns.md per type)
  Evidence evidence;    // the entries it rests on, oldest first, with their local dates
  ObservationDetail detail;

  ObservationType type() const { return static_cast<ObservationType>(detail.index()); }
  // True for observations shown to the client only (writing effect).
  bool client_only() const;
};

// One observation as JSON: "id", "type", "summary", "count", "entry_ids",
// "dates" (YYYY-MM-DD), then the type's own fields (docs/patterns.md).
core::json::Value ObservationToJson(const Observation& o);

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_OBSERVATION_H_
