// SyncServer: the HTTPS server with its services and the purge timer, as
// started by `fieldnotes-server run` and by the tests (port 0).
//
// Threads: Poco serves each connection on one thread of a pool of
// http.max_threads while it is kept alive; connections beyond that wait in a
// queue of http.max_queued. A keep-alive connection idle for
// http.keep_alive_timeout_seconds is closed, so held threads come back.
#ifndef FIELDNOTES_SERVER_SYNC_SERVER_H_
#define FIELDNOTES_SERVER_SYNC_SERVER_H_

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>

#include "core/clock.h"
#include "server/config.h"
#include "server/http/connection.h"
#include "server/http/handlers.h"
#include "server/http/router.h"
#include "server/password.h"
#include "server/storage.h"

namespace fieldnotes::server {

class SyncServer {
 public:
  // `storage` and `clock` must outlive the server.
  SyncServer(ServerConfig config, Storage& storage, const core::Clock& clock);
  ~SyncServer();
  SyncServer(const SyncServer&) = delete;
  SyncServer& operator=(const SyncServer&) = delete;

  // Loads the TLS context, binds and starts serving. InvalidArgument for
  // unusable TLS files, IoError when the address cannot be bound.
  core::Status Start();
  // The bound port (the real one when configured as 0).
  uint16_t port() const { return port_; }
  // Stops accepting, lets requests in flight finish, closes idle keep-alive
  // connections and waits for every thread. Idempotent.
  void Stop();

  Services& services() { return *services_; }
  const ServerConfig& config() const { return config_; }

 private:
  void PurgeLoop();

  ServerConfig config_;
  Storage& storage_;
  const core::Clock& clock_;
  PasswordHasher hasher_;
  std::unique_ptr<Services> services_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<StopSignal> stop_signal_;
  std::unique_ptr<Poco::ThreadPool> threads_;
  std::unique_ptr<Poco::Net::TCPServer> http_;
  uint16_t port_ = 0;

  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread purger_;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_SYNC_SERVER_H_
