// SyncServer: the HTTPS server with its services and the purge timer, as
// started by `fieldnotes-server run` and by the tests (port 0).
//
// Threads: one reactor thread holds every connection that is not serving a
// request (handshakes, heads still arriving, idle keep-alive), and a pool of
// http.max_threads workers serves requests whose head has arrived
// (server/http/reactor.h, docs/server.md "Connections, deadlines and caps").
#ifndef FIELDNOTES_SERVER_SYNC_SERVER_H_
#define FIELDNOTES_SERVER_SYNC_SERVER_H_

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include <atomic>

#include "core/clock.h"
#include "server/config.h"
#include "server/http/connection.h"
#include "server/http/handlers.h"
#include "server/http/reactor.h"
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
  // Loads the certificate and key files again (tls.certificate and
  // tls.key, as configured) and uses them for every new handshake;
  // connections already open keep theirs. When the new pair does not load
  // or does not match, InvalidArgument and the server keeps the pair it
  // has. `fieldnotes-server run` calls this on SIGHUP.
  core::Status ReloadCertificate();
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
  std::atomic<bool> http_stopping_{false};
  std::unique_ptr<RequestServer> request_server_;
  std::unique_ptr<Reactor> http_;
  uint16_t port_ = 0;

  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread purger_;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_SYNC_SERVER_H_
