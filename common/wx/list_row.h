// A row of cells for wxDataViewListCtrl::AppendItem, written as a list:
// list->AppendItem(ListRow({when, kind, words})). (wxVector has no
// constructor from an initializer list.)
#ifndef FIELDNOTES_COMMON_WX_LIST_ROW_H_
#define FIELDNOTES_COMMON_WX_LIST_ROW_H_

#include <wx/variant.h>
#include <wx/vector.h>

#include <initializer_list>

namespace fieldnotes::wxcommon {

inline wxVector<wxVariant> ListRow(std::initializer_list<wxVariant> cells) {
  wxVector<wxVariant> row;
  row.reserve(cells.size());
  for (const wxVariant& cell : cells) row.push_back(cell);
  return row;
}

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_LIST_ROW_H_
