#include "ui/sessions_panel.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "common/wx/accessible.h"
#include "common/wx/error_words.h"
#include "common/wx/heading.h"
#include "common/wx/list_row.h"
#include "common/wx/str_helpers.h"
#include "core/display.h"
#include "engine/journal_controller.h"
#include "engine/journal_overview.h"
#include "ui/entry_text.h"
#include "ui/page_host.h"
#include "ui/session_dialog.h"

namespace fieldnotes::client {

using wxcommon::MakeHeading;
using wxcommon::ToWx;

SessionsPanel::SessionsPanel(wxWindow* parent, PageHost& host)
    : wxPanel(parent, wxID_ANY), host_(host) {
  SetName("sessions_panel");
  const int gap = FromDIP(8);

  auto* sessions_label = MakeHeading(this, _("Your sessions"));
  // Native lists (a GTK tree view): a screen reader reads them row by row.
  sessions_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                     wxDV_SINGLE | wxDV_ROW_LINES);
  sessions_->SetName(kSessionsName);
  sessions_->AppendTextColumn(_("When"), wxDATAVIEW_CELL_INERT, FromDIP(240));
  sessions_->AppendTextColumn(_("What landed"), wxDATAVIEW_CELL_INERT, FromDIP(300));
  wxcommon::SetAccessibleName(sessions_, _("Your sessions"));
  add_session_ = new wxButton(this, wxID_ANY, _("&Add a session…"));
  delete_session_ = new wxButton(this, wxID_ANY, _("&Remove session"));

  auto* threads_label = MakeHeading(this, _("Threads: suggestions from a session"));
  threads_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                    wxDV_SINGLE | wxDV_ROW_LINES);
  threads_->SetName(kThreadsName);
  threads_->AppendTextColumn(_("Thread"), wxDATAVIEW_CELL_INERT, FromDIP(260));
  threads_->AppendTextColumn(_("Since"), wxDATAVIEW_CELL_INERT, FromDIP(110));
  threads_->AppendTextColumn(_("Follow-ups"), wxDATAVIEW_CELL_INERT, FromDIP(90), wxALIGN_RIGHT);
  wxcommon::SetAccessibleName(threads_, _("Threads: suggestions from a session"));
  write_ = new wxButton(this, wxID_ANY, _("&Write how it went…"));
  auto* threads_hint = new wxStaticText(
      this, wxID_ANY, _("A thread starts when you name one in an entry of the kind \"Thread\"."));

  auto* left_buttons = new wxBoxSizer(wxHORIZONTAL);
  left_buttons->Add(add_session_, 0, wxRIGHT, gap);
  left_buttons->Add(delete_session_, 0);
  auto* left = new wxBoxSizer(wxVERTICAL);
  left->Add(sessions_label, 0, wxBOTTOM, gap);
  left->Add(sessions_, 1, wxEXPAND | wxBOTTOM, gap);
  left->Add(left_buttons, 0);
  auto* right = new wxBoxSizer(wxVERTICAL);
  right->Add(threads_label, 0, wxBOTTOM, gap);
  right->Add(threads_, 1, wxEXPAND | wxBOTTOM, gap);
  right->Add(threads_hint, 0, wxBOTTOM, gap);
  right->Add(write_, 0);
  auto* box = new wxBoxSizer(wxHORIZONTAL);
  box->Add(left, 1, wxEXPAND | wxALL, gap);
  box->Add(right, 1, wxEXPAND | wxALL, gap);
  SetSizer(box);

  add_session_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddSessionWithDialog(); });
  delete_session_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { DeleteSelectedSession(); });
  write_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { WriteAboutSelectedThread(); });
  threads_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED,
                 [this](wxDataViewEvent&) { WriteAboutSelectedThread(); });
  auto delete_key = [this](wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_DELETE)
      DeleteSelectedSession();
    else
      e.Skip();
  };
  sessions_->Bind(wxEVT_KEY_DOWN, delete_key);
  sessions_->GetMainWindow()->Bind(wxEVT_KEY_DOWN, delete_key);
  Reload();
}

void SessionsPanel::Reload() {
  const core::Journal& journal = host_.controller().journal();
  sessions_->DeleteAllItems();
  session_ids_.clear();
  for (const core::Session* s : SessionsNewestFirst(journal)) {
    sessions_->AppendItem(
        wxcommon::ListRow({wxVariant(ToWx(core::LongDate(s->at) + ", " + core::LocalClock(s->at))),
                           wxVariant(ToWx(Shorten(s->note.substr(0, s->note.find('\n')), 80)))}));
    session_ids_.push_back(s->id);
  }
  threads_->DeleteAllItems();
  thread_titles_.clear();
  for (ThreadRow& t : ThreadRows(journal)) {
    threads_->AppendItem(wxcommon::ListRow(
        {wxVariant(ToWx(t.title)), wxVariant(ToWx(core::DayMonthYear(t.since.LocalDate()))),
         wxVariant(wxString::Format("%zu", t.follow_ups))}));
    thread_titles_.push_back(std::move(t.title));
  }
  delete_session_->Enable(!session_ids_.empty());
  write_->Enable(!thread_titles_.empty());
}

bool SessionsPanel::AddSession(const core::Session& session) {
  auto id = host_.controller().AddSession(session);
  if (!id.ok()) {
    wxcommon::ShowError(this, wxcommon::DescribeStatus(id.status(), _("Fieldnotes could not add the session.")));
    return false;
  }
  host_.SetStatus(_("Session added. Patterns now count from it."));
  host_.JournalChanged();
  return true;
}

void SessionsPanel::AddSessionWithDialog() {
  SessionDialog dialog(this, host_.controller().clock());
  if (dialog.ShowModal() == wxID_OK) AddSession(dialog.GetSession());
}

void SessionsPanel::DeleteSelectedSession() {
  const int item = sessions_->GetSelectedRow();
  if (item < 0 || static_cast<size_t>(item) >= session_ids_.size()) return;
  wxMessageDialog ask(this, _("Remove this session from your journal? Your entries stay as they are."),
                      _("Remove session"), wxYES_NO | wxNO_DEFAULT);
  ask.SetYesNoLabels(_("&Remove"), _("&Keep it"));
  if (ask.ShowModal() != wxID_YES) return;
  if (core::Status s = host_.controller().DeleteSession(session_ids_[static_cast<size_t>(item)]);
      !s.ok()) {
    wxcommon::ShowError(this, wxcommon::DescribeStatus(s, _("Fieldnotes could not remove the session.")));
    return;
  }
  host_.JournalChanged();
}

void SessionsPanel::WriteAboutSelectedThread() {
  int item = threads_->GetSelectedRow();
  if (item < 0 && thread_titles_.size() == 1) item = 0;
  if (item < 0 || static_cast<size_t>(item) >= thread_titles_.size()) {
    host_.SetStatus(_("Choose a thread first."));
    return;
  }
  host_.WriteFollowUp(thread_titles_[static_cast<size_t>(item)]);
}

}  // namespace fieldnotes::client
