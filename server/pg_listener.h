// PgListener: each process's one listening connection to PostgreSQL (libpq,
// `LISTEN` on PgStorage::kChannel), which hears every change that ends
// access, and the barrier that lets the process answer from memory as
// strictly as the database would (docs/server.md, "PostgreSQL").
//
// Every change that ends access sends `NOTIFY` in its own transaction.
// PostgreSQL signals the listening backends as that transaction commits,
// before the writer's COMMIT returns, and a backend sends the notifications
// it was signalled about before it answers its next query. So when a query
// sent on the listening connection after a moment T has been answered,
// every notification of a change committed before T has arrived with it.
// Sync() is that query, an empty one: it returns true once one was sent
// after Sync() was called and answered, and every notification that came
// before the answer was handed to `on_notice`. Callers share the round
// trips: one is in flight at a time, and everyone who called Sync() while
// it was sent waits for the next, so a batch of downloads costs one round
// trip between them, which PostgreSQL answers without a snapshot, a parse
// or a plan.
//
// `on_notice(payload)` runs on the listener's thread for each notification,
// and with an empty payload whenever what was heard may be incomplete: once
// the connection listens (whatever happened before is unknown) and once it
// is lost. While it is not listening, Sync() returns false at once and the
// caller asks the database; the thread connects again every second.
#ifndef FIELDNOTES_SERVER_PG_LISTENER_H_
#define FIELDNOTES_SERVER_PG_LISTENER_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

struct pg_conn;

namespace fieldnotes::server {

class PgListener {
 public:
  using OnNotice = std::function<void(const std::string& payload)>;
  // The connection's application_name (pg_stat_activity), which tells it
  // from the pool's.
  static constexpr char kApplicationName[] = "fieldnotes-server-listener";

  // `conninfo` as PgPool's; nothing happens before Start().
  PgListener(std::string conninfo, std::string channel, OnNotice on_notice);
  ~PgListener();
  PgListener(const PgListener&) = delete;
  PgListener& operator=(const PgListener&) = delete;

  void Start();
  void Stop();

  // True when every notification committed before this call has been
  // handed to on_notice; false when the connection is not listening, is
  // lost meanwhile, or does not answer within `timeout`.
  bool Sync(std::chrono::milliseconds timeout = std::chrono::milliseconds(2000));

  bool listening() const { return listening_.load(); }
  // Round trips answered since Start (for tests and benchmarks).
  uint64_t syncs() const;

 private:
  void Run();
  // Until the connection is lost or Stop(); false when it was lost.
  bool Serve(pg_conn* conn);
  void Dispatch(pg_conn* conn);
  void Wake();

  const std::string conninfo_;
  const std::string channel_;
  const OnNotice on_notice_;
  int wake_fd_ = -1;  // eventfd: a Sync() is waiting, or Stop()
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> listening_{false};

  mutable std::mutex mu_;  // guards the four below
  std::condition_variable answered_;
  uint64_t wanted_ = 0;  // the newest round a Sync() waits for
  uint64_t sent_ = 0;    // rounds whose query was sent (or is being sent)
  uint64_t done_ = 0;    // the newest round answered
  uint64_t epoch_ = 0;   // connections lost so far
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_PG_LISTENER_H_
