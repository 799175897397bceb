#include "server/http/reactor.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <Poco/Exception.h>
#include <Poco/Logger.h>

namespace fieldnotes::server {
namespace {

// Tags for the two descriptors that are not connections.
char kListenTag;
char kWakeTag;

constexpr int kMaxEvents = 256;
constexpr int kAcceptsPerWake = 64;  // then the other sockets get a turn
constexpr auto kSweepEvery = std::chrono::milliseconds(50);
constexpr auto kAcceptPause = std::chrono::milliseconds(100);

// Canned answers the reactor can send without a worker, each on a
// connection it then closes.
constexpr std::string_view kTimeout =
    "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
constexpr std::string_view kHeadTooLarge =
    "HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n"
    "Content-Length: 0\r\n\r\n";
constexpr std::string_view kBusy =
    "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 1\r\n"
    "Content-Length: 0\r\n\r\n";

// The peer's address as bytes (an IPv4-mapped IPv6 address as IPv4), the
// key of the per-address count. Never logged.
std::string AddressKey(const sockaddr_storage& ss) {
  if (ss.ss_family == AF_INET) {
    const auto& in = reinterpret_cast<const sockaddr_in&>(ss);
    return std::string(reinterpret_cast<const char*>(&in.sin_addr), 4);
  }
  if (ss.ss_family == AF_INET6) {
    const auto& in6 = reinterpret_cast<const sockaddr_in6&>(ss);
    if (IN6_IS_ADDR_V4MAPPED(&in6.sin6_addr)) {
      return std::string(reinterpret_cast<const char*>(&in6.sin6_addr) + 12, 4);
    }
    return std::string(reinterpret_cast<const char*>(&in6.sin6_addr), 16);
  }
  return std::string();
}

}  // namespace

Reactor::Reactor(const Poco::Net::ServerSocket& listener, Poco::Net::Context::Ptr context,
                 ReactorOptions options, RequestServer& server, std::atomic<bool>& stopping)
    : listener_(listener),  // a Poco socket is a counted handle: copies share it
      context_(std::move(context)),
      options_(options),
      server_(server),
      stopping_(stopping) {}

void Reactor::SetContext(Poco::Net::Context::Ptr context) {
  std::lock_guard<std::mutex> lock(context_mu_);
  context_ = std::move(context);
}

Reactor::~Reactor() {
  Stop();
  if (epoll_ >= 0) ::close(epoll_);
  if (wake_ >= 0) ::close(wake_);
}

void Reactor::Start() {
  epoll_ = epoll_create1(EPOLL_CLOEXEC);
  wake_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (epoll_ < 0 || wake_ < 0) throw Poco::SystemException("cannot make the server's epoll");
  listener_.setBlocking(false);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.ptr = &kListenTag;
  if (epoll_ctl(epoll_, EPOLL_CTL_ADD, listener_.impl()->sockfd(), &ev) != 0) {
    throw Poco::SystemException("cannot watch the listening socket");
  }
  ev.data.ptr = &kWakeTag;
  if (epoll_ctl(epoll_, EPOLL_CTL_ADD, wake_, &ev) != 0) {
    throw Poco::SystemException("cannot watch the wake-up eventfd");
  }
  started_ = true;
  for (int i = 0; i < options_.workers; ++i) workers_.emplace_back([this] { WorkerLoop(); });
  reactor_ = std::thread([this] { Loop(); });
}

void Reactor::Stop() {
  if (!started_) return;
  stopping_.store(true);
  const uint64_t one = 1;
  (void)!::write(wake_, &one, sizeof one);
  if (reactor_.joinable()) reactor_.join();
  {
    std::lock_guard<std::mutex> lock(ready_mu_);
    workers_stop_ = true;
    for (Idle* idle : idle_) idle->cv.notify_one();
  }
  for (auto& w : workers_) {
    if (w.joinable()) w.join();
  }
  workers_.clear();
  started_ = false;
}

void Reactor::Loop() {
  epoll_event events[kMaxEvents];
  auto last_sweep = SteadyClock::now();
  for (;;) {
    const int timeout = connections_.empty() && listening_ ? 1000 : 50;
    const int n = epoll_wait(epoll_, events, kMaxEvents, timeout);
    if (n < 0 && errno != EINTR) {
      Poco::Logger::get("fieldnotes").error("epoll_wait failed: " + std::string(strerror(errno)));
    }
    for (int i = 0; i < n; ++i) {
      void* tag = events[i].data.ptr;
      if (tag == &kListenTag) {
        Accept();
      } else if (tag == &kWakeTag) {
        uint64_t count;
        (void)!::read(wake_, &count, sizeof count);
        TakeReturned();
      } else {
        auto* c = static_cast<TlsConnection*>(tag);
        // Closed earlier in this batch: its entry is gone.
        if (connections_.count(c) != 0) OnReady(c);
      }
    }
    CloseDeferred();
    const auto now = SteadyClock::now();
    if (now - last_sweep >= kSweepEvery) {
      Sweep(now);
      last_sweep = now;
    }
    if (stopping_.load()) {
      if (!stop_begun_) BeginStop();
      TakeReturned();
      if (connections_.empty()) return;
    }
  }
}

void Reactor::Accept() {
  if (!listening_) return;
  const int listen_fd = listener_.impl()->sockfd();
  for (int i = 0; i < kAcceptsPerWake; ++i) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    const int fd =
        accept4(listen_fd, reinterpret_cast<sockaddr*>(&ss), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
        // Out of descriptors: stop watching the listener for a moment
        // rather than spin on it; the sweep turns it back on.
        Poco::Logger::get("fieldnotes").warning("accept: out of file descriptors");
        epoll_event ev{};
        ev.data.ptr = &kListenTag;
        (void)epoll_ctl(epoll_, EPOLL_CTL_MOD, listen_fd, &ev);
        accept_paused_until_ = SteadyClock::now() + kAcceptPause;
      }
      return;
    }
    std::string key = AddressKey(ss);
    int& from_here = per_address_[key];
    const int cap = options_.max_connections_per_address;
    if (static_cast<int>(connections_.size()) >= options_.max_connections ||
        (cap > 0 && from_here >= cap)) {
      // Over a cap: closed before any TLS work, no worker involved.
      if (from_here == 0) per_address_.erase(key);
      ::close(fd);
      continue;
    }
    const int one = 1;
    (void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    Poco::AutoPtr<TlsConnection> c;
    try {
      Poco::Net::Context::Ptr context;
      {
        std::lock_guard<std::mutex> lock(context_mu_);
        context = context_;
      }
      c = new TlsConnection(fd, context->sslContext(), key, options_.limits);
    } catch (const Poco::Exception& e) {
      ::close(fd);
      if (from_here == 0) per_address_.erase(key);
      Poco::Logger::get("fieldnotes").error("accept: " + e.displayText());
      continue;
    }
    ++from_here;
    c->requests_left = options_.max_keep_alive_requests > 0 ? options_.max_keep_alive_requests : -1;
    c->Enter(Phase::kHandshake, SteadyClock::now() + options_.limits.handshake);
    TlsConnection* raw = c.get();
    connections_.emplace(raw, c);
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLONESHOT;
    ev.data.ptr = raw;
    if (epoll_ctl(epoll_, EPOLL_CTL_ADD, fd, &ev) != 0) {
      Close(raw);
      continue;
    }
    // The ClientHello is often here already.
    OnReady(raw);
  }
}

