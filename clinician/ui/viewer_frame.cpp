#include "clinician/ui/viewer_frame.h"

#include <wx/aboutdlg.h>
#include <wx/dialog.h>
#include <wx/menu.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>

#include <algorithm>

#include "clinician/ui/invite_dialog.h"
#include "clinician/ui/key_panel.h"
#include "clinician/ui/report_view.h"
#include "clinician/ui/session_controller.h"
#include "clinician/ui/sign_in_panel.h"
#include "clinician/ui/viewer_icon.h"
#include "clinician/ui/workspace_panel.h"
#include "common/wx/error_words.h"
#include "common/wx/screen_fit.h"
#include "common/wx/str_helpers.h"

namespace fieldnotes::clinician {
namespace {

using wxcommon::ToWx;

enum MenuId {
  kIdInvite = wxID_HIGHEST + 1,
  kIdRefresh,
  kIdSaveCopy,
  kIdPrint,
  kIdSignOut,
  kIdLock,
  kIdClients,
  kIdReports,
  kIdOpen,
  kIdCloseReport,
  kIdZoomIn,
  kIdZoomOut,
  kIdZoomFit,
  kIdNextPage,
  kIdPreviousPage,
  kIdListsBeside,
  kIdSafetyNumber,
  kIdRename,
  kIdEndLink,
};

}  // namespace

ViewerFrame::ViewerFrame(ViewerOptions options)
    : wxFrame(nullptr, wxID_ANY, _("Fieldnotes Viewer"), wxDefaultPosition, wxDefaultSize),
      options_(std::move(options)),
      look_(LoadLook(options_.settings_path)),
      idle_([this] {
        CallAfter([this] {
          Lock(
              _("Locked after a while without use. The keys and the pages were cleared from "
                "memory."));
        });
      }) {
  SetName("viewer_main");
  SetIcons(ViewerIcons());
  // A report page reads best tall: on a large screen the window takes most
  // of it; on a small one (or GDK_SCALE=2) no more than its work area.
  SetMinSize(FromDIP(wxSize(800, 540)));
  const wxRect area = wxcommon::WorkArea(this);
  wxcommon::FitOnScreen(
      this, wxSize(std::max(FromDIP(1180), std::min(area.GetWidth() * 9 / 10, FromDIP(1600))),
                   std::max(FromDIP(780), area.GetHeight() * 9 / 10)));
  CreateStatusBar();
  BuildMenus();
  BindCommands();
  key_ = new KeyPanel(this, options_, [this](std::unique_ptr<sync::ClinicianSession> session) {
    OnUnlocked(std::move(session));
  });
  sizer_ = new wxBoxSizer(wxVERTICAL);
  sizer_->Add(key_, 1, wxEXPAND);
  SetSizer(sizer_);
  if (options_.passphrase) {
    const wxString passphrase = ToWx(*options_.passphrase);
    options_.passphrase.reset();
    CallAfter([this, passphrase] { key_->Submit(passphrase, passphrase); });
  }
}

ViewerFrame::~ViewerFrame() {
  idle_.Disarm();
  DropPanels();
  controller_.reset();
}

void ViewerFrame::BuildMenus() {
  auto* file = new wxMenu;
  file->Append(kIdInvite, _("&Invite a client…\tCtrl+N"), _("Make an invite code"));
  file->Append(kIdRefresh, _("&Refresh\tF5"), _("Look for new reports now"));
  file->AppendSeparator();
  file->Append(kIdSaveCopy, _("&Save a copy of the report…\tCtrl+Shift+S"),
               _("Write the open report to a PDF file (not encrypted)"));
  file->Append(kIdPrint, _("&Print the report…\tCtrl+P"));
  file->AppendSeparator();
  file->Append(kIdSignOut, _("Sign &out"), _("End your session with the server"));
  file->Append(kIdLock, _("&Lock\tCtrl+L"), _("Clear the keys and the pages from memory"));
  file->AppendSeparator();
  file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));

  auto* view = new wxMenu;
  view->Append(kIdClients, _("&Clients\tCtrl+1"));
  view->Append(kIdReports, _("&Reports\tCtrl+2"));
  view->Append(kIdOpen, _("&Open the chosen report\tCtrl+O"));
  view->Append(kIdCloseReport, _("&Close the report\tCtrl+W"),
               _("Its pages are cleared from memory"));
  view->AppendSeparator();
  view->Append(kIdZoomIn, _("Zoom &in\tCtrl+="));
  view->Append(kIdZoomOut, _("Zoom o&ut\tCtrl+-"));
  view->Append(kIdZoomFit, _("&Fit the width\tCtrl+0"));
  view->Append(kIdNextPage, _("&Next page\tCtrl+PgDn"));
  view->Append(kIdPreviousPage, _("Pre&vious page\tCtrl+PgUp"));
  view->AppendSeparator();
  view->AppendCheckItem(kIdListsBeside, _("&Lists beside a report\tF9"),
                        _("Off: an open report takes the whole width; Ctrl+1 and Ctrl+2 bring "
                          "the lists back"));

  auto* clients = new wxMenu;
  clients->Append(kIdSafetyNumber, _("&Safety number\tCtrl+K"),
                  _("Compare it with the chosen client"));
  clients->Append(kIdRename, _("&Rename…\tF2"), _("Your name for the chosen client"));
  clients->Append(kIdEndLink, _("&End the link…"), _("Stop sharing with the chosen client"));

  auto* help = new wxMenu;
  help->Append(wxID_ABOUT, _("&About Fieldnotes Viewer"));

  auto* bar = new wxMenuBar;
  bar->Append(file, _("&File"));
  bar->Append(view, _("&View"));
  bar->Append(clients, _("&Clients"));
  bar->Append(help, _("&Help"));
  SetMenuBar(bar);
}

