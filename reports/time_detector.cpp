#include "reports/time_detector.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "core/text.h"
#include "core/display.h"
#include "core/i18n.h"
#include "reports/phrase_format.h"
#include "reports/statistics.h"

namespace fieldnotes::reports {
namespace {

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
// Weeks start on Monday; 1970-01-01 (day 0) was a Thursday.
int64_t WeekOf(int64_t day) { return FloorDiv(day + 3, 7); }

struct Spike {
  const IndexedEntry* entry;
  TimeSlot slot;
  int64_t day;  // of the slot
};

// The part of the day for people ("night"), in a "%1 %2" with the weekday.
std::string PartOfDayWords(PartOfDay part) {
  // The same note for each of the four: xgettext keeps a comment only for
  // the message on the very next line.
  switch (part) {
    case PartOfDay::kMorning:
      // TRANSLATORS: a part of the day, after a weekday: "Sunday morning".
      // Write it as your language says it after a weekday ("Sonntagabend"
      // would be "%1%2" with "abend"; "dimanche soir").
      return core::TrC("part of day", "morning");
    case PartOfDay::kAfternoon:
      // TRANSLATORS: a part of the day, after a weekday: "Sunday afternoon"
      // (see "morning").
      return core::TrC("part of day", "afternoon");
    case PartOfDay::kEvening:
      // TRANSLATORS: a part of the day, after a weekday: "Sunday evening"
      // (see "morning").
      return core::TrC("part of day", "evening");
    case PartOfDay::kNight:
      // TRANSLATORS: a part of the day, after a weekday: "Sunday night"
      // (see "morning").
      return core::TrC("part of day", "night");
  }
  return core::TrC("part of day", "morning");
}

}  // namespace

std::vector<Observation> TimeDetector::Detect(const EntryIndex& index, const core::Clock& clock) {
  // The window starts where the journal does, if that is later.
  int64_t first_day = index.window_first_day();
  const int64_t last_day = index.last_day();
  if (!index.entries().empty()) first_day = std::max(first_day, index.entries().front().day);
  if (first_day > last_day) return {};

  std::vector<Spike> spikes;
  for (const IndexedEntry& e : index.entries()) {
    if (e.entry->kind != core::EntryKind::kSpike || !index.InWindow(e)) continue;
    TimeSlot slot = SlotOf(e.entry->written_at);
    int64_t day = core::DaysFromCivil(slot.date);
    if (day < first_day || day > last_day) continue;
    spikes.push_back({&e, slot, day});
  }
  if (spikes.size() < static_cast<size_t>(kMinWeeks)) return {};

  const int64_t first_week = WeekOf(first_day);
  const int64_t weeks = WeekOf(last_day) - first_week + 1;
  // Spikes per week, and which weekdays of each week are inside the window.
  std::vector<int> per_week(weeks, 0);
  for (const Spike& s : spikes) ++per_week[WeekOf(s.day) - first_week];
  auto covered = [&](int64_t w, int weekday) {
    int64_t day = (first_week + w) * 7 - 3 + weekday;
    return day >= first_day && day <= last_day;
  };
  auto days_covered = [&](int64_t w) {
    int n = 0;
    for (int d = 0; d < 7; ++d) n += covered(w, d);
    return n;
  };

  // The client's own part-of-day rhythm, from the other six weekdays (so a
  // habit on one day does not raise the rate it is measured against),
  // smoothed.
  std::array<std::array<double, 4>, 7> by_day{};
  for (const Spike& s : spikes) by_day[s.slot.weekday][static_cast<int>(s.slot.part)] += 1;
  // A young journal has few spikes on the other days, so that share is
  // pulled towards the share over all days (which counts the day tested and
  // so errs on the side of silence) with the weight of kPriorSpikes spikes.
  std::array<double, 4> pooled{};
  for (const Spike& s : spikes) pooled[static_cast<int>(s.slot.part)] += 1;
  for (double& p : pooled) p = (p + 1) / (static_cast<double>(spikes.size()) + 4);
  auto part_share = [&](int weekday, int part) {
    double in_part = 0, all = 0;
    for (int d = 0; d < 7; ++d) {
      if (d == weekday) continue;
      in_part += by_day[d][part];
      for (int p = 0; p < 4; ++p) all += by_day[d][p];
    }
    return (in_part + kPriorSpikes * pooled[part]) / (all + kPriorSpikes);
  };

  struct Found {
    int weekday;
    PartOfDay part;
    int weeks_hit;
    int weeks_seen;  // weeks whose day of this weekday is in the window
    double p;
  };
  std::vector<Found> found;
  for (int weekday = 0; weekday < 7; ++weekday) {
    for (int part = 0; part < 4; ++part) {
      std::vector<bool> hit(weeks, false);
      for (const Spike& s : spikes) {
        if (s.slot.weekday == weekday && static_cast<int>(s.slot.part) == part)
          hit[WeekOf(s.day) - first_week] = true;
      }
      const int k = static_cast<int>(std::count(hit.begin(), hit.end(), true));
      if (k < kMinWeeks) continue;
      const double share = part_share(weekday, part);
      std::vector<double> q(weeks, 0.0);
      for (int64_t w = 0; w < weeks; ++w) {
        if (!covered(w, weekday) || per_week[w] == 0) continue;
        const double per_spike = share / days_covered(w);
        q[w] = 1 - std::pow(1 - per_spike, per_week[w]);
      }
      const double p = PoissonBinomialUpperTail(q, k);
      int seen = 0;
      for (int64_t w = 0; w < weeks; ++w) seen += covered(w, weekday);
      if (p * kBuckets <= kFamilyAlpha)
        found.push_back({weekday, static_cast<PartOfDay>(part), k, seen, p});
    }
  }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.p != b.p ? a.p < b.p : a.weeks_hit > b.weeks_hit;
  });
  if (found.size() > kMaxObservations) found.resize(kMaxObservations);

  const core::Date end = core::CivilFromDays(last_day);
  const bool ends_today = end == clock.Now().LocalDate();
  std::vector<Observation> out;
  for (const Found& f : found) {
    Observation o;
    TimeDetail d;
    d.weekday = f.weekday;
    d.part = f.part;
    d.weeks = f.weeks_seen;
    d.p_value = f.p;
    std::map<std::string, int> emotions;
    int in_bucket = 0;
    for (const Spike& s : spikes) {
      if (s.slot.weekday != f.weekday || s.slot.part != f.part) continue;
      ++in_bucket;
      o.evidence.Add(s.entry->entry->id, s.entry->date);
      std::vector<std::string> seen;
      for (const std::string& em : s.entry->entry->emotions) {
        std::string folded = core::text::Fold(em);
        if (std::find(seen.begin(), seen.end(), folded) != seen.end()) continue;
        seen.push_back(folded);
        ++emotions[folded];
      }
    }
    for (const auto& [emotion, n] : emotions) {
      if (n >= kEmotionShare * in_bucket && (d.emotion.empty() || n > emotions[d.emotion]))
        d.emotion = emotion;
    }
    o.count = f.weeks_hit;
    o.id = "time-" + core::text::Fold(WeekdayName(f.weekday)) + "-" +
           std::string(PartOfDayName(f.part));
    const std::string when_shown =
        // TRANSLATORS: a day of the week and a part of the day: %1 is
        // "Sunday", %2 "night" ("Sunday night").
        core::Format(core::TrC("weekday and part of day", "%1 %2"), core::WeekdayName(f.weekday),
                     PartOfDayWords(f.part));
    const auto seen = static_cast<unsigned long>(f.weeks_seen);
    if (d.emotion.empty()) {
      o.summary =
          ends_today
              // TRANSLATORS: %1 is "Sunday night", %2 and %3 numbers of weeks.
              ? core::Format(core::TrN("You wrote a spike on %1 in %2 of the last %3 week.",
                                       "You wrote a spike on %1 in %2 of the last %3 weeks.", seen),
                             when_shown, f.weeks_hit, f.weeks_seen)
              // TRANSLATORS: %1 is "Sunday night", %2 and %3 numbers of
              // weeks, %4 the last day counted ("Nov 30").
              : core::Format(core::TrN("You wrote a spike on %1 in %2 of the %3 week up to %4.",
                                       "You wrote a spike on %1 in %2 of the %3 weeks up to %4.",
                                       seen),
                             when_shown, f.weeks_hit, f.weeks_seen, ShortDate(end, end.year));
    } else {
      const std::string feeling = Capitalized(core::EmotionWord(d.emotion));
      o.summary =
          ends_today
              // TRANSLATORS: %1 is a feeling ("Anxiety"), %2 "Sunday night",
              // %3 and %4 numbers of weeks.
              ? core::Format(core::TrN("%1 came up on %2 in %3 of the last %4 week.",
                                       "%1 came up on %2 in %3 of the last %4 weeks.", seen),
                             feeling, when_shown, f.weeks_hit, f.weeks_seen)
              // TRANSLATORS: %1 is a feeling ("Anxiety"), %2 "Sunday night",
              // %3 and %4 numbers of weeks, %5 the last day counted ("Nov 30").
              : core::Format(core::TrN("%1 came up on %2 in %3 of the %4 week up to %5.",
                                       "%1 came up on %2 in %3 of the %4 weeks up to %5.", seen),
                             feeling, when_shown, f.weeks_hit, f.weeks_seen,
                             ShortDate(end, end.year));
    }
    o.detail = std::move(d);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace fieldnotes::reports
