#include "server/deferred_audit.h"

#include <exception>
#include <utility>

#include <Poco/Logger.h>

namespace fieldnotes::server {

void DeferredAudit::Start() {
  std::lock_guard<std::mutex> lock(mu_);
  if (running_ || stop_) return;
  running_ = true;
  thread_ = std::thread([this] { Run(); });
}

bool DeferredAudit::Add(const AuditEvent& event) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!running_ || stop_ || queue_.size() >= kMaxQueued) return false;
  queue_.push_back(event);
  ++added_;
  if (queue_.size() == 1) wake_.notify_one();
  return true;
}

void DeferredAudit::Drain() {
  std::unique_lock<std::mutex> lock(mu_);
  if (!running_) return;
  const uint64_t target = added_;
  const uint64_t failures = failures_;
  hurry_ = true;
  wake_.notify_one();
  written_.wait(lock, [&] { return done_ >= target || failures_ != failures || !running_; });
}

void DeferredAudit::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (stop_) return;
    stop_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void DeferredAudit::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (!stop_) {
      // Gather what arrives meanwhile: one transaction (and one turn of
      // the write lock) per interval at most, however many downloads.
      wake_.wait_for(lock, kInterval, [&] { return stop_ || hurry_; });
    }
    hurry_ = false;
    std::vector<AuditEvent> batch;
    batch.swap(queue_);
    const bool stopping = stop_;
    lock.unlock();
    bool ok = true;
    if (!batch.empty()) {
      try {
        writer_(batch);
      } catch (const std::exception& e) {
        ok = false;
        Poco::Logger::get("fieldnotes")
            .warning("audit: download records not written yet: " + std::string(e.what()));
      }
    }
    lock.lock();
    if (ok) {
      done_ += batch.size();
    } else {
      ++failures_;
      // Back in front, in order, before anything queued meanwhile.
      batch.insert(batch.end(), std::make_move_iterator(queue_.begin()),
                   std::make_move_iterator(queue_.end()));
      queue_.swap(batch);
    }
    written_.notify_all();
    if (stopping) {
      if (!queue_.empty()) {
        Poco::Logger::get("fieldnotes")
            .error("audit: " + std::to_string(queue_.size()) +
                   " records of repeat downloads could not be written before the stop");
      }
      running_ = false;
      written_.notify_all();
      return;
    }
    if (!ok) {
      // The database is away: try again in a second, not in a loop.
      wake_.wait_for(lock, std::chrono::seconds(1), [&] { return stop_; });
    }
  }
}

}  // namespace fieldnotes::server
