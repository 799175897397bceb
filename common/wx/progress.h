// Progress of long work, reported by the engine and shown by the UI: the work calls a
// core::ProgressFn from its worker thread; a ProgressRelay forwards it, throttled, to a
// ProgressObserver on the UI thread.
#ifndef FIELDNOTES_COMMON_WX_PROGRESS_H_
#define FIELDNOTES_COMMON_WX_PROGRESS_H_

#include <wx/string.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

#include "core/journal.h"

namespace fieldnotes::wxcommon {

// Implemented by whatever shows progress (a busy panel, a status bar).
// Called on the UI thread only.
class ProgressObserver {
 public:
  virtual ~ProgressObserver() = default;
  // What is being done, in words: "Unlocking your journal…".
  virtual void UpdateMessage(const wxString& message) = 0;
  // 0..1, or nullopt when the amount of work is unknown.
  virtual void UpdateProgress(std::optional<double> fraction) = 0;
};

// Owned on the UI thread next to the BackgroundTask whose work reports.
// Updates reach `observer` at most every `interval`, and never after the
// relay is destroyed.
class ProgressRelay {
 public:
  explicit ProgressRelay(ProgressObserver* observer,
                         std::chrono::milliseconds interval = std::chrono::milliseconds(50));
  ~ProgressRelay();
  ProgressRelay(const ProgressRelay&) = delete;
  ProgressRelay& operator=(const ProgressRelay&) = delete;

  // The callback to hand to the work (e.g. Journal::Import); safe to call
  // from any thread, and cheap when called often.
  core::ProgressFn Callback();

 private:
  struct Shared;
  std::shared_ptr<Shared> shared_;
};

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_PROGRESS_H_
