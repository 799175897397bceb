// DateField: a day, shown the one way the app writes a day ("6 December
// 2026": no MM/DD against DD/MM to guess at), typed in any of the usual
// forms, or stepped with Up and Down (a day; with Shift, a week). It reads
// what is typed at every keystroke, so a date typed and left with Tab at
// once is the date used; what cannot be read as a date is put back to the
// last one that could when the field loses the focus. Each change sends
// wxEVT_DATE_CHANGED, as wxDatePickerCtrl does.
#ifndef FIELDNOTES_CLIENT_UI_DATE_FIELD_H_
#define FIELDNOTES_CLIENT_UI_DATE_FIELD_H_

#include <wx/datetime.h>
#include <wx/textctrl.h>

namespace fieldnotes::client {

// "6 December 2026".
wxString FormatDay(const wxDateTime& day);
// The day in `text`, at midnight local time; invalid when it is not one.
// Takes "6 December 2026", "6 Dec 2026", "December 6, 2026", "2026-12-06",
// and numbers with / . or - as day, month, year ("6/12/2026", "6.12.26").
wxDateTime ParseDay(const wxString& text);

class DateField : public wxTextCtrl {
 public:
  DateField(wxWindow* parent, const wxDateTime& initial);

  // The day shown, at midnight local time.
  wxDateTime GetDate() const { return day_; }
  void SetDate(const wxDateTime& day);

 private:
  void Step(int days);
  void Changed();

  wxDateTime day_;  // as last read
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_DATE_FIELD_H_