void ViewerFrame::BindCommands() {
  auto on = [this](int id, auto fn) {
    Bind(
        wxEVT_MENU, [fn](wxCommandEvent&) { fn(); }, id);
  };
  auto ws = [this] { return workspace_; };
  on(kIdInvite, [this] { Invite(); });
  on(kIdRefresh, [ws] { ws()->Refresh(); });
  on(kIdSaveCopy, [ws] { ws()->report_view().SaveCopyWithDialog(); });
  on(kIdPrint, [ws] { ws()->report_view().Print(); });
  on(kIdSignOut, [this] { CallAfter([this] { SignOut(); }); });
  on(kIdLock, [this] {
    CallAfter([this] { Lock(_("Locked. The keys and the pages were cleared from memory.")); });
  });
  on(wxID_EXIT, [this] { Close(); });
  on(kIdClients, [ws] { ws()->FocusClients(); });
  on(kIdReports, [ws] { ws()->FocusReports(); });
  on(kIdOpen, [ws] { ws()->OpenSelected(); });
  on(kIdCloseReport, [ws] { ws()->CloseReport(); });
  on(kIdZoomIn, [ws] { ws()->report_view().ZoomIn(); });
  on(kIdZoomOut, [ws] { ws()->report_view().ZoomOut(); });
  on(kIdZoomFit, [ws] { ws()->report_view().ZoomToFit(); });
  on(kIdNextPage, [ws] { ws()->report_view().NextPage(); });
  on(kIdPreviousPage, [ws] { ws()->report_view().PreviousPage(); });
  on(kIdListsBeside, [this] { SetListsBesideReport(!look_.lists_beside_report); });
  on(kIdSafetyNumber, [ws] { ws()->ShowSelectedClient(); });
  on(kIdRename, [ws] { ws()->RenameSelectedClient(); });
  on(kIdEndLink, [ws] { ws()->EndSelectedLink(); });
  on(wxID_ABOUT, [this] { OnAbout(); });

  // Most commands need the workspace; the report's need an open report.
  for (int id : {int{kIdInvite}, int{kIdRefresh}, int{kIdClients}, int{kIdReports}, int{kIdOpen},
                 int{kIdSafetyNumber}, int{kIdRename}, int{kIdEndLink}, int{kIdSignOut}}) {
    Bind(
        wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(workspace_ != nullptr); }, id);
  }
  for (int id : {int{kIdSaveCopy}, int{kIdPrint}, int{kIdCloseReport}, int{kIdZoomIn},
                 int{kIdZoomOut}, int{kIdZoomFit}, int{kIdNextPage}, int{kIdPreviousPage}}) {
    Bind(
        wxEVT_UPDATE_UI,
        [this](wxUpdateUIEvent& e) {
          e.Enable(workspace_ != nullptr && workspace_->report_view().has_report());
        },
        id);
  }
  Bind(
      wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(controller_ != nullptr); }, kIdLock);
  Bind(
      wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Check(look_.lists_beside_report); },
      kIdListsBeside);
}

void ViewerFrame::SetListsBesideReport(bool beside) {
  look_.lists_beside_report = beside;
  (void)SaveLook(options_.settings_path, look_);  // not kept: the same next time, no harm
  if (workspace_ != nullptr) workspace_->SetListsBesideReport(beside);
}

