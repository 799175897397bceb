#include "ui/workspace_panel.h"

#include <wx/infobar.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/translation.h>

#include "common/wx/accessible.h"
#include "common/wx/error_words.h"
#include "common/wx/str_helpers.h"
#include "engine/first_run.h"
#include "engine/journal_controller.h"
#include "engine/kept_reports.h"
#include "ui/earlier_reports_dialog.h"
#include "ui/followup_panel.h"
#include "ui/last_session_ask.h"
#include "ui/link_dialog.h"
#include "ui/links_dialog.h"
#include "ui/month_panel.h"
#include "ui/patterns_panel.h"
#include "ui/receipts_dialog.h"
#include "ui/report_panel.h"
#include "ui/safety_banner.h"
#include "ui/sessions_panel.h"
#include "ui/share_dialog.h"
#include "ui/sharing_controller.h"
#include "ui/timeline_panel.h"
#include "ui/welcome_panel.h"
#include "ui/write_panel.h"

namespace fieldnotes::client {

using wxcommon::ToWx;

WorkspacePanel::WorkspacePanel(wxWindow* parent, JournalController& controller, StatusFn status)
    : wxPanel(parent, wxID_ANY),
      controller_(controller),
      status_(std::move(status)),
      sharing_(std::make_unique<SharingController>(controller)),
      confirm_([](wxWindow* owner, const wxString& question) {
        return wxMessageBox(question, _("Fieldnotes"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION,
                            owner) == wxYES;
      }),
      undo_notice_timer_(this) {
  SetName("workspace");
  Bind(
      wxEVT_TIMER, [this](wxTimerEvent&) { DismissUndoNotice(); }, undo_notice_timer_.GetId());
  notice_ = new wxInfoBar(this);
  // The info bar shows a button's label as it is: no mnemonic here.
  notice_->AddButton(wxID_UNDO, _("Undo"));
  ask_ = new LastSessionAsk(this, *this,
                            _("When was your last session? With its date, the journal can tell "
                            "you what came up since then. Until then it looks at the last "
                            "14 days."),
                            true);
  safety_ = new SafetyBanner(this);
  book_ = new wxNotebook(this, wxID_ANY);
  book_->SetName("pages");
  wxcommon::SetAccessibleName(book_, _("Pages"));
  write_ = new WritePanel(book_, *this);
  timeline_ = new TimelinePanel(book_, *this);
  patterns_ = new PatternsPanel(book_, *this);
  sessions_ = new SessionsPanel(book_, *this);
  report_ = new ReportPanel(book_, *this);
  month_ = new MonthPanel(book_, *this);
  // The order is Page's, and the View menu's Ctrl+1..5.
  book_->AddPage(write_, _("Write"));
  book_->AddPage(timeline_, _("Look back"));
  book_->AddPage(patterns_, _("Patterns"));
  book_->AddPage(sessions_, _("Sessions and threads"));
  book_->AddPage(report_, _("Weekly report"));
  book_->AddPage(month_, _("Month"));
  welcome_ = new WelcomePanel(this, *this, [this] {
    HideWelcome();
    ShowPage(Page::kWrite);
  });
  welcome_->Hide();

  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(notice_, 0, wxEXPAND);
  box->Add(ask_, 0, wxEXPAND);
  box->Add(safety_, 0, wxEXPAND | wxALL, FromDIP(8));
  box->Add(book_, 1, wxEXPAND);
  box->Add(welcome_, 1, wxEXPAND);
  SetSizer(box);

  notice_->Bind(
      wxEVT_BUTTON,
      [this](wxCommandEvent& e) {
        if (e.GetId() == wxID_UNDO) {
          Undo();
        } else {
          e.Skip();  // the close button
        }
      },
      wxID_ANY);
  book_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
    OnPageChanged();
    e.Skip();
  });
  ask_->Refresh();  // once, in a journal without sessions
  write_->RestoreDraft();
  // Screen readers read each field by the label above it.
  wxcommon::NameControlsFromLabels(this);
}

// Work out with the journal finishes before the pages go.
WorkspacePanel::~WorkspacePanel() {
  undo_notice_timer_.Stop();
  sharing_->Finish();
}

void WorkspacePanel::ShowPage(Page page) {
  if (welcome_shown()) HideWelcome();
  book_->SetSelection(static_cast<size_t>(page));
  OnPageChanged();
}

