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

#include <wx/window.h>

#include <functional>

#include "engine/month_moods.h"

namespace fieldnotes::client {

// "3 entries; the strongest 7 out of 10; the last mood noted 6 out of 10."
// (or "Nothing written.") for one day.
wxString DayWords(const DayMoods& day);

class MonthGrid : public wxWindow {
 public:
  static constexpr char kName[] = "month_grid";

  // `moved(delta, day)`: the chosen day left the month by `delta` months,
  // onto `day` of that month (the panel loads it and clamps the day). `chosen()`: a day was chosen (moved onto).
  // `open()`: Enter or a click on a day.
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

  wxSize DoGetBestSize() const override;
  bool AcceptsFocus() const override { return true; }

 private:
  void OnPaint(wxPaintEvent& e);
  void OnKey(wxKeyEvent& e);
  void OnClick(wxMouseEvent& e);
  // The day (1-based) under `p`, 0 when none.
  int DayAt(const wxPoint& p) const;
  wxRect CellRect(int day) const;
  int HeaderHeight() const;
  int Rows() const;

  Actions actions_;
  MonthMoods month_;
  int chosen_ = 1;
  core::Date today_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_MONTH_GRID_H_
