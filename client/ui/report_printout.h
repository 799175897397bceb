// ReportPrintout: prints the report's PDF exactly as saved: each page is
// drawn by poppler at the printer's resolution (at most 300 dpi) and fitted
// to the paper.
#ifndef FIELDNOTES_CLIENT_UI_REPORT_PRINTOUT_H_
#define FIELDNOTES_CLIENT_UI_REPORT_PRINTOUT_H_

#include <wx/print.h>

#include <string>
#include <vector>

#include "ui/pdf_pages.h"

namespace fieldnotes::client {

class ReportPrintout : public wxPrintout {
 public:
  explicit ReportPrintout(std::string pdf);

  void OnPreparePrinting() override;
  bool HasPage(int page) override;
  void GetPageInfo(int* min_page, int* max_page, int* from, int* to) override;
  bool OnPrintPage(int page) override;

 private:
  std::string pdf_;
  std::vector<PagePixels> pages_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_REPORT_PRINTOUT_H_
