#include "ui/session_dialog.h"

#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "common/wx/str_helpers.h"
#include "ui/date_field.h"
#include "ui/time_field.h"

namespace fieldnotes::client {

SessionDialog::SessionDialog(wxWindow* parent, const core::Clock& clock)
    : wxDialog(parent, wxID_ANY, _("Add a session")) {
  const int gap = FromDIP(8);
  const wxDateTime now(static_cast<time_t>(clock.Now().unix_seconds));
  auto* when_label = new wxStaticText(this, wxID_ANY, _("&When was it (or when will it be)?"));
  date_ = new DateField(this, now);
  time_ = new TimeField(this, now);
  auto* note_label = new wxStaticText(this, wxID_ANY, _("What &landed (optional):"));
  note_ = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                         wxSize(FromDIP(380), FromDIP(100)), wxTE_MULTILINE | wxTE_WORDWRAP);
  note_->SetName("session_note");

  auto* when = new wxBoxSizer(wxHORIZONTAL);
  when->Add(date_, 0, wxRIGHT, gap);
  when->Add(time_, 0);
  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(when_label, 0, wxLEFT | wxRIGHT | wxTOP, 2 * gap);
  box->Add(when, 0, wxALL, 2 * gap);
  box->Add(note_label, 0, wxLEFT | wxRIGHT, 2 * gap);
  box->Add(note_, 1, wxEXPAND | wxALL, 2 * gap);
  box->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 2 * gap);
  SetSizerAndFit(box);
  date_->SetFocus();
}

core::Session SessionDialog::GetSession() const {
  wxDateTime when = date_->GetDate();
  const wxDateTime clock = time_->GetTime();
  when.SetHour(clock.GetHour());
  when.SetMinute(clock.GetMinute());
  when.SetSecond(0);
  core::Session s;
  const int64_t seconds = when.GetTicks();
  s.at = core::Timestamp{seconds, core::LocalOffsetMinutesAt(seconds)};
  s.note = wxcommon::ToUtf8(note_->GetValue());
  return s;
}

}  // namespace fieldnotes::client
