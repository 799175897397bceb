#include "ui/month_grid.h"

#include <wx/datetime.h>
#include <wx/dcbuffer.h>
#include <wx/settings.h>
#include <wx/translation.h>

#include <algorithm>

#include "common/wx/accessible.h"
#include "common/wx/str_helpers.h"
#include "core/display.h"

namespace fieldnotes::client {
namespace {

using wxcommon::ToWx;

// `a` mixed with `b`, `amount` of b in 0..1.
wxColour Mix(const wxColour& a, const wxColour& b, double amount) {
  auto mix = [amount](unsigned char x, unsigned char y) {
    return static_cast<unsigned char>(x + (y - x) * amount);
  };
  return wxColour(mix(a.Red(), b.Red()), mix(a.Green(), b.Green()), mix(a.Blue(), b.Blue()));
}

// "Tuesday 3 November 2026" for a day.
wxString LongDay(const core::Date& d) {
  const core::Timestamp noon{core::DaysFromCivil(d) * 86400 + 12 * 3600, 0};
  return ToWx(core::LongDate(noon));
}

}  // namespace

wxString DayWords(const DayMoods& day) {
  if (day.entries == 0) return _("Nothing written.");
  // TRANSLATORS: a day in the month view: how many entries were written.
  wxString words =
      wxString::Format(wxPLURAL("%d entry.", "%d entries.", day.entries), day.entries);
  if (day.strongest) {
    // TRANSLATORS: a day in the month view; %d is an intensity from 0 to 10.
    words += " " + wxString::Format(_("The strongest feeling given: %d out of 10."),
                                    *day.strongest);
  }
  if (day.last_mood) {
    // TRANSLATORS: a day in the month view; %d is the last mood noted that
    // day, from 0 to 10.
    words += " " + wxString::Format(_("The last mood noted: %d out of 10."), *day.last_mood);
  }
  return words;
}

MonthGrid::MonthGrid(wxWindow* parent, Actions actions)
    : wxWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxWANTS_CHARS | wxBORDER_NONE),
      actions_(std::move(actions)) {
  SetName(kName);
  SetBackgroundStyle(wxBG_STYLE_PAINT);
  wxcommon::SetAccessibleRole(this, "table");
  Bind(wxEVT_PAINT, &MonthGrid::OnPaint, this);
  Bind(wxEVT_KEY_DOWN, &MonthGrid::OnKey, this);
  Bind(wxEVT_LEFT_DOWN, &MonthGrid::OnClick, this);
  Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
    Refresh();
    e.Skip();
  });
  Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& e) {
    Refresh();
    e.Skip();
  });
  Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& e) {
    Refresh();
    e.Skip();
  });
}

wxSize MonthGrid::DoGetBestSize() const { return FromDIP(wxSize(560, 300)); }

void MonthGrid::SetMonth(MonthMoods month, int chosen_day, const core::Date& today) {
  month_ = std::move(month);
  today_ = today;
  chosen_ = std::clamp(chosen_day, 1, static_cast<int>(month_.days.size()));
  if (const DayMoods* d = month_.Day(chosen_))
    wxcommon::SetAccessibleName(this, wxString::Format(_("%s: %s"), LongDay(d->day), DayWords(*d)));
  Refresh();
}

void MonthGrid::Choose(int day) {
  const int n = static_cast<int>(month_.days.size());
  if (day < 1) {
    int year = month_.year, month = month_.month;
    AddMonths(year, month, -1);
    if (actions_.moved) actions_.moved(-1, DaysInMonth(year, month) + day);
    return;
  }
  if (day > n) {
    if (actions_.moved) actions_.moved(1, day - n);
    return;
  }
  chosen_ = day;
  if (const DayMoods* d = month_.Day(chosen_))
    wxcommon::SetAccessibleName(this, wxString::Format(_("%s: %s"), LongDay(d->day), DayWords(*d)));
  Refresh();
  if (actions_.chosen) actions_.chosen();
}

int MonthGrid::Rows() const {
  const int cells = month_.first_weekday + static_cast<int>(month_.days.size());
  return (cells + 6) / 7;
}

int MonthGrid::HeaderHeight() const { return GetCharHeight() + FromDIP(8); }

wxRect MonthGrid::CellRect(int day) const {
  const wxSize size = GetClientSize();
  const int index = month_.first_weekday + day - 1;
  const int col = index % 7, row = index / 7;
  const int top = HeaderHeight();
  const int rows = std::max(1, Rows());
  const int x0 = size.GetWidth() * col / 7, x1 = size.GetWidth() * (col + 1) / 7;
  const int y0 = top + (size.GetHeight() - top) * row / rows;
  const int y1 = top + (size.GetHeight() - top) * (row + 1) / rows;
  return wxRect(x0, y0, x1 - x0, y1 - y0);
}

int MonthGrid::DayAt(const wxPoint& p) const {
  for (int day = 1; day <= static_cast<int>(month_.days.size()); ++day)
    if (CellRect(day).Contains(p)) return day;
  return 0;
}

