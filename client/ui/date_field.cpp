#include "ui/date_field.h"

#include <wx/dateevt.h>
#include <wx/tokenzr.h>

#include <vector>

#include "common/wx/accessible.h"
#include "common/wx/str_helpers.h"
#include "core/display.h"

namespace fieldnotes::client {
namespace {

constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                   "May",       "June",     "July",     "August",
                                   "September", "October",  "November", "December"};

// 1-12 for a month's name or its first three letters or more; 0 otherwise.
int MonthOf(const wxString& word) {
  const wxString w = word.Lower();
  if (w.length() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    const wxString name = wxString(kMonths[i]).Lower();
    if (name.StartsWith(w)) return i + 1;
  }
  return 0;
}

bool Number(const wxString& word, long* out) {
  return !word.empty() && word.ToLong(out) && *out >= 0;
}

wxDateTime Make(long day, long month, long year) {
  if (year >= 0 && year < 100) year += 2000;
  if (month < 1 || month > 12 || year < 1900 || year > 2999 || day < 1) return {};
  const auto m = static_cast<wxDateTime::Month>(month - 1);
  if (day > wxDateTime::GetNumberOfDays(m, static_cast<int>(year))) return {};
  return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(day), m, static_cast<int>(year));
}

}  // namespace

wxString FormatDay(const wxDateTime& day) {
  if (!day.IsValid()) return wxString();
  return wxcommon::ToWx(core::DayMonthYear(
      core::Date{day.GetYear(), static_cast<int>(day.GetMonth()) + 1, day.GetDay()}));
}

wxDateTime ParseDay(const wxString& text) {
  std::vector<wxString> words;
  wxStringTokenizer tokens(text.Strip(wxString::both), " ,/.-", wxTOKEN_STRTOK);
  while (tokens.HasMoreTokens()) words.push_back(tokens.GetNextToken());
  if (words.size() != 3) return {};
  long a = 0, b = 0, c = 0;
  // Day month-name year, or month-name day year.
  if (int m = MonthOf(words[1]); m > 0 && Number(words[0], &a) && Number(words[2], &c))
    return Make(a, m, c);
  if (int m = MonthOf(words[0]); m > 0 && Number(words[1], &a) && Number(words[2], &c))
    return Make(a, m, c);
  if (!Number(words[0], &a) || !Number(words[1], &b) || !Number(words[2], &c)) return {};
  if (words[0].length() == 4) return Make(c, b, a);  // 2026-12-06
  return Make(a, b, c);                              // 6/12/2026
}

DateField::DateField(wxWindow* parent, const wxDateTime& initial)
    : wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                 wxTE_PROCESS_ENTER) {
  SetHint("6 December 2026");
  SetToolTip("The day, such as 6 December 2026 or 6/12/2026. Up and Down change it by a day.");
  wxcommon::SetAccessibleName(this, "Day");
  SetInitialSize(wxSize(GetTextExtent("30 September 2026").x + FromDIP(24), -1));
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
