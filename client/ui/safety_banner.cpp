#include "ui/safety_banner.h"

#include <wx/button.h>

#include <wx/sizer.h>
#include <wx/stattext.h>
#include <algorithm>

#include "common/wx/screen_fit.h"
#include "common/wx/str_helpers.h"
#include "reports/crisis_resources.h"

namespace fieldnotes::client {

using wxcommon::ToWx;

SafetyBanner::SafetyBanner(wxWindow* parent)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
              wxBORDER_THEME | wxTAB_TRAVERSAL) {
  SetName(kName);
  const int gap = FromDIP(8);
  message_ = new wxStaticText(this, wxID_ANY, wxString());
  lines_ = new wxStaticText(this, wxID_ANY, wxString());
  lines_->SetFont(lines_->GetFont().Bold());
  footer_ = new wxStaticText(this, wxID_ANY, wxString());
  close_ = new wxButton(this, wxID_ANY, _("&Close this"));

  auto* text = new wxBoxSizer(wxVERTICAL);
  text->Add(message_, 0, wxBOTTOM, gap);
  text->Add(lines_, 0, wxBOTTOM | wxLEFT, gap);
  text->Add(footer_, 0);
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(text, 1, wxALL, gap);
  row->Add(close_, 0, wxALL | wxALIGN_TOP, gap);
  SetSizer(row);

  close_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Dismiss(); });
  Hide();
}

void SafetyBanner::ShowFor(const std::string& region, bool include_abuse) {
  const auto& resources = reports::CrisisResources::Default();
  const reports::CrisisRegion& lines = resources.ForRegion(region);
  wxString list;
  for (const reports::CrisisLine& line : reports::CrisisResources::LinesFor(lines, include_abuse)) {
    if (!list.empty()) list += "\n";
    list += ToWx(reports::LineText(line));
  }
  const int width = std::max(GetParent()->GetClientSize().GetWidth() - FromDIP(160), FromDIP(400));
  message_->SetLabelText(ToWx(resources.message()));
  message_->Wrap(width);
  lines_->SetLabelText(list);
  lines_->Wrap(width);
  footer_->SetLabelText(ToWx(resources.footer()));
  footer_->Wrap(width);
  Show();
  wxcommon::RelayoutParent(this);
  // The keyboard stays where the person was: nothing to get past.
}

void SafetyBanner::Dismiss() {
  Hide();
  wxcommon::RelayoutParent(this);
}

wxString SafetyBanner::text() const {
  return message_->GetLabelText() + "\n" + lines_->GetLabelText() + "\n" + footer_->GetLabelText();
}

}  // namespace fieldnotes::client
