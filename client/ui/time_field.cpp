#include "ui/time_field.h"

#include <wx/dateevt.h>

#include "common/wx/accessible.h"

namespace fieldnotes::client {
namespace {

constexpr int kDay = 24 * 60;

// "21:40", "9:05", "0940" -> minutes since midnight; -1 when not a time.
int Parse(const wxString& text) {
  wxString t = text.Strip(wxString::both);
  long h = -1, m = -1;
  const int colon = t.Find(':');
  if (colon != wxNOT_FOUND) {
    if (!t.Left(colon).ToLong(&h) || !t.Mid(colon + 1).ToLong(&m)) return -1;
  } else if (t.length() == 4 && t.ToLong(&h)) {
    m = h % 100;
    h /= 100;
  } else {
    return -1;
  }
  if (h < 0 || h > 23 || m < 0 || m > 59) return -1;
  return static_cast<int>(h * 60 + m);
}

wxString Format(int minutes) { return wxString::Format("%02d:%02d", minutes / 60, minutes % 60); }

}  // namespace

TimeField::TimeField(wxWindow* parent, const wxDateTime& initial)
    : wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                 wxTE_PROCESS_ENTER) {
  SetMaxLength(5);
  SetHint("hh:mm");
  SetToolTip("Hours and minutes, such as 21:40. Up and Down change it by a minute.");
  wxcommon::SetAccessibleName(this, "Time, hours and minutes");
  SetInitialSize(wxSize(GetTextExtent("00:000").x + FromDIP(24), -1));
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
