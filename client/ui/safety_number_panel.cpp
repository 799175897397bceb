#include "ui/safety_number_panel.h"

#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include "common/wx/accessible.h"
#include "common/wx/heading.h"
#include "common/wx/safety_number_text.h"
#include "common/wx/str_helpers.h"
#include "ui/sharing_words.h"

namespace fieldnotes::client {
namespace {

constexpr int kWrapDip = 440;

}  // namespace

SafetyNumberPanel::SafetyNumberPanel(wxWindow* parent, std::function<void()> on_verify)
    : wxPanel(parent, wxID_ANY), on_verify_(std::move(on_verify)) {
  SetName("safety_number_panel");
  const int gap = FromDIP(8);
  who_ = wxcommon::MakeHeading(this, _("Safety number"));
  where_ = new wxStaticText(this, wxID_ANY, wxString());
  where_->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

  // The key-change warning: an icon and words, never colour alone.
  warning_ = new wxPanel(this, wxID_ANY);
  warning_->SetName(kWarningName);
  auto* warning_icon = new wxStaticBitmap(
      warning_, wxID_ANY, wxArtProvider::GetBitmapBundle(wxART_WARNING, wxART_MESSAGE_BOX));
  warning_text_ = new wxStaticText(
      warning_, wxID_ANY,
      _("Your therapist's safety number has changed since you last compared it. This often just "
      "means they set up a new computer. Sharing waits until you compare the new number below "
      "with them, in person or on a call."));
  warning_text_->Wrap(FromDIP(kWrapDip - 48));
  auto* warning_box = new wxBoxSizer(wxHORIZONTAL);
  warning_box->Add(warning_icon, 0, wxRIGHT | wxALIGN_TOP, gap);
  warning_box->Add(warning_text_, 1);
  warning_->SetSizer(warning_box);
  wxcommon::SetAccessibleName(warning_, warning_text_->GetLabelText());

  number_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                             wxALIGN_CENTRE_HORIZONTAL);
  number_->SetName(kNumberName);
  wxFont big(wxFontInfo(wxNORMAL_FONT->GetPointSize() * 1.6).Family(wxFONTFAMILY_TELETYPE));
  number_->SetFont(big);

  how_ = new wxStaticText(
      this, wxID_ANY,
      _("Compare this with your therapist. Their viewer shows a safety number for you too: read "
      "the groups out to each other, in person or on a call. If every digit is the same, mark it "
      "as verified. If anything differs, do not verify: end the link and tell your therapist."));
  how_->Wrap(FromDIP(kWrapDip));

  state_icon_ = new wxStaticBitmap(
      this, wxID_ANY,
      wxArtProvider::GetBitmapBundle(wxART_INFORMATION, wxART_OTHER, FromDIP(wxSize(24, 24))));
  state_ = new wxStaticText(this, wxID_ANY, wxString());
  state_->SetName("safety_state");
  verify_ = new wxButton(this, wxID_ANY, _("The numbers &match: mark as verified"));
  verify_->SetName(kVerifyName);
  verify_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (on_verify_) on_verify_();
  });

  auto* state_row = new wxBoxSizer(wxHORIZONTAL);
  state_row->Add(state_icon_, 0, wxRIGHT | wxALIGN_CENTRE_VERTICAL, gap);
  state_row->Add(state_, 1, wxALIGN_CENTRE_VERTICAL);
  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(who_, 0, wxBOTTOM, gap / 2);
  box->Add(where_, 0, wxBOTTOM, gap);
  box->Add(warning_, 0, wxEXPAND | wxBOTTOM, gap);
  box->Add(number_, 0, wxALIGN_CENTRE_HORIZONTAL | wxTOP | wxBOTTOM, gap * 2);
  box->Add(how_, 0, wxBOTTOM, gap);
  box->Add(state_row, 0, wxEXPAND | wxBOTTOM, gap);
  box->Add(verify_, 0, wxALIGN_LEFT);
  SetSizer(box);
  Clear();
}

void SafetyNumberPanel::SetLink(const sync::TherapistLink& link, const std::string& digits) {
  digits_ = digits;
  wxcommon::SetHeading(who_, wxString::Format(_("Safety number with %s"), LinkName(link)));
  // TRANSLATORS: %1$s is the server's address, %2$s a day and a time.
  where_->SetLabelText(wxString::Format(_("Linked through %1$s on %2$s"),
                                        wxcommon::ToWx(link.server_url), When(link.linked_at)));
  number_->SetLabelText(wxcommon::SafetyNumberLines(digits));
  wxcommon::SetAccessibleName(
      number_, wxString::Format(_("Safety number: %s"), wxcommon::SafetyNumberLines(digits)));
  warning_->Show(link.key_changed());
  state_->SetLabelText(LinkStateWords(link));
  state_icon_->SetBitmap(
      wxArtProvider::GetBitmapBundle(link.can_share() ? wxART_TICK_MARK : wxART_INFORMATION,
                                     wxART_OTHER, FromDIP(wxSize(24, 24))));
  can_verify_ = !link.can_share();
  verify_->Show(can_verify_);
  verify_->Enable(can_verify_);
  for (wxWindow* w : {static_cast<wxWindow*>(number_), static_cast<wxWindow*>(how_),
                      static_cast<wxWindow*>(state_), static_cast<wxWindow*>(state_icon_)})
    w->Show();
  // What is shown changed: the dialog measures the panel again.
  InvalidateBestSize();
  Layout();
}

void SafetyNumberPanel::Clear() {
  digits_.clear();
  can_verify_ = false;
  wxcommon::SetHeading(who_, _("Safety number"));
  where_->SetLabelText(_("Choose a link to see its safety number."));
  warning_->Hide();
  number_->SetLabelText(wxString());
  for (wxWindow* w : {static_cast<wxWindow*>(number_), static_cast<wxWindow*>(how_),
                      static_cast<wxWindow*>(state_), static_cast<wxWindow*>(state_icon_),
                      static_cast<wxWindow*>(verify_)})
    w->Hide();
  InvalidateBestSize();
  Layout();
}

void SafetyNumberPanel::EnableVerify(bool enable) { verify_->Enable(enable && can_verify_); }

bool SafetyNumberPanel::warning_shown() const { return warning_->IsShown(); }

}  // namespace fieldnotes::client
