// TimelinePanel: the "Look back" page. Every entry, newest first, grouped
// by day; search as you type (Journal::Search, in memory); the selected
// entry in full on the right, with Edit (Enter) and Delete (Delete key)
// that can be undone.
#ifndef FIELDNOTES_CLIENT_UI_TIMELINE_PANEL_H_
#define FIELDNOTES_CLIENT_UI_TIMELINE_PANEL_H_

#include <wx/panel.h>

#include <string>

class wxButton;
class wxSearchCtrl;
class wxStaticText;
class wxTextCtrl;

namespace fieldnotes::client {

class PageHost;
class TimelineList;

class TimelinePanel : public wxPanel {
 public:
  static constexpr char kSearchName[] = "search";
  static constexpr char kDetailsName[] = "entry_details";

  TimelinePanel(wxWindow* parent, PageHost& host);

  // Re-reads the journal (after any change), keeping the search.
  void Reload(const std::string& select_id = {});
  // Runs the search for `query` as if typed ("" shows everything).
  void SetQuery(const wxString& query);
  void FocusSearch();
  bool Select(const std::string& id);

  void EditSelected();
  void DeleteSelected();

  TimelineList& list() { return *list_; }
  wxString count_text() const;

 private:
  void ShowSelected();

  PageHost& host_;
  wxSearchCtrl* search_;
  wxStaticText* count_;
  TimelineList* list_;
  wxTextCtrl* details_;
  wxButton* edit_;
  wxButton* delete_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_TIMELINE_PANEL_H_
