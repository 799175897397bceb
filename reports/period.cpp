#include "reports/period.h"

#include <algorithm>

#include "core/i18n.h"
#include "reports/phrase_format.h"

namespace fieldnotes::reports {

core::Result<Period> Period::Between(core::Date from, core::Date to) {
  if (to < from)
    return core::Status::InvalidArgument(core::Tr("the period ends before it starts"));
  return Period(from, to);
}

Period Period::SinceLastSession(std::span<const core::Session> sessions, const core::Clock& clock) {
  const core::Timestamp now = clock.Now();
  const core::Date today = now.LocalDate();
  const core::Session* last = nullptr;
  for (const core::Session& s : sessions) {
    if (s.at <= now && (last == nullptr || last->at < s.at)) last = &s;
  }
  if (last == nullptr) {
    Period p(core::CivilFromDays(core::DaysFromCivil(today) - (kNoSessionDays - 1)), today);
    p.recent_days_ = true;
    return p;
  }
  // The session's own local date: that is the day the client remembers.
  Period p(std::min(last->at.LocalDate(), today), today);
  p.session_ = *last;
  return p;
}

Period Period::WholeHistory(std::span<const core::Entry> entries, const core::Clock& clock) {
  const core::Date today = clock.Now().LocalDate();
  core::Date from = today;
  for (const core::Entry& e : entries) from = std::min(from, e.written_at.LocalDate());
  return Period(from, today);
}

bool Period::Contains(const core::Entry& e) const {
  if (!ContainsDate(e.written_at.LocalDate())) return false;
  return !session_ || e.written_at >= session_->at;
}

Period Period::Previous() const {
  const int64_t first = core::DaysFromCivil(from_);
  return Period(core::CivilFromDays(first - Days()), core::CivilFromDays(first - 1));
}

std::string Period::Phrase() const {
  // TRANSLATORS: the report's period, put into sentences as %N: "You wrote
  // about this 4 times since your last session."
  if (session_) return core::Tr("since your last session");
  if (recent_days_)
    // TRANSLATORS: as "since your last session", when no session is recorded.
    return core::Format(core::TrN("in the last %1 day", "in the last %1 days", kNoSessionDays),
                        kNoSessionDays);
  // TRANSLATORS: as "since your last session", for dates the client chose
  // (%1 and %2: "Nov 1", "Nov 30").
  return core::Format(core::Tr("between %1 and %2"), ShortDate(from_, to_.year),
                      ShortDate(to_, to_.year));
}

}  // namespace fieldnotes::reports
