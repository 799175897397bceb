// MonthGrid: a calendar month drawn as a grid of days, Monday first. Each
// day with entries shows, in words and numbers as well as shading, how many
// entries, the strongest intensity given (with a bar of that length) and the
// last mood noted: never colour alone. Colours come from the system's
// theme, so a dark theme draws light text on dark cells.
//
// Keyboard: the arrows move the chosen day (a week with Up and Down, into
// the next or previous month at the edges), Page Up and Page Down change the
// month, Home and End go to the first and last day, Enter shows the day's
// entries. A click chooses a day and shows its entries. The grid's
// accessible name is the chosen day in words, so a screen reader reads the
// day it is on.
#ifndef FIELDNOTES_CLIENT_UI_MONTH_GRID_H_
#define FIELDNOTES_CLIENT_UI_MONTH_GRID_H_

#include <wx/dc.h>
#include <wx/window.h>

#include <functional>
#include <vector>

#include "engine/month_moods.h"

namespace fieldnotes::client {

// "3 entries; the strongest 7 out of 10; the last mood noted 6 out of 10."
// (or "Nothing written.") for one day.
wxString DayWords(const DayMoods& day);

class MonthGrid : public wxWindow {
 public:
  static constexpr char kName[] = "month_grid";

  // `moved(delta, day)`: the chosen day left the month by `delta` months,
  // onto `day` of that month (the panel loads it and clamps the day). `chosen()`: a day was chosen
  // (moved onto). `open()`: Enter or a click on a day.
  struct Actions {
    std::function<void(int delta, int day)> moved;
    std::function<void()> chosen;
    std::function<void()> open;
  };
  MonthGrid(wxWindow* parent, Actions actions);

  void SetMonth(MonthMoods month, int chosen_day, const core::Date& today);
  const MonthMoods& month() const { return month_; }
  int chosen_day() const { return chosen_; }
  // Moves to day `day` of the month (1-based), leaving the month when
  // outside it.
  void Choose(int day);

  // The lines a day's cell shows at the grid's size, as drawn: the day,
  // then the count, the strongest intensity and the last mood, on lines of
  // their own when the cell has room, sharing lines when it does not (a
  // large font, GDK_SCALE=2). For tests.
  std::vector<wxString> CellText(int day) const;
  // Where a day's strength bar is drawn (its whole track; the part filled
  // is the strongest intensity's tenths of it), empty when there is none.
  // For tests.
  wxRect CellBar(int day) const;
  // The weekday names' row above the days.
  int HeaderHeight() const;
  // Where day `day` (1-based) is drawn, and how many weeks the month spans.
  wxRect CellRect(int day) const;
  int Rows() const;

  wxSize DoGetBestSize() const override;
  bool AcceptsFocus() const override { return true; }

 private:
  struct CellPiece {
    wxString text;
    bool bold = false;
    bool day = false;  // the day's number (grey on a day without entries)
  };
  struct CellLine {
    std::vector<CellPiece> pieces;  // drawn one after another
    int y = 0;
    int bar_y = -1;      // the strength bar under this line, when >= 0
    int bar_height = 0;  // its height; 0: the usual one
  };
  struct CellLayout {
    std::vector<CellLine> lines;
  };
  CellLayout LayOutCell(wxDC& dc, const DayMoods& d, const wxRect& r) const;
  // The strength bar's track in `cell`, under `line`.
  wxRect BarTrack(const wxRect& cell, const CellLine& line) const;
  void OnPaint(wxPaintEvent& e);
  void OnKey(wxKeyEvent& e);
  void OnClick(wxMouseEvent& e);
  // The day (1-based) under `p`, 0 when none.
  int DayAt(const wxPoint& p) const;

  Actions actions_;
  MonthMoods month_;
  int chosen_ = 1;
  core::Date today_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_MONTH_GRID_H_
