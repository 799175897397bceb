#include "reports/mood_detector.h"

#include <algorithm>
#include <map>

#include "core/display.h"
#include "core/i18n.h"
#include "core/text.h"
#include "reports/phrase_format.h"

namespace fieldnotes::reports {
namespace {

// Entries that fall in a period, and the per-day series of their intensities.
struct Side {
  std::vector<const IndexedEntry*> entries;  // all that match
  std::vector<MoodPoint> series;
  int with_intensity = 0;
  std::optional<double> average;
};

using Measure = std::optional<int> (*)(const core::Entry&);
std::optional<int> Intensity(const core::Entry& e) { return e.intensity; }
std::optional<int> MoodBefore(const core::Entry& e) { return e.mood_before; }
std::optional<int> MoodAfter(const core::Entry& e) { return e.mood_after; }

// `measure` per day over `period`, of the entries naming `emotion` (all
// entries when empty).
Side Collect(const EntryIndex& index, const Period& period, bool use_period_rule,
             const std::string& emotion, Measure measure = Intensity) {
  Side side;
  const int64_t first = core::DaysFromCivil(period.from());
  side.series.resize(period.Days());
  for (int64_t i = 0; i < period.Days(); ++i) side.series[i].date = core::CivilFromDays(first + i);
  std::vector<double> sums(period.Days(), 0.0);
  double total = 0;
  for (const IndexedEntry& e : index.entries()) {
    bool inside = use_period_rule ? e.in_period : period.ContainsDate(e.date);
    if (!inside) continue;
    if (!emotion.empty()) {
      bool named =
          std::any_of(e.entry->emotions.begin(), e.entry->emotions.end(),
                      [&](const std::string& em) { return core::text::Fold(em) == emotion; });
      if (!named) continue;
    }
    side.entries.push_back(&e);
    const std::optional<int> value = measure(*e.entry);
    if (!value) continue;
    const int64_t i = e.day - first;
    if (i < 0 || i >= period.Days()) continue;
    sums[i] += *value;
    ++side.series[i].entries;
    total += *value;
    ++side.with_intensity;
  }
  for (size_t i = 0; i < sums.size(); ++i) {
    if (side.series[i].entries > 0) side.series[i].average = sums[i] / side.series[i].entries;
  }
  if (side.with_intensity > 0) side.average = total / side.with_intensity;
  return side;
}

std::string DaysBefore(const Period& period) { return DaysBeforePhrase(period.Days()); }

std::string IdPart(const std::string& emotion) {
  std::string out;
  for (char c : emotion) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (c == ' ' || c == '-') {
      out += '-';
    } else {
      return ShortHash(emotion);
    }
  }
  return out;
}

bool HasMood(const core::Entry& e) { return e.mood_before || e.mood_after; }

// "4.2 on average before writing, 5.1 after"
std::string BeforeAfter(const std::optional<double>& before, const std::optional<double>& after) {
  if (before && after) {
    // TRANSLATORS: the mood (0 to 10) before and after writing, inside a
    // sentence ("Mood noted in 4 entries since your last session: %1 (0 to
    // 10)."); %1 and %2 are numbers such as 4.2.
    return core::Format(core::Tr("%1 on average before writing, %2 after"), OneDecimal(*before),
                        OneDecimal(*after));
  }
  // TRANSLATORS: as "%1 on average before writing, %2 after", when only the
  // mood before writing was noted.
  if (before) return core::Format(core::Tr("%1 on average before writing"), OneDecimal(*before));
  // TRANSLATORS: as "%1 on average before writing, %2 after", when only the
  // mood after writing was noted.
  return core::Format(core::Tr("%1 on average after writing"), OneDecimal(*after));
}

// The client's mood before and after writing (0-10), never the intensity of
// a feeling: relief at 8 and panic at 8 are not the same mood.
Observation MakeMood(const EntryIndex& index) {
  const Period& period = index.period();
  const Period previous = period.Previous();
  Side before = Collect(index, period, true, "", MoodBefore);
  Side after = Collect(index, period, true, "", MoodAfter);
  Side old_before = Collect(index, previous, false, "", MoodBefore);
  Side old_after = Collect(index, previous, false, "", MoodAfter);

  Observation o;
  o.id = "mood";
  MoodDetail d;
  d.series = std::move(before.series);
  d.previous = std::move(old_before.series);
  d.after = std::move(after.series);
  d.previous_after = std::move(old_after.series);
  d.average = before.average;
  d.previous_average = old_before.average;
  d.average_after = after.average;
  d.previous_average_after = old_after.average;
  size_t with_mood = 0;
  for (const IndexedEntry* e : before.entries) with_mood += HasMood(*e->entry) ? 1 : 0;
  o.evidence.Reserve(with_mood);
  for (const IndexedEntry* e : before.entries) {
    if (HasMood(*e->entry)) o.evidence.Add(e->entry->id, e->date);
  }
  o.count = static_cast<int>(o.evidence.size());
  for (const IndexedEntry* e : old_before.entries) d.previous_count += HasMood(*e->entry) ? 1 : 0;

  const std::string then = DaysBefore(period);
  const auto n = static_cast<unsigned long>(o.count);
  if (o.count > 0) {
    // TRANSLATORS: %1 is a number of entries, %2 the period ("since your
    // last session"), %3 the mood before and after writing ("4.2 on
    // average before writing, 5.1 after").
    o.summary = core::Format(core::TrN("Mood noted in %1 entry %2: %3 (0 to 10).",
                                       "Mood noted in %1 entries %2: %3 (0 to 10).", n),
                             o.count, period.Phrase(), BeforeAfter(d.average, d.average_after));
  } else {
    o.summary =
        // TRANSLATORS: %1 is the period ("since your last session").
        core::Format(core::Tr("No mood before or after writing was noted %1."), period.Phrase());
  }
  const auto previous_n = static_cast<unsigned long>(d.previous_count);
  if (d.previous_count > 0) {
    // TRANSLATORS: the same period before this one: %1 is "the 7 days
    // before", %2 the mood before and after writing then, %3 a number of
    // entries.
    o.summary += " " + core::Format(core::TrN("In %1: %2, over %3 entry.",
                                              "In %1: %2, over %3 entries.", previous_n),
                                    then,
                                    BeforeAfter(d.previous_average, d.previous_average_after),
                                    d.previous_count);
  } else if (o.count > 0) {
    // TRANSLATORS: %1 is "the 7 days before".
    o.summary += " " + core::Format(core::Tr("No mood was noted in %1."), then);
  }
  o.detail = std::move(d);
  return o;
}

// One feeling: how often it was named, and its own intensity.
Observation MakeFeeling(const EntryIndex& index, const std::string& emotion) {
  const Period& period = index.period();
  const Period previous = period.Previous();
  Side now = Collect(index, period, true, emotion);
  Side before = Collect(index, previous, false, emotion);

  Observation o;
  MoodDetail d;
  d.emotion = emotion;
  d.series = std::move(now.series);
  d.previous = std::move(before.series);
  d.average = now.average;
  d.previous_average = before.average;
  o.evidence.Reserve(now.entries.size());
  for (const IndexedEntry* e : now.entries) o.evidence.Add(e->entry->id, e->date);
  o.count = static_cast<int>(o.evidence.size());
  d.previous_count = static_cast<int>(before.entries.size());
  o.id = "mood-" + IdPart(emotion);
  auto average = [](const Side& s) {
    // TRANSLATORS: after a count of entries with a feeling: " (average
    // intensity 6.2)", with its leading space.
    return s.average ? core::Format(core::Tr(" (average intensity %1)"), OneDecimal(*s.average))
                     : std::string();
  };
  o.summary = core::Format(
      // TRANSLATORS: %1 is a feeling ("Anxiety"), %2 a number of entries, %3
      // the period ("since your last session"), %4 the average intensity or
      // nothing, %5 the number of entries in the same stretch before, %6
      // "the 7 days before", %7 the average intensity then or nothing.
      core::TrN("%1 came up in %2 entry %3%4, against %5 in %6%7.",
                "%1 came up in %2 entries %3%4, against %5 in %6%7.",
                static_cast<unsigned long>(now.entries.size())),
      Capitalized(core::EmotionWord(emotion)), now.entries.size(), period.Phrase(), average(now),
      before.entries.size(), DaysBefore(period), average(before));
  o.detail = std::move(d);
  return o;
}

}  // namespace