void MonthGrid::OnPaint(wxPaintEvent&) {
  wxAutoBufferedPaintDC dc(this);
  const wxColour bg = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
  const wxColour fg = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
  const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
  const wxColour accent = wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT);
  const wxColour line = Mix(bg, fg, 0.25);
  const wxColour written = Mix(bg, accent, 0.14);
  dc.SetBackground(wxBrush(bg));
  dc.Clear();
  const wxFont normal = GetFont();
  const wxFont bold = normal.Bold();
  const int pad = FromDIP(5);

  // The weekdays, Monday first.
  dc.SetFont(normal);
  dc.SetTextForeground(grey);
  const int width = GetClientSize().GetWidth();
  for (int col = 0; col < 7; ++col) {
    // The locale's short weekday names (wx counts from Sunday).
    const wxString name = wxDateTime::GetWeekDayName(
        static_cast<wxDateTime::WeekDay>((col + 1) % 7), wxDateTime::Name_Abbr);
    dc.DrawText(name, width * col / 7 + pad, FromDIP(3));
  }

  const int line_height = GetCharHeight();
  for (int day = 1; day <= static_cast<int>(month_.days.size()); ++day) {
    const DayMoods& d = month_.days[static_cast<size_t>(day - 1)];
    const wxRect r = CellRect(day);
    dc.SetPen(wxPen(line));
    dc.SetBrush(wxBrush(d.entries > 0 ? written : bg));
    dc.DrawRectangle(r.x, r.y, r.width + 1, r.height + 1);
    const bool today = d.day == today_;
    const int inner = r.width - 2 * pad;
    int y = r.y + pad / 2;
    dc.SetFont(d.entries > 0 || today ? bold : normal);
    dc.SetTextForeground(d.entries > 0 ? fg : grey);
    // TRANSLATORS: the day number in a month view cell, marked as today.
    dc.DrawText(today ? wxString::Format(_("%d today"), day) : wxString::Format("%d", day),
                r.x + pad, y);
    y += line_height;
    dc.SetFont(normal);
    dc.SetTextForeground(fg);
    if (d.entries > 0) {
      // As many lines as fit: the count, the strongest with its bar, the mood.
      const int room = r.GetBottom() - pad / 2;
      // The long words when they fit the cell, else the short ones.
      auto fit = [&dc, inner](const wxString& long_form, const wxString& short_form) {
        return dc.GetTextExtent(long_form).GetWidth() <= inner ? long_form : short_form;
      };
      const wxString count =
          fit(wxString::Format(wxPLURAL("%d entry", "%d entries", d.entries), d.entries),
              wxString::Format("%d", d.entries));
      if (y + line_height <= room) {
        dc.DrawText(count, r.x + pad, y);
        y += line_height;
      }
      if (d.strongest && y + line_height <= room) {
        // TRANSLATORS: in a month view cell: the strongest intensity of the
        // day, 0-10; the short form is for narrow cells.
        const wxString text = fit(wxString::Format(_("strongest %d"), *d.strongest),
                                  wxString::Format(_("str. %d"), *d.strongest));
        dc.DrawText(text, r.x + pad, y);
        y += line_height;
        if (y + FromDIP(5) <= room) {
          // A bar as long as the strength (the number above says it too).
          const int bar = inner * *d.strongest / 10;
          dc.SetPen(*wxTRANSPARENT_PEN);
          dc.SetBrush(wxBrush(Mix(bg, fg, 0.15)));
          dc.DrawRectangle(r.x + pad, y, inner, FromDIP(4));
          dc.SetBrush(wxBrush(accent));
          dc.DrawRectangle(r.x + pad, y, bar, FromDIP(4));
          y += FromDIP(7);
        }
      }
      if (d.last_mood && y + line_height <= room) {
        // TRANSLATORS: in a month view cell: the last mood noted that day,
        // 0-10; the short form is for narrow cells.
        const wxString text = fit(wxString::Format(_("mood %d"), *d.last_mood),
                                  wxString::Format(_("m. %d"), *d.last_mood));
        dc.DrawText(text, r.x + pad, y);
      }
    }
    if (today) {
      // Today: a dashed frame, besides the word.
      dc.SetPen(wxPen(fg, FromDIP(1), wxPENSTYLE_SHORT_DASH));
      dc.SetBrush(*wxTRANSPARENT_BRUSH);
      dc.DrawRectangle(wxRect(r).Deflate(FromDIP(2)));
    }
    if (day == chosen_) {
      // The chosen day: a thick frame, thicker with the keyboard here.
      dc.SetPen(wxPen(HasFocus() ? accent : fg, FromDIP(HasFocus() ? 3 : 2)));
      dc.SetBrush(*wxTRANSPARENT_BRUSH);
      dc.DrawRectangle(wxRect(r).Deflate(FromDIP(1)));
    }
  }
}

void MonthGrid::OnKey(wxKeyEvent& e) {
  switch (e.GetKeyCode()) {
    case WXK_LEFT: Choose(chosen_ - 1); return;
    case WXK_RIGHT: Choose(chosen_ + 1); return;
    case WXK_UP: Choose(chosen_ - 7); return;
    case WXK_DOWN: Choose(chosen_ + 7); return;
    case WXK_HOME: Choose(1); return;
    case WXK_END: Choose(static_cast<int>(month_.days.size())); return;
    case WXK_PAGEUP:
      if (actions_.moved) actions_.moved(-1, chosen_);
      return;
    case WXK_PAGEDOWN:
      if (actions_.moved) actions_.moved(1, chosen_);
      return;
    case WXK_RETURN:
    case WXK_NUMPAD_ENTER:
    case WXK_SPACE:
      if (actions_.open) actions_.open();
      return;
    case WXK_TAB:
      // The grid takes every key (wxWANTS_CHARS): Tab moves on itself.
      Navigate(e.ShiftDown() ? wxNavigationKeyEvent::IsBackward : wxNavigationKeyEvent::IsForward);
      return;
    default: break;
  }
  e.Skip();
}

void MonthGrid::OnClick(wxMouseEvent& e) {
  SetFocus();
  const int day = DayAt(e.GetPosition());
  if (day == 0) return;
  Choose(day);
  if (actions_.open) actions_.open();
}

}  // namespace fieldnotes::client
