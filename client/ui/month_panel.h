// MonthPanel: the "Month" page. A calendar month of the journal (MonthGrid)
// with, for each day, how many entries, the strongest intensity and the last
// mood noted, as written (engine/month_moods.h): it describes, it never
// rates a day. Beside it the same days as a list a screen reader reads row
// by row (a native list), and under it the chosen day in words. Previous
// and next month by buttons or Page Up and Page Down; a click or Enter on a
// day shows its entries in Look back.
#ifndef FIELDNOTES_CLIENT_UI_MONTH_PANEL_H_
#define FIELDNOTES_CLIENT_UI_MONTH_PANEL_H_

#include <wx/panel.h>

#include "engine/month_moods.h"

class wxButton;
class wxDataViewListCtrl;
class wxStaticText;

namespace fieldnotes::client {

class MonthGrid;
class PageHost;

class MonthPanel : public wxPanel {
 public:
  static constexpr char kListName[] = "month_days";
  static constexpr char kTitleName[] = "month_title";
  static constexpr char kDayName[] = "month_chosen_day";

  MonthPanel(wxWindow* parent, PageHost& host);

  // Shows `year`/`month`, choosing `day` (clamped to the month).
  void ShowMonth(int year, int month, int day = 1);
  // The month before or after the one shown.
  void Step(int delta);
  // The month of today, today chosen.
  void ShowThisMonth();
  // Reads the month shown again (after the journal changed).
  void Reload();
  // Chooses `day` of the month shown.
  void ChooseDay(int day);
  // Shows the chosen day's entries in Look back; false when it has none.
  bool OpenChosenDay();

  MonthGrid& grid() { return *grid_; }
  wxDataViewListCtrl& list() { return *list_; }
  const MonthMoods& month() const;
  wxString title_text() const;
  wxString chosen_text() const;

 private:
  void FillList();
  void ShowChosen();

  PageHost& host_;
  wxStaticText* title_;
  wxStaticText* summary_;
  wxStaticText* chosen_;
  wxButton* previous_;
  wxButton* next_;
  wxButton* today_;
  MonthGrid* grid_;
  wxDataViewListCtrl* list_;
  bool filling_ = false;
};

// "December 2026".
wxString MonthTitle(int year, int month);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_MONTH_PANEL_H_
