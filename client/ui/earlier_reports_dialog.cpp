#include "ui/earlier_reports_dialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

#include "common/wx/accessible.h"
#include "common/wx/error_words.h"
#include "common/wx/str_helpers.h"
#include "ui/sharing_words.h"

namespace fieldnotes::client {

using wxcommon::ToWx;

EarlierReportsDialog::EarlierReportsDialog(wxWindow* parent,
                                           std::vector<reports::StoredReport> reports,
                                           SharedWith shared_with, Taken taken)
    : wxDialog(parent, wxID_ANY, _("Earlier reports"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      reports_(std::move(reports)),
      shared_with_(std::move(shared_with)),
      taken_(std::move(taken)) {
  SetName("earlier_reports_dialog");
  std::stable_sort(reports_.begin(), reports_.end(),
                   [](const reports::StoredReport& a, const reports::StoredReport& b) {
                     return a.created_at.unix_seconds > b.created_at.unix_seconds;
                   });
  const int gap = FromDIP(8);
  auto* intro = new wxStaticText(
      this, wxID_ANY,
      _("The weekly reports kept in your journal, newest first. Choose one to share; "
           "the next step shows exactly what leaves and asks you first. Mark the one you took "
           "to a session, and the next report says what changed since it."));
  intro->Wrap(FromDIP(740));
  list_ = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(760, 240)),
                         wxLC_REPORT | wxLC_SINGLE_SEL);
  list_->SetName(kListName);
  wxcommon::SetAccessibleName(list_, _("Kept reports"));
  list_->AppendColumn(_("Period"), wxLIST_FORMAT_LEFT, FromDIP(240));
  list_->AppendColumn(_("Made"), wxLIST_FORMAT_LEFT, FromDIP(140));
  list_->AppendColumn(_("Pages"), wxLIST_FORMAT_RIGHT, FromDIP(60));
  list_->AppendColumn(_("Shared"), wxLIST_FORMAT_LEFT, FromDIP(170));
  list_->AppendColumn(_("Taken to a session"), wxLIST_FORMAT_LEFT, FromDIP(130));
  for (size_t i = 0; i < reports_.size(); ++i) {
    const long row = list_->InsertItem(static_cast<long>(i), row_text(i, 0));
    for (int column = 1; column < 5; ++column) list_->SetItem(row, column, row_text(i, column));
  }
  auto* none = new wxStaticText(this, wxID_ANY,
                                _("No report is kept yet. The Weekly report page makes one."));
  none->Show(reports_.empty());

  share_ = new wxButton(this, wxID_ANY, _("&Share…"));
  share_->SetName(kShareName);
  share_->Enable(false);
  taken_button_ = new wxButton(this, wxID_ANY, _("Taken to a s&ession"));
  taken_button_->SetName(kTakenName);
  taken_button_->Enable(false);
  taken_button_->Show(static_cast<bool>(taken_.mark));
  auto* close = new wxButton(this, wxID_CANCEL, _("Close"));
  share_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Share(); });
  taken_button_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ToggleTaken(); });
  list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { UpdateButtons(); });
  list_->Bind(wxEVT_LIST_ITEM_DESELECTED, [this](wxListEvent&) { UpdateButtons(); });
  list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { Share(); });

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(share_, 0, wxRIGHT, gap);
  buttons->Add(taken_button_, 0, wxRIGHT, gap);
  buttons->AddStretchSpacer();
  buttons->Add(close);
  auto* column = new wxBoxSizer(wxVERTICAL);
  column->Add(intro, 0, wxALL, 2 * gap);
  column->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 2 * gap);
  column->Add(none, 0, wxALL, 2 * gap);
  column->Add(buttons, 0, wxEXPAND | wxALL, 2 * gap);
  SetSizerAndFit(column);
  SetEscapeId(wxID_CANCEL);
  if (!reports_.empty()) Select(0);
  list_->SetFocus();
}

wxString EarlierReportsDialog::row_text(size_t row, int column) const {
  const reports::StoredReport& r = reports_.at(row);
  switch (column) {
    case 0:
      return ToWx(r.content.subtitle);
    case 1:
      return ShortWhen(r.created_at.unix_seconds);
    case 2:
      return wxString::Format("%d", r.pages);
    case 4:
      return taken_.ids.contains(r.id) ? _("Yes") : wxString();
    default: {
      auto found = shared_with_.find(r.id);
      if (found == shared_with_.end() || found->second.empty()) return _("Not shared");
      std::string names;
      for (const std::string& name : found->second) {
        names += (names.empty() ? "" : ", ") +
                 (name.empty() ? wxcommon::ToUtf8(_("your therapist")) : name);
      }
      // TRANSLATORS: %s names the therapists a report was shared with.
      return wxString::Format(_("With %s"), ToWx(names));
    }
  }
}

void EarlierReportsDialog::Select(size_t row) {
  if (row >= reports_.size()) return;
  list_->Select(static_cast<long>(row));
  list_->Focus(static_cast<long>(row));
  UpdateButtons();
}

void EarlierReportsDialog::UpdateButtons() {
  const long row = list_->GetFirstSelected();
  const bool any = row >= 0 && static_cast<size_t>(row) < reports_.size();
  share_->Enable(any);
  taken_button_->Enable(any);
  const bool marked = any && taken_.ids.contains(reports_[static_cast<size_t>(row)].id);
  taken_button_->SetLabel(marked ? _("Not &taken after all") : _("Taken to a s&ession"));
  Layout();
}

void EarlierReportsDialog::ToggleTaken() {
  const long row = list_->GetFirstSelected();
  if (!taken_.mark || row < 0 || static_cast<size_t>(row) >= reports_.size()) return;
  const std::string& id = reports_[static_cast<size_t>(row)].id;
  const bool taken = !taken_.ids.contains(id);
  core::Status s = taken_.mark(id, taken);
  if (!s.ok()) {
    wxcommon::ShowError(this, wxcommon::DescribeStatus(s, _("Fieldnotes could not mark the report.")));
    return;
  }
  if (taken) {
    taken_.ids.insert(id);
  } else {
    taken_.ids.erase(id);
  }
  list_->SetItem(row, 4, row_text(static_cast<size_t>(row), 4));
  UpdateButtons();
}

void EarlierReportsDialog::Share() {
  const long row = list_->GetFirstSelected();
  if (row < 0 || static_cast<size_t>(row) >= reports_.size()) return;
  chosen_ = reports_[static_cast<size_t>(row)].id;
  if (IsModal()) {
    EndModal(wxID_OK);
  } else {
    Hide();
  }
}

}  // namespace fieldnotes::client
