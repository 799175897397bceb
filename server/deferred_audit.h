// DeferredAudit: audit records that a request does not wait for, written
// by one background thread in batches.
//
// A download of a report that was downloaded before changes nothing a
// receipt shows; its audit record is kept all the same, but the answer need
// not wait for a commit made durable with fsync for it (docs/server.md,
// "Audit log"). The record is queued here and written, with the others
// queued meanwhile, in one write transaction at most kInterval later, in the
// same chain as every other record (the storage's write lock orders it), by
// a commit that does not wait for the disk. What a crash can lose is the
// records of the last moment's repeat downloads; never a first download, an
// open, a withdrawal or anything else that changes what is stored, and
// never a link of the chain (the records that survive are a prefix).
//
// Threads: Add from any thread; the writer runs on the thread Start() made.
// Drain() waits for what was queued before it; Stop() writes what is left
// and joins. A batch that fails stays queued and is tried again (the
// database restarting); at Stop() what still cannot be written is counted
// in one log line.
#ifndef FIELDNOTES_SERVER_DEFERRED_AUDIT_H_
#define FIELDNOTES_SERVER_DEFERRED_AUDIT_H_

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "server/storage.h"

namespace fieldnotes::server {

class DeferredAudit {
 public:
  // Writes a batch in one transaction, appending to the chain in order;
  // throws when it could not (nothing of the batch is then written).
  using Writer = std::function<void(const std::vector<AuditEvent>&)>;
  static constexpr std::chrono::milliseconds kInterval{20};
  static constexpr size_t kMaxQueued = 8192;

  explicit DeferredAudit(Writer writer) : writer_(std::move(writer)) {}
  ~DeferredAudit() { Stop(); }
  DeferredAudit(const DeferredAudit&) = delete;
  DeferredAudit& operator=(const DeferredAudit&) = delete;

  void Start();
  // False (nothing queued) before Start(), after Stop(), or when kMaxQueued
  // records wait already: the caller then writes the record itself.
  [[nodiscard]] bool Add(const AuditEvent& event);
  // Returns once every record queued before the call is written, or a
  // batch failed since (then the records stay queued).
  void Drain();
  // Idempotent.
  void Stop();

 private:
  void Run();

  const Writer writer_;
  std::mutex mu_;
  std::condition_variable wake_;     // the writer: something queued, or stop
  std::condition_variable written_;  // Drain(): a batch ended
  std::vector<AuditEvent> queue_;
  uint64_t added_ = 0;    // records ever queued
  uint64_t done_ = 0;     // records ever written
  uint64_t failures_ = 0;  // batches that failed
  bool running_ = false;
  bool hurry_ = false;  // Drain() waits: no gathering
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_DEFERRED_AUDIT_H_
