#include "ui/timeline_panel.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "common/wx/accessible.h"
#include "common/wx/error_words.h"
#include "common/wx/str_helpers.h"
#include "core/display.h"
#include "ui/entry_text.h"
#include "engine/journal_controller.h"
#include "engine/look_back.h"
#include "ui/page_host.h"
#include "ui/timeline_list.h"

namespace fieldnotes::client {

using wxcommon::ToUtf8;
using wxcommon::ToWx;

namespace {

wxString Count(size_t n) {
  return wxString::Format(wxPLURAL("%zu entry", "%zu entries", wxcommon::PluralCount(n)), n);
}

}  // namespace

TimelinePanel::TimelinePanel(wxWindow* parent, PageHost& host)
    : wxPanel(parent, wxID_ANY), host_(host) {
  SetName("timeline_panel");
  const int gap = FromDIP(8);
  search_ =
      new wxSearchCtrl(this, wxID_FIND, wxString(), wxDefaultPosition, wxSize(FromDIP(320), -1));
  search_->SetName(kSearchName);
  search_->SetDescriptiveText(_("Search your entries (Ctrl+F)"));
  search_->ShowCancelButton(true);
  count_ = new wxStaticText(this, wxID_ANY, wxString());
  list_ = new TimelineList(this);
  details_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(340), -1),
                            wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
  details_->SetName(kDetailsName);
  wxcommon::SetAccessibleName(details_, _("The chosen entry"));
  wxcommon::SetAccessibleName(list_, _("Your entries, newest first"));
  edit_ = new wxButton(this, wxID_ANY, _("&Edit"));
  edit_->SetToolTip(_("Change this entry (Ctrl+E, or Enter in the list)"));
  delete_ = new wxButton(this, wxID_ANY, _("&Delete"));
  delete_->SetToolTip(_("Delete this entry (the Delete key in the list). You can undo it."));

  auto* top = new wxBoxSizer(wxHORIZONTAL);
  top->Add(search_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
  top->Add(count_, 1, wxALIGN_CENTER_VERTICAL);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->AddStretchSpacer();
  buttons->Add(delete_, 0, wxRIGHT, gap);
  buttons->Add(edit_, 0);
  auto* side = new wxBoxSizer(wxVERTICAL);
  side->Add(details_, 1, wxEXPAND | wxBOTTOM, gap);
  side->Add(buttons, 0, wxEXPAND);
  auto* body = new wxBoxSizer(wxHORIZONTAL);
  body->Add(list_, 3, wxEXPAND | wxRIGHT, gap);
  body->Add(side, 2, wxEXPAND);
  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(top, 0, wxEXPAND | wxALL, gap);
  box->Add(body, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
  SetSizer(box);

  search_->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { Reload(); });
  search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { SetQuery(wxString()); });
  search_->Bind(wxEVT_CHAR_HOOK, [this](wxKeyEvent& e) {
    // Down arrow from the search box goes to the results.
    if (e.GetKeyCode() == WXK_DOWN && list_->GetItemCount() > 0) {
      list_->SetFocus();
      if (list_->Selected() == nullptr) {
        if (auto row = list_->model().EntryRowFrom(0, 1)) list_->SelectRow(*row);
      }
      return;
    }
    e.Skip();
  });
  list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent& e) {
    CallAfter([this] { ShowSelected(); });
    e.Skip();
  });
  list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { EditSelected(); });
  auto delete_key = [this](wxKeyEvent& e) {
    if (e.GetKeyCode() == WXK_DELETE)
      DeleteSelected();
    else
      e.Skip();
  };
  list_->Bind(wxEVT_KEY_DOWN, delete_key);
  list_->GetMainWindow()->Bind(wxEVT_KEY_DOWN, delete_key);
  edit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EditSelected(); });
  delete_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { DeleteSelected(); });
  Reload();
}

void TimelinePanel::Reload(const std::string& select_id) {
  const core::Journal& journal = host_.controller().journal();
  const std::string query = ToUtf8(search_->GetValue());
  const bool searching = IsSearch(query);
  std::string keep = select_id;
  if (keep.empty())
    if (const core::Entry* e = list_->Selected()) keep = e->id;
  const auto entries = LookBack(journal, query);
  list_->SetEntries(entries, keep);
  if (searching) {
    const size_t n = entries.size();
    count_->SetLabelText(
        n == 0 ? _("No entries contain that.")
               // TRANSLATORS: above the search results: %1$zu how many entries,
               // %2$s the words searched for, as typed.
               : wxString::Format(wxPLURAL("%1$zu entry contains “%2$s”",
                                           "%1$zu entries contain “%2$s”", wxcommon::PluralCount(n)),
                                  n, search_->GetValue()));
  } else {
    count_->SetLabelText(entries.empty() ? _("Nothing written yet. Ctrl+N starts an entry.")
                                         : Count(entries.size()));
  }
  ShowSelected();
}

void TimelinePanel::SetQuery(const wxString& query) {
  search_->ChangeValue(query);
  Reload();
}

void TimelinePanel::FocusSearch() {
  search_->SetFocus();
  search_->SelectAll();
}

bool TimelinePanel::Select(const std::string& id) {
  if (!list_->SelectEntry(id)) {
    // Hidden by the search: show everything, then select it.
    SetQuery(wxString());
    if (!list_->SelectEntry(id)) return false;
  }
  ShowSelected();
  list_->SetFocus();
  return true;
}

wxString TimelinePanel::count_text() const { return count_->GetLabelText(); }

void TimelinePanel::ShowSelected() {
  const core::Entry* e = list_->Selected();
  details_->ChangeValue(e != nullptr ? ToWx(EntryDetails(*e)) : wxString());
  edit_->Enable(e != nullptr);
  delete_->Enable(e != nullptr);
}

void TimelinePanel::EditSelected() {
  if (const core::Entry* e = list_->Selected()) host_.EditEntry(e->id);
}

void TimelinePanel::DeleteSelected() {
  const core::Entry* e = list_->Selected();
  if (e == nullptr) return;
  const std::string id = e->id;
  const std::string when = core::LongDate(e->written_at);
  // The next entry keeps the selection, so Delete can be pressed again.
  std::string next;
  if (auto row = list_->model().RowOf(id)) {
    auto after = list_->model().EntryRowFrom(*row + 1, 1);
    if (!after && *row > 0) after = list_->model().EntryRowFrom(*row - 1, -1);
    if (after) next = list_->model().row(*after).entry->id;
  }
  if (core::Status s = host_.controller().DeleteEntry(id); !s.ok()) {
    wxcommon::ShowError(this, wxcommon::DescribeStatus(s, _("Fieldnotes could not delete the entry.")));
    return;
  }
  host_.JournalChanged(next);
  // TRANSLATORS: %s is the day and time the entry was written.
  host_.OfferUndo(wxString::Format(_("The entry of %s is deleted."), ToWx(when)));
}

}  // namespace fieldnotes::client
