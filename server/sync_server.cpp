#include "server/sync_server.h"

#include <sys/resource.h>

#include <algorithm>

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>

#include "server/tls.h"

namespace fieldnotes::server {
namespace {

constexpr int kListenBacklog = 512;
constexpr int64_t kReservedDescriptors = 64;

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
    Poco::Net::ServerSocket socket;
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

    ReactorOptions options;
    options.limits.handshake = std::chrono::seconds(config_.handshake_timeout_seconds);
    options.limits.header = std::chrono::seconds(config_.header_timeout_seconds);
    options.limits.keep_alive = std::chrono::seconds(config_.keep_alive_timeout_seconds);
    options.limits.body_grace = std::chrono::seconds(config_.body_timeout_seconds);
    options.limits.body_min_bytes_per_second = config_.body_min_bytes_per_second;
    options.limits.send_stall = std::chrono::seconds(config_.timeout_seconds);
    options.workers = config_.max_threads;
    options.max_queued = config_.max_queued;
    // Every connection is a descriptor: stay clear of the process's limit
    // (the database, logs and the listener need some too).
    options.max_connections = config_.max_connections;
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur != RLIM_INFINITY) {
      const auto room = static_cast<int64_t>(files.rlim_cur) - kReservedDescriptors;
      if (room < options.max_connections) {
        options.max_connections = static_cast<int>(std::max<int64_t>(room, 16));
        Poco::Logger::get("fieldnotes")
            .warning("http.max_connections lowered to " + std::to_string(options.max_connections) +
                     " by the open-file limit (ulimit -n)");
      }
    }
    options.max_connections_per_address = config_.max_connections_per_address;
    options.max_keep_alive_requests = config_.max_keep_alive_requests;

    router_ = std::make_unique<Router>(*services_);
    http_stopping_ = false;
    request_server_ = std::make_unique<RequestServer>(Poco::Net::HTTPServerParams::Ptr(params),
                                                      *router_, http_stopping_);
    http_ = std::make_unique<Reactor>(socket, *context, options, *request_server_,
                                      http_stopping_);
    http_->Start();
  } catch (const Poco::Exception& e) {
    http_.reset();
    request_server_.reset();
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

core::Status SyncServer::ReloadCertificate() {
  Poco::Logger& log = Poco::Logger::get("fieldnotes");
  auto context = MakeServerContext(config_.certificate_file, config_.private_key_file);
  if (!context.ok()) {
    log.error("certificate reload refused, the current certificate stays: " +
              context.status().message());
    return context.status();
  }
  if (!http_) return core::Status::Unavailable("the server is not running");
  http_->SetContext(*context);
  log.information("certificate reloaded from " + config_.certificate_file +
                  "; new connections use it, open ones keep theirs");
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
    http_->Stop();
    http_.reset();
    request_server_.reset();
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
