// ViewerFrame: the viewer's window. Locked, it shows the KeyPanel; with the
// key file open but no session, the SignInPanel; signed in, the
// WorkspacePanel. It owns the menus (every action with its accelerator),
// the status bar and the auto-lock.
//
// Locking (File > Lock, Ctrl+L, or idle for ViewerOptions::auto_lock_minutes)
// destroys the workspace (every rendered page is overwritten first) and the
// controller (the session, and with it the keys). Signing out ends the
// session on the server and here, and keeps the key file open.
#ifndef FIELDNOTES_CLINICIAN_UI_VIEWER_FRAME_H_
#define FIELDNOTES_CLINICIAN_UI_VIEWER_FRAME_H_

#include <wx/frame.h>

#include <memory>

#include "clinician/ui/viewer_options.h"
#include "clinician/ui/viewer_settings.h"
#include "common/wx/idle_lock.h"

class wxBoxSizer;

namespace fieldnotes::sync {
class ClinicianSession;
}

namespace fieldnotes::clinician {

class KeyPanel;
class SessionController;
class SignInPanel;
class WorkspacePanel;

class ViewerFrame : public wxFrame {
 public:
  explicit ViewerFrame(ViewerOptions options);
  ~ViewerFrame() override;

  void Lock(const wxString& why);
  void SignOut();
  void Invite();
  bool unlocked() const { return controller_ != nullptr; }

  void NoteActivity();
  // View, Lists beside a report (F9): kept for the next run.
  void SetListsBesideReport(bool beside);
  const ViewerLook& look() const { return look_; }

  KeyPanel& key_panel() { return *key_; }
  SignInPanel* sign_in() { return sign_in_; }
  WorkspacePanel* workspace() { return workspace_; }
  SessionController* controller() { return controller_.get(); }
  wxcommon::IdleLock& idle_lock() { return idle_; }

 private:
  void BuildMenus();
  void BindCommands();
  void OnUnlocked(std::unique_ptr<sync::ClinicianSession> session);
  void ShowSignIn(const wxString& why);
  void ShowWorkspace();
  void DropPanels();
  void OnAbout();

  ViewerOptions options_;
  ViewerLook look_;
  std::unique_ptr<SessionController> controller_;
  wxBoxSizer* sizer_;
  KeyPanel* key_;
  SignInPanel* sign_in_ = nullptr;
  WorkspacePanel* workspace_ = nullptr;
  wxcommon::IdleLock idle_;
};

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_UI_VIEWER_FRAME_H_
