// ReportPdf: draws a ReportContent as the PDF the client prints or shares
// (issue 4, docs/report.md).
//
// What it guarantees: real text in reading order (title, then each section
// top to bottom), every script shaped and ordered (PdfDocument), its fonts
// embedded as subsets, lines wrapped so nothing runs off the page (long
// words are broken), the footer and "Page N of M" on
// every page, A4 or US Letter, the mood chart as vector graphics, metadata
// (title and period; an author only when the client set a display name),
// and the same bytes for the same content: the creation date is the
// period's last day, and neither libharu nor the font subsets add random
// ids.
#ifndef FIELDNOTES_REPORTS_REPORT_PDF_H_
#define FIELDNOTES_REPORTS_REPORT_PDF_H_

#include <string>
#include <vector>

#include "core/status.h"
#include "reports/font_locator.h"
#include "reports/pdf_document.h"
#include "reports/report_content.h"

namespace fieldnotes::reports {

struct RenderedPdf {
  std::string bytes;
  int pages = 0;
  // For the client, e.g. characters no installed font could show.
  std::vector<std::string> warnings;
};

class ReportPdf {
 public:
  // Draws `content`. Errors are libharu's (a font it cannot read: IoError).
  static core::Result<RenderedPdf> Render(const ReportContent& content, Paper paper,
                                          const FontSet& fonts);
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_REPORT_PDF_H_
