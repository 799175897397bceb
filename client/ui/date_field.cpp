#include "ui/date_field.h"

#include <wx/dateevt.h>

#include <algorithm>
#include <optional>

#include "common/wx/accessible.h"
#include "common/wx/str_helpers.h"
#include "core/date_input.h"
#include "core/display.h"

namespace fieldnotes::client {

wxString FormatDay(const wxDateTime& day) {
  if (!day.IsValid()) return wxString();
  return wxcommon::ToWx(core::DayMonthYear(
      core::Date{day.GetYear(), static_cast<int>(day.GetMonth()) + 1, day.GetDay()}));
}

wxDateTime ParseDay(const wxString& text) {
  const std::optional<core::Date> d = core::ParseDayInput(wxcommon::ToUtf8(text));
  if (!d) return {};
  return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(d->day),
                    static_cast<wxDateTime::Month>(d->month - 1), d->year);
}

DateField::DateField(wxWindow* parent, const wxDateTime& initial)
    : wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                 wxTE_PROCESS_ENTER) {
  // The locale's own ways of writing a day, shown with today's date.
  const wxDateTime today = wxDateTime::Today();
  const core::Date example{today.GetYear(), static_cast<int>(today.GetMonth()) + 1,
                           today.GetDay()};
  SetHint(FormatDay(today));
  // TRANSLATORS: %1$s is a day as the app writes it, %2$s the same day in
  // the locale's numbers.
  SetToolTip(wxString::Format(_("The day, such as %1$s or %2$s. Up and Down change it by a day."),
                              FormatDay(today), wxcommon::ToWx(core::NumericDay(example))));
  wxcommon::SetAccessibleName(this, _("Day"));
  // Room for the longest day of the year in the locale's words.
  int widest = 0;
  for (int month = 1; month <= 12; ++month) {
    const wxString day = wxcommon::ToWx(core::DayMonthYear(core::Date{2026, month, 28}));
    widest = std::max(widest, GetTextExtent(day).x);
  }
  SetInitialSize(wxSize(widest + FromDIP(24), -1));
  SetDate(initial.IsValid() ? initial : wxDateTime::Today());
  Bind(wxEVT_TEXT, [this](wxCommandEvent& e) {
    const wxDateTime day = ParseDay(wxTextCtrl::GetValue());
    if (day.IsValid() && !day.IsSameDate(day_)) {
      day_ = day;
      Changed();
    }
    e.Skip();
  });
  Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
    ChangeValue(FormatDay(day_));
    e.Skip();
  });
  Bind(wxEVT_KEY_DOWN, [this](wxKeyEvent& e) {
    const int step = e.ShiftDown() ? 7 : 1;
    if (e.GetKeyCode() == WXK_UP) {
      Step(step);
    } else if (e.GetKeyCode() == WXK_DOWN) {
      Step(-step);
    } else {
      e.Skip();
    }
  });
}

void DateField::SetDate(const wxDateTime& day) {
  day_ = (day.IsValid() ? day : wxDateTime::Today()).GetDateOnly();
  ChangeValue(FormatDay(day_));
}

void DateField::Step(int days) {
  day_ += wxDateSpan::Days(days);
  ChangeValue(FormatDay(day_));
  SetInsertionPointEnd();
  Changed();
}

void DateField::Changed() {
  wxDateEvent event(this, day_, wxEVT_DATE_CHANGED);
  ProcessWindowEvent(event);
}

}  // namespace fieldnotes::client