WorkspacePanel::Page WorkspacePanel::current_page() const {
  const int sel = book_->GetSelection();
  return sel < 0 ? Page::kWrite : static_cast<Page>(sel);
}

void WorkspacePanel::OnPageChanged() {
  if (current_page() == Page::kPatterns && patterns_->stale()) patterns_->Analyze();
  if (current_page() == Page::kReport && report_->stale()) report_->Start();
  if (current_page() == Page::kMonth) month_->Reload();
}

void WorkspacePanel::ShowWelcome() {
  welcome_->Reset();
  book_->Hide();
  welcome_->Show();
  Layout();
  welcome_->SetFocus();
  // The page opens at its heading, though the keyboard is on the date.
  CallAfter([this] {
    if (welcome_->IsShown()) welcome_->Scroll(0, 0);
  });
  SetStatus(_("Welcome. Start writing when you are ready; this page is under Help (Shift+F1)."));
}

bool WorkspacePanel::ShowWelcomeIfNew() {
  // A new journal is marked welcomed, and asked for its last session: the
  // welcome asks for the date itself, so the strip does not.
  if (controller_.lent() || !BeginWelcome(controller_.journal())) return false;
  if (ask_->IsShown()) ask_->NotNow();
  ShowWelcome();
  return true;
}

void WorkspacePanel::HideWelcome() {
  if (!welcome_->IsShown()) return;
  welcome_->Hide();
  book_->Show();
  Layout();
}

bool WorkspacePanel::welcome_shown() const { return welcome_->IsShown(); }

void WorkspacePanel::NewEntry() {
  ShowPage(Page::kWrite);
  write_->StartNew(core::EntryKind::kSpike);
}

void WorkspacePanel::SaveEntry() {
  if (current_page() != Page::kWrite) ShowPage(Page::kWrite);
  write_->Save();
}

void WorkspacePanel::Find() {
  ShowPage(Page::kLookBack);
  timeline_->FocusSearch();
}

void WorkspacePanel::EditSelected() {
  ShowPage(Page::kLookBack);
  timeline_->EditSelected();
}

void WorkspacePanel::DeleteSelected() {
  ShowPage(Page::kLookBack);
  timeline_->DeleteSelected();
}

bool WorkspacePanel::CanUndo() const { return controller_.CanUndo(); }

void WorkspacePanel::Undo() {
  auto id = controller_.Undo();
  DismissUndoNotice();
  if (!id.ok()) {
    if (!id.status().IsNotFound())
      wxcommon::ShowError(this, wxcommon::DescribeStatus(id.status(), _("Fieldnotes could not undo that.")));
    else
      SetStatus(_("There is nothing to undo."));
    return;
  }
  JournalChanged(*id);
  ShowEntry(*id);
  SetStatus(_("Undone. The entry is as it was."));
}

void WorkspacePanel::ShowCrisisResources(bool include_abuse) {
  safety_->ShowFor(EffectiveCrisisRegion(controller_.settings()), include_abuse);
}

void WorkspacePanel::SaveDraftNow() {
  sharing_->Finish();  // the journal comes back first
  write_->SaveDraftNow();
  report_->KeepChoicesNow();
}

void WorkspacePanel::LinkTherapist() {
  if (sharing_->busy()) return;
  LinkDialog dialog(this, *sharing_);
  dialog.ShowModal();
}

void WorkspacePanel::ShowTherapists() {
  if (sharing_->busy()) return;
  LinksDialog dialog(this, *sharing_, confirm_);
  dialog.ShowModal();
}

void WorkspacePanel::ShareReport() {
  ShowPage(Page::kReport);
  report_->Share();
}

