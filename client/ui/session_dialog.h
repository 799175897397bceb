// SessionDialog: the date and time of a therapy appointment, and an
// optional note about what landed.
#ifndef FIELDNOTES_CLIENT_UI_SESSION_DIALOG_H_
#define FIELDNOTES_CLIENT_UI_SESSION_DIALOG_H_

#include <wx/dialog.h>

#include "core/clock.h"
#include "core/model.h"

class wxTextCtrl;

namespace fieldnotes::client {

class DateField;
class TimeField;

class SessionDialog : public wxDialog {
 public:
  SessionDialog(wxWindow* parent, const core::Clock& clock);
  core::Session GetSession() const;

 private:
  DateField* date_;
  TimeField* time_;
  wxTextCtrl* note_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_SESSION_DIALOG_H_
