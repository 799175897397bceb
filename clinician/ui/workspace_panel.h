// WorkspacePanel: the viewer once the key file is open and the clinician is
// signed in. On the left, the clients (label, latest report, how many are
// new) and the reports (new ones marked in words, not colour alone); on the
// right, what was chosen: a report's pages, a client's safety number, or
// why a report was not shown. A strip at the top says what changed (a
// report withdrawn or expired) and, when the server cannot be reached, says
// so calmly with a Retry button.
//
// The list is fetched when the panel opens, on demand (F5) and on a timer;
// every fetch runs on the controller's worker.
#ifndef FIELDNOTES_CLINICIAN_UI_WORKSPACE_PANEL_H_
#define FIELDNOTES_CLINICIAN_UI_WORKSPACE_PANEL_H_

#include <wx/panel.h>
#include <wx/timer.h>

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "clinician/ui/session_controller.h"

class wxButton;
class wxListEvent;
class wxListView;
class wxSimplebook;
class wxSplitterWindow;
class wxStaticText;

namespace fieldnotes::clinician {

class ClientView;
class ReportView;

class WorkspacePanel : public wxPanel {
 public:
  static constexpr char kClientsName[] = "clients_list";
  static constexpr char kReportsName[] = "reports_list";
  static constexpr char kNoticeName[] = "workspace_notice";
  static constexpr char kRefusalName[] = "refusal_text";

  enum class Page { kHome, kClient, kReport, kRefused };

  // `controller` must outlive the panel. `status` writes the status bar;
  // `signed_out` is called when the server no longer accepts the session.
  WorkspacePanel(wxWindow* parent, SessionController& controller, int refresh_seconds,
                 std::function<void(const wxString&)> status, std::function<void()> signed_out);
  ~WorkspacePanel() override;

  void Refresh();
  // Opens the report chosen in the list (or the report with this id).
  void OpenSelected();
  void OpenReport(const std::string& report_id);
  void ShowClient(const std::string& client_id);
  // The chosen client (the first when none is), with the safety number.
  void ShowSelectedClient();
  void RenameSelectedClient();
  // Keeps the private note typed for `client` (SessionController::SetNote).
  void SaveNote(const ClientRow& client, const std::string& note);
  void EndSelectedLink();
  // The keyboard to a list (Ctrl+1, Ctrl+2); lists put away beside a
  // report come back for it, until the next report opens.
  void FocusClients();
  void FocusReports();
  // Whether the lists stay beside an open report (View, F9); when not, an
  // open report takes the whole width. The lists are always there when no
  // report is open.
  void SetListsBesideReport(bool beside);
  bool lists_beside_report() const { return lists_beside_report_; }
  // True when the lists are on screen now.
  bool lists_shown() const;
  // Closes the report: its pages are wiped.
  void CloseReport();

  Page page() const { return page_; }
  bool refreshing() const { return refreshing_; }
  bool opening() const { return opening_; }
  const std::optional<Overview>& overview() const { return overview_; }
  ReportView& report_view() { return *report_view_; }
  ClientView& client_view() { return *client_view_; }
  wxString notice() const;
  wxString refusal() const;
  wxListView& clients_list() { return *clients_; }
  wxListView& reports_list() { return *reports_; }

 private:
  void ShowPage(Page page);
  // Where the lists are: beside whatever is shown at the width the
  // clinician left them; narrowed to their least while two reports are
  // side by side, so each gets a readable half; put away while a report is
  // open when they are not wanted beside it.
  void PlaceLists();
  // Each list's columns as wide as their words, cut only where the list is
  // too narrow for them.
  void FitListColumns();
  // The width the column of the day each report was shared needs.
  int SharedColumnWidth() const;
  void Apply(Overview overview);
  void NoteGone(const Overview& now);
  void FillClients(const std::string& selected_id);
  void FillReports(const std::string& selected_id);
  std::string SelectedReportId() const;
  void SetNotice(const wxString& text, bool retry);
  void ShowRefusal(const ReportRow& row, const core::Status& status);
  // Opens another report of the client beside the one shown.
  void OpenBeside(ReportRow row, Done<OpenedReport> done);
  const ClientRow* SelectedClient() const;
  void RenameClient(const ClientRow& client);
  void EndLink(const ClientRow& client);

  SessionController& controller_;
  std::function<void(const wxString&)> status_;
  std::function<void()> signed_out_;
  std::optional<Overview> overview_;
  std::string client_filter_;  // only this client's reports when not empty
  Page page_ = Page::kHome;
  bool refreshing_ = false;
  bool opening_ = false;
  bool filling_ = false;
  bool server_down_ = false;  // the last refresh did not reach the server
  wxTimer timer_;
  wxStaticText* notice_;
  wxButton* retry_;
  wxListView* clients_;
  wxListView* reports_;
  wxStaticText* reports_heading_;
  wxSimplebook* book_;
  wxSplitterWindow* splitter_;
  wxWindow* left_;
  int sash_before_ = 0;       // the lists' width before a report took the room
  bool sash_fitted_ = false;  // sized once to the lists' words
  bool lists_beside_report_ = true;
  bool lists_revealed_ = false;  // brought back by Ctrl+1 or Ctrl+2
  wxStaticText* home_text_;
  ClientView* client_view_;
  ReportView* report_view_;
  wxStaticText* refusal_title_;
  wxStaticText* refusal_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
};

// Why a report was not shown, in plain words, from VerifyReport's answer.
wxString RefusalWords(const core::Status& status);
// What the empty side of the workspace says, for `clients` linked and
// `fresh` new reports: a new therapist is told how a client gets linked.
wxString HomeWords(size_t clients, size_t fresh);

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_UI_WORKSPACE_PANEL_H_
