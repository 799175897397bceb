#include "ui/receipts_dialog.h"

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "common/wx/accessible.h"
#include "common/wx/busy_panel.h"
#include "common/wx/str_helpers.h"
#include "ui/sharing_controller.h"
#include "ui/sharing_notice.h"
#include "ui/sharing_words.h"

namespace fieldnotes::client {

using wxcommon::ToWx;

ReceiptsDialog::ReceiptsDialog(wxWindow* parent, SharingController& sharing, ConfirmFn confirm)
    : SharingDialog(parent, sharing, _("Receipts"), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      confirm_(std::move(confirm)) {
  SetName("receipts_dialog");
  const int gap = FromDIP(8);
  auto* intro = new wxStaticText(this, wxID_ANY,
                                 _("Reports you shared, and what the server says happened to each."));
  auto* list_label = new wxStaticText(this, wxID_ANY, _("&Shared reports"));
  list_ = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(820, 220)),
                         wxLC_REPORT | wxLC_SINGLE_SEL);
  list_->SetName(kListName);
  wxcommon::SetAccessibleName(list_, _("Shared reports"));
  list_->AppendColumn(_("Report"), wxLIST_FORMAT_LEFT, FromDIP(180));
  list_->AppendColumn(_("With"), wxLIST_FORMAT_LEFT, FromDIP(110));
  list_->AppendColumn(_("Shared"), wxLIST_FORMAT_LEFT, FromDIP(150));
  list_->AppendColumn(_("What happened"), wxLIST_FORMAT_LEFT, FromDIP(360));
  busy_ = new wxcommon::BusyPanel(this);
  notice_ = new SharingNotice(this, 720);
  refresh_ = new wxButton(this, wxID_REFRESH, _("&Refresh"));
  refresh_->SetName(kRefreshName);
  withdraw_ = new wxButton(this, wxID_ANY, _("&Withdraw…"));
  withdraw_->SetName(kWithdrawName);
  withdraw_->SetToolTip(_("The server deletes the report at once"));
  close_ = new wxButton(this, wxID_CANCEL, _("&Close"));

  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->Add(refresh_, 0, wxRIGHT, gap);
  buttons->Add(withdraw_, 0);
  buttons->AddStretchSpacer();
  buttons->Add(close_, 0);
  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(intro, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  box->Add(list_label, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  box->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  box->Add(busy_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  box->Add(notice_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  box->Add(buttons, 0, wxEXPAND | wxALL, 2 * gap);
  SetSizer(box);

  list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
    chosen_ = e.GetIndex();
    withdraw_->Enable(!busy());
  });
  list_->Bind(wxEVT_LIST_KEY_DOWN, [this](wxListEvent& e) {
    if (e.GetKeyCode() == WXK_DELETE)
      Withdraw();
    else
      e.Skip();
  });
  refresh_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Refresh(); });
  withdraw_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Withdraw(); });
  HoldWhileBusy(close_);

  // What the journal knows, at once; then what the server says.
  if (auto known = sharing_.KnownReceipts(); known.ok()) lines_ = std::move(known).value();
  ShowLines();
  Fit();
  list_->SetFocus();
  Refresh();
}

wxString ReceiptsDialog::ReportWords(const std::string& report_id) {
  auto it = report_words_.find(report_id);
  if (it != report_words_.end()) return it->second;
  // TRANSLATORS: a report not kept here any more; %s is the start of its id.
  wxString words = wxString::Format(_("Report %s"), ToWx(report_id.substr(0, 8)));
  if (!sharing_.busy()) {
    if (auto report = sharing_.Report(report_id); report.ok())
      words = ToWx(report->content.subtitle);
  }
  report_words_[report_id] = words;
  return words;
}

void ReceiptsDialog::ShowLines() {
  const long keep = chosen_;
  list_->DeleteAllItems();
  for (size_t i = 0; i < lines_.size(); ++i) {
    const sync::ReceiptLine& r = lines_[i];
    const long row = list_->InsertItem(static_cast<long>(i), ReportWords(r.consent.report_id));
    list_->SetItem(row, 1, r.link_label.empty() ? _("your therapist") : ToWx(r.link_label));
    list_->SetItem(row, 2, ShortWhen(r.consent.granted_at));
    list_->SetItem(row, 3, ReceiptStateWords(r));
  }
  chosen_ = -1;
  if (keep >= 0 && keep < list_->GetItemCount()) {
    Select(static_cast<size_t>(keep));
  } else if (!lines_.empty()) {
    Select(lines_.size() - 1);  // the latest
  }
  if (lines_.empty()) notice_->Note(_("You have not shared a report yet."));
  withdraw_->Enable(!busy() && chosen_ >= 0);
}

void ReceiptsDialog::Select(size_t row) {
  if (row >= lines_.size()) return;
  chosen_ = static_cast<long>(row);
  list_->Select(chosen_);
  list_->Focus(chosen_);
}

wxString ReceiptsDialog::state_text(size_t row) const {
  return list_->GetItemText(static_cast<long>(row), 3);
}

void ReceiptsDialog::SetBusy(const wxString& what) {
  notice_->Clear();
  busy_->Start(what);
  for (wxWindow* w : {refresh_, withdraw_, close_}) w->Disable();
  Layout();
}

void ReceiptsDialog::SetIdle() {
  busy_->Stop();
  refresh_->Enable();
  close_->Enable();
  withdraw_->Enable(chosen_ >= 0);
  Layout();
}

void ReceiptsDialog::Refresh() {
  if (busy()) return;
  SetBusy(_("Asking the server…"));
  sharing_.FetchReceipts([this](core::Result<sync::Receipts> receipts) {
    SetIdle();
    if (!receipts.ok()) {
      notice_->Problem(receipts.status(), _("Fieldnotes could not ask the server about your reports."),
                       [this] { Refresh(); });
      return;
    }
    lines_ = std::move(receipts->lines);
    ShowLines();
    if (!receipts->unreachable.empty()) {
      notice_->Problem(core::Status::Unavailable(receipts->unreachable.front()),
                       _("Fieldnotes could not reach every server."), [this] { Refresh(); });
    }
  });
}

void ReceiptsDialog::Withdraw() {
  if (busy() || chosen_ < 0 || static_cast<size_t>(chosen_) >= lines_.size()) return;
  const sync::ReceiptLine line = lines_[static_cast<size_t>(chosen_)];
  if (line.consent.withdrawn_at != 0 || line.state == "withdrawn" || line.state == "expired") {
    notice_->Note(_("This one is no longer on the server: there is nothing to withdraw."));
    return;
  }
  if (!confirm_(this,
                _("Withdraw this report?\n\nThe server deletes it at once, and your "
                "therapist can no longer download it. If they already downloaded it, "
                "that copy stays with them."))) {
    return;
  }
  SetBusy(_("Withdrawing…"));
  sharing_.Withdraw(
      line.consent.report_id, [this](core::Result<std::vector<sync::Consent>> withdrawn) {
        SetIdle();
        if (!withdrawn.ok()) {
          notice_->Problem(withdrawn.status(), _("Fieldnotes could not withdraw the report."),
                           withdrawn.status().code() == core::Status::Code::kUnavailable
                               ? std::function<void()>([this] { Withdraw(); })
                               : nullptr);
          return;
        }
        Refresh();
        notice_->Note(_("Withdrawn: the server deleted it."));
      });
}

}  // namespace fieldnotes::client
