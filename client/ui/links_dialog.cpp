#include "ui/links_dialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "common/wx/accessible.h"
#include "common/wx/busy_panel.h"
#include "common/wx/error_words.h"
#include "common/wx/str_helpers.h"
#include "ui/link_dialog.h"
#include "ui/safety_number_panel.h"
#include "ui/sharing_controller.h"
#include "ui/sharing_notice.h"
#include "ui/sharing_words.h"

namespace fieldnotes::client {

using wxcommon::ToWx;

LinksDialog::LinksDialog(wxWindow* parent, SharingController& sharing, ConfirmFn confirm)
    : SharingDialog(parent, sharing, _("Therapists and safety numbers"),
                    wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      confirm_(std::move(confirm)) {
  SetName("links_dialog");
  const int gap = FromDIP(8);
  auto* list_label = new wxStaticText(this, wxID_ANY, _("&Linked therapists"));
  list_ = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(360, 260)),
                         wxLC_REPORT | wxLC_SINGLE_SEL);
  list_->SetName(kListName);
  wxcommon::SetAccessibleName(list_, _("Linked therapists"));
  list_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(110));
  list_->AppendColumn(_("State"), wxLIST_FORMAT_LEFT, FromDIP(230));
  number_ = new SafetyNumberPanel(this, [this] { MarkVerified(); });
  busy_ = new wxcommon::BusyPanel(this);
  notice_ = new SharingNotice(this, 620);
  add_ = new wxButton(this, wxID_ANY, _("Link a &therapist…"));
  check_ = new wxButton(this, wxID_ANY, _("C&heck for changes"));
  check_->SetName(kCheckName);
  check_->SetToolTip(_("Ask the server for your therapist's current keys"));
  remove_ = new wxButton(this, wxID_ANY, _("&End link…"));
  remove_->SetName(kRemoveName);
  close_ = new wxButton(this, wxID_CANCEL, _("&Close"));

  auto* left = new wxBoxSizer(wxVERTICAL);
  left->Add(list_label, 0, wxBOTTOM, gap / 2);
  left->Add(list_, 1, wxEXPAND);
  auto* panes = new wxBoxSizer(wxHORIZONTAL);
  panes->Add(left, 0, wxEXPAND | wxRIGHT, 2 * gap);
  panes->Add(number_, 1, wxEXPAND);
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(add_, 0, wxRIGHT, gap);
  buttons->Add(check_, 0, wxRIGHT, gap);
  buttons->Add(remove_, 0);
  buttons->AddStretchSpacer();
  buttons->Add(close_, 0);
  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(panes, 1, wxEXPAND | wxALL, 2 * gap);
  AddFooter(box, busy_, notice_, buttons, gap);
  SetSizer(box);

  list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    if (e.GetIndex() >= 0 && static_cast<size_t>(e.GetIndex()) < links_.size())
      selected_id_ = links_[static_cast<size_t>(e.GetIndex())].id;
    ShowSelected();
  });
  add_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { LinkNew(); });
  check_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CheckForChanges(); });
  remove_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EndLink(); });
  HoldWhileBusy(close_);
  Reload();
  Fit();
  list_->SetFocus();
}

void LinksDialog::Reload() {
  auto links = sharing_.Links();
  if (!links.ok()) {
    notice_->Problem(links.status(), _("Fieldnotes could not read your links."));
    return;
  }
  links_ = std::move(links).value();
  list_->DeleteAllItems();
  long chosen = links_.empty() ? -1 : 0;
  for (size_t i = 0; i < links_.size(); ++i) {
    const long row = list_->InsertItem(static_cast<long>(i), LinkName(links_[i]));
    list_->SetItem(row, 1, LinkStateShort(links_[i]));
    if (links_[i].id == selected_id_) chosen = row;
  }
  if (chosen >= 0) {
    selected_id_ = links_[static_cast<size_t>(chosen)].id;
    list_->Select(chosen);
    list_->Focus(chosen);
  } else {
    selected_id_.clear();
    notice_->Note(
        _("No therapist linked yet. Ask your therapist for an invite code, then choose "
        "\"Link a therapist\"."));
  }
  ShowSelected();
}

void LinksDialog::Select(size_t row) {
  if (row >= links_.size()) return;
  selected_id_ = links_[row].id;
  list_->Select(static_cast<long>(row));
  ShowSelected();
}

