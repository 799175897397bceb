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

Side Collect(const EntryIndex& index, const Period& period, bool use_period_rule,
             const std::string& emotion) {
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
    if (!e.entry->intensity) continue;
    const int64_t i = e.day - first;
    if (i < 0 || i >= period.Days()) continue;
    sums[i] += *e.entry->intensity;
    ++side.series[i].entries;
    total += *e.entry->intensity;
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

Observation Make(const EntryIndex& index, const std::string& emotion) {
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
    if (!emotion.empty() || e->entry->intensity) {
      o.entry_ids.push_back(e->entry->id);
      o.dates.push_back(e->date);
    }
  }
  o.count = static_cast<int>(o.entry_ids.size());
  const std::string when = period.Phrase();
  const std::string then = DaysBefore(period);
  if (emotion.empty()) {
    d.previous_count = before.with_intensity;
    o.id = "mood";
    if (now.average && before.average) {
      o.summary = "Average intensity was " + OneDecimal(*now.average) + " over " +
                  EntriesWord(now.with_intensity) + " " + when + ", against " +
                  OneDecimal(*before.average) + " over " + EntriesWord(before.with_intensity) +
                  " in " + then + ".";
    } else if (now.average) {
      o.summary = "Average intensity was " + OneDecimal(*now.average) + " over " +
                  EntriesWord(now.with_intensity) + " " + when + ". No entries in " + then +
                  " had an intensity to compare with.";
    } else {
      o.summary = "No entries " + when + " had an intensity. In " + then + ", the average was " +
                  OneDecimal(*before.average) + " over " + EntriesWord(before.with_intensity) + ".";
    }
  } else {
    d.previous_count = static_cast<int>(before.entries.size());
    o.id = "mood-" + IdPart(emotion);
    auto average = [](const Side& s) {
      return s.average ? " (average intensity " + OneDecimal(*s.average) + ")" : std::string();
    };
    o.summary = Capitalized(emotion) + " came up in " + EntriesWord(now.entries.size()) + " " +
                when + average(now) + ", against " + std::to_string(before.entries.size()) +
                " in " + then + average(before) + ".";
  }
  o.detail = std::move(d);
  return o;
}

}  // namespace

std::vector<Observation> MoodDetector::Detect(const EntryIndex& index) {
  std::vector<Observation> out;
  const Period& period = index.period();
  const Period previous = period.Previous();
  bool any_intensity = false;
  std::map<std::string, std::pair<int, int>> emotions;  // folded -> (period, previous)
  for (const IndexedEntry& e : index.entries()) {
    const bool now = e.in_period;
    const bool before = previous.ContainsDate(e.date);
    if (!now && !before) continue;
    if (e.entry->intensity) any_intensity = true;
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
  if (any_intensity) out.push_back(Make(index, ""));

  std::vector<std::pair<std::string, std::pair<int, int>>> ranked(emotions.begin(), emotions.end());
  std::erase_if(ranked, [](const auto& r) {
    return std::max(r.second.first, r.second.second) < kMinEmotionEntries;
  });
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.second.first != b.second.first) return a.second.first > b.second.first;
    return a.second.second > b.second.second;
  });
  if (ranked.size() > kMaxEmotions) ranked.resize(kMaxEmotions);
  for (const auto& r : ranked) out.push_back(Make(index, r.first));
  return out;
}

}  // namespace fieldnotes::reports
