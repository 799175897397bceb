// TimelineList: a virtual list over a TimelineModel, so 20,000 entries
// cost nothing until they scroll into view. Columns: when, kind (icon and
// name), what was written. Day headings are bold rows that the selection
// skips over. A native list (wxDataViewCtrl, a GTK tree view), so a screen
// reader reads it row by row.
#ifndef FIELDNOTES_CLIENT_UI_TIMELINE_LIST_H_
#define FIELDNOTES_CLIENT_UI_TIMELINE_LIST_H_

#include <wx/dataview.h>

#include <string>

#include "ui/timeline_model.h"

namespace fieldnotes::client {

class TimelineList : public wxDataViewCtrl {
 public:
  static constexpr char kName[] = "timeline";

  explicit TimelineList(wxWindow* parent);
  ~TimelineList() override;

  // Rebuilds the rows; keeps `select_id` selected and in view when shown.
  void SetEntries(const std::vector<const core::Entry*>& entries, const std::string& select_id);
  // Forgets every row (before the journal goes away).
  void ClearRows();
  const TimelineModel& model() const { return model_; }
  // Rows shown, day headings included.
  int GetItemCount() const { return static_cast<int>(model_.size()); }
  // The words of a cell as shown (the kind's name for column 1).
  wxString GetItemText(long row, int column) const;

  // The selected entry, or nullptr.
  const core::Entry* Selected() const;
  bool SelectEntry(const std::string& id);
  // Selects row `row` (an entry's), in view and with the keyboard's place
  // on it, and says so as a click would (wxEVT_DATAVIEW_SELECTION_CHANGED).
  void SelectRow(size_t row);
  // The selected row, or -1.
  long SelectedRow() const;

 private:
  class Rows;
  void OnSelected(wxDataViewEvent& e);

  TimelineModel model_;
  Rows* rows_;  // owned by the control (reference counted)
  long last_selected_ = -1;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_TIMELINE_LIST_H_