void ViewerFrame::DropPanels() {
  for (wxWindow** panel :
       {reinterpret_cast<wxWindow**>(&workspace_), reinterpret_cast<wxWindow**>(&sign_in_)}) {
    if (*panel == nullptr) continue;
    sizer_->Detach(*panel);
    (*panel)->Destroy();
    *panel = nullptr;
  }
}

void ViewerFrame::OnUnlocked(std::unique_ptr<sync::ClinicianSession> session) {
  controller_ = std::make_unique<SessionController>(std::move(session));
  key_->Hide();
  idle_.Arm(options_.auto_lock_minutes);
  if (controller_->signed_in()) {
    ShowWorkspace();
  } else {
    ShowSignIn(controller_->server_url().empty()
                   ? _("Your key file is ready. Sign in to your practice's server next.")
                   : _("You are signed out. Sign in to see your clients' reports."));
  }
}

void ViewerFrame::ShowSignIn(const wxString& why) {
  DropPanels();
  sign_in_ = new SignInPanel(this, *controller_, [this](const sync::PublishedKeys& keys) {
    CallAfter([this, keys] {
      ShowWorkspace();
      SetStatusText(keys.had_other
                        ? _("Signed in. The server had other keys for you; they are "
                            "replaced, so every client must compare the safety number "
                            "with you again.")
                        : wxString::Format(_("Signed in. Your keys are on the server (version "
                                             "%lld); clients you invite can share with you."),
                                           static_cast<long long>(keys.keys.version)));
    });
  });
  sign_in_->Prefill(ToWx(controller_->server_url()), ToWx(controller_->ca_file()),
                    ToWx(controller_->email()));
  sizer_->Add(sign_in_, 1, wxEXPAND);
  Layout();
  SetStatusText(why);
}

void ViewerFrame::ShowWorkspace() {
  DropPanels();
  workspace_ = new WorkspacePanel(
      this, *controller_, options_.refresh_seconds,
      [this](const wxString& text) { SetStatusText(text); },
      [this] {
        CallAfter([this] {
          if (controller_)
            ShowSignIn(
                _("The server did not accept your session any more. Please "
                  "sign in again."));
        });
      });
  workspace_->SetListsBesideReport(look_.lists_beside_report);
  sizer_->Add(workspace_, 1, wxEXPAND);
  Layout();
  workspace_->Refresh();
  workspace_->FocusReports();
}

void ViewerFrame::Lock(const wxString& why) {
  if (controller_ == nullptr) return;
  // A dialog open on the session (an invite, a rename) is closed first; the
  // lock follows once its loop has ended.
  for (wxWindow* w : wxTopLevelWindows) {
    auto* dialog = dynamic_cast<wxDialog*>(w);
    if (dialog != nullptr && dialog->IsModal()) {
      dialog->EndModal(wxID_CANCEL);
      CallAfter([this, why] { Lock(why); });
      return;
    }
  }
  idle_.Disarm();
  DropPanels();         // the workspace overwrites its pages as it goes
  controller_.reset();  // waits for work in flight; the keys are wiped
  key_->Reset();
  key_->Show();
  Layout();
  SetStatusText(why);
}

void ViewerFrame::SignOut() {
  if (controller_ == nullptr || workspace_ == nullptr) return;
  workspace_->report_view().Clear();
  controller_->SignOut([this](core::Result<bool> told) {
    ShowSignIn(!told.ok()
                   ? wxcommon::DescribeStatus(told.status(), _("The viewer could not sign out."),
                                              wxcommon::Audience::kClinician)
                         .message
               : *told ? _("Signed out.")
                       : _("Signed out here. The server could not be told; the session "
                           "ends there on its own."));
  });
}

void ViewerFrame::Invite() {
  if (controller_ == nullptr || workspace_ == nullptr) return;
  InviteDialog dialog(this, *controller_);
  dialog.ShowModal();
  if (workspace_ != nullptr) workspace_->Refresh();
}

void ViewerFrame::NoteActivity() { idle_.NoteActivity(); }

void ViewerFrame::OnAbout() {
  wxAboutDialogInfo info;
  info.SetName("Fieldnotes Viewer");
  info.SetDescription(
      _("Reads the reports your clients chose to share with you.\n"
        "Reports are opened in memory only; nothing is kept on this computer unless you save a "
        "copy."));
  wxAboutBox(info, this);
}

}  // namespace fieldnotes::clinician
