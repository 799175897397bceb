// MainFrame: the window. Locked, it shows the UnlockPanel; unlocked, a
// WorkspacePanel over a JournalController. It owns the menus (every action
// with its accelerator), the status bar and the auto-lock.
//
// Locking (menu, Ctrl+L, or idle for AppSettings::auto_lock_minutes) keeps
// the draft, then destroys the workspace (every text control, every cached
// row and entry) and the controller (the journal, and with it the keys).
#ifndef FIELDNOTES_CLIENT_UI_MAIN_FRAME_H_
#define FIELDNOTES_CLIENT_UI_MAIN_FRAME_H_

#include <wx/frame.h>
#include <wx/timer.h>

#include <memory>

#include "common/wx/idle_lock.h"
#include "reports/report_store.h"
#include "ui/app_options.h"
#include "engine/settings.h"

class wxBoxSizer;

namespace fieldnotes::core {
class Journal;
}

namespace fieldnotes::client {

class DailyReminder;
class JournalController;
class UnlockPanel;
class WorkspacePanel;

class MainFrame : public wxFrame {
 public:
  explicit MainFrame(AppOptions options);
  ~MainFrame() override;

  // Locks now: see the file comment. `why` goes to the status bar. While
  // sharing work has the journal, locking waits for it; an open sharing
  // dialog is closed first.
  void Lock(const wxString& why);
  bool unlocked() const { return controller_ != nullptr; }

  // Saves the settings in the journal and applies them (auto-lock).
  bool ApplySettings(const AppSettings& settings);
  void OpenSettings();

  // A key press or click happened (App::FilterEvent).
  void NoteActivity();

  JournalController* controller() { return controller_.get(); }
  WorkspacePanel* workspace() { return workspace_; }
  UnlockPanel& unlock_panel() { return *unlock_; }
  wxcommon::IdleLock& idle_lock() { return idle_; }
  DailyReminder& reminder() { return *reminder_; }

 private:
  void BuildMenus();
  void BindCommands();
  void OnUnlocked(std::unique_ptr<core::Journal> journal,
                  std::optional<std::vector<reports::StoredReport>> reports);
  void OnClose(wxCloseEvent& e);
  void OnUndo();
  void OnAbout();
  // File > Restore from a backup: locks, puts the backup in the journal's
  // place (core::RestoreJournalFrom) and opens it.
  void RestoreFromBackup();
  // Help (F1): the guide, docs/client-app.md, in the desktop's viewer.
  void OpenHelp();

  AppOptions options_;
  std::unique_ptr<JournalController> controller_;
  wxBoxSizer* sizer_;
  UnlockPanel* unlock_;
  WorkspacePanel* workspace_ = nullptr;
  wxcommon::IdleLock idle_;
  wxTimer lock_retry_;
  wxString lock_why_;
  // After unlocking, until every entry is loaded (core::JournalOptions::
  // load_first): a journal whose rest fails to load is locked again.
  wxTimer loading_check_;
  void CheckLoading();
  std::unique_ptr<DailyReminder> reminder_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_MAIN_FRAME_H_
