#include "server/sync_server.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include "server/tls.h"

namespace fieldnotes::server {
namespace {

constexpr int kListenBacklog = 512;

}  // namespace

SyncServer::SyncServer(ServerConfig config, Storage& storage, const core::Clock& clock)
    : config_(std::move(config)),
      storage_(storage),
      clock_(clock),
      hasher_(config_.scrypt_log2_n, config_.max_concurrent_hashes),
      services_(std::make_unique<Services>(ServiceContext{config_, storage_, clock_, hasher_})) {}

SyncServer::~SyncServer() { Stop(); }

core::Status SyncServer::Start() {
  auto context = MakeServerContext(config_.certificate_file, config_.private_key_file);
  if (!context.ok()) return context.status();
  try {
    // SO_REUSEADDR (a restart need not wait for TIME_WAIT) but never
    // SO_REUSEPORT, which Poco's one-step constructor sets: with it a second
    // server could bind the same port and the kernel would split clients
    // between the two. A port in use must fail here.
    Poco::Net::SecureServerSocket socket(*context);
    socket.bind(Poco::Net::SocketAddress(config_.address, static_cast<uint16_t>(config_.port)),
                /*reuseAddress=*/true, /*reusePort=*/false);
    socket.listen(kListenBacklog);
    port_ = socket.address().port();

    auto* params = new Poco::Net::HTTPServerParams;
    params->setMaxThreads(config_.max_threads);
    params->setMaxQueued(config_.max_queued);
    params->setKeepAlive(true);
    params->setKeepAliveTimeout(Poco::Timespan(config_.keep_alive_timeout_seconds, 0));
    params->setMaxKeepAliveRequests(config_.max_keep_alive_requests);
    params->setTimeout(Poco::Timespan(config_.timeout_seconds, 0));
    params->setSoftwareVersion("");  // no Server header

    Poco::Net::HTTPServerParams::Ptr shared(params);
    router_ = std::make_unique<Router>(*services_);
    stop_signal_ = std::make_unique<StopSignal>();
    threads_ = std::make_unique<Poco::ThreadPool>(2, config_.max_threads + 2, 60);
    http_ = std::make_unique<Poco::Net::TCPServer>(
        new ConnectionFactory(shared, *router_, *stop_signal_), *threads_, socket, shared);
    http_->start();
  } catch (const Poco::Exception& e) {
    http_.reset();
    threads_.reset();
    stop_signal_.reset();
    router_.reset();
    const std::string where = config_.address + ":" + std::to_string(config_.port);
    if (e.displayText().find("already in use") != std::string::npos)
      return core::Status::IoError("cannot listen on " + where +
                                   ": the port is already in use (is another server running?)");
    return core::Status::IoError("cannot listen on " + where + ": " + e.displayText());
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = false;
  }
  purger_ = std::thread([this] { PurgeLoop(); });
  Poco::Logger::get("fieldnotes")
      .information("serving https on " + config_.address + ":" + std::to_string(port_));
  return core::Status::Ok();
}

void SyncServer::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (purger_.joinable()) purger_.join();
  if (http_) {
    // No new connections; then each connection finishes the request it is
    // in and closes, and idle keep-alive connections close at once.
    http_->stop();
    stop_signal_->Raise();
    threads_->joinAll();
    http_.reset();
    threads_.reset();
    stop_signal_.reset();
    router_.reset();
    Poco::Logger::get("fieldnotes").information("stopped");
  }
}

void SyncServer::PurgeLoop() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    wake_.wait_for(lock, std::chrono::seconds(config_.purge_interval_seconds),
                   [this] { return stopping_; });
    if (stopping_) break;
    lock.unlock();
    try {
      const int64_t purged = services_->reports.PurgeExpired();
      if (purged > 0) {
        Poco::Logger::get("fieldnotes")
            .information("purged " + std::to_string(purged) + " expired reports");
      }
    } catch (const Poco::Exception& e) {
      Poco::Logger::get("fieldnotes").error("purge failed: " + e.displayText());
    }
    lock.lock();
  }
}

}  // namespace fieldnotes::server