void Reactor::OnReady(TlsConnection* c) {
  if (c->closing) return;
  switch (c->phase()) {
    case Phase::kHandshake:
      switch (c->Handshake()) {
        case TlsConnection::Progress::kDone:
          // The whole first head is due within the header deadline.
          c->Enter(Phase::kHead, SteadyClock::now() + options_.limits.header);
          ReadHead(c);
          return;
        case TlsConnection::Progress::kWantRead:
          Arm(c, EPOLLIN);
          return;
        case TlsConnection::Progress::kWantWrite:
          Arm(c, EPOLLOUT);
          return;
        case TlsConnection::Progress::kFailed:
          Close(c);
          return;
      }
      return;
    case Phase::kHead:
    case Phase::kIdle:
      ReadHead(c);
      return;
    case Phase::kLinger:
      if (c->Discard()) {
        Arm(c, EPOLLIN);
      } else {
        Close(c);
      }
      return;
    case Phase::kWorker:
      return;  // a worker has it; EPOLLONESHOT makes this not happen
  }
}

void Reactor::ReadHead(TlsConnection* c) {
  const bool was_idle = c->phase() == Phase::kIdle;
  const TlsConnection::Progress p = c->ReadAvailable();
  if (was_idle && !c->input().empty()) {
    // The next request began: its whole head is due from now.
    c->Enter(Phase::kHead, SteadyClock::now() + options_.limits.header);
  }
  switch (ScanHead(c->input(), options_.limits.max_head_bytes)) {
    case Head::kComplete:
      Dispatch(c);
      return;
    case Head::kTooLarge:
      c->SendNow(kHeadTooLarge);
      Close(c);
      return;
    case Head::kIncomplete:
      break;
  }
  if (p == TlsConnection::Progress::kFailed) {
    Close(c);
  } else {
    Arm(c, p == TlsConnection::Progress::kWantWrite ? EPOLLOUT : EPOLLIN);
  }
}