void WorkspacePanel::ShareEarlierReport() {
  if (sharing_->busy() || controller_.lent()) return;
  auto kept = controller_.StoredReports();
  if (!kept.ok()) {
    wxcommon::ShowError(this, wxcommon::DescribeStatus(kept.status(), _("Fieldnotes could not read the kept reports.")));
    return;
  }
  EarlierReportsDialog::SharedWith shared_with;
  if (auto names = sharing_->SharedWith(); names.ok()) shared_with = std::move(names).value();
  EarlierReportsDialog::Taken taken;
  if (auto brought = ReportsBrought(controller_.journal()); brought.ok()) {
    taken.ids = std::move(brought->taken);
    taken.mark = [this](const std::string& id, bool mark) -> core::Status {
      auto marked = MarkReportTaken(controller_.journal(), id, mark);
      if (!marked.ok()) return marked.status();
      report_->MarkStale();  // what the next report compares with changed
      SetStatus(mark ? _("Marked as taken to a session.") : _("No longer marked as taken."));
      return core::Status::Ok();
    };
  }
  EarlierReportsDialog chooser(this, std::move(kept).value(), std::move(shared_with),
                               std::move(taken));
  if (chooser.ShowModal() != wxID_OK || !chooser.chosen()) return;
  ShareStoredReport(*chooser.chosen());
}

void WorkspacePanel::ShareStoredReport(const std::string& report_id) {
  if (sharing_->busy()) return;
  auto report = sharing_->Report(report_id);
  if (!report.ok()) {
    wxcommon::ShowError(this, wxcommon::DescribeStatus(report.status(), _("Fieldnotes could not open the report.")));
    return;
  }
  ShareDialog dialog(this, *sharing_, std::move(report).value());
  dialog.ShowModal();
  if (dialog.consent()) SetStatus(_("Report shared."));
}

void WorkspacePanel::ShowReceipts() {
  if (sharing_->busy()) return;
  ReceiptsDialog dialog(this, *sharing_, confirm_);
  dialog.ShowModal();
}

void WorkspacePanel::JournalChanged(const std::string& select_id) {
  timeline_->Reload(select_id);
  sessions_->Reload();
  write_->ReloadThreads();
  month_->Reload();
  patterns_->MarkStale();
  report_->MarkStale();
  if (ask_->IsShown()) ask_->Refresh();  // a session added elsewhere puts it away
  if (current_page() == Page::kPatterns) patterns_->Analyze();
  if (current_page() == Page::kReport) report_->Start();
}

void WorkspacePanel::EditEntry(const std::string& id) {
  auto entry = controller_.journal().GetEntry(id);
  if (!entry.ok()) {
    wxcommon::ShowError(this, wxcommon::DescribeStatus(entry.status(), _("Fieldnotes could not open the entry.")));
    return;
  }
  ShowPage(Page::kWrite);
  write_->Edit(*entry);
}

void WorkspacePanel::ShowEntry(const std::string& id) {
  ShowPage(Page::kLookBack);
  timeline_->Select(id);
}

void WorkspacePanel::WriteFollowUp(const std::string& title) {
  ShowPage(Page::kWrite);
  write_->StartNew(core::EntryKind::kThread, title);
}

void WorkspacePanel::EntrySaved(const std::string& id, bool is_new) {
  if (is_new) DismissUndoNotice();  // the undo offered was for something before
  // Safety first; and when it is raised, no probing questions (the engine's
  // AfterSave, as fieldnotes-cli add and answer do).
  auto after = controller_.AfterSave(id, is_new);
  if (!after.ok()) {
    if (!after.status().IsNotFound())
      SetStatus(wxcommon::DescribeStatus(after.status(), _("Fieldnotes could not find a question to ask.")).message);
    return;
  }
  if (after->safety.raised()) {
    write_->followups().Stop();
    ShowCrisisResources(after->safety.Has(reports::SafetyCategory::kHarmFromOthers));
    return;
  }
  if (!is_new) return;
  JournalChanged(id);
  if (!after->questions.empty()) write_->followups().Ask(id, after->questions);
}

void WorkspacePanel::SetStatus(const wxString& text) {
  if (status_) status_(text);
}

void WorkspacePanel::OfferUndo(const wxString& text) {
  // TRANSLATORS: %s says what was just done, as a sentence ("Entry deleted.").
  notice_->ShowMessage(wxString::Format(_("%s You can undo this (Ctrl+Z)."), text),
                       wxICON_INFORMATION);
  // It goes by itself after a while; Edit, Undo (Ctrl+Z) still works then.
  undo_notice_timer_.StartOnce(undo_notice_ms_);
}

void WorkspacePanel::DismissUndoNotice() {
  undo_notice_timer_.Stop();
  if (notice_->IsShown()) notice_->Dismiss();
}

bool WorkspacePanel::undo_notice_shown() const { return notice_->IsShown(); }

}  // namespace fieldnotes::client
