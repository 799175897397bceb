#include "ui/month_grid.h"

#include <wx/datetime.h>
#include <wx/dcbuffer.h>
#include <wx/dcmemory.h>
#include <wx/settings.h>
#include <wx/translation.h>

#include <algorithm>
#include <vector>

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
  wxString words = wxString::Format(wxPLURAL("%d entry.", "%d entries.", day.entries), day.entries);
  if (day.strongest) {
    // TRANSLATORS: a day in the month view; %d is an intensity from 0 to 10.
    words +=
        " " + wxString::Format(_("The strongest feeling given: %d out of 10."), *day.strongest);
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

MonthGrid::CellLayout MonthGrid::LayOutCell(wxDC& dc, const DayMoods& d, const wxRect& r) const {
  const wxFont normal = GetFont();
  const wxFont bold = normal.Bold();
  const int pad = FromDIP(5);
  const int inner = r.width - 2 * pad;
  const int line_height = GetCharHeight();
  const int bottom = r.GetBottom() - pad / 2;
  const bool today = d.day == today_;
  auto width = [&dc, &normal, &bold](const wxString& text, bool is_bold) {
    dc.SetFont(is_bold ? bold : normal);
    return dc.GetTextExtent(text).GetWidth();
  };

  CellLayout out;
  int y = r.y + pad / 2;
  // TRANSLATORS: the day number in a month view cell, marked as today.
  const wxString day_label =
      today ? wxString::Format(_("%d today"), d.day.day) : wxString::Format("%d", d.day.day);
  out.lines.push_back(CellLine{{CellPiece{day_label, d.entries > 0 || today, true}}, y, -1, 0});
  y += line_height;
  if (d.entries == 0) return out;

  // What a day with entries says, each in long words and short ones: the
  // count, the strongest intensity, the last mood.
  struct Item {
    wxString long_form, short_form;
    bool bar = false;
  };
  std::vector<Item> items;
  items.push_back({wxString::Format(wxPLURAL("%d entry", "%d entries", d.entries), d.entries),
                   wxString::Format("%d", d.entries)});
  if (d.strongest) {
    // TRANSLATORS: in a month view cell: the strongest intensity of the
    // day, 0-10; the short form is for narrow cells.
    items.push_back({wxString::Format(_("strongest %d"), *d.strongest),
                     wxString::Format(_("str. %d"), *d.strongest), true});
  }
  if (d.last_mood) {
    // TRANSLATORS: in a month view cell: the last mood noted that day,
    // 0-10; the short form is for narrow cells.
    items.push_back(
        {wxString::Format(_("mood %d"), *d.last_mood), wxString::Format(_("m. %d"), *d.last_mood)});
  }
  // The strength bar under the line that says it, in every size of cell:
  // its length says the intensity without colour (and the words say it).
  const int bar_room = d.strongest ? FromDIP(7) : 0;
  const int lines_left = (bottom - bar_room - y) / std::max(1, line_height);
  const wxString gap = "  ";
  if (lines_left >= static_cast<int>(items.size())) {
    // Room for a line each, and the bar under the strongest.
    for (const Item& item : items) {
      const wxString text =
          width(item.long_form, false) <= inner ? item.long_form : item.short_form;
      out.lines.push_back(CellLine{{CellPiece{text, false, false}}, y, -1, 0});
      y += line_height;
      if (item.bar) {
        out.lines.back().bar_y = y;
        y += bar_room;
      }
    }
    return out;
  }
  // Short of lines (a large font, GDK_SCALE=2): the words share lines, the
  // day's own line first, so the intensity and the mood still show; in the
  // short words when the long ones would leave something out. A thinner
  // bar goes right under the line the strongest is on (into the cell's
  // bottom margin if it must), and the lines after it move down.
  const CellLayout first = out;
  const int first_y = y;
  const int thin = FromDIP(3);
  auto pack = [&](bool short_words, bool with_bar, CellLayout& into) {
    const int room_below = with_bar && d.strongest ? thin + FromDIP(1) : 0;
    const int limit = with_bar && d.strongest ? r.GetBottom() - FromDIP(1) - room_below : bottom;
    int at = first_y;
    int used = width(day_label, true);
    int bar_line = -1;
    for (const Item& item : items) {
      CellLine& current = into.lines.back();
      bool placed = false;
      for (const wxString& text : {item.long_form, item.short_form}) {
        if (short_words && text != item.short_form) continue;
        const bool after_day = current.pieces.size() == 1 && current.pieces[0].day;
        const wxString piece = (after_day ? gap : wxString(" \u00b7 ")) + text;
        if (used + width(piece, false) <= inner) {
          current.pieces.push_back(CellPiece{piece, false, false});
          used += width(piece, false);
          placed = true;
          break;
        }
      }
      if (!placed) {
        if (at + line_height > limit) return false;  // no room left: the list beside says it
        const wxString text = !short_words && width(item.long_form, false) <= inner
                                  ? item.long_form
                                  : item.short_form;
        into.lines.push_back(CellLine{{CellPiece{text, false, false}}, at, -1, 0});
        used = width(text, false);
        at += line_height;
      }
      if (item.bar) bar_line = static_cast<int>(into.lines.size()) - 1;
    }
    if (bar_line >= 0 && room_below > 0) {
      CellLine& line = into.lines[static_cast<size_t>(bar_line)];
      line.bar_y = line.y + line_height;
      line.bar_height = thin;
      for (size_t i = static_cast<size_t>(bar_line) + 1; i < into.lines.size(); ++i)
        into.lines[i].y += room_below;
    }
    return true;
  };
  // With the bar first, long words then short; without it only when even
  // the short words leave no room for it (the number still says it).
  for (bool with_bar : {true, false}) {
    for (bool short_words : {false, true}) {
      out = first;
      if (pack(short_words, with_bar, out)) return out;
    }
  }
  return out;
}

wxRect MonthGrid::BarTrack(const wxRect& cell, const CellLine& line) const {
  const int pad = FromDIP(5);
  return wxRect(cell.x + pad, line.bar_y, cell.width - 2 * pad,
                line.bar_height > 0 ? line.bar_height : FromDIP(4));
}

wxRect MonthGrid::CellBar(int day) const {
  const DayMoods* d = month_.Day(day);
  if (d == nullptr || !d->strongest) return wxRect();
  wxBitmap bitmap(1, 1);
  wxMemoryDC dc(bitmap);
  const wxRect r = CellRect(day);
  for (const CellLine& l : LayOutCell(dc, *d, r).lines)
    if (l.bar_y >= 0) return BarTrack(r, l);
  return wxRect();
}

std::vector<wxString> MonthGrid::CellText(int day) const {
  std::vector<wxString> out;
  const DayMoods* d = month_.Day(day);
  if (d == nullptr) return out;
  wxBitmap bitmap(1, 1);
  wxMemoryDC dc(bitmap);
  for (const CellLine& l : LayOutCell(dc, *d, CellRect(day)).lines) {
    wxString text;
    for (const CellPiece& p : l.pieces) text += p.text;
    out.push_back(text);
  }
  return out;
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

  for (int day = 1; day <= static_cast<int>(month_.days.size()); ++day) {
    const DayMoods& d = month_.days[static_cast<size_t>(day - 1)];
    const wxRect r = CellRect(day);
    dc.SetPen(wxPen(line));
    dc.SetBrush(wxBrush(d.entries > 0 ? written : bg));
    dc.DrawRectangle(r.x, r.y, r.width + 1, r.height + 1);
    const bool today = d.day == today_;
    const CellLayout cell = LayOutCell(dc, d, r);
    for (const CellLine& l : cell.lines) {
      int x = r.x + pad;
      for (const CellPiece& piece : l.pieces) {
        dc.SetFont(piece.bold ? bold : normal);
        dc.SetTextForeground(piece.day && d.entries == 0 ? grey : fg);
        dc.DrawText(piece.text, x, l.y);
        x += dc.GetTextExtent(piece.text).GetWidth();
      }
      if (l.bar_y >= 0 && d.strongest) {
        // A bar as long as the strength (the number above says it too).
        const wxRect track = BarTrack(r, l);
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(wxBrush(Mix(bg, fg, 0.15)));
        dc.DrawRectangle(track);
        dc.SetBrush(wxBrush(accent));
        dc.DrawRectangle(track.x, track.y, track.width * *d.strongest / 10, track.height);
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
    case WXK_LEFT:
      Choose(chosen_ - 1);
      return;
    case WXK_RIGHT:
      Choose(chosen_ + 1);
      return;
    case WXK_UP:
      Choose(chosen_ - 7);
      return;
    case WXK_DOWN:
      Choose(chosen_ + 7);
      return;
    case WXK_HOME:
      Choose(1);
      return;
    case WXK_END:
      Choose(static_cast<int>(month_.days.size()));
      return;
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
    default:
      break;
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
