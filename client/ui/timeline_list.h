// TimelineList: a virtual list control over a TimelineModel, so 20,000
// entries cost nothing until they scroll into view. Columns: when, kind
// (icon and name), what was written. Day headings are bold rows that the
// selection skips over.
#ifndef FIELDNOTES_CLIENT_UI_TIMELINE_LIST_H_
#define FIELDNOTES_CLIENT_UI_TIMELINE_LIST_H_

#include <wx/listctrl.h>

#include <memory>
#include <string>

#include "ui/timeline_model.h"

namespace fieldnotes::client {

class TimelineList : public wxListView {
 public:
  static constexpr char kName[] = "timeline";

  explicit TimelineList(wxWindow* parent);
  ~TimelineList() override;

  // Rebuilds the rows; keeps `select_id` selected and in view when shown.
  void SetEntries(const std::vector<const core::Entry*>& entries, const std::string& select_id);
  // Forgets every row (before the journal goes away).
  void ClearRows();
  const TimelineModel& model() const { return model_; }

  // The selected entry, or nullptr.
  const core::Entry* Selected() const;
  bool SelectEntry(const std::string& id);

 protected:
  wxString OnGetItemText(long item, long column) const override;
  int OnGetItemColumnImage(long item, long column) const override;
  wxItemAttr* OnGetItemAttr(long item) const override;

 private:
  void OnSelected(wxListEvent& e);

  TimelineModel model_;
  std::unique_ptr<wxItemAttr> heading_attr_;
  long last_selected_ = -1;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_TIMELINE_LIST_H_
