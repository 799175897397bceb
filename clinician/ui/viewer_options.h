// What the viewer starts with: the key file (the same one fieldnotes-clinician
// uses, so both share one identity and one state file), a passphrase given
// by a script, and its timings.
#ifndef FIELDNOTES_CLINICIAN_UI_VIEWER_OPTIONS_H_
#define FIELDNOTES_CLINICIAN_UI_VIEWER_OPTIONS_H_

#include <optional>
#include <string>

#include "core/crypto.h"

namespace fieldnotes::clinician {

// For scripts and screenshots, read once at start and removed from the
// environment.
inline constexpr char kViewerPassphraseEnv[] = "FIELDNOTES_PASSPHRASE";

struct ViewerOptions {
  std::string keys_path;  // sync::DefaultClinicianKeysPath() unless --keys
  std::optional<std::string> passphrase;
  int kdf_log2_n = core::crypto::KdfParams::kDefaultLog2N;  // for a new key file
  int auto_lock_minutes = 5;  // idle time before the keys and pages are wiped
  int refresh_seconds = 120;  // the list is fetched again this often
  // Where the window's arrangement is kept between runs (viewer_settings.h);
  // empty: nothing is kept.
  std::string settings_path;
};

}  // namespace fieldnotes::clinician

#endif  // FIELDNOTES_CLINICIAN_UI_VIEWER_OPTIONS_H_
