#include "reports/report_lines.h"

#include <algorithm>
#include <cstdlib>

#include "core/display.h"
#include "core/i18n.h"
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

std::string DaysBefore(const Period& period) { return DaysBeforePhrase(period.Days()); }

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
  // TRANSLATORS: stands for the client's own words in a report line when
  // they may not be quoted: "You wrote the same thought 4 times …".
  const std::string plain = d.verbatim ? core::Tr("the same thought")
                                       // TRANSLATORS: as "the same thought".
                                       : core::Tr("the same thing");
  if (quoted && !d.whole.empty() && d.whole != d.label) {
    // Word for word, as the client chose: the loop whole.
    Observation whole = o;
    whole.summary = Replaced(o.summary, Quoted(d.label), Quoted(d.whole));
    return QuotedLine(whole, d.whole, true, plain);
  }
  return QuotedLine(o, d.label, quoted, plain);
}

ObservationLine TriggerLine(const Observation& o, const Period&, bool quoted) {
  return QuotedLine(o, std::get<TriggerDetail>(o.detail).trigger, quoted,
                    core::Tr("the same thing"));
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
    line.text = core::Format(core::Tr("%1: no entries followed it up %2."), Quoted(d.thread),
                             period.Phrase());
  } else {
    // TRANSLATORS: a suggestion from a session in the report: %1 its
    // title in quotes, %2 how often ("twice"), %3 the period ("since your
    // last session"), %4 the dates ("Nov 2, 4").
    line.text = core::Format(core::Tr("%1: followed up %2 %3 (%4)."), Quoted(d.thread),
                             Times(o.count), period.Phrase(), DateList(o.evidence.Dates(), year));
    if (d.total > o.count && d.first_date) {
      line.text += InAllSince(d.total, *d.first_date, year);
    }
  }
  if (quoted && !d.latest.empty() && d.latest_date) {
    line.text += " " + core::Format(core::Tr("The latest, on %1: %2"),
                                    ShortDate(*d.latest_date, year), Quoted(d.latest));
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
    // TRANSLATORS: between the feelings of "Feelings named most: …".
    if (!out.empty()) out += core::Tr("; ");
    const auto n = static_cast<unsigned long>(o->count);
    const std::string feeling = SixWordRule::FirstWords(core::EmotionWord(d.emotion), 3);
    // The first says what the number in brackets is; the others follow it.
    // TRANSLATORS: one feeling of "Feelings named most: …": %1 the
    // feeling, %2 a number of entries, %3 the number in the same stretch
    // before, %4 "the 8 days before": "anxiety in 5 entries (0 in the 8
    // days before)".
    out += first ? core::Format(core::TrN("%1 in %2 entry (%3 in %4)", "%1 in %2 entries (%3 in %4)",
                                          n),
                                feeling, o->count, d.previous_count, DaysBefore(period))
                 // TRANSLATORS: as "%1 in %2 entries (%3 in %4)", for the
                 // feelings after the first: "worry in 3 entries (1)".
                 : core::Format(core::TrN("%1 in %2 entry (%3)", "%1 in %2 entries (%3)", n),
                                feeling, o->count, d.previous_count);
    // Each feeling's own intensity; never one number across feelings.
    // TRANSLATORS: after a feeling's count: ", intensity 6.2 on average".
    if (d.average) out += core::Format(core::Tr(", intensity %1 on average"), OneDecimal(*d.average));
    first = false;
  }
  if (out.empty()) return out;
  // TRANSLATORS: the report's line of feelings: %1 is the list ("anxiety
  // in 5 entries (0 in the 8 days before), intensity 6.2 on average; …").
  return core::Format(core::Tr("Feelings named most: %1."), out);
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
    // TRANSLATORS: the lines of the report's mood chart (its legend).
    add(m->series, core::Tr("Mood before writing"), "", false, ChartMeasure::kMoodBefore);
    add(m->after, core::Tr("Mood after writing"), "", false, ChartMeasure::kMoodAfter);
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
    add(d.series, Capitalized(SixWordRule::FirstWords(core::EmotionWord(d.emotion), 3)), d.emotion,
        false, ChartMeasure::kIntensity);
    ++added;
  }
  if (m) {
    add(m->previous,
        // TRANSLATORS: the chart's line of the mood before writing in the
        // stretch of time right before the report's period.
        days == 1 ? std::string(core::Tr("Mood before writing, the day before"))
                  // TRANSLATORS: as "Mood before writing, the day before".
                  : core::Format(core::TrN("Mood before writing, the %1 day before",
                                           "Mood before writing, the %1 days before",
                                           static_cast<unsigned long>(days)),
                                 days),
        "", true, ChartMeasure::kMoodBefore);
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
  // TRANSLATORS: the report's footer, in the client's voice ("I", "my"):
  // %1 is the client's name as they set it.
  out.push_back(display_name.empty()
                    ? std::string(core::Tr(
                          "Written by me with Fieldnotes, from my own journal. These are "
                          "observations, not an assessment. Nobody monitors this journal between "
                          "sessions."))
                    // TRANSLATORS: as "Written by me with Fieldnotes, …", with the
                    // client's name (%1).
                    : core::Format(core::Tr("Written by %1 with Fieldnotes, from my own journal. "
                                            "These are observations, not an assessment. Nobody "
                                            "monitors this journal between sessions."),
                                   display_name));
  const CrisisResources& resources = CrisisResources::Default();
  const CrisisRegion& r = resources.ForRegion(region);
  std::string lines;
  for (size_t i = 0; i < r.lines.size() && i < 3; ++i) {
    // TRANSLATORS: between the crisis lines of the report's footer.
    if (i > 0) lines += core::Tr("; ");
    const CrisisLine line = Translated(r.lines[i]);
    // TRANSLATORS: one crisis line in the report's footer: %1 its name
    // ("Samaritans", "Emergency services"), %2 how to reach it ("call 116
    // 123, free").
    lines += core::Format(core::TrC("crisis line and how to reach it", "%1, %2"), LineName(line),
                          line.contact);
  }
  // TRANSLATORS: the last line of the report: %1 lists up to three crisis
  // lines of the client's region.
  out.push_back(core::Format(core::Tr("In a crisis: %1."), lines));
  return out;
}

}  // namespace fieldnotes::reports
