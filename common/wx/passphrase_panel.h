// PassphrasePanel: the first screen of both desktop apps. With nothing to
// open yet it makes it (the passphrase twice, and the honest note that a
// forgotten passphrase cannot be recovered); otherwise it opens it. The
// client's journal (client/ui/unlock_panel.h) and the clinician's key file
// (clinician/ui/key_panel.h) each give their words and their work; the form,
// its checks and its busy strip are here.
//
// The passphrase leaves the text controls as soon as it is submitted; the
// copy handed to the work is a SecureString, wiped when the work is done.
#ifndef FIELDNOTES_COMMON_WX_PASSPHRASE_PANEL_H_
#define FIELDNOTES_COMMON_WX_PASSPHRASE_PANEL_H_

#include <wx/panel.h>

#include <memory>
#include <string>

#include "core/crypto.h"
#include "core/status.h"

class wxBoxSizer;
class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace fieldnotes::wxcommon {

class BusyPanel;

class PassphrasePanel : public wxPanel {
 public:
  // A new passphrase is at least this many characters.
  static constexpr size_t kMinNewPassphraseChars = 8;

  struct Words {
    wxString title;
    wxString intro_create;
    wxString intro_open;
    wxString passphrase_label;  // "&Passphrase:"
    wxString accessible_name;   // "Passphrase"
    wxString create_button;
    wxString open_button;
    wxString forgotten_note;
    wxString busy_create;
    wxString busy_open;
    wxString empty;  // nothing typed
    wxString wrong;  // the passphrase does not open it
    // Control names, for tests and accessibility tools.
    wxString passphrase_name;
    wxString repeat_name;
    wxString submit_name;
    wxString message_name;
  };

  PassphrasePanel(wxWindow* parent, const wxString& name, Words words);

  // An empty form, in "create" or "open" mode as CreatesNew() says. Clears
  // both passphrase fields.
  void Reset();
  // Submits `passphrase` as if typed (and `repeat` in the second field).
  void Submit(const wxString& passphrase, const wxString& repeat);

  bool creating() const { return creating_; }
  bool busy() const { return busy_; }
  wxString message() const;
  void SetMessage(const wxString& text);

 protected:
  // True when there is nothing to open yet.
  virtual bool CreatesNew() const = 0;
  // Runs the work (off the UI thread) with a passphrase that passed the
  // checks, then calls Done() on the UI thread.
  virtual void Start(std::shared_ptr<core::crypto::SecureString> passphrase, bool create) = 0;
  // Called by Reset() after the form is set, for the subclass's own lines.
  virtual void OnReset() {}

  // Ends the busy state. With a failure: WrongPassphrase gets the `wrong`
  // words; anything else `other`.
  void Done(const core::Status& status, const wxString& other = wxString());
  // Where a subclass adds its own lines below the form.
  wxBoxSizer* extra() { return extra_; }
  void SetBusy(bool busy);
  void FocusPassphrase();

 private:
  void OnSubmit();

  Words words_;
  bool creating_ = false;
  bool busy_ = false;
  wxStaticText* intro_;
  wxTextCtrl* passphrase_;
  wxStaticText* repeat_label_;
  wxTextCtrl* repeat_;
  wxStaticText* note_;
  wxStaticText* message_;
  wxButton* submit_;
  BusyPanel* busy_panel_;
  wxBoxSizer* extra_;
};

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_PASSPHRASE_PANEL_H_
