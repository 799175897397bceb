// Columns of a report-style list sized to what they hold: each as wide as
// its longest cell or its header, and, when the list is narrower than all
// of them, the ones named give way in turn: a column that may go is put
// away (its words stay in the row for a screen reader), the others narrow
// to their header (their cells then end in "…"). So a column is cut only
// where the width runs out.
#ifndef FIELDNOTES_COMMON_WX_LIST_COLUMNS_H_
#define FIELDNOTES_COMMON_WX_LIST_COLUMNS_H_

#include <vector>

class wxListCtrl;

namespace fieldnotes::wxcommon {

// The width column `col` of `list` needs for its header and every cell,
// in the cell's own font (a bold row is wider).
int ColumnContentWidth(wxListCtrl* list, int col);

struct GiveWay {
  int column;
  bool may_go = false;  // put away entirely rather than cut
};

// Sizes every column of `list` to its content; then, while they are wider
// than the list, the columns of `give_way` give way in that order: those
// that may go to nothing, the others no narrower than their header's words
// (or a few letters).
void FitColumns(wxListCtrl* list, const std::vector<GiveWay>& give_way);

// The list's width with every column at its content width, but those of
// `left_out` (and room for the list's frame and scroll bar).
int ContentWidth(wxListCtrl* list, const std::vector<int>& left_out = {});

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_LIST_COLUMNS_H_
