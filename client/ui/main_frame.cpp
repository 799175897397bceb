#include "ui/main_frame.h"

#include <wx/aboutdlg.h>
#include <wx/dialog.h>
#include <wx/filedlg.h>
#include <wx/menu.h>
#include <wx/persist/toplevel.h>
#include <wx/sizer.h>
#include <wx/translation.h>
#include <wx/statusbr.h>
#include <wx/stdpaths.h>
#include <wx/textdlg.h>
#include <wx/textentry.h>
#include <wx/utils.h>

#include <algorithm>

#include "common/wx/error_words.h"
#include "common/wx/screen_fit.h"
#include "common/wx/str_helpers.h"
#include "ui/app_icon.h"
#include "ui/daily_reminder.h"
#include "ui/import_dialog.h"
#include "engine/journal_controller.h"
#include "engine/unlock.h"
#include "ui/journal_files.h"
#include "ui/report_panel.h"
#include "ui/sessions_panel.h"
#include "ui/settings_dialog.h"
#include "ui/sharing_controller.h"
#include "ui/unlock_panel.h"
#include "ui/workspace_panel.h"

namespace fieldnotes::client {
namespace {

using wxcommon::ToWx;

enum MenuId {
  kIdLock = wxID_HIGHEST + 1,
  kIdEditEntry,
  kIdDeleteEntry,
  kIdPageWrite,
  kIdPageLookBack,
  kIdPagePatterns,
  kIdPageSessions,
  kIdPageReport,
  kIdSaveReport,
  kIdPrintReport,
  kIdAddSession,
  kIdCrisisLines,
  kIdLinkTherapist,
  kIdTherapists,
  kIdShareReport,
  kIdShareEarlier,
  kIdReceipts,
  kIdImport,
  kIdExport,
  kIdBackup,
  kIdRestore,
  kIdPageMonth,
  kIdWelcome,
};

// Sharing: the menu of DESIGN.md's one channel to the therapist.
wxMenu* SharingMenu() {
  auto* menu = new wxMenu;
  menu->Append(kIdLinkTherapist, _("&Link a therapist…\tCtrl+Shift+L"),
               _("Link with your therapist using the invite code they gave you"));
  menu->Append(kIdTherapists, _("&Therapists and safety numbers…\tCtrl+Shift+T"),
               _("Compare safety numbers, check for changes, end a link"));
  menu->AppendSeparator();
  menu->Append(kIdShareReport, _("S&hare this report…\tCtrl+Shift+H"),
               _("Share the weekly report with your therapist, after seeing what is sent"));
  menu->Append(kIdShareEarlier, _("&Earlier reports…\tCtrl+Shift+E"),
               _("The weekly reports kept in your journal: share one, or mark the one you took "
               "to a session"));
  menu->Append(kIdReceipts, _("&Receipts…\tCtrl+Shift+R"),
               _("What happened to the reports you shared; withdraw one"));
  return menu;
}

}  // namespace

MainFrame::MainFrame(AppOptions options)
    : wxFrame(nullptr, wxID_ANY, _("Fieldnotes"), wxDefaultPosition, wxDefaultSize),
      options_(std::move(options)),
      idle_([this] {
        // Not from inside the timer's own call: lock on the next turn.
        CallAfter([this] { Lock(_("Locked after a while without use. Your draft is kept.")); });
      }),
      lock_retry_(this),
      loading_check_(this) {
  SetName("fieldnotes_main");
  SetIcons(AppIcons());
  // As large as it was made to be, or as the screen's work area allows
  // (a 1366x768 laptop; 1920x1080 at GDK_SCALE=2 is 960x540 of room).
  SetMinSize(FromDIP(wxSize(760, 520)));
  // On a larger screen, most of it: the report's pages read best large.
  const wxRect area = wxcommon::WorkArea(this);
  wxcommon::FitOnScreen(
      this, wxSize(std::max(FromDIP(1100), std::min(area.GetWidth() * 9 / 10, FromDIP(1500))),
                   std::max(FromDIP(760), area.GetHeight() * 9 / 10)));
  if (options_.remember_window) {
    // Where and as large as it was last closed; the screen may be another
    // one now, so it is fitted to it again.
    // Without the folder, the place is simply not kept.
    (void)CreateParentFolders(WindowConfigPath());
    wxPersistentRegisterAndRestore(this, "main_window");
    wxcommon::FitOnScreen(this, GetSize());
  }
  reminder_ = std::make_unique<DailyReminder>(this, *options_.clock,
                                              [this] { return controller_.get(); });
  CreateStatusBar();
  BuildMenus();
  BindCommands();

  unlock_ = new UnlockPanel(this, options_,
                            [this](std::unique_ptr<core::Journal> journal,
                                   std::optional<std::vector<reports::StoredReport>> reports) {
                              OnUnlocked(std::move(journal), std::move(reports));
                            });
  sizer_ = new wxBoxSizer(wxVERTICAL);
  sizer_->Add(unlock_, 1, wxEXPAND);
  SetSizer(sizer_);
  Bind(wxEVT_CLOSE_WINDOW, &MainFrame::OnClose, this);

  if (options_.passphrase) {
    const wxString passphrase = ToWx(*options_.passphrase);
    options_.passphrase.reset();
    CallAfter([this, passphrase] { unlock_->Submit(passphrase, passphrase); });
  }
}

MainFrame::~MainFrame() {
  idle_.Disarm();
  // The workspace (a child window) is destroyed by wx after this body; it
  // must not outlive the controller it points to, so destroy it first.
  if (workspace_ != nullptr) {
    workspace_->Destroy();
    workspace_ = nullptr;
  }
  controller_.reset();
}

void MainFrame::BuildMenus() {
  auto* file = new wxMenu;
  file->Append(wxID_NEW, _("&New entry\tCtrl+N"), _("Start writing a new entry"));
  file->Append(wxID_SAVE, _("&Save entry\tCtrl+S"), _("Save what is in the writing form"));
  file->Append(kIdAddSession, _("Add a &session…"), _("Note a therapy appointment"));
  file->AppendSeparator();
  file->Append(kIdImport, _("&Import from another app…\tCtrl+Shift+I"),
               _("Bring in entries from Day One, Daylio, jrnl or Bearable"));
  file->Append(kIdExport, _("E&xport…"),
               _("Write the journal out as text, to import again or to read (not encrypted)"));
  file->Append(kIdBackup, _("&Back up…"),
               _("An encrypted copy of the journal, opened only with your passphrase"));
  file->Append(kIdRestore, _("Restore from a bac&kup…"),
               _("Put a backup in the journal's place; the journal as it is now is kept beside it"));
  file->AppendSeparator();
  file->Append(kIdSaveReport, _("Save the weekly report as P&DF…\tCtrl+Shift+S"),
               _("Save the report as shown in Weekly report"));
  file->Append(kIdPrintReport, _("&Print the weekly report…\tCtrl+P"));
  file->AppendSeparator();
  file->Append(kIdLock, _("&Lock\tCtrl+L"), _("Close the journal and clear it from memory"));
  file->Append(wxID_PREFERENCES, _("Se&ttings…\tCtrl+,"));
  file->AppendSeparator();
  file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));

  auto* edit = new wxMenu;
  edit->Append(wxID_UNDO, _("&Undo\tCtrl+Z"), _("Undo the last change to or deletion of an entry"));
  edit->AppendSeparator();
  edit->Append(kIdEditEntry, _("&Edit entry\tCtrl+E"), _("Change the entry chosen in Look back"));
  edit->Append(kIdDeleteEntry, _("&Delete entry"),
               _("Delete the entry chosen in Look back (or press Delete in the list)"));
  edit->AppendSeparator();
  edit->Append(wxID_FIND, _("&Search entries\tCtrl+F"));

  auto* view = new wxMenu;
  view->Append(kIdPageWrite, _("&Write\tCtrl+1"));
  view->Append(kIdPageLookBack, _("&Look back\tCtrl+2"));
  view->Append(kIdPagePatterns, _("&Patterns\tCtrl+3"));
  view->Append(kIdPageSessions, _("&Sessions and threads\tCtrl+4"));
  view->Append(kIdPageReport, _("Weekly &report\tCtrl+R"), _("Notes for your next session"));
  view->Append(kIdPageMonth, _("&Month\tCtrl+5"),
               _("A calendar of the month: the days you wrote, how strong, the moods noted"));

  auto* help = new wxMenu;
  help->Append(wxID_HELP, _("Fieldnotes &help\tF1"), _("How the app works, page by page"));
  help->Append(kIdWelcome, _("&Welcome and the four kinds of entry\tShift+F1"),
               _("What spikes, loops, threads and notes are for; the date of your last session"));
  help->Append(kIdCrisisLines, _("&Crisis lines"), _("Where to turn if you are in danger right now"));
  help->Append(wxID_ABOUT, _("&About Fieldnotes"));

  auto* bar = new wxMenuBar;
  bar->Append(file, _("&File"));
  bar->Append(edit, _("&Edit"));
  bar->Append(view, _("&View"));
  bar->Append(SharingMenu(), _("S&haring"));
  bar->Append(help, _("&Help"));
  SetMenuBar(bar);
}

