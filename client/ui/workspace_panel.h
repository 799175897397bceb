// WorkspacePanel: the unlocked journal. Pages in a notebook (Write, Look
// back, Patterns, Sessions and threads, Weekly report; sharing slots in as
// a further page), the crisis lines above them when needed, and a
// notice bar for Undo. It is the PageHost the pages talk through.
//
// It lives exactly as long as the journal is unlocked: locking destroys it,
// and with it every text control and every cached entry.
#ifndef FIELDNOTES_CLIENT_UI_WORKSPACE_PANEL_H_
#define FIELDNOTES_CLIENT_UI_WORKSPACE_PANEL_H_

#include <wx/panel.h>
#include <wx/timer.h>

#include <functional>
#include <memory>
#include <string>

#include "ui/page_host.h"

class wxInfoBar;
class wxNotebook;

namespace fieldnotes::client {

class JournalController;
class LastSessionAsk;
class MonthPanel;
class PatternsPanel;
class ReportPanel;
class SafetyBanner;
class SessionsPanel;
class SharingController;
class TimelinePanel;
class WelcomePanel;
class WritePanel;

class WorkspacePanel : public wxPanel, public PageHost {
 public:
  enum class Page { kWrite = 0, kLookBack, kPatterns, kSessions, kReport, kMonth };
  using StatusFn = std::function<void(const wxString&)>;

  WorkspacePanel(wxWindow* parent, JournalController& controller, StatusFn status);
  ~WorkspacePanel() override;

  void ShowPage(Page page);
  Page current_page() const;

  // Menu commands.
  void NewEntry();
  void SaveEntry();
  void Find();
  void EditSelected();
  void DeleteSelected();
  bool CanUndo() const;
  void Undo();
  // The crisis lines for the client's region; `include_abuse` adds the lines
  // for abuse at home (the Help menu shows every line).
  void ShowCrisisResources(bool include_abuse);

  // Writes the draft now (before locking or closing).
  void SaveDraftNow();

  // ---- sharing (the Sharing menu) ----
  void LinkTherapist();
  void ShowTherapists();
  // Keeps the report on the Weekly report page in the journal, then asks
  // for consent to share it.
  void ShareReport();
  // Chooses a kept report (EarlierReportsDialog), then the consent dialog.
  void ShareEarlierReport();
  void ShowReceipts();
  SharingController& sharing() { return *sharing_; }
  // Asks a yes/no question before ending a link or withdrawing a report
  // (a message box; tests put their own answer here).
  using ConfirmFn = std::function<bool(wxWindow*, const wxString&)>;
  void SetConfirm(ConfirmFn confirm) { confirm_ = std::move(confirm); }

  WritePanel& write() { return *write_; }
  TimelinePanel& timeline() { return *timeline_; }
  PatternsPanel& patterns() { return *patterns_; }
  SessionsPanel& sessions() { return *sessions_; }
  ReportPanel& report() { return *report_; }
  SafetyBanner& safety() { return *safety_; }
  wxInfoBar& notice() { return *notice_; }
  // The "you can undo this" notice goes by itself after this long, after
  // Undo, and when a new entry is saved.
  static constexpr int kUndoNoticeMs = 15000;
  void DismissUndoNotice();
  bool undo_notice_shown() const;
  void set_undo_notice_ms(int ms) { undo_notice_ms_ = ms; }
  LastSessionAsk& last_session_ask() { return *ask_; }
  MonthPanel& month() { return *month_; }

  // The first-run page (WelcomePanel) in place of the pages, until the
  // client starts writing or goes to a page. ShowWelcomeIfNew shows it only
  // for a new journal, once (the first unlock).
  void ShowWelcome();
  bool ShowWelcomeIfNew();
  void HideWelcome();
  bool welcome_shown() const;
  WelcomePanel& welcome() { return *welcome_; }

  // PageHost
  JournalController& controller() override { return controller_; }
  void JournalChanged(const std::string& select_id = {}) override;
  void EditEntry(const std::string& id) override;
  void ShowEntry(const std::string& id) override;
  void WriteFollowUp(const std::string& title) override;
  void EntrySaved(const std::string& id, bool is_new) override;
  void SetStatus(const wxString& text) override;
  void OfferUndo(const wxString& text) override;
  void ShareStoredReport(const std::string& report_id) override;

 private:
  void OnPageChanged();

  JournalController& controller_;
  StatusFn status_;
  wxInfoBar* notice_;
  LastSessionAsk* ask_;
  SafetyBanner* safety_;
  wxNotebook* book_;
  WritePanel* write_;
  TimelinePanel* timeline_;
  PatternsPanel* patterns_;
  SessionsPanel* sessions_;
  ReportPanel* report_;
  MonthPanel* month_;
  WelcomePanel* welcome_;
  std::unique_ptr<SharingController> sharing_;
  ConfirmFn confirm_;
  wxTimer undo_notice_timer_;
  int undo_notice_ms_ = kUndoNoticeMs;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_WORKSPACE_PANEL_H_
