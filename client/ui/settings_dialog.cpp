#include "ui/settings_dialog.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/translation.h>

#include "common/wx/str_helpers.h"
#include "core/display.h"
#include "reports/crisis_resources.h"
#include "ui/time_field.h"

namespace fieldnotes::client {

using wxcommon::ToUtf8;
using wxcommon::ToWx;

SettingsDialog::SettingsDialog(wxWindow* parent, const AppSettings& settings)
    : wxDialog(parent, wxID_ANY, _("Settings")), original_(settings) {
  const int gap = FromDIP(8);
  auto* grid = new wxFlexGridSizer(2, gap, 2 * gap);
  grid->AddGrowableCol(1);

  auto* lock_label = new wxStaticText(this, wxID_ANY, _("&Lock after (minutes without use):"));
  lock_minutes_ = new wxSpinCtrl(this, wxID_ANY);
  lock_minutes_->SetName("auto_lock_minutes");
  lock_minutes_->SetRange(AppSettings::kMinAutoLockMinutes, AppSettings::kMaxAutoLockMinutes);
  lock_minutes_->SetValue(settings.auto_lock_minutes);
  grid->Add(lock_label, 0, wxALIGN_CENTER_VERTICAL);
  grid->Add(lock_minutes_, 0);

  auto* region_label = new wxStaticText(this, wxID_ANY, _("&Crisis lines for:"));
  region_ = new wxChoice(this, wxID_ANY);
  region_->SetName("crisis_region");
  region_->Append(_("This computer's region (from its language settings)"));
  region_codes_.push_back("");
  int selected = 0;
  for (const reports::CrisisRegion& r : reports::CrisisResources::Default().regions()) {
    if (r.code == "default") continue;
    // The country's name in the app's language (ICU's data); the data's
    // English name is for the data's readers.
    region_->Append(ToWx(core::RegionName(r.code)));
    region_codes_.push_back(r.code);
    if (r.code == settings.crisis_region) selected = static_cast<int>(region_codes_.size()) - 1;
  }
  region_->Append(_("Anywhere (a list for every country)"));
  region_codes_.push_back("default");
  if (settings.crisis_region == "default") selected = static_cast<int>(region_codes_.size()) - 1;
  region_->SetSelection(selected);
  grid->Add(region_label, 0, wxALIGN_CENTER_VERTICAL);
  grid->Add(region_, 1, wxEXPAND);

  auto* paper_label = new wxStaticText(this, wxID_ANY, _("&Paper size for reports:"));
  paper_ = new wxChoice(this, wxID_ANY);
  paper_->SetName("paper_size");
  paper_->Append("A4");
  paper_->Append(_("US Letter"));
  paper_->SetSelection(settings.paper == PaperSize::kLetter ? 1 : 0);
  grid->Add(paper_label, 0, wxALIGN_CENTER_VERTICAL);
  grid->Add(paper_, 0);

  auto* name_label = new wxStaticText(this, wxID_ANY, _("&Name on reports:"));
  name_ = new wxTextCtrl(this, wxID_ANY, ToWx(settings.display_name));
  name_->SetName("display_name");
  name_->SetHint(_("Empty: no name on reports"));
  grid->Add(name_label, 0, wxALIGN_CENTER_VERTICAL);
  grid->Add(name_, 1, wxEXPAND);

  remind_ = new wxCheckBox(this, wxID_ANY, _("&Remind me to write, at:"));
  remind_->SetName("reminder_on");
  remind_->SetToolTip(
      _("While Fieldnotes is running, on a day you have written nothing, one quiet "
        "notification at this time. Off unless you tick it."));
  const int at = settings.reminder_minutes.value_or(20 * 60);
  remind_at_ = new TimeField(this, wxDateTime::Today().Add(wxTimeSpan::Minutes(at)));
  remind_at_->SetName("reminder_time");
  remind_->SetValue(settings.reminder_minutes.has_value());
  remind_at_->Enable(remind_->GetValue());
  remind_->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { remind_at_->Enable(remind_->GetValue()); });
  grid->Add(remind_, 0, wxALIGN_CENTER_VERTICAL);
  grid->Add(remind_at_, 0);

  auto* note = new wxStaticText(
      this, wxID_ANY,
      _("Locking closes the journal and clears it from memory; your passphrase opens it again.\n"
      "Settings are kept inside your encrypted journal. Light or dark follows your system."));
  note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(grid, 0, wxEXPAND | wxALL, 2 * gap);
  box->Add(note, 0, wxLEFT | wxRIGHT, 2 * gap);
  box->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 2 * gap);
  SetSizerAndFit(box);
  lock_minutes_->SetFocus();
}

AppSettings SettingsDialog::GetSettings() const {
  AppSettings s = original_;
  s.auto_lock_minutes = lock_minutes_->GetValue();
  const int region = region_->GetSelection();
  s.crisis_region = region >= 0 ? region_codes_[static_cast<size_t>(region)] : "";
  s.paper = paper_->GetSelection() == 1 ? PaperSize::kLetter : PaperSize::kA4;
  s.display_name = ToUtf8(name_->GetValue().Strip(wxString::both));
  if (remind_->GetValue()) {
    const wxDateTime at = remind_at_->GetTime();
    s.reminder_minutes = at.GetHour() * 60 + at.GetMinute();
  } else {
    s.reminder_minutes.reset();
  }
  return s;
}

}  // namespace fieldnotes::client
