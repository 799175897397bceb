// Reactor: the server's one network thread and its pool of workers
// (docs/server.md, "Connections, deadlines and caps").
//
// The reactor thread owns every connection that is not serving a request:
// it accepts (refusing connections over the total or per-address cap at
// once, before any TLS work), drives each TLS handshake, reads request heads
// into the connection's input, and holds idle keep-alive connections, all
// non-blocking on one epoll instance, each connection against a deadline
// (handshake, head, keep-alive). A connection whose head has fully arrived
// is queued for a worker; a worker serves it (RequestServer) and hands it
// back, to be closed or to wait for its next request here. So slow and idle
// clients cost a socket and a little memory, never a thread.
//
// Threads: Start() starts the reactor and `workers` worker threads; Stop()
// stops accepting, closes every connection the reactor holds, lets the
// requests in hand finish (answered `Connection: close`) and joins all.
#ifndef FIELDNOTES_SERVER_HTTP_REACTOR_H_
#define FIELDNOTES_SERVER_HTTP_REACTOR_H_

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include <Poco/AutoPtr.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/ServerSocket.h>

#include "server/http/connection.h"
#include "server/http/tls_connection.h"

namespace fieldnotes::server {

struct ReactorOptions {
  ConnectionLimits limits;
  int workers = 128;
  int max_queued = 256;                   // heads waiting for a worker; 503 beyond
  int max_connections = 4096;             // open at once; more are closed at accept
  int max_connections_per_address = 128;  // 0: no cap
  int max_keep_alive_requests = 0;        // 0: unlimited
};

class Reactor {
 public:
  // `listener` is bound and listening; `server` and `stopping` must outlive
  // the reactor. Stop() sets `stopping`.
  Reactor(const Poco::Net::ServerSocket& listener, Poco::Net::Context::Ptr context,
          ReactorOptions options, RequestServer& server, std::atomic<bool>& stopping);
  ~Reactor();
  Reactor(const Reactor&) = delete;
  Reactor& operator=(const Reactor&) = delete;

  // Throws Poco::SystemException when epoll or the wake-up eventfd cannot be
  // made.
  void Start();
  // Idempotent.
  void Stop();
  // New handshakes use `context` from now on; connections already
  // accepted keep the one they started with (each SSL holds a reference to
  // its SSL_CTX), so a certificate reload drops nobody. Any thread.
  void SetContext(Poco::Net::Context::Ptr context);

 private:
  void Loop();
  void Accept();
  void OnReady(TlsConnection* c);
  void ReadHead(TlsConnection* c);
  void Dispatch(TlsConnection* c);
  void Arm(TlsConnection* c, uint32_t events);
  void Close(TlsConnection* c);
  void TakeReturned();
  void Sweep(SteadyClock::time_point now);
  void BeginStop();
  void WorkerLoop();
  // From a worker: the connection is the reactor's again.
  void Return(TlsConnection* c, bool close);
  // From a worker, for a kept-alive connection with nothing buffered: waits
  // for its next request in the epoll set, without a trip through the
  // reactor thread.
  void Rearm(TlsConnection* c);
  void CloseDeferred();

  Poco::Net::ServerSocket listener_;
  std::mutex context_mu_;  // guards context_ (SetContext from another thread)
  Poco::Net::Context::Ptr context_;
  const ReactorOptions options_;
  RequestServer& server_;
  std::atomic<bool>& stopping_;

  int epoll_ = -1;
  int wake_ = -1;  // eventfd: a worker returned a connection, or Stop()
  bool listening_ = true;
  SteadyClock::time_point accept_paused_until_{};
  bool stop_begun_ = false;

  // The reactor thread's alone.
  std::unordered_map<TlsConnection*, Poco::AutoPtr<TlsConnection>> connections_;
  std::unordered_map<std::string, int> per_address_;
  std::vector<TlsConnection*> deferred_;  // to close once no worker arms them

  // A worker waiting for a request, on its own condition variable, so the
  // one woken is the one that went idle last: its stack and caches are
  // still warm, and under light load the same few threads do all the work.
  struct Idle {
    std::condition_variable cv;
    TlsConnection* task = nullptr;
  };
  std::mutex ready_mu_;
  std::vector<Idle*> idle_;           // a stack: the last to go idle on top
  std::deque<TlsConnection*> ready_;  // heads no idle worker could take yet
  bool workers_stop_ = false;

  std::mutex returned_mu_;
  std::vector<std::pair<TlsConnection*, bool>> returned_;

  std::thread reactor_;
  std::vector<std::thread> workers_;
  bool started_ = false;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_HTTP_REACTOR_H_
