#include "ui/link_dialog.h"

#include <wx/button.h>
#include <wx/filepicker.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "common/wx/accessible.h"
#include "common/wx/busy_panel.h"
#include "common/wx/heading.h"
#include "common/wx/str_helpers.h"
#include "ui/safety_number_panel.h"
#include "ui/sharing_controller.h"
#include "ui/sharing_notice.h"
#include "ui/sharing_words.h"

namespace fieldnotes::client {
namespace {

using wxcommon::ToUtf8;
using wxcommon::ToWx;

constexpr int kWrapDip = 460;

wxStaticText* Hint(wxWindow* parent, const wxString& text, int wrap) {
  auto* hint = new wxStaticText(parent, wxID_ANY, text);
  hint->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  hint->Wrap(wrap);
  return hint;
}

}  // namespace

LinkDialog::LinkDialog(wxWindow* parent, SharingController& sharing)
    : SharingDialog(parent, sharing, _("Link a therapist")) {
  SetName("link_dialog");
  const int gap = FromDIP(8);
  const int wrap = FromDIP(kWrapDip);

  // Step 1: where and with which code.
  form_ = new wxPanel(this, wxID_ANY);
  wxPanel* form = form_;
  auto* intro = new wxStaticText(
      form, wxID_ANY,
      _("Your therapist gives you a server address and an invite code. Linking lets you share a "
      "weekly report with them when you choose to. Nothing is shared by linking."));
  intro->Wrap(wrap);
  auto* server_label = new wxStaticText(form, wxID_ANY, _("&Server address"));
  server_ = new wxTextCtrl(form, wxID_ANY);
  server_->SetName(kServerName);
  server_->SetHint("https://sync.example.org");
  auto* code_label = new wxStaticText(form, wxID_ANY, _("&Invite code"));
  code_ = new wxTextCtrl(form, wxID_ANY);
  code_->SetName(kCodeName);
  auto* label_label = new wxStaticText(form, wxID_ANY, _("&Name for this link (optional)"));
  label_ = new wxTextCtrl(form, wxID_ANY);
  label_->SetName(kLabelName);
  label_->SetHint(_("Dr Rivera"));
  auto* label_hint = Hint(form, _("Only you see it; it stays on this computer."), wrap);
  auto* ca_label = new wxStaticText(form, wxID_ANY, _("&Certificate file (optional)"));
  ca_ =
      new wxFilePickerCtrl(form, wxID_ANY, wxString(), _("Choose the certificate file"),
                           _("Certificates (*.pem;*.crt)|*.pem;*.crt|All files|*"), wxDefaultPosition,
                           wxDefaultSize, wxFLP_OPEN | wxFLP_FILE_MUST_EXIST | wxFLP_USE_TEXTCTRL);
  ca_->SetName(kCaName);
  auto* ca_hint = Hint(form,
                       _("Only for a practice that runs its own server and gave you a "
                       "certificate file to trust. Leave empty otherwise."),
                       wrap);
  auto* form_box = new wxBoxSizer(wxVERTICAL);
  form_box->Add(intro, 0, wxBOTTOM, 2 * gap);
  for (auto [label, field] : {std::pair<wxWindow*, wxWindow*>{server_label, server_},
                              {code_label, code_},
                              {label_label, label_}}) {
    form_box->Add(label, 0, wxBOTTOM, gap / 2);
    form_box->Add(field, 0, wxEXPAND | wxBOTTOM, gap);
  }
  form_box->Add(label_hint, 0, wxBOTTOM, gap);
  form_box->Add(ca_label, 0, wxBOTTOM, gap / 2);
  form_box->Add(ca_, 0, wxEXPAND | wxBOTTOM, gap / 2);
  form_box->Add(ca_hint, 0);
  form->SetSizer(form_box);
  wxcommon::NameControlsFromLabels(form);

  // Step 2: the safety number.

  busy_ = new wxcommon::BusyPanel(this);
  notice_ = new SharingNotice(this, kWrapDip - 60);
  go_ = new wxButton(this, wxID_OK, _("&Link"));
  go_->SetName(kLinkButtonName);
  close_ = new wxButton(this, wxID_CANCEL, _("Cancel"));
  auto* buttons = new wxBoxSizer(wxHORIZONTAL);
  buttons->AddStretchSpacer();
  buttons->Add(close_, 0, wxRIGHT, gap);
  buttons->Add(go_, 0);

  auto* box = new wxBoxSizer(wxVERTICAL);
  // One step at a time: the form, then the number.
  box->Add(form_, 1, wxEXPAND | wxALL, 2 * gap);
  AddFooter(box, busy_, notice_, buttons, gap);
  SetSizerAndFit(box);
  go_->SetDefault();
  HoldWhileBusy(close_);
  go_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { StartLink(); });
  server_->SetFocus();
}

