#include "common/wx/background_task.h"

#include <wx/app.h>
#include <wx/debug.h>

namespace fieldnotes::wxcommon {

BackgroundTask::BackgroundTask() : alive_(std::make_shared<bool>(true)) {}

BackgroundTask::~BackgroundTask() {
  *alive_ = false;  // a result already queued for the UI thread is dropped
  Join();
}

void BackgroundTask::Join() {
  if (thread_.joinable()) thread_.join();
}

void BackgroundTask::Start(std::function<std::function<void()>()> work) {
  wxASSERT_MSG(!busy_, "BackgroundTask::Run while a task is running");
  wxCHECK_RET(wxTheApp != nullptr, "BackgroundTask needs a wxApp");
  // The previous worker has posted its result, so it is finishing: quick.
  Join();
  busy_ = true;
  std::weak_ptr<bool> alive = alive_;
  bool* busy = &busy_;
  thread_ = std::thread([work = std::move(work), alive, busy]() mutable {
    std::function<void()> on_ui;
    std::exception_ptr error;
    try {
      on_ui = work();
    } catch (...) {
      error = std::current_exception();
    }
    // CallAfter is safe from any thread. The closure runs on the UI thread,
    // where `alive` is only ever changed, so checking it there is race-free.
    wxTheApp->CallAfter([on_ui = std::move(on_ui), error, alive, busy]() {
      auto still_alive = alive.lock();
      if (!still_alive || !*still_alive) return;
      *busy = false;
      if (error) std::rethrow_exception(error);
      on_ui();
    });
  });
}

}  // namespace fieldnotes::wxcommon