void MainFrame::BindCommands() {
  auto on = [this](int id, auto fn) {
    Bind(
        wxEVT_MENU, [fn](wxCommandEvent&) { fn(); }, id);
  };
  on(wxID_NEW, [this] { workspace_->NewEntry(); });
  on(wxID_SAVE, [this] { workspace_->SaveEntry(); });
  on(kIdAddSession, [this] {
    workspace_->ShowPage(WorkspacePanel::Page::kSessions);
    workspace_->sessions().AddSessionWithDialog();
  });
  // Menu handlers run inside the event chain of the focused window, which
  // locking destroys: lock on the next turn of the loop.
  on(kIdLock, [this] { CallAfter([this] { Lock(_("Locked. Your journal is closed.")); }); });
  on(wxID_PREFERENCES, [this] { OpenSettings(); });
  on(wxID_EXIT, [this] { Close(); });
  on(wxID_UNDO, [this] { OnUndo(); });
  on(kIdEditEntry, [this] { workspace_->EditSelected(); });
  on(kIdDeleteEntry, [this] { workspace_->DeleteSelected(); });
  on(wxID_FIND, [this] { workspace_->Find(); });
  on(kIdPageWrite, [this] { workspace_->ShowPage(WorkspacePanel::Page::kWrite); });
  on(kIdPageLookBack, [this] { workspace_->ShowPage(WorkspacePanel::Page::kLookBack); });
  on(kIdPagePatterns, [this] { workspace_->ShowPage(WorkspacePanel::Page::kPatterns); });
  on(kIdPageSessions, [this] { workspace_->ShowPage(WorkspacePanel::Page::kSessions); });
  on(kIdPageReport, [this] { workspace_->ShowPage(WorkspacePanel::Page::kReport); });
  on(kIdPageMonth, [this] { workspace_->ShowPage(WorkspacePanel::Page::kMonth); });
  on(kIdWelcome, [this] { workspace_->ShowWelcome(); });
  on(kIdSaveReport, [this] {
    workspace_->ShowPage(WorkspacePanel::Page::kReport);
    workspace_->report().SaveWithDialog();
  });
  on(kIdPrintReport, [this] {
    workspace_->ShowPage(WorkspacePanel::Page::kReport);
    workspace_->report().Print();
  });
  on(kIdCrisisLines, [this] { workspace_->ShowCrisisResources(true); });
  on(kIdLinkTherapist, [this] { workspace_->LinkTherapist(); });
  on(kIdTherapists, [this] { workspace_->ShowTherapists(); });
  on(kIdShareReport, [this] { workspace_->ShareReport(); });
  on(kIdShareEarlier, [this] { workspace_->ShareEarlierReport(); });
  on(kIdReceipts, [this] { workspace_->ShowReceipts(); });
  on(kIdImport, [this] { ImportFromAnotherApp(*workspace_); });
  on(kIdExport, [this] { ExportWithDialog(this, controller_->journal()); });
  on(kIdBackup, [this] {
    BackUpWithDialog(this, controller_->journal(), controller_->clock().Now().LocalDate());
  });
  on(kIdRestore, [this] { RestoreFromBackup(); });
  Bind(
      wxEVT_TIMER, [this](wxTimerEvent&) { Lock(lock_why_); }, lock_retry_.GetId());
  Bind(
      wxEVT_TIMER, [this](wxTimerEvent&) { CheckLoading(); }, loading_check_.GetId());
  on(wxID_ABOUT, [this] { OnAbout(); });
  on(wxID_HELP, [this] { OpenHelp(); });

  // Everything but Quit and About needs an unlocked journal.
  for (int id :
       {int{wxID_NEW},         int{wxID_SAVE},       int{kIdAddSession},    int{kIdLock},
        int{wxID_PREFERENCES}, int{kIdEditEntry},    int{kIdDeleteEntry},   int{wxID_FIND},
        int{kIdPageWrite},     int{kIdPageLookBack}, int{kIdPagePatterns},  int{kIdPageSessions},
        int{kIdPageReport},    int{kIdCrisisLines},  int{kIdLinkTherapist}, int{kIdTherapists},
        int{kIdShareEarlier},  int{kIdReceipts},     int{kIdImport},        int{kIdExport},
        int{kIdBackup},        int{kIdPageMonth},    int{kIdWelcome}}) {
    Bind(
        wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(workspace_ != nullptr); }, id);
  }
  Bind(
      wxEVT_UPDATE_UI,
      [this](wxUpdateUIEvent& e) { e.Enable(workspace_ != nullptr && workspace_->CanUndo()); },
      wxID_UNDO);
  // Saving and printing need a report on screen.
  for (int id : {int{kIdSaveReport}, int{kIdPrintReport}, int{kIdShareReport}}) {
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& e) {
          e.Enable(workspace_ != nullptr && workspace_->report().report() != nullptr);
        },
        id);
  }
}