void LinkDialog::SetBusy(const wxString& what) {
  notice_->Clear();
  busy_->Start(what);
  go_->Disable();
  close_->Disable();
  if (number_ != nullptr) number_->EnableVerify(false);
  Layout();
}

void LinkDialog::SetIdle() {
  busy_->Stop();
  go_->Enable();
  close_->Enable();
  if (number_ != nullptr) number_->EnableVerify(true);
  Layout();
  Fit();
}

void LinkDialog::StartLink() {
  if (busy() || link_) return;
  sync::LinkRequest request;
  request.server_url = ToUtf8(server_->GetValue().Strip(wxString::both));
  request.code = ToUtf8(code_->GetValue().Strip(wxString::both));
  request.label = ToUtf8(label_->GetValue().Strip(wxString::both));
  request.ca_file = ToUtf8(ca_->GetPath());
  if (request.server_url.empty() || request.code.empty()) {
    notice_->Note(
        _("The server address and the invite code are both needed. Your therapist "
        "has them."));
    (request.server_url.empty() ? server_ : code_)->SetFocus();
    return;
  }
  SetBusy(_("Linking…"));
  sharing_.Link(request, [this](core::Result<SharingController::Linked> linked) {
    SetIdle();
    if (!linked.ok()) {
      const bool retry = linked.status().code() == core::Status::Code::kUnavailable;
      notice_->Problem(linked.status(), _("Fieldnotes could not link with this code."),
                       retry ? std::function<void()>([this] { StartLink(); }) : nullptr);
      return;
    }
    ShowNumber(linked->link, linked->safety_number);
    notice_->Note(_("Linked. Nothing has been shared."));
  });
}

void LinkDialog::ShowNumber(const sync::TherapistLink& link, const std::string& digits) {
  link_ = link;
  // The form is done with: a link is made once. The number takes its place
  // (made now, not hidden until now: GTK measures hidden buttons too small).
  if (number_ == nullptr) {
    form_->Hide();
    number_ = new SafetyNumberPanel(this, [this] { MarkVerified(); });
    GetSizer()->Insert(1, number_, 1, wxEXPAND | wxALL, FromDIP(16));
  }
  number_->SetLink(link, digits);
  go_->Hide();
  close_->SetLabel(link.can_share() ? _("&Done") : _("&Later"));
  close_->SetToolTip(link.can_share() ? wxString()
                                      : _("You can compare the number later, under Sharing, "
                                        "Therapists and safety numbers"));
  RefitSoon();
  number_->SetFocus();
}

void LinkDialog::MarkVerified() {
  if (busy() || !link_) return;
  SetBusy(_("Checking with the server…"));
  sharing_.Verify(*link_, [this](core::Result<SharingController::Linked> verified) {
    SetIdle();
    if (!verified.ok()) {
      // The keys moved while the number was on screen: show the new one.
      if (auto links = sharing_.Links(); links.ok()) {
        for (const sync::TherapistLink& l : *links)
          if (l.id == link_->id)
            if (auto digits = sharing_.SafetyNumber(l); digits.ok()) ShowNumber(l, *digits);
      }
      const bool retry = verified.status().code() == core::Status::Code::kUnavailable;
      notice_->Problem(verified.status(), _("Fieldnotes could not mark the number as verified."),
                       retry ? std::function<void()>([this] { MarkVerified(); }) : nullptr);
      return;
    }
    ShowNumber(verified->link, verified->safety_number);
    // TRANSLATORS: %s is the therapist's name as the client labelled them.
    notice_->Note(wxString::Format(_("Verified. You can share a report with %s when you want to."),
                                   LinkName(verified->link)));
  });
}

}  // namespace fieldnotes::client
