// UnlockPanel: the first thing a person sees. With no journal yet it
// creates one (the passphrase twice, and the honest note that a forgotten
// passphrase cannot be recovered); otherwise it unlocks the journal. The
// form is wxcommon::PassphrasePanel; this adds the journal's words, the
// work (run on a worker thread while a quiet busy strip shows) and the
// choice of another journal file.
#ifndef FIELDNOTES_CLIENT_UI_UNLOCK_PANEL_H_
#define FIELDNOTES_CLIENT_UI_UNLOCK_PANEL_H_

#include <functional>
#include <memory>
#include <string>

#include "common/wx/background_task.h"
#include "common/wx/passphrase_panel.h"
#include "core/journal.h"
#include "reports/report_store.h"
#include "ui/app_options.h"

class wxButton;
class wxStaticText;

namespace fieldnotes::client {

class UnlockPanel : public wxcommon::PassphrasePanel {
 public:
  // The open journal, and its kept reports when they could be read on the
  // worker (nullopt otherwise: the report page reads them, or says why not).
  using UnlockedFn = std::function<void(std::unique_ptr<core::Journal>,
                                        std::optional<std::vector<reports::StoredReport>>)>;

  // Control names, for tests and accessibility tools.
  static constexpr char kPassphraseName[] = "passphrase";
  static constexpr char kRepeatName[] = "passphrase_repeat";
  static constexpr char kSubmitName[] = "unlock_submit";
  static constexpr char kMessageName[] = "unlock_message";

  // `options` must outlive the panel. `on_unlocked` gets the open journal.
  UnlockPanel(wxWindow* parent, AppOptions& options, UnlockedFn on_unlocked);

 protected:
  bool CreatesNew() const override;
  void Start(std::shared_ptr<core::crypto::SecureString> passphrase, bool create) override;
  void OnReset() override;

 private:
  void OnChooseFile();
  struct Opened;
  void Finish(core::Result<std::shared_ptr<Opened>> result);

  AppOptions& options_;
  UnlockedFn on_unlocked_;
  wxStaticText* path_;
  wxButton* choose_;
  wxcommon::BackgroundTask task_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_UNLOCK_PANEL_H_
