// BackgroundTask: runs long work (unlocking a journal, a report, a sync) on
// a worker thread and hands the result back on the UI thread with
// CallAfter, so the window never freezes.
//
// The object belongs to a window or controller. Destroying it waits for
// work in progress to finish (never longer than the work itself) and drops
// its result: a `done` callback never runs after its owner is gone. An
// exception thrown by the work is rethrown on the UI thread, where the
// app's last-resort handler (wxApp::OnExceptionInMainLoop) turns it into
// words.
//
// One task runs at a time per object; Run() while busy() is a programming
// error (asserted). Use from the UI thread only.
#ifndef FIELDNOTES_COMMON_WX_BACKGROUND_TASK_H_
#define FIELDNOTES_COMMON_WX_BACKGROUND_TASK_H_

#include <exception>
#include <functional>
#include <memory>
#include <thread>
#include <utility>

namespace fieldnotes::wxcommon {

class BackgroundTask {
 public:
  BackgroundTask();
  ~BackgroundTask();
  BackgroundTask(const BackgroundTask&) = delete;
  BackgroundTask& operator=(const BackgroundTask&) = delete;

  // Calls `work()` on a worker thread, then `done(result)` on the UI thread.
  // T may be move-only (a Result<std::unique_ptr<...>>).
  template <typename Work, typename Done>
  void Run(Work work, Done done) {
    using T = decltype(work());
    Start([work = std::move(work), done = std::move(done)]() mutable -> std::function<void()> {
      auto result = std::make_shared<T>(work());
      return [done = std::move(done), result]() mutable { done(std::move(*result)); };
    });
  }

  // True from Run() until `done` has been called.
  bool busy() const { return busy_; }

 private:
  // `work` runs on the worker and returns what to run on the UI thread.
  void Start(std::function<std::function<void()>()> work);
  void Join();

  std::thread thread_;
  bool busy_ = false;
  // Read and written on the UI thread only: false once this object is gone.
  std::shared_ptr<bool> alive_;
};

}  // namespace fieldnotes::wxcommon

#endif  // FIELDNOTES_COMMON_WX_BACKGROUND_TASK_H_