void MainFrame::OnUnlocked(std::unique_ptr<core::Journal> journal,
                           std::optional<std::vector<reports::StoredReport>> reports) {
  controller_ =
      std::make_unique<JournalController>(std::move(journal), *options_.clock, std::move(reports));
  SetStatusText(
      _("Unlocked. Ctrl+N writes, Ctrl+F searches, Ctrl+R shows the weekly report, "
      "Ctrl+L locks."));
  workspace_ =
      new WorkspacePanel(this, *controller_, [this](const wxString& text) { SetStatusText(text); });
  unlock_->Hide();
  sizer_->Add(workspace_, 1, wxEXPAND);
  Layout();
  idle_.Arm(controller_->settings().auto_lock_minutes);
  workspace_->ShowPage(WorkspacePanel::Page::kWrite);
  loading_check_.Start(100);
  // A new journal: the first-run page, once.
  if (options_.welcome_new_journals) workspace_->ShowWelcomeIfNew();
}

// The Write page is usable at once; the rest of the entries load on the
// journal's worker (a page that needs them waits for them). Should they not
// load (a record damaged or missing since the journal was last saved), the
// journal shows nothing and is locked again, with the reason, as an unlock
// that failed would say it.
void MainFrame::CheckLoading() {
  if (!controller_) {
    loading_check_.Stop();
    return;
  }
  if (controller_->journal().StillLoading()) return;
  loading_check_.Stop();
  const core::Status loaded = controller_->journal().WaitLoaded();
  if (loaded.ok()) return;
  const wxcommon::ErrorWords words =
      wxcommon::DescribeStatus(loaded, _("Fieldnotes could not open the journal."));
  Lock(words.message);
  wxcommon::ShowError(this, words);
}