std::vector<Observation> MoodDetector::Detect(const EntryIndex& index) {
  std::vector<Observation> out;
  const Period& period = index.period();
  const Period previous = period.Previous();
  bool any_mood = false;
  std::map<std::string, std::pair<int, int>> emotions;  // folded -> (period, previous)
  for (const IndexedEntry& e : index.entries()) {
    const bool now = e.in_period;
    const bool before = previous.ContainsDate(e.date);
    if (!now && !before) continue;
    if (HasMood(*e.entry)) any_mood = true;
    std::vector<std::string> seen;
    for (const std::string& em : e.entry->emotions) {
      std::string f = core::text::Fold(em);
      if (f.empty() || std::find(seen.begin(), seen.end(), f) != seen.end()) continue;
      seen.push_back(f);
      auto& counts = emotions[f];
      if (now) ++counts.first;
      if (before) ++counts.second;
    }
  }
  if (any_mood) out.push_back(MakeMood(index));

  std::vector<std::pair<std::string, std::pair<int, int>>> ranked(emotions.begin(), emotions.end());
  std::erase_if(ranked, [](const auto& r) {
    return std::max(r.second.first, r.second.second) < kMinEmotionEntries;
  });
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second.first != b.second.first) return a.second.first > b.second.first;
    return a.second.second > b.second.second;
  });
  if (ranked.size() > kMaxEmotions) ranked.resize(kMaxEmotions);
  for (const auto& r : ranked) out.push_back(MakeFeeling(index, r.first));
  return out;
}

}  // namespace fieldnotes::reports