void Reactor::Dispatch(TlsConnection* c) {
  if (stop_begun_) {
    Close(c);
    return;
  }
  Idle* idle = nullptr;
  {
    std::lock_guard<std::mutex> lock(ready_mu_);
    if (!idle_.empty()) {
      idle = idle_.back();
      idle_.pop_back();
    } else if (static_cast<int>(ready_.size()) >= options_.max_queued) {
      c->SendNow(kBusy);
      Close(c);
      return;
    }
    // The head's deadline goes on: Poco reads it on the worker.
    c->Enter(Phase::kWorker, c->deadline());
    if (idle != nullptr) {
      idle->task = c;
    } else {
      ready_.push_back(c);
    }
  }
  if (idle != nullptr) idle->cv.notify_one();
}

void Reactor::Arm(TlsConnection* c, uint32_t events) {
  epoll_event ev{};
  ev.events = events | EPOLLONESHOT;
  ev.data.ptr = c;
  if (epoll_ctl(epoll_, EPOLL_CTL_MOD, c->sockfd(), &ev) != 0) Close(c);
}

void Reactor::Close(TlsConnection* c) {
  auto it = connections_.find(c);
  if (it == connections_.end()) return;
  // A worker between its phase change and its epoll_ctl still uses the
  // descriptor: closing it now could hand its number to a new connection
  // under the worker's feet. Wait for it.
  if (c->arming.load()) {
    if (!c->closing) deferred_.push_back(c);
    c->closing = true;
    return;
  }
  auto count = per_address_.find(c->peer_key());
  if (count != per_address_.end() && --count->second <= 0) per_address_.erase(count);
  // Closing the descriptor takes it out of the epoll set.
  try {
    c->close();
  } catch (...) {
  }
  connections_.erase(it);
}

void Reactor::CloseDeferred() {
  if (deferred_.empty()) return;
  std::vector<TlsConnection*> later;
  for (TlsConnection* c : deferred_) {
    if (c->arming.load()) {
      later.push_back(c);
    } else {
      c->closing = false;
      Close(c);
    }
  }
  deferred_.swap(later);
}

void Reactor::Rearm(TlsConnection* c) {
  // The reactor may close the connection as soon as the phase says it is
  // its own; the reference keeps the object, `arming` the descriptor
  // (seq_cst: the reactor reads the phase, then `arming`).
  Poco::AutoPtr<TlsConnection> hold(c, /*shared=*/true);
  const int fd = c->sockfd();
  c->arming.store(true);
  c->Enter(Phase::kIdle, SteadyClock::now() + options_.limits.keep_alive);
  epoll_event ev{};
  ev.events = EPOLLIN | EPOLLONESHOT;
  ev.data.ptr = c;
  if (epoll_ctl(epoll_, EPOLL_CTL_MOD, fd, &ev) != 0) {
    c->Enter(Phase::kIdle, SteadyClock::now());  // the sweep closes it
  }
  c->arming.store(false);
}

