// Period: the stretch of time a pattern report looks at.
//
// Usually "since your last appointment": from the last therapy session at or
// before now up to today (DESIGN.md §3). The client can also pick dates.
#ifndef FIELDNOTES_REPORTS_PERIOD_H_
#define FIELDNOTES_REPORTS_PERIOD_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "core/clock.h"
#include "core/model.h"
#include "core/status.h"
#include "core/timestamp.h"

namespace fieldnotes::reports {

class Period {
 public:
  // How far back "since the last session" looks when there is no session yet.
  static constexpr int kNoSessionDays = 14;

  // The local dates `from` to `to`, both inclusive. InvalidArgument when
  // from > to.
  static core::Result<Period> Between(core::Date from, core::Date to);

  // From the latest session at or before clock.Now() to today's local date
  // (the clock's offset). Entries count when written at or after the
  // session's instant. Sessions after now (booked ones) are ignored. With no
  // session, the last kNoSessionDays days up to today, and session() is
  // empty. `sessions` may be in any order.
  static Period SinceLastSession(std::span<const core::Session> sessions, const core::Clock& clock);

  // From the oldest entry's local date (today when there is none) to today.
  static Period WholeHistory(std::span<const core::Entry> entries, const core::Clock& clock);

  core::Date from() const { return from_; }
  core::Date to() const { return to_; }
  // The session the period starts at, for "since your last session".
  const std::optional<core::Session>& session() const { return session_; }
  // Number of calendar days, >= 1.
  int64_t Days() const { return core::DaysFromCivil(to_) - core::DaysFromCivil(from_) + 1; }

  // True when `e` belongs in the period: its local date is within
  // [from, to] and, for a session period, it was written at or after the
  // session.
  bool Contains(const core::Entry& e) const;
  bool ContainsDate(core::Date d) const { return from_ <= d && d <= to_; }

  // The same number of days right before this period (dates only).
  Period Previous() const;

  // "since your last session"; "in the last 14 days" for the default view
  // when no session is recorded (never "since your last session" then);
  // else "between Nov 1 and Nov 30" (with years when they differ from the
  // end's year), for sentences.
  std::string Phrase() const;

 private:
  Period(core::Date from, core::Date to) : from_(from), to_(to) {}
  core::Date from_;
  core::Date to_;
  std::optional<core::Session> session_;
  bool recent_days_ = false;  // SinceLastSession without a session
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_PERIOD_H_
