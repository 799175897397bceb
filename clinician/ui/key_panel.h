// KeyPanel: the first thing the clinician sees. With no key file yet it
// makes one (the passphrase twice, and the honest note that a forgotten
// passphrase cannot be recovered); otherwise it unlocks it and opens the
// state file next to it. The form is wxcommon::PassphrasePanel; the key
// derivation runs on a worker thread while a quiet busy strip shows.
#ifndef FIELDNOTES_CLINICIAN_UI_KEY_PANEL_H_
#define FIELDNOTES_CLINICIAN_UI_KEY_PANEL_H_

#include <functional>
#include <memory>

#include "clinician/ui/viewer_options.h"
#include "common/wx/background_task.h"
#include "common/wx/passphrase_panel.h"
#include "sync/clinician_session.h"

class wxStaticText;

namespace fieldnotes::clinician {

class KeyPanel : public wxcommon::PassphrasePanel {
 public:
  using UnlockedFn = std::function<void(std::unique_ptr<sync::ClinicianSession>)>;

  static constexpr char kPassphraseName[] = "key_passphrase";
  static constexpr char kRepeatName[] = "key_passphrase_repeat";
  static constexpr char kSubmitName[] = "key_submit";
  static constexpr char kMessageName[] = "key_message";

  // `options` must outlive the panel.
  KeyPanel(wxWindow* parent, const ViewerOptions& options, UnlockedFn on_unlocked);

 protected:
  bool CreatesNew() const override;
  void Start(std::shared_ptr<core::crypto::SecureString> passphrase, bool create) override;
  void OnReset() override;

 private:
  const ViewerOptions& options_;
  UnlockedFn on_unlocked_;
  wxStaticText* path_;
  wxcommon::BackgroundTask task_;
};

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_UI_KEY_PANEL_H_
