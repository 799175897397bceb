// PdfPrintout: prints a PDF exactly as it is: each page is drawn by poppler
// at the printer's resolution (at most 300 dpi) and fitted to the paper.
// The PDF stays in memory (wiped when the printout goes); nothing is
// written to a file on the way.
#ifndef FIELDNOTES_COMMON_WX_PDF_PRINTOUT_H_
#define FIELDNOTES_COMMON_WX_PDF_PRINTOUT_H_

#include <wx/print.h>

#include <string>
#include <vector>

#include "common/wx/pdf_pages.h"
#include "core/crypto.h"

namespace fieldnotes::wxcommon {

class PdfPrintout : public wxPrintout {
 public:
  // `title` names the print job (what a print queue shows).
  PdfPrintout(std::string pdf, const wxString& title);

  void OnPreparePrinting() override;
  bool HasPage(int page) override;
  void GetPageInfo(int* min_page, int* max_page, int* from, int* to) override;
  bool OnPrintPage(int page) override;

 private:
  core::crypto::SecureString pdf_;
  std::vector<PagePixels> pages_;
};

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_PDF_PRINTOUT_H_
