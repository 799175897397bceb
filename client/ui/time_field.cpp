#include "ui/time_field.h"

#include <wx/dateevt.h>

#include "common/wx/accessible.h"
#include "common/wx/str_helpers.h"
#include "core/date_input.h"
#include "core/display.h"

namespace fieldnotes::client {
namespace {

constexpr int kDay = 24 * 60;

// What a person typed -> minutes since midnight; -1 when not a time
// (core/date_input.h: "21:40", "0940", the locale's short time).
int Parse(const wxString& text) { return core::ParseTimeInput(wxcommon::ToUtf8(text)).value_or(-1); }

// Minutes since midnight as the app writes a time everywhere (LocalClock).
wxString Format(int minutes) {
  return wxcommon::ToWx(core::LocalClock(core::Timestamp{static_cast<int64_t>(minutes) * 60, 0}));
}

}  // namespace

TimeField::TimeField(wxWindow* parent, const wxDateTime& initial)
    : wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                 wxTE_PROCESS_ENTER) {
  SetMaxLength(12);
  SetHint(Format(21 * 60 + 40));
  // TRANSLATORS: %s is a time as the app writes it ("21:40").
  SetToolTip(wxString::Format(_("Hours and minutes, such as %s. Up and Down change it by a minute."),
                              Format(21 * 60 + 40)));
  wxcommon::SetAccessibleName(this, _("Time, hours and minutes"));
  SetInitialSize(wxSize(GetTextExtent(Format(23 * 60 + 58) + "0").x + FromDIP(24), -1));
  SetTime(initial.IsValid() ? initial : wxDateTime::Now());
  Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
    if (const int m = Parse(wxTextCtrl::GetValue()); m >= 0 && m != minutes_) {
      minutes_ = m;
      Changed();
    }
    e.Skip();
  });
  Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
    ChangeValue(Format(minutes_));
    e.Skip();
  });
  Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
    const int step = e.ShiftDown() ? 60 : 1;
    if (e.GetKeyCode() == WXK_UP) {
      Step(step);
    } else if (e.GetKeyCode() == WXK_DOWN) {
      Step(-step);
    } else {
      e.Skip();
    }
  });
}

wxDateTime TimeField::GetTime() const {
  wxDateTime t = wxDateTime::Today();
  t.SetHour(static_cast<wxDateTime::wxDateTime_t>(minutes_ / 60));
  t.SetMinute(static_cast<wxDateTime::wxDateTime_t>(minutes_ % 60));
  return t;
}

void TimeField::SetTime(const wxDateTime& when) {
  minutes_ = when.GetHour() * 60 + when.GetMinute();
  ChangeValue(Format(minutes_));
}

void TimeField::Step(int minutes) {
  minutes_ = ((minutes_ + minutes) % kDay + kDay) % kDay;
  ChangeValue(Format(minutes_));
  SetInsertionPointEnd();
  Changed();
}

void TimeField::Changed() {
  wxDateEvent event(this, GetTime(), wxEVT_TIME_CHANGED);
  ProcessWindowEvent(event);
}

}  // namespace fieldnotes::client
