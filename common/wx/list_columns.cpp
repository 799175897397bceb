#include "common/wx/list_columns.h"

#include <wx/listctrl.h>
#include <wx/settings.h>

#include <algorithm>

namespace fieldnotes::wxcommon {
namespace {

// Room around a cell's words: the list's own margins and a little air.
int CellPadding(const wxListCtrl* list) { return list->FromDIP(16); }

int HeaderWidth(wxListCtrl* list, int col) {
  wxListItem header;
  header.SetMask(wxLIST_MASK_TEXT);
  list->GetColumn(col, header);
  const wxString text = header.GetText();
  return text.empty() ? 0 : list->GetTextExtent(text).GetWidth() + CellPadding(list);
}

}  // namespace

int ColumnContentWidth(wxListCtrl* list, int col) {
  int width = HeaderWidth(list, col);
  const int rows = list->GetItemCount();
  for (int row = 0; row < rows; ++row) {
    const wxString text = list->GetItemText(row, col);
    if (text.empty()) continue;
    const wxFont font = list->GetItemFont(row);
    int w = 0, h = 0;
    list->GetTextExtent(text, &w, &h, nullptr, nullptr, font.IsOk() ? &font : nullptr);
    width = std::max(width, w + CellPadding(list));
  }
  return std::max(width, list->FromDIP(24));
}

int ContentWidth(wxListCtrl* list, const std::vector<int>& left_out) {
  int total = 0;
  for (int col = 0; col < list->GetColumnCount(); ++col) {
    if (std::find(left_out.begin(), left_out.end(), col) == left_out.end())
      total += ColumnContentWidth(list, col);
  }
  return total + wxSystemSettings::GetMetric(wxSYS_VSCROLL_X, list) + list->FromDIP(4);
}

int WordsWidth(wxListCtrl* list, const wxString& header, const std::vector<wxString>& cells,
               const std::vector<wxString>& bold_cells) {
  int width = list->GetTextExtent(header).GetWidth();
  for (const wxString& text : cells) width = std::max(width, list->GetTextExtent(text).GetWidth());
  const wxFont bold = list->GetFont().Bold();
  for (const wxString& text : bold_cells) {
    int w = 0, h = 0;
    list->GetTextExtent(text, &w, &h, nullptr, nullptr, &bold);
    width = std::max(width, w);
  }
  return std::max(width + CellPadding(list), list->FromDIP(24));
}

void FitColumns(wxListCtrl* list, const std::vector<int>& give_way) {
  const int count = list->GetColumnCount();
  std::vector<int> widths(static_cast<size_t>(count));
  int total = 0;
  for (int col = 0; col < count; ++col) {
    widths[static_cast<size_t>(col)] = ColumnContentWidth(list, col);
    total += widths[static_cast<size_t>(col)];
  }
  const int room = list->GetClientSize().GetWidth();
  for (int col : give_way) {
    if (room <= 0 || total <= room) break;
    if (col < 0 || col >= count) continue;
    int& w = widths[static_cast<size_t>(col)];
    const int least = std::max(HeaderWidth(list, col), list->FromDIP(48));
    const int cut = std::min(total - room, std::max(0, w - least));
    w -= cut;
    total -= cut;
  }
  for (int col = 0; col < count; ++col) {
    if (list->GetColumnWidth(col) != widths[static_cast<size_t>(col)])
      list->SetColumnWidth(col, widths[static_cast<size_t>(col)]);
  }
}

}  // namespace fieldnotes::wxcommon
