#include "common/wx/progress.h"

#include <wx/app.h>

namespace fieldnotes::wxcommon {

struct ProgressRelay::Shared {
  ProgressObserver* observer = nullptr;  // UI thread only; null once the relay is gone
  std::chrono::milliseconds interval{50};
  std::atomic<int64_t> last_sent_ms{-1000000};
};

ProgressRelay::ProgressRelay(ProgressObserver* observer, std::chrono::milliseconds interval)
    : shared_(std::make_shared<Shared>()) {
  shared_->observer = observer;
  shared_->interval = interval;
}

ProgressRelay::~ProgressRelay() { shared_->observer = nullptr; }

core::ProgressFn ProgressRelay::Callback() {
  std::shared_ptr<Shared> shared = shared_;
  return [shared](size_t done, size_t total) {
    using namespace std::chrono;
    const int64_t now = duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
    const bool last = total != 0 && done >= total;
    int64_t previous = shared->last_sent_ms.load();
    if (!last && now - previous < shared->interval.count()) return;
    if (!shared->last_sent_ms.compare_exchange_strong(previous, now) && !last) return;
    std::optional<double> fraction;
    if (total != 0) fraction = static_cast<double>(done) / static_cast<double>(total);
    if (wxTheApp == nullptr) return;
    wxTheApp->CallAfter([shared, fraction]() {
      if (shared->observer != nullptr) shared->observer->UpdateProgress(fraction);
    });
  };
}

}  // namespace fieldnotes::wxcommon
