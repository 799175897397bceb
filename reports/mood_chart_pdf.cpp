#include "reports/mood_chart_pdf.h"

#include <algorithm>
#include <cmath>

#include "core/i18n.h"
#include "reports/phrase_format.h"

namespace fieldnotes::reports {
namespace {

constexpr double kLabelSize = 7.5;
constexpr double kCaptionHeight = 13;
constexpr double kPlotHeight = 118;
constexpr double kAxisLabelsHeight = 16;
constexpr double kLegendGap = 8;
constexpr double kLegendRow = 13;
constexpr double kSample = 26;  // length of a legend's line sample
constexpr Rgb kAxis{0.25, 0.25, 0.25};
constexpr Rgb kGrid{0.86, 0.86, 0.86};
constexpr Rgb kText{0.2, 0.2, 0.2};

// Okabe-Ito colours: told apart with the common kinds of colour blindness.
constexpr Rgb kEmotionColors[] = {{0.835, 0.369, 0.0}, {0.0, 0.620, 0.451}, {0.800, 0.475, 0.655}};
constexpr LineStyle kEmotionLines[] = {LineStyle::kDashed, LineStyle::kDashDot,
                                       LineStyle::kLongDash};
constexpr MarkerShape kEmotionMarkers[] = {MarkerShape::kSquare, MarkerShape::kTriangle,
                                           MarkerShape::kDiamond};

struct LegendEntry {
  size_t series;
  double x;  // relative to the chart's left
  int row;
};

std::vector<LegendEntry> LayoutLegend(PdfDocument& pdf, const MoodChart& chart, double width) {
  std::vector<LegendEntry> out;
  double x = 0;
  int row = 0;
  for (size_t i = 0; i < chart.series.size(); ++i) {
    const double w =
        kSample + 5 + pdf.TextWidth(chart.series[i].label, FontStyle::kRegular, kLabelSize);
    if (x > 0 && x + w > width) {
      x = 0;
      ++row;
    }
    out.push_back({i, x, row});
    x += w + 16;
  }
  return out;
}

}  // namespace

SeriesStyle StyleOf(const MoodChart& chart, size_t index) {
  const ChartSeries& s = chart.series[index];
  if (s.previous)
    return SeriesStyle{{0.55, 0.55, 0.55}, LineStyle::kDotted, MarkerShape::kCircle, 1.3, false};
  if (s.measure == ChartMeasure::kMoodBefore)
    return SeriesStyle{{0.0, 0.447, 0.698}, LineStyle::kSolid, MarkerShape::kCircle, 2.0, true};
  if (s.measure == ChartMeasure::kMoodAfter)
    return SeriesStyle{{0.0, 0.0, 0.0}, LineStyle::kSolid, MarkerShape::kCircle, 1.6, true};
  size_t k = 0;  // which feeling this is, in order
  for (size_t i = 0; i < index; ++i)
    k += (!chart.series[i].previous && chart.series[i].measure == ChartMeasure::kIntensity);
  k %= std::size(kEmotionColors);
  return SeriesStyle{kEmotionColors[k], kEmotionLines[k], kEmotionMarkers[k], 1.5, true};
}

double MoodChartHeight(PdfDocument& pdf, const MoodChart& chart, double width) {
  const auto legend = LayoutLegend(pdf, chart, width);
  const int rows = legend.empty() ? 0 : legend.back().row + 1;
  return kCaptionHeight + rows * kLegendRow + kLegendGap + kPlotHeight + kAxisLabelsHeight;
}

void DrawMoodChart(PdfDocument& pdf, int page, const MoodChart& chart, double x, double top,
                   double width) {
  const double label_width = pdf.TextWidth("10", FontStyle::kRegular, kLabelSize);
  const double left = x + label_width + 6;
  const double right = x + width - 4;
  // Caption and legend come first, above the plot, so text extraction reads
  // them before the axis labels.
  const auto legend = LayoutLegend(pdf, chart, width);
  const int rows = legend.empty() ? 0 : legend.back().row + 1;
  const double plot_top = top - kCaptionHeight - rows * kLegendRow - kLegendGap;
  const double bottom = plot_top - kPlotHeight;
  // Say what the lines are: the mood, and each feeling's own intensity.
  bool mood = false;
  bool feelings = false;
  for (const ChartSeries& s : chart.series) {
    (s.measure == ChartMeasure::kIntensity ? feelings : mood) = true;
  }
  // TRANSLATORS: the caption above the report's mood chart.
  const bool weekly = chart.days_per_point == 7;
  const char* caption =
      mood && feelings
          ? (weekly ? core::Tr("Mood, and each feeling's intensity, average per week (0 to 10)")
                    // TRANSLATORS: the caption above the report's mood chart.
                    : core::Tr("Mood, and each feeling's intensity, average per day (0 to 10)"))
      : mood ? (weekly ? core::Tr("Mood, average per week (0 to 10)")
                       // TRANSLATORS: the caption above the report's mood chart.
                       : core::Tr("Mood, average per day (0 to 10)"))
             : (weekly ? core::Tr("Each feeling's intensity, average per week (0 to 10)")
                       // TRANSLATORS: the caption above the report's mood chart.
                       : core::Tr("Each feeling's intensity, average per day (0 to 10)"));
  pdf.Text(page, x, top - 8, caption, FontStyle::kRegular, kLabelSize, kText);
  for (const LegendEntry& e : legend) {
    const SeriesStyle style = StyleOf(chart, e.series);
    const double y = top - kCaptionHeight - e.row * kLegendRow - 5;
    const double sx = x + e.x;
    pdf.Line(page, {sx, y}, {sx + kSample, y}, style.width, style.color, style.line);
    if (style.markers) pdf.Marker(page, {sx + kSample / 2, y}, style.marker, 5.5, style.color);
    pdf.Text(page, sx + kSample + 5, y - 2.6, chart.series[e.series].label, FontStyle::kRegular,
             kLabelSize, kText);
  }

  // Y axis: 0 to 10, a tick, a label and a grid line every 2.
  for (int v = 0; v <= 10; v += 2) {
    const double y = bottom + kPlotHeight * v / 10.0;
    if (v > 0) pdf.Line(page, {left, y}, {right, y}, 0.5, kGrid);
    pdf.Line(page, {left - 3, y}, {left, y}, 0.7, kAxis);
    const std::string label = std::to_string(v);
    const double w = pdf.TextWidth(label, FontStyle::kRegular, kLabelSize);
    pdf.Text(page, left - 5 - w, y - 2.5, label, FontStyle::kRegular, kLabelSize, kText);
  }
  pdf.Line(page, {left, bottom}, {left, plot_top}, 0.8, kAxis);
  pdf.Line(page, {left, bottom}, {right, bottom}, 0.8, kAxis);

  // X axis: one slot per point; labels as many as fit.
  const size_t n = chart.points.size();
  if (n == 0) return;
  const double slot = (right - left) / static_cast<double>(n);
  auto x_of = [&](size_t i) { return left + slot * (static_cast<double>(i) + 0.5); };
  const int year = chart.points.back().year;
  double widest = 0;
  for (const core::Date& d : chart.points)
    widest = std::max(widest, pdf.TextWidth(ShortDate(d, year), FontStyle::kRegular, kLabelSize));
  const size_t every = std::max<size_t>(1, static_cast<size_t>(std::ceil((widest + 6) / slot)));
  for (size_t i = 0; i < n; i += every) {
    pdf.Line(page, {x_of(i), bottom}, {x_of(i), bottom - 3}, 0.7, kAxis);
    const std::string label = ShortDate(chart.points[i], year);
    const double w = pdf.TextWidth(label, FontStyle::kRegular, kLabelSize);
    pdf.Text(page, x_of(i) - w / 2, bottom - 11, label, FontStyle::kRegular, kLabelSize, kText);
  }

  // The series: the previous period first, underneath; gaps where a day had
  // no intensity; markers on every point when they fit.
  const bool markers_fit = slot >= 10;
  std::vector<size_t> order(chart.series.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_partition(order.begin(), order.end(),
                        [&](size_t i) { return chart.series[i].previous; });
  for (size_t s : order) {
    const ChartSeries& series = chart.series[s];
    const SeriesStyle style = StyleOf(chart, s);
    std::vector<Point> run;
    auto flush = [&] {
      if (run.size() >= 2) pdf.Polyline(page, run, style.width, style.color, style.line);
      run.clear();
    };
    for (size_t i = 0; i < n && i < series.values.size(); ++i) {
      if (!series.values[i]) {
        flush();
        continue;
      }
      const double v = std::clamp(*series.values[i], 0.0, 10.0);
      run.push_back({x_of(i), bottom + kPlotHeight * v / 10.0});
    }
    flush();
    for (size_t i = 0; i < n && i < series.values.size(); ++i) {
      if (!series.values[i]) continue;
      // A point with no neighbour has no line: it always gets a marker.
      const bool alone = (i == 0 || !series.values[i - 1]) &&
                         (i + 1 >= series.values.size() || !series.values[i + 1]);
      if (!alone && !(style.markers && markers_fit)) continue;
      const double v = std::clamp(*series.values[i], 0.0, 10.0);
      pdf.Marker(page, {x_of(i), bottom + kPlotHeight * v / 10.0}, style.marker, 5.5, style.color);
    }
  }
}

}  // namespace fieldnotes::reports
