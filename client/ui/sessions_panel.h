// SessionsPanel: the "Sessions and threads" page. Therapy appointments
// (they start each report period: "since your last session") can be added
// and removed; the threads (suggestions from a session) are listed with how
// often they were followed up, and "Write how it went" opens the form for
// a follow-up.
#ifndef FIELDNOTES_CLIENT_UI_SESSIONS_PANEL_H_
#define FIELDNOTES_CLIENT_UI_SESSIONS_PANEL_H_

#include <wx/panel.h>

#include <string>
#include <vector>

#include "core/model.h"

class wxButton;
class wxDataViewListCtrl;

namespace fieldnotes::client {

class PageHost;

class SessionsPanel : public wxPanel {
 public:
  static constexpr char kSessionsName[] = "sessions";
  static constexpr char kThreadsName[] = "threads";

  SessionsPanel(wxWindow* parent, PageHost& host);

  void Reload();
  // Adds a session (what the dialog does once the person confirms).
  bool AddSession(const core::Session& session);
  void AddSessionWithDialog();
  void DeleteSelectedSession();
  void WriteAboutSelectedThread();

  size_t session_count() const { return session_ids_.size(); }
  size_t thread_count() const { return thread_titles_.size(); }

 private:
  PageHost& host_;
  std::vector<std::string> session_ids_;    // rows, newest first
  std::vector<std::string> thread_titles_;  // rows
  wxDataViewListCtrl* sessions_;
  wxButton* add_session_;
  wxButton* delete_session_;
  wxDataViewListCtrl* threads_;
  wxButton* write_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_SESSIONS_PANEL_H_
