// SettingsDialog: auto-lock, crisis lines region, paper size for reports,
// the name on reports, the daily reminder (off unless ticked). The light or dark look follows the system and is
// not a setting. What it returns is saved encrypted in the journal by the
// caller (JournalController::SaveSettings).
#ifndef FIELDNOTES_CLIENT_UI_SETTINGS_DIALOG_H_
#define FIELDNOTES_CLIENT_UI_SETTINGS_DIALOG_H_

#include <wx/dialog.h>

#include <string>
#include <vector>

#include "engine/settings.h"

class wxCheckBox;
class wxChoice;
class wxSpinCtrl;
class wxTextCtrl;

namespace fieldnotes::client {

class TimeField;

class SettingsDialog : public wxDialog {
 public:
  SettingsDialog(wxWindow* parent, const AppSettings& settings);
  AppSettings GetSettings() const;

 private:
  AppSettings original_;
  std::vector<std::string> region_codes_;  // parallel to region_'s items; "" = automatic
  wxSpinCtrl* lock_minutes_;
  wxChoice* region_;
  wxChoice* paper_;
  wxTextCtrl* name_;
  wxCheckBox* remind_;
  TimeField* remind_at_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_SETTINGS_DIALOG_H_
