#include "reports/report_lines.h"

#include <algorithm>
#include <cstdlib>

#include "core/text.h"
#include "reports/crisis_resources.h"
#include "reports/observation_types.h"
#include "reports/phrase_format.h"
#include "reports/six_word_rule.h"

namespace fieldnotes::reports {
namespace {

// `text` with the first occurrence of `from` replaced by `to`.
std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// The summary with the client's quoted words cut short, kept whole, or
// replaced by `plain_words`.
ObservationLine QuotedLine(const Observation& o, const std::string& words, bool quoted,
                           const std::string& plain_words) {
  ObservationLine line;
  const std::string as_quoted = Quoted(words);
  if (quoted) {
    line.text = o.summary;
    line.excerpts.push_back(words);
  } else {
    line.text = Replaced(o.summary, as_quoted, Quoted(SixWordRule::FirstWords(words)));
  }
  line.plain = Replaced(o.summary, as_quoted, plain_words);
  return line;
}

std::string DaysBefore(const Period& period) {
  const int64_t days = period.Days();
  return days == 1 ? "the day before" : "the " + std::to_string(days) + " days before";
}

// The value of a run of daily points as one point: the mean of the days'
// averages weighted by their entries.
std::optional<double> Pooled(const std::vector<MoodPoint>& series, size_t first, size_t n) {
  double sum = 0;
  int entries = 0;
  for (size_t i = first; i < first + n && i < series.size(); ++i) {
    if (!series[i].average) continue;
    const int w = std::max(series[i].entries, 1);
    sum += *series[i].average * w;
    entries += w;
  }
  if (entries == 0) return std::nullopt;
  return sum / entries;
}

std::vector<std::optional<double>> Points(const std::vector<MoodPoint>& series, size_t points,
                                          int per_point) {
  std::vector<std::optional<double>> out;
  for (size_t p = 0; p < points; ++p) out.push_back(Pooled(series, p * per_point, per_point));
  return out;
}

bool AnyValue(const std::vector<std::optional<double>>& values) {
  return std::any_of(values.begin(), values.end(), [](const auto& v) { return v.has_value(); });
}

}  // namespace

ObservationLine LineFor(const Observation& o, const Period& period, bool quoted) {
  return InfoOf(o.type()).line(o, period, quoted);
}

ObservationLine RecurringLine(const Observation& o, const Period&, bool quoted) {
  const auto& d = std::get<RecurringDetail>(o.detail);
  const std::string plain = d.verbatim ? "the same thought" : "the same thing";
  if (quoted && !d.whole.empty() && d.whole != d.label) {
    // Word for word, as the client chose: the loop whole.
    Observation whole = o;
    whole.summary = Replaced(o.summary, Quoted(d.label), Quoted(d.whole));
    return QuotedLine(whole, d.whole, true, plain);
  }
  return QuotedLine(o, d.label, quoted, plain);
}

ObservationLine TriggerLine(const Observation& o, const Period&, bool quoted) {
  return QuotedLine(o, std::get<TriggerDetail>(o.detail).trigger, quoted, "the same thing");
}

ObservationLine SummaryLine(const Observation& o, const Period&, bool) {
  return ObservationLine{o.summary, {}, std::nullopt};
}

ObservationLine ThreadLine(const Observation& o, const Period& period, bool quoted) {
  const auto& d = std::get<ThreadDetail>(o.detail);
  const int year = period.to().year;
  ObservationLine line;
  line.excerpts.push_back(d.thread);
  if (o.count == 0) {
    line.text = Quoted(d.thread) + ": no entries followed it up " + period.Phrase() + ".";
  } else {
    line.text = Quoted(d.thread) + ": followed up " + Times(o.count) + " " + period.Phrase() +
                " (" + DateList(o.dates, year) + ").";
    if (d.total > o.count && d.first_date) {
      line.text += " " + Capitalized(Times(d.total)) + " in all, since " +
                   ShortDate(*d.first_date, year) + ".";
    }
  }
  if (quoted && !d.latest.empty() && d.latest_date) {
    line.text += " The latest, on " + ShortDate(*d.latest_date, year) + ": " + Quoted(d.latest);
    line.excerpts.push_back(d.latest);
  }
  return line;
}

std::string FeelingsLine(const std::vector<const Observation*>& emotions, const Period& period) {
  std::string out;
  bool first = true;
  for (const Observation* o : emotions) {
    const auto& d = std::get<MoodDetail>(o->detail);
    if (d.emotion.empty()) continue;
    if (!out.empty()) out += "; ";
    out += SixWordRule::FirstWords(d.emotion, 3) + " in " + std::to_string(o->count) + " " +
           (o->count == 1 ? "entry" : "entries");
    // The first says what the number in brackets is; the others follow it.
    out +=
        " (" + std::to_string(d.previous_count) + (first ? " in " + DaysBefore(period) : "") + ")";
    // Each feeling's own intensity; never one number across feelings.
    if (d.average) out += ", intensity " + OneDecimal(*d.average) + " on average";
    first = false;
  }
  if (out.empty()) return out;
  return "Feelings named most: " + out + ".";
}

MoodChart ChartFor(const std::vector<const Observation*>& mood, const Period& period,
                   size_t max_emotions) {
  MoodChart chart;
  const int64_t days = period.Days();
  chart.days_per_point = days > kWeeklyAfterDays ? 7 : 1;
  const size_t points =
      static_cast<size_t>((days + chart.days_per_point - 1) / chart.days_per_point);
  const int64_t first = core::DaysFromCivil(period.from());
  for (size_t p = 0; p < points; ++p)
    chart.points.push_back(
        core::CivilFromDays(first + static_cast<int64_t>(p) * chart.days_per_point));

  const Observation* overall = nullptr;
  std::vector<const Observation*> emotions;
  for (const Observation* o : mood) {
    if (std::get<MoodDetail>(o->detail).emotion.empty()) {
      overall = o;
    } else {
      emotions.push_back(o);
    }
  }
  auto add = [&](const std::vector<MoodPoint>& series, std::string label, std::string emotion,
                 bool previous, ChartMeasure measure) {
    ChartSeries s{std::move(label), std::move(emotion), previous,
                  Points(series, points, chart.days_per_point), measure};
    if (AnyValue(s.values)) chart.series.push_back(std::move(s));
  };
  const MoodDetail* m = overall ? &std::get<MoodDetail>(overall->detail) : nullptr;
  if (m) {
    add(m->series, "Mood before writing", "", false, ChartMeasure::kMoodBefore);
    add(m->after, "Mood after writing", "", false, ChartMeasure::kMoodAfter);
  }
  // The feelings that moved most: the largest change in how often they
  // came up, then the most frequent; only those with an intensity to draw,
  // each on its own line.
  std::stable_sort(emotions.begin(), emotions.end(),
                   [](const Observation* a, const Observation* b) {
                     const auto& da = std::get<MoodDetail>(a->detail);
                     const auto& db = std::get<MoodDetail>(b->detail);
                     const int ma = std::abs(a->count - da.previous_count);
                     const int mb = std::abs(b->count - db.previous_count);
                     if (ma != mb) return ma > mb;
                     return a->count > b->count;
                   });
  size_t added = 0;
  for (const Observation* o : emotions) {
    if (added == max_emotions) break;
    const auto& d = std::get<MoodDetail>(o->detail);
    if (!d.average) continue;
    add(d.series, Capitalized(SixWordRule::FirstWords(d.emotion, 3)), d.emotion, false,
        ChartMeasure::kIntensity);
    ++added;
  }
  if (m) {
    add(m->previous, "Mood before writing, " + DaysBefore(period), "", true,
        ChartMeasure::kMoodBefore);
  }
  return chart;
}

std::string ObservationKey(const Observation& o) {
  if (const auto* d = std::get_if<RecurringDetail>(&o.detail))
    return "recurring-" + ShortHash(core::text::Fold(d->label));
  return o.id;
}

std::vector<std::string> FooterLines(const std::string& display_name, const std::string& region) {
  std::vector<std::string> out;
  out.push_back("Written by " + (display_name.empty() ? std::string("me") : display_name) +
                " with Fieldnotes, from my own journal. These are observations, not an "
                "assessment. Nobody monitors this journal between sessions.");
  const CrisisResources& resources = CrisisResources::Default();
  const CrisisRegion& r = resources.ForRegion(region);
  std::string crisis = "In a crisis: ";
  for (size_t i = 0; i < r.lines.size() && i < 3; ++i) {
    if (i > 0) crisis += "; ";
    crisis += r.lines[i].name + ", " + r.lines[i].contact;
  }
  out.push_back(crisis + ".");
  return out;
}

}  // namespace fieldnotes::reports
