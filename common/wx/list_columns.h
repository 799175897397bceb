// Columns of a report-style list sized to what they hold: each as wide as
// its longest cell or its header, and, when the list is narrower than all
// of them, the ones named give way in turn, each no narrower than its
// header (their cells then end in "…"). So a column is cut only where the
// width runs out.
#ifndef FIELDNOTES_COMMON_WX_LIST_COLUMNS_H_
#define FIELDNOTES_COMMON_WX_LIST_COLUMNS_H_

#include <wx/string.h>

#include <vector>

class wxListCtrl;

namespace fieldnotes::wxcommon {

// The width column `col` of `list` needs for its header and every cell,
// in the cell's own font (a bold row is wider).
int ColumnContentWidth(wxListCtrl* list, int col);

// Sizes every column of `list` to its content; then, while they are wider
// than the list, narrows the columns of `give_way` in that order, each no
// narrower than its header's words (or a few letters).
void FitColumns(wxListCtrl* list, const std::vector<int>& give_way);

// The width a column needs for `header` and `cells` in `list`'s font (a
// column not in the list yet); `bold_cells` in the bold one.
int WordsWidth(wxListCtrl* list, const wxString& header, const std::vector<wxString>& cells,
               const std::vector<wxString>& bold_cells = {});

// The list's width with every column at its content width, but those of
// `left_out` (and room for the list's frame and scroll bar).
int ContentWidth(wxListCtrl* list, const std::vector<int>& left_out = {});

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_LIST_COLUMNS_H_
