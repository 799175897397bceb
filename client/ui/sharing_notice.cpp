#include "ui/sharing_notice.h"

#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/collpane.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "common/wx/accessible.h"
#include "common/wx/error_words.h"
#include "ui/sharing_dialog.h"

namespace fieldnotes::client {

SharingNotice::SharingNotice(wxWindow* parent, int width)
    : wxPanel(parent, wxID_ANY), width_(width) {
  SetName(kName);
  icon_ = new wxStaticBitmap(
      this, wxID_ANY,
      wxArtProvider::GetBitmapBundle(wxART_INFORMATION, wxART_OTHER, FromDIP(wxSize(32, 32))));
  text_ = new wxStaticText(this, wxID_ANY, wxString());
  text_->SetName("sharing_notice_text");
  details_ = new wxCollapsiblePane(this, wxID_ANY, _("Details"));
  details_text_ =
      new wxTextCtrl(details_->GetPane(), wxID_ANY, wxString(), wxDefaultPosition,
                     FromDIP(wxSize(width, 60)), wxTE_MULTILINE | wxTE_READONLY | wxTE_WORDWRAP);
  wxcommon::SetAccessibleName(details_text_, _("Details for a bug report"));
  auto* pane = new wxBoxSizer(wxVERTICAL);
  pane->Add(details_text_, 1, wxEXPAND);
  details_->GetPane()->SetSizer(pane);
  retry_ = new wxButton(this, wxID_ANY, _("Try &again"));
  retry_->SetName(kRetryName);
  retry_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    if (!retry_fn_) return;
    auto fn = retry_fn_;  // Clear() below forgets it
    Clear();
    fn();
  });
  details_->Bind(wxEVT_COLLAPSIBLEPANE_CHANGED, [this](wxCollapsiblePaneEvent&) {
    GetParent()->Layout();
    if (wxWindow* top = wxGetTopLevelParent(this)) top->Fit();
  });

  const int gap = FromDIP(6);
  auto* words = new wxBoxSizer(wxVERTICAL);
  words->Add(text_, 0, wxBOTTOM, gap);
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(retry_, 0, wxRIGHT | wxALIGN_TOP, gap);
  row->Add(details_, 1, wxEXPAND);
  words->Add(row, 0, wxEXPAND);
  auto* box = new wxBoxSizer(wxHORIZONTAL);
  box->Add(icon_, 0, wxRIGHT | wxALIGN_TOP, 2 * gap);
  box->Add(words, 1, wxEXPAND);
  SetSizer(box);
  Hide();
}

void SharingNotice::Fit(const wxString& text, bool problem) {
  icon_->SetBitmap(wxArtProvider::GetBitmapBundle(problem ? wxART_WARNING : wxART_INFORMATION,
                                                  wxART_OTHER, FromDIP(wxSize(32, 32))));
  text_->SetLabelText(text);
  text_->Wrap(FromDIP(width_));
  wxcommon::SetAccessibleName(text_, text);
  Show();
  Layout();
  GetParent()->Layout();
  // The dialog grows to hold the words rather than squeezing what is above.
  if (auto* dialog = dynamic_cast<SharingDialog*>(wxGetTopLevelParent(this))) dialog->RefitSoon();
}

void SharingNotice::Note(const wxString& text) {
  retry_fn_ = nullptr;
  retry_->Hide();
  details_->Collapse();
  details_->Hide();
  Fit(text, false);
}

void SharingNotice::Problem(const core::Status& status, const wxString& what_failed,
                            std::function<void()> retry) {
  const wxcommon::ErrorWords words = wxcommon::DescribeStatus(status, what_failed);
  retry_fn_ = std::move(retry);
  retry_->Show(static_cast<bool>(retry_fn_));
  details_text_->SetValue(words.details);
  details_->Collapse();
  details_->Show(!words.details.empty());
  Fit(words.message, true);
}

void SharingNotice::Problem(const wxString& message, const wxString& details) {
  retry_fn_ = nullptr;
  retry_->Hide();
  details_text_->SetValue(details);
  details_->Collapse();
  details_->Show(!details.empty());
  Fit(message, true);
}

void SharingNotice::Clear() {
  retry_fn_ = nullptr;
  text_->SetLabelText(wxString());
  Hide();
  GetParent()->Layout();
}

wxString SharingNotice::text() const { return IsShown() ? text_->GetLabelText() : wxString(); }

wxString SharingNotice::details() const { return details_text_->GetValue(); }

bool SharingNotice::retry_offered() const { return IsShown() && retry_->IsShown(); }

}  // namespace fieldnotes::client
