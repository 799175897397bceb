// TimeField: a time of day as hours and minutes ("21:40"), typed, or
// stepped with Up and Down (a minute; with Shift, an hour). wxTimePickerCtrl
// on GTK shows seconds, which a journal entry or a session does not need.
// Each change sends wxEVT_TIME_CHANGED, as wxTimePickerCtrl does. What
// cannot be read as a time is put back to the last time that could, when
// the field loses the focus, so what is shown is what is used.
#ifndef FIELDNOTES_CLIENT_UI_TIME_FIELD_H_
#define FIELDNOTES_CLIENT_UI_TIME_FIELD_H_

#include <wx/datetime.h>
#include <wx/textctrl.h>

namespace fieldnotes::client {

class TimeField : public wxTextCtrl {
 public:
  TimeField(wxWindow* parent, const wxDateTime& initial);

  // Today at the hours and minutes shown (seconds 0).
  wxDateTime GetTime() const;
  void SetTime(const wxDateTime& when);

 private:
  void Step(int minutes);
  void Changed();

  int minutes_ = 0;  // since midnight, as last read
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_TIME_FIELD_H_