void MainFrame::Lock(const wxString& why) {
  loading_check_.Stop();
  if (workspace_ == nullptr) return;
  // Sharing work has the journal: lock once it is back (it ends within the
  // connection's timeouts). An open sharing dialog closes first.
  SharingController& sharing = workspace_->sharing();
  if (sharing.busy() || sharing.open_dialog() != nullptr) {
    if (wxDialog* open = sharing.open_dialog(); open != nullptr && !sharing.busy()) {
      if (open->IsModal()) {
        open->EndModal(wxID_CANCEL);
      } else {
        sharing.SetOpenDialog(nullptr);
        open->Destroy();
      }
    }
    lock_why_ = why;
    lock_retry_.StartOnce(200);
    return;
  }
  lock_retry_.Stop();
  idle_.Disarm();
  workspace_->SaveDraftNow();
  sizer_->Detach(workspace_);
  workspace_->Destroy();
  workspace_ = nullptr;
  controller_.reset();  // ~Journal wipes the data key
  unlock_->Reset();
  unlock_->Show();
  Layout();
  SetStatusText(why);
}

bool MainFrame::ApplySettings(const AppSettings& settings) {
  if (!controller_) return false;
  if (core::Status s = controller_->SaveSettings(settings); !s.ok()) {
    wxcommon::ShowError(this, wxcommon::DescribeStatus(s, _("Fieldnotes could not save the settings.")));
    return false;
  }
  idle_.Arm(settings.auto_lock_minutes);
  SetStatusText(_("Settings saved."));
  return true;
}