void Reactor::Return(TlsConnection* c, bool close) {
  bool wake;
  {
    std::lock_guard<std::mutex> lock(returned_mu_);
    wake = returned_.empty();
    returned_.emplace_back(c, close);
  }
  if (wake) {
    const uint64_t one = 1;
    (void)!::write(wake_, &one, sizeof one);
  }
}

void Reactor::TakeReturned() {
  std::vector<std::pair<TlsConnection*, bool>> returned;
  {
    std::lock_guard<std::mutex> lock(returned_mu_);
    returned.swap(returned_);
  }
  const auto now = SteadyClock::now();
  for (auto [c, close] : returned) {
    if (close && c->linger_requested() && !stop_begun_) {
      c->ShutdownSend();
      c->Enter(Phase::kLinger, now + options_.limits.linger);
      Arm(c, EPOLLIN);
      continue;
    }
    if (close || stop_begun_) {
      Close(c);
      continue;
    }
    if (c->input().empty()) {
      c->Enter(Phase::kIdle, now + options_.limits.keep_alive);
    } else {
      c->Enter(Phase::kHead, now + options_.limits.header);
    }
    // Bytes OpenSSL holds already would never wake epoll: read them now.
    if (c->HasPendingTls()) {
      ReadHead(c);
    } else {
      Arm(c, EPOLLIN);
    }
  }
}

void Reactor::Sweep(SteadyClock::time_point now) {
  if (accept_paused_until_ != SteadyClock::time_point{} && now >= accept_paused_until_ &&
      !stop_begun_) {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.ptr = &kListenTag;
    (void)epoll_ctl(epoll_, EPOLL_CTL_MOD, listener_.impl()->sockfd(), &ev);
    accept_paused_until_ = SteadyClock::time_point{};
  }
  std::vector<TlsConnection*> late;
  for (const auto& [c, owned] : connections_) {
    const Phase phase = c->phase();
    if (phase != Phase::kWorker && now >= c->deadline()) late.push_back(c);
  }
  for (TlsConnection* c : late) {
    // A head that did not arrive in time is told so; an idle connection or
    // a handshake is just closed.
    if (c->phase() == Phase::kHead) c->SendNow(kTimeout);
    Close(c);
  }
}

void Reactor::BeginStop() {
  stop_begun_ = true;
  listening_ = false;
  (void)epoll_ctl(epoll_, EPOLL_CTL_DEL, listener_.impl()->sockfd(), nullptr);
  listener_.close();
  std::vector<TlsConnection*> held;
  for (const auto& [c, owned] : connections_) {
    if (c->phase() != Phase::kWorker) held.push_back(c);
  }
  for (TlsConnection* c : held) Close(c);
}

void Reactor::WorkerLoop() {
  Idle self;
  for (;;) {
    TlsConnection* c;
    {
      std::unique_lock<std::mutex> lock(ready_mu_);
      if (!ready_.empty()) {
        c = ready_.front();
        ready_.pop_front();
      } else {
        if (workers_stop_) return;
        idle_.push_back(&self);
        self.cv.wait(lock, [&] { return self.task != nullptr || workers_stop_; });
        if (self.task == nullptr) {
          // Stopping: off the stack before `self` goes away.
          const auto me = std::find(idle_.begin(), idle_.end(), &self);
          if (me != idle_.end()) idle_.erase(me);
          return;
        }
        c = self.task;
        self.task = nullptr;
      }
    }
    RequestServer::Next next = RequestServer::Next::kClose;
    try {
      next = server_.Serve(*c);
    } catch (...) {
      // Serve answers what it can; anything else ends the connection.
    }
    if (next == RequestServer::Next::kKeep && c->input().empty() && !c->HasPendingTls() &&
        !stopping_.load()) {
      Rearm(c);
    } else {
      Return(c, next == RequestServer::Next::kClose);
    }
  }
}

}  // namespace fieldnotes::server
