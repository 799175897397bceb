// UnlockPanel: the first thing a person sees. With no journal yet it
// creates one (the passphrase twice, and the honest note that a forgotten
// passphrase cannot be recovered); otherwise it unlocks the journal. The
// key derivation and the loading run on a worker thread while a quiet busy
// strip shows; a wrong passphrase is said once, calmly, in the panel.
#ifndef FIELDNOTES_CLIENT_UI_UNLOCK_PANEL_H_
#define FIELDNOTES_CLIENT_UI_UNLOCK_PANEL_H_

#include <wx/panel.h>

#include <functional>
#include <memory>
#include <string>

#include "common/wx/background_task.h"
#include "core/journal.h"
#include "ui/app_options.h"

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace fieldnotes::wxcommon {
class BusyPanel;
}

namespace fieldnotes::client {

class UnlockPanel : public wxPanel {
 public:
  using UnlockedFn = std::function<void(std::unique_ptr<core::Journal>)>;

  // Control names, for tests and accessibility tools.
  static constexpr char kPassphraseName[] = "passphrase";
  static constexpr char kRepeatName[] = "passphrase_repeat";
  static constexpr char kSubmitName[] = "unlock_submit";
  static constexpr char kMessageName[] = "unlock_message";

  // `options` must outlive the panel. `on_unlocked` gets the open journal.
  UnlockPanel(wxWindow* parent, AppOptions& options, UnlockedFn on_unlocked);

  // Back to an empty form, in "create" or "unlock" mode depending on
  // whether the journal file exists. Clears both passphrase fields.
  void Reset();
  // Unlocks (or creates) with `passphrase` as if typed and submitted.
  void Submit(const wxString& passphrase, const wxString& repeat);

  bool creating() const { return creating_; }
  bool busy() const { return task_.busy(); }
  wxString message() const;

 private:
  void OnSubmit();
  void OnChooseFile();
  void Finish(core::Result<std::unique_ptr<core::Journal>> result);
  void SetMessage(const wxString& text);
  void SetBusy(bool busy);

  AppOptions& options_;
  UnlockedFn on_unlocked_;
  bool creating_ = false;
  wxStaticText* greeting_;
  wxStaticText* intro_;
  wxTextCtrl* passphrase_;
  wxStaticText* repeat_label_;
  wxTextCtrl* repeat_;
  wxStaticText* note_;
  wxStaticText* message_;
  wxButton* submit_;
  wxStaticText* path_;
  wxButton* choose_;
  wxcommon::BusyPanel* busy_;
  wxcommon::BackgroundTask task_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_UNLOCK_PANEL_H_
