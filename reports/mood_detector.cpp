#include "reports/mood_detector.h"

#include <algorithm>
#include <map>

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

std::string DaysBefore(const Period& period) {
  return "the " + std::to_string(period.Days()) + (period.Days() == 1 ? " day" : " days") +
         " before";
}

std::string EntriesWord(size_t n) { return n == 1 ? "1 entry" : std::to_string(n) + " entries"; }

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
  if (before && after)
    return OneDecimal(*before) + " on average before writing, " + OneDecimal(*after) + " after";
  if (before) return OneDecimal(*before) + " on average before writing";
  return OneDecimal(*after) + " on average after writing";
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
  for (const IndexedEntry* e : before.entries) {
    if (!HasMood(*e->entry)) continue;
    o.entry_ids.push_back(e->entry->id);
    o.dates.push_back(e->date);
  }
  o.count = static_cast<int>(o.entry_ids.size());
  for (const IndexedEntry* e : old_before.entries) d.previous_count += HasMood(*e->entry) ? 1 : 0;

  const std::string then = DaysBefore(period);
  if (o.count > 0) {
    o.summary = "Mood noted in " + EntriesWord(static_cast<size_t>(o.count)) + " " +
                period.Phrase() + ": " + BeforeAfter(d.average, d.average_after) +
                " (0 to 10).";
  } else {
    o.summary = "No mood before or after writing was noted " + period.Phrase() + ".";
  }
  if (d.previous_count > 0) {
    o.summary += " In " + then + ": " + BeforeAfter(d.previous_average, d.previous_average_after) +
                 ", over " + EntriesWord(static_cast<size_t>(d.previous_count)) + ".";
  } else if (o.count > 0) {
    o.summary += " No mood was noted in " + then + ".";
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
  for (const IndexedEntry* e : now.entries) {
    o.entry_ids.push_back(e->entry->id);
    o.dates.push_back(e->date);
  }
  o.count = static_cast<int>(o.entry_ids.size());
  d.previous_count = static_cast<int>(before.entries.size());
  o.id = "mood-" + IdPart(emotion);
  auto average = [](const Side& s) {
    return s.average ? " (average intensity " + OneDecimal(*s.average) + ")" : std::string();
  };
  o.summary = Capitalized(emotion) + " came up in " + EntriesWord(now.entries.size()) + " " +
              period.Phrase() + average(now) + ", against " +
              std::to_string(before.entries.size()) + " in " + DaysBefore(period) +
              average(before) + ".";
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
