#include "ui/scale_controls.h"

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/slider.h>
#include <wx/stattext.h>

#include "core/model.h"

namespace fieldnotes::client {

IntensityControl::IntensityControl(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
  slider_ = new wxSlider(this, wxID_ANY, 5, 0, core::kMaxIntensity, wxDefaultPosition,
                         wxSize(FromDIP(220), -1), wxSL_HORIZONTAL | wxSL_AUTOTICKS);
  slider_->SetName(kName);
  slider_->SetToolTip(_("How strong it was, from 0 (barely) to 10 (the strongest)"));
  words_ = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(FromDIP(90), -1));
  clear_ =
      new wxButton(this, wxID_ANY, _("Not sure"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
  clear_->SetToolTip(_("Leave the strength out"));
  // Not set, there is no slider to read a number from (a slider always
  // sits somewhere): a button brings it, from the middle.
  set_ = new wxButton(this, wxID_ANY, _("Set it"));
  set_->SetName("intensity_set");
  set_->SetToolTip(_("Say how strong it was, from 0 (barely) to 10 (the strongest)"));
  auto* row = new wxBoxSizer(wxHORIZONTAL);
  row->Add(set_, 0, wxALIGN_CENTER_VERTICAL);
  row->Add(slider_, 0, wxALIGN_CENTER_VERTICAL);
  row->Add(words_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(8));
  row->Add(clear_, 0, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(8));
  SetSizer(row);

  slider_->Bind(wxEVT_SLIDER, [this](wxCommandEvent& e) {
    value_ = slider_->GetValue();
    ShowValue();
    e.Skip();  // the form hears it too (drafts)
  });
  clear_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    SetValue(std::nullopt);
    Announce();
    set_->SetFocus();
  });
  set_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
    SetValue(kStartValue);
    Announce();
    slider_->SetFocus();
  });
  ShowValue();
}

void IntensityControl::SetValue(std::optional<int> value) {
  value_ = value;
  slider_->SetValue(value.value_or(kStartValue));
  ShowValue();
}

void IntensityControl::Announce() {
  wxCommandEvent changed(wxEVT_SLIDER, slider_->GetId());
  changed.SetEventObject(slider_);
  ProcessWindowEvent(changed);
}

void IntensityControl::ShowValue() {
  words_->SetLabel(value_ ? wxString::Format(_("%d of 10"), *value_) : _("not set"));
  const bool set = value_.has_value();
  // A focused control that goes away would leave the keyboard nowhere.
  if (!set && slider_->HasFocus()) set_->SetFocus();
  slider_->Show(set);
  clear_->Show(set);
  set_->Show(!set);
  Layout();
  if (GetContainingSizer() != nullptr) GetParent()->Layout();
}

bool IntensityControl::slider_shown() const { return slider_->IsShown(); }

MoodChoice::MoodChoice(wxWindow* parent, const wxString& name) : wxChoice(parent, wxID_ANY) {
  SetName(name);
  Append(_("Not noted"));
  for (int i = 0; i <= 10; ++i) {
    // TRANSLATORS: the ends of a mood scale from 0 to 10.
    wxString item = i == 0    ? wxString::Format(_("%d (very low)"), i)
                    : i == 10 ? wxString::Format(_("%d (very good)"), i)
                              : wxString::Format("%d", i);
    Append(item);
  }
  SetSelection(0);
}

std::optional<int> MoodChoice::GetMood() const {
  const int sel = GetSelection();
  if (sel <= 0) return std::nullopt;
  return sel - 1;
}

void MoodChoice::SetMood(std::optional<int> mood) { SetSelection(mood ? *mood + 1 : 0); }

}  // namespace fieldnotes::client
