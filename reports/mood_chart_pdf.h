// Draws the report's mood chart as vector graphics: axes with labelled
// ticks (intensity 0-10, the period's days), a light grid, one line per
// series told apart by line style and marker shape as well as colour, and
// a legend. A day without an intensity leaves a gap in its line.
#ifndef FIELDNOTES_REPORTS_MOOD_CHART_PDF_H_
#define FIELDNOTES_REPORTS_MOOD_CHART_PDF_H_

#include "reports/pdf_document.h"
#include "reports/report_content.h"

namespace fieldnotes::reports {

struct SeriesStyle {
  Rgb color;
  LineStyle line = LineStyle::kSolid;
  MarkerShape marker = MarkerShape::kCircle;
  double width = 1.5;
  bool markers = true;
};

// The style of series `index` of `chart`: every entry solid blue with
// circles; emotions dashed, dash-dot and long-dashed in colours safe for
// colour-blind readers, with squares, triangles and diamonds; the previous
// period dotted grey without markers.
SeriesStyle StyleOf(const MoodChart& chart, size_t index);

// The height DrawMoodChart needs for `chart` at `width`, legend included.
double MoodChartHeight(PdfDocument& pdf, const MoodChart& chart, double width);

// Draws `chart` on `page` with its top left corner at (x, top).
void DrawMoodChart(PdfDocument& pdf, int page, const MoodChart& chart, double x, double top,
                   double width);

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_MOOD_CHART_PDF_H_