std::optional<size_t> LinksDialog::selected() const {
  for (size_t i = 0; i < links_.size(); ++i)
    if (links_[i].id == selected_id_) return i;
  return std::nullopt;
}

void LinksDialog::ShowSelected() {
  const auto row = selected();
  if (!row) {
    number_->Clear();
  } else if (auto digits = sharing_.SafetyNumber(links_[*row]); digits.ok()) {
    number_->SetLink(links_[*row], *digits);
  } else {
    number_->Clear();
    notice_->Problem(digits.status(), _("Fieldnotes could not show the safety number."));
  }
  const bool idle = !busy();
  check_->Enable(idle && row.has_value());
  remove_->Enable(idle && row.has_value());
  // The number's page grows with a warning: measure again.
  RefitSoon();
}

void LinksDialog::SetBusy(const wxString& what) {
  notice_->Clear();
  busy_->Start(what);
  for (wxWindow* w : {add_, check_, remove_, close_}) w->Disable();
  number_->EnableVerify(false);
  Layout();
}

void LinksDialog::SetIdle() {
  busy_->Stop();
  add_->Enable();
  close_->Enable();
  Reload();
}

std::function<void()> LinksDialog::RetryIfUnreachable(const core::Status& s,
                                                      std::function<void()> again) {
  if (s.code() != core::Status::Code::kUnavailable) return nullptr;
  return again;
}

void LinksDialog::CheckForChanges() {
  const auto row = selected();
  if (!row || busy()) return;
  SetBusy(_("Asking the server for your therapist's keys…"));
  sharing_.Refresh(links_[*row], [this](core::Result<SharingController::Linked> fresh) {
    SetIdle();
    if (!fresh.ok()) {
      notice_->Problem(fresh.status(), _("Fieldnotes could not check for changes."),
                       RetryIfUnreachable(fresh.status(), [this] { CheckForChanges(); }));
      return;
    }
    notice_->Note(fresh->link.key_changed()
                      ? _("The safety number changed. Compare the new one with your "
                                 "therapist before sharing again.")
                      : _("Checked: your therapist's keys are the ones shown."));
  });
}

void LinksDialog::MarkVerified() {
  const auto row = selected();
  if (!row || busy()) return;
  SetBusy(_("Checking with the server…"));
  sharing_.Verify(links_[*row], [this](core::Result<SharingController::Linked> verified) {
    SetIdle();  // shows what the journal has now, a newer number included
    if (!verified.ok()) {
      notice_->Problem(verified.status(), _("Fieldnotes could not mark the number as verified."),
                       RetryIfUnreachable(verified.status(), [this] { MarkVerified(); }));
      return;
    }
    // TRANSLATORS: %s is the therapist's name as the client labelled them.
    notice_->Note(wxString::Format(_("Verified. You can share a report with %s when you want to."),
                                   LinkName(verified->link)));
  });
}

void LinksDialog::EndLink() {
  const auto row = selected();
  if (!row || busy()) return;
  const sync::TherapistLink link = links_[*row];
  if (!confirm_(this, wxString::Format(_("End the link with %s?\n\nReports you shared on it are "
                                         "deleted from the server at once. Your journal stays as "
                                         "it is. To share again later, you would need a new "
                                         "invite code."),
                                       LinkName(link)))) {
    return;
  }
  RemoveLink(link);
}

void LinksDialog::RemoveLink(const sync::TherapistLink& link) {
  if (busy()) return;
  SetBusy(_("Ending the link…"));
  sharing_.Remove(link, [this, link, name = LinkName(link)](core::Status s) {
    SetIdle();
    if (!s.ok()) {
      // Already confirmed: trying again does not ask again.
      notice_->Problem(s, _("Fieldnotes could not end the link."),
                       RetryIfUnreachable(s, [this, link] { RemoveLink(link); }));
      return;
    }
    notice_->Note(wxString::Format(
        _("The link with %s is ended; the server deleted the reports you shared on it."), name));
  });
}

void LinksDialog::LinkNew() {
  if (busy()) return;
  {
    LinkDialog dialog(this, sharing_);
    dialog.ShowModal();
    if (dialog.link()) selected_id_ = dialog.link()->id;
  }
  sharing_.SetOpenDialog(this);
  notice_->Clear();
  Reload();
}

}  // namespace fieldnotes::client