void MainFrame::OpenSettings() {
  if (!controller_) return;
  SettingsDialog dialog(this, controller_->settings());
  if (dialog.ShowModal() == wxID_OK) ApplySettings(dialog.GetSettings());
}

void MainFrame::NoteActivity() { idle_.NoteActivity(); }

void MainFrame::OnUndo() {
  // Ctrl+Z in a text field belongs to the text field.
  if (auto* text = dynamic_cast<wxTextEntry*>(FindFocus())) {
    if (text->CanUndo()) text->Undo();
    return;
  }
  if (workspace_ != nullptr) workspace_->Undo();
}

void MainFrame::RestoreFromBackup() {
  wxFileDialog ask(this, _("Restore the journal from a backup"),
                   wxStandardPaths::Get().GetDocumentsDir(), wxString(),
                   _("Fieldnotes backups (*.fieldnotes)|*.fieldnotes|All files|*"),
                   wxFD_OPEN | wxFD_FILE_MUST_EXIST);
  if (ask.ShowModal() != wxID_OK) return;
  wxPasswordEntryDialog pass(this,
                             _("The passphrase of the backup (your journal's passphrase when you "
                             "made it). The journal as it is now is kept beside it, as "
                             "journal.db.before-restore."),
                             _("Restore from a backup"));
  if (pass.ShowModal() != wxID_OK) return;
  const wxString passphrase = pass.GetValue();
  Lock(_("Restoring from the backup."));
  if (workspace_ != nullptr) return;  // sharing work still has the journal: later
  std::string aside;
  const core::Status s =
      RestoreJournal(wxcommon::ToUtf8(ask.GetPath()), options_.journal_path,
                     wxcommon::ToUtf8(passphrase), options_.journal, &aside);
  if (!s.ok()) {
    wxcommon::ShowError(this, wxcommon::DescribeStatus(s, _("Fieldnotes could not restore from the backup.")));
    return;
  }
  SetStatusText(
      aside.empty()
          ? _("Restored from the backup.")
          // TRANSLATORS: %s is a file's path.
          : wxString::Format(_("Restored from the backup. The journal it replaced is at %s."),
                             ToWx(aside)));
  unlock_->Submit(passphrase, passphrase);
}

void MainFrame::OpenHelp() {
  const std::string path =
      FindHelpFile(wxcommon::ToUtf8(wxStandardPaths::Get().GetExecutablePath()));
  if (!path.empty() && wxLaunchDefaultApplication(wxcommon::ToWx(path))) {
    SetStatusText(_("The guide opened in another window."));
    return;
  }
  wxcommon::ShowError(this, {_("The guide to the app could not be opened here. It is the file "
                             "client-app.md in the docs folder of Fieldnotes, and \"man "
                             "fieldnotes\" describes it too."),
                             wxcommon::ToWx(path)});
}

void MainFrame::OnAbout() {
  wxAboutDialogInfo info;
  info.SetName("Fieldnotes");
  info.SetDescription(
      _("A private journal for the days between therapy sessions.\n"
      "Everything you write is encrypted on this computer and never leaves it.\n"
      "Fieldnotes is a journal, not a treatment or a crisis service."));
  wxAboutBox(info, this);
}

void MainFrame::OnClose(wxCloseEvent& e) {
  if (workspace_ != nullptr) workspace_->SaveDraftNow();
  e.Skip();  // the default handler destroys the frame
}

}  // namespace fieldnotes::client
