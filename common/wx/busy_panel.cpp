#include "common/wx/busy_panel.h"

#include <wx/activityindicator.h>
#include <wx/gauge.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace fieldnotes::wxcommon {

BusyPanel::BusyPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  SetName("busy");
  spinner_ = new wxActivityIndicator(this, wxID_ANY);
  label_ = new wxStaticText(this, wxID_ANY, wxString());
  gauge_ = new wxGauge(this, wxID_ANY, 1000, wxDefaultPosition, wxSize(FromDIP(160), -1));
  gauge_->Hide();
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(spinner_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
  row->Add(label_, 1, wxALIGN_CENTER_VERTICAL);
  row->Add(gauge_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(8));
  SetSizer(row);
  Hide();
}

void BusyPanel::Start(const wxString& message) {
  running_ = true;
  label_->SetLabelText(message);
  gauge_->Hide();
  spinner_->Start();
  Show();
  GetParent()->Layout();
}

void BusyPanel::Stop() {
  running_ = false;
  spinner_->Stop();
  Hide();
  GetParent()->Layout();
}

wxString BusyPanel::message() const { return label_->GetLabelText(); }

void BusyPanel::Hold(bool busy, const wxString& message,
                     std::initializer_list<wxWindow*> controls) {
  for (wxWindow* w : controls) w->Enable(!busy);
  if (busy) {
    Start(message);
  } else if (running_) {
    Stop();
  }
}

void BusyPanel::UpdateMessage(const wxString& message) { label_->SetLabelText(message); }

void BusyPanel::UpdateProgress(std::optional<double> fraction) {
  if (!fraction) {
    gauge_->Hide();
  } else {
    gauge_->SetValue(static_cast<int>(*fraction * 1000));
    gauge_->Show();
  }
  Layout();
}

}  // namespace fieldnotes::wxcommon
