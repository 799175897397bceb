#include "ui/month_panel.h"

#include <wx/button.h>
#include <wx/dataview.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/translation.h>

#include "common/wx/accessible.h"
#include "common/wx/heading.h"
#include "common/wx/str_helpers.h"
#include "core/display.h"
#include "engine/journal_controller.h"
#include "ui/month_grid.h"
#include "ui/page_host.h"

namespace fieldnotes::client {
namespace {

using wxcommon::ToWx;

wxString LongDay(const core::Date& d) {
  const core::Timestamp noon{core::DaysFromCivil(d) * 86400 + 12 * 3600, 0};
  return ToWx(core::LongDate(noon));
}

}  // namespace

wxString MonthTitle(int year, int month) {
  // The locale's own way ("December 2026", "Dezember 2026"): ICU's, not a
  // message.
  return ToWx(core::MonthYear(year, month));
}

MonthPanel::MonthPanel(wxWindow* parent, PageHost& host) : wxPanel(parent, wxID_ANY), host_(host) {
  SetName("month_panel");
  const int gap = FromDIP(8);
  previous_ = new wxButton(this, wxID_ANY, _("&Previous month"));
  previous_->SetName("month_previous");
  previous_->SetToolTip(_("The month before (Page Up in the calendar)"));
  next_ = new wxButton(this, wxID_ANY, _("&Next month"));
  next_->SetName("month_next");
  next_->SetToolTip(_("The month after (Page Down in the calendar)"));
  today_ = new wxButton(this, wxID_ANY, _("T&his month"));
  today_->SetName("month_this");
  title_ = wxcommon::MakeHeading(this, MonthTitle(2026, 12));
  title_->SetName(kTitleName);
  summary_ = new wxStaticText(this, wxID_ANY, wxString());
  auto* legend = new wxStaticText(
      this, wxID_ANY,
      _("Each day shows how many entries you wrote, the strongest feeling you gave (0 to 10, "
        "with a bar as long) and the last mood you noted (0 to 10). Days with entries are "
        "shaded; today has a dashed frame."));
  legend->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
  legend->Wrap(FromDIP(900));

  grid_ = new MonthGrid(this, {[this](int delta, int day) {
                                 const MonthMoods& m = month();
                                 int year = m.year, month_number = m.month;
                                 AddMonths(year, month_number, delta);
                                 ShowMonth(year, month_number, day);
                               },
                               [this] { ShowChosen(); }, [this] { OpenChosenDay(); }});
  wxcommon::SetAccessibleName(grid_, _("Calendar"));

  list_ = new wxDataViewListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                 wxDV_SINGLE | wxDV_ROW_LINES);
  list_->SetName(kListName);
  list_->AppendTextColumn(_("Day"), wxDATAVIEW_CELL_INERT, FromDIP(120));
  list_->AppendTextColumn(_("Entries"), wxDATAVIEW_CELL_INERT, FromDIP(70), wxALIGN_RIGHT);
  list_->AppendTextColumn(_("Strongest"), wxDATAVIEW_CELL_INERT, FromDIP(80), wxALIGN_RIGHT);
  list_->AppendTextColumn(_("Last mood"), wxDATAVIEW_CELL_INERT, FromDIP(80), wxALIGN_RIGHT);
  wxcommon::SetAccessibleName(list_, _("Days with entries this month"));
  auto* list_heading = wxcommon::MakeHeading(this, _("Days with entries"));

  chosen_ = new wxStaticText(this, wxID_ANY, wxString());
  chosen_->SetName(kDayName);

  auto* top = new wxBoxSizer(wxHORIZONTAL);
  top->Add(previous_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
  top->Add(next_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
  top->Add(today_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 3 * gap);
  top->Add(title_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 2 * gap);
  top->Add(summary_, 1, wxALIGN_CENTER_VERTICAL);
  auto* side = new wxBoxSizer(wxVERTICAL);
  side->Add(list_heading, 0, wxBOTTOM, gap / 2);
  side->Add(list_, 1, wxEXPAND);
  auto* body = new wxBoxSizer(wxHORIZONTAL);
  body->Add(grid_, 3, wxEXPAND | wxRIGHT, gap);
  body->Add(side, 2, wxEXPAND);
  auto* box = new wxBoxSizer(wxVERTICAL);
  box->Add(top, 0, wxEXPAND | wxALL, gap);
  box->Add(legend, 0, wxLEFT | wxRIGHT | wxBOTTOM, gap);
  box->Add(body, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
  box->Add(chosen_, 0, wxEXPAND | wxALL, gap);
  SetSizer(box);

  previous_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Step(-1); });
  next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Step(1); });
  today_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ShowThisMonth(); });
  list_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, [this](wxDataViewEvent&) {
    if (filling_) return;
    const int row = list_->GetSelectedRow();
    if (row == wxNOT_FOUND) return;
    const long day = static_cast<long>(list_->GetItemData(list_->RowToItem(row)));
    grid_->Choose(static_cast<int>(day));
  });
  list_->Bind(wxEVT_DATAVIEW_ITEM_ACTIVATED, [this](wxDataViewEvent&) { OpenChosenDay(); });
  ShowThisMonth();
}

