// PageTools: the zoom and page controls of one report's pages (zoom out,
// zoom in, fit the width; previous page, "Page 2 of 5", next page), and
// what they do. The report opened (ReportView) and the earlier one beside
// it (EarlierReportPane) each have one, so the keys and the buttons act the
// same way on whichever report they are for.
#ifndef FIELDNOTES_CLINICIAN_UI_PAGE_TOOLS_H_
#define FIELDNOTES_CLINICIAN_UI_PAGE_TOOLS_H_

#include <wx/string.h>

#include <functional>
#include <vector>

class wxBoxSizer;
class wxButton;
class wxSizer;
class wxStaticText;
class wxWindow;

namespace fieldnotes::wxcommon {
class PdfPreview;
}

namespace fieldnotes::clinician {

// A compact button of a report's row in `row`: `label` on it, `name` for a
// screen reader and in its tooltip with `key` ("Zoom in (Ctrl+=)").
wxButton* MakeRowButton(wxWindow* row, const wxString& label, const wxString& name,
                        const wxString& key, std::function<void()> fn);

// Shows every control of `give_way`, then hides them in that order until
// `row` fits in `width` pixels (or none is left to hide).
void FitRow(wxSizer* row, int width, const std::vector<wxWindow*>& give_way);

class PageTools {
 public:
  // Makes the controls in `row` (the window the row's sizer lays out) for
  // `preview`, which must outlive this. The page label is called
  // `label_name`; `changed` is called when its words changed, so the row
  // can be laid out again.
  PageTools(wxWindow* row, wxcommon::PdfPreview& preview, const char* label_name,
            std::function<void()> changed);

  // Adds the controls to `sizer`, in their order, `gap` pixels apart.
  void AddTo(wxBoxSizer* sizer, int gap);

  // Each does nothing while the preview has no pages.
  void ZoomIn();
  void ZoomOut();
  void ZoomToFit();
  void NextPage();
  void PreviousPage();
  // "Page 2 of 5" for the page at the top of the view; empty without pages.
  void UpdatePageLabel();

  wxcommon::PdfPreview& preview() { return preview_; }
  const wxcommon::PdfPreview& preview() const { return preview_; }
  // What gives way on a narrow row, first to last (FitRow): the fit
  // button, then the page label. Both are in the menus too.
  std::vector<wxWindow*> give_way() const;

 private:
  wxcommon::PdfPreview& preview_;
  std::function<void()> changed_;
  wxButton* zoom_out_;
  wxButton* zoom_in_;
  wxButton* fit_;
  wxButton* previous_;
  wxStaticText* page_label_;
  wxButton* next_;
};

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_UI_PAGE_TOOLS_H_
