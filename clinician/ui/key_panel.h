// KeyPanel: the first thing the clinician sees. With no key file yet it
// makes one (the passphrase twice, and the honest note that a forgotten
// passphrase cannot be recovered); otherwise it unlocks it. The key
// derivation runs on a worker thread while a quiet busy strip shows.
#ifndef FIELDNOTES_CLINICIAN_UI_KEY_PANEL_H_
#define FIELDNOTES_CLINICIAN_UI_KEY_PANEL_H_

#include <wx/panel.h>

#include <functional>
#include <memory>

#include "clinician/ui/viewer_options.h"
#include "common/wx/background_task.h"
#include "sync/clinician_session.h"

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace fieldnotes::wxcommon {
class BusyPanel;
}

namespace fieldnotes::clinician {

class KeyPanel : public wxPanel {
 public:
  using UnlockedFn = std::function<void(std::unique_ptr<sync::ClinicianSession>)>;

  static constexpr char kPassphraseName[] = "key_passphrase";
  static constexpr char kRepeatName[] = "key_passphrase_repeat";
  static constexpr char kSubmitName[] = "key_submit";
  static constexpr char kMessageName[] = "key_message";

  // `options` must outlive the panel.
  KeyPanel(wxWindow* parent, const ViewerOptions& options, UnlockedFn on_unlocked);

  // An empty form, "create" or "unlock" as the key file exists or not.
  void Reset();
  void Submit(const wxString& passphrase, const wxString& repeat);
  bool creating() const { return creating_; }
  bool busy() const { return task_.busy(); }
  wxString message() const;

 private:
  void OnSubmit();
  void Finish(core::Result<std::unique_ptr<sync::ClinicianSession>> result);
  void SetMessage(const wxString& text);
  void SetBusy(bool busy);

  const ViewerOptions& options_;
  UnlockedFn on_unlocked_;
  bool creating_ = false;
  wxStaticText* intro_;
  wxTextCtrl* passphrase_;
  wxStaticText* repeat_label_;
  wxTextCtrl* repeat_;
  wxStaticText* note_;
  wxStaticText* message_;
  wxButton* submit_;
  wxStaticText* path_;
  wxcommon::BusyPanel* busy_;
  wxcommon::BackgroundTask task_;
};

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_UI_KEY_PANEL_H_