const MonthMoods& MonthPanel::month() const { return grid_->month(); }
wxString MonthPanel::title_text() const { return title_->GetLabelText(); }
wxString MonthPanel::chosen_text() const { return chosen_->GetLabelText(); }

void MonthPanel::ShowThisMonth() {
  const core::Date today = host_.controller().clock().Now().LocalDate();
  ShowMonth(today.year, today.month, today.day);
}

void MonthPanel::Step(int delta) {
  int year = month().year, month_number = month().month;
  AddMonths(year, month_number, delta);
  ShowMonth(year, month_number, grid_->chosen_day());
}

void MonthPanel::Reload() { ShowMonth(month().year, month().month, grid_->chosen_day()); }

void MonthPanel::ShowMonth(int year, int month_number, int day) {
  JournalController& controller = host_.controller();
  if (controller.lent()) return;  // sharing work has the journal: shown when it is back
  MonthMoods m = SummariseMonth(controller.journal(), year, month_number);
  const int written = m.days_written();
  grid_->SetMonth(std::move(m), day, controller.clock().Now().LocalDate());
  wxcommon::SetHeading(title_, MonthTitle(year, month_number));
  summary_->SetLabelText(
      written == 0 ? _("Nothing written this month.")
                   : wxString::Format(wxPLURAL("You wrote on %d day this month.",
                                               "You wrote on %d days this month.", written),
                                      written));
  FillList();
  ShowChosen();
  Layout();
}

void MonthPanel::FillList() {
  filling_ = true;
  list_->DeleteAllItems();
  for (const DayMoods& d : month().days) {
    if (d.entries == 0) continue;
    wxVector<wxVariant> row;
    // A day in the month shown, the locale's way: "Tuesday 1", "Dienstag, 1.".
    row.push_back(wxVariant(ToWx(core::WeekdayAndDay(d.day))));
    row.push_back(wxVariant(wxString::Format("%d", d.entries)));
    // A dash where none was given (never an empty cell to guess at).
    const wxString none = wxString::FromUTF8("\u2013");
    row.push_back(wxVariant(d.strongest ? wxString::Format("%d", *d.strongest) : none));
    row.push_back(wxVariant(d.last_mood ? wxString::Format("%d", *d.last_mood) : none));
    list_->AppendItem(row, static_cast<wxUIntPtr>(d.day.day));
  }
  filling_ = false;
}

void MonthPanel::ChooseDay(int day) { grid_->Choose(day); }

void MonthPanel::ShowChosen() {
  const DayMoods* d = month().Day(grid_->chosen_day());
  if (d == nullptr) return;
  // TRANSLATORS: the chosen day in the month view: its date, then what
  // was written ("3 entries. The strongest feeling given: 7 out of 10.").
  wxString text = wxString::Format(_("%s: %s"), LongDay(d->day), DayWords(*d));
  if (d->entries > 0) text += " " + _("Enter or a click shows them in Look back.");
  chosen_->SetLabelText(text);
  // The list follows the calendar.
  filling_ = true;
  list_->UnselectAll();
  for (int row = 0; row < list_->GetItemCount(); ++row) {
    if (static_cast<int>(list_->GetItemData(list_->RowToItem(row))) == d->day.day) {
      list_->SelectRow(static_cast<unsigned>(row));
      list_->EnsureVisible(list_->RowToItem(row));
    }
  }
  filling_ = false;
}

bool MonthPanel::OpenChosenDay() {
  const DayMoods* d = month().Day(grid_->chosen_day());
  if (d == nullptr || d->newest_entry_id.empty()) {
    host_.SetStatus(_("Nothing was written on that day."));
    return false;
  }
  host_.ShowEntry(d->newest_entry_id);
  host_.SetStatus(wxString::Format(_("The entries of %s, newest first."), LongDay(d->day)));
  return true;
}

}  // namespace fieldnotes::client
