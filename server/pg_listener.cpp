#include "server/pg_listener.h"

#include <libpq-fe.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <memory>
#include <stdexcept>

#include <Poco/Logger.h>

namespace fieldnotes::server {
namespace {

using Connection = std::unique_ptr<PGconn, void (*)(PGconn*)>;
using Result = std::unique_ptr<PGresult, void (*)(PGresult*)>;

}  // namespace

PgListener::PgListener(std::string conninfo, std::string channel, OnNotice on_notice)
    // A later keyword wins in a libpq connection string.
    : conninfo_(std::move(conninfo) + " application_name=" + kApplicationName),
      channel_(std::move(channel)),
      on_notice_(std::move(on_notice)) {
  wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (wake_fd_ < 0) throw std::runtime_error("eventfd failed");
}

PgListener::~PgListener() {
  Stop();
  ::close(wake_fd_);
}

void PgListener::Start() {
  if (!thread_.joinable()) thread_ = std::thread([this] { Run(); });
}

void PgListener::Stop() {
  stopping_ = true;
  Wake();
  if (thread_.joinable()) thread_.join();
  std::lock_guard<std::mutex> lock(mu_);
  answered_.notify_all();
}

void PgListener::Wake() {
  const uint64_t one = 1;
  // A full counter already wakes the thread; nothing to do then.
  [[maybe_unused]] ssize_t written = ::write(wake_fd_, &one, sizeof one);
}

uint64_t PgListener::syncs() const {
  std::lock_guard<std::mutex> lock(mu_);
  return done_;
}

bool PgListener::Sync(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mu_);
  if (!listening_.load() || stopping_.load()) return false;
  const uint64_t epoch = epoch_;
  // The next round to be sent is sent after this moment: its answer comes
  // after every notification committed before it.
  const uint64_t target = sent_ + 1;
  if (wanted_ < target) {
    wanted_ = target;
    Wake();
  }
  answered_.wait_for(lock, timeout,
                     [&] { return done_ >= target || epoch_ != epoch || stopping_.load(); });
  return done_ >= target && epoch_ == epoch;
}

void PgListener::Dispatch(PGconn* conn) {
  while (PGnotify* n = PQnotifies(conn)) {
    const std::string payload = n->extra != nullptr ? n->extra : "";
    PQfreemem(n);
    // An empty payload means "forget everything" to on_notice; a NOTIFY
    // without one (none of ours) is taken the same way.
    on_notice_(payload);
  }
}

bool PgListener::Serve(PGconn* conn) {
  while (!stopping_.load()) {
    uint64_t round = 0;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (wanted_ > sent_) round = ++sent_;
    }
    if (round != 0) {
      // The empty query: PostgreSQL answers it with EmptyQueryResponse,
      // after the notifications it was signalled about (libpq queues those
      // for PQnotifies while it reads the answer).
      Result r(PQexec(conn, ""), PQclear);
      const bool ok = r && PQresultStatus(r.get()) == PGRES_EMPTY_QUERY;
      Dispatch(conn);
      if (!ok || PQstatus(conn) != CONNECTION_OK) return false;
      {
        std::lock_guard<std::mutex> lock(mu_);
        done_ = round;
      }
      answered_.notify_all();
      continue;
    }
    pollfd fds[2] = {{PQsocket(conn), POLLIN, 0}, {wake_fd_, POLLIN, 0}};
    if (::poll(fds, 2, 100) < 0) continue;
    if ((fds[1].revents & POLLIN) != 0) {
      uint64_t count = 0;
      [[maybe_unused]] ssize_t read = ::read(wake_fd_, &count, sizeof count);
    }
    if (fds[0].revents != 0) {
      if (PQconsumeInput(conn) == 0) return false;
      Dispatch(conn);
    }
    if (PQstatus(conn) != CONNECTION_OK) return false;
  }
  return true;
}

void PgListener::Run() {
  Poco::Logger& log = Poco::Logger::get("fieldnotes");
  bool reported = false;
  while (!stopping_.load()) {
    Connection conn(PQconnectdb(conninfo_.c_str()), PQfinish);
    bool ok = conn && PQstatus(conn.get()) == CONNECTION_OK;
    if (ok) {
      Result r(PQexec(conn.get(), ("LISTEN " + channel_).c_str()), PQclear);
      ok = r && PQresultStatus(r.get()) == PGRES_COMMAND_OK;
    }
    if (!ok) {
      if (!reported) {
        log.warning("cannot listen for changes of access; every download asks the database");
      }
      reported = true;
      for (int waited = 0; waited < 1000 && !stopping_.load(); waited += 50) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      continue;
    }
    // Whatever changed while nobody listened is unknown: forget all of it.
    on_notice_("");
    {
      std::lock_guard<std::mutex> lock(mu_);
      wanted_ = sent_;
      listening_ = true;
    }
    if (reported) log.information("listening for changes of access again");
    reported = false;
    const bool lost = !Serve(conn.get());
    {
      std::lock_guard<std::mutex> lock(mu_);
      listening_ = false;
      ++epoch_;
    }
    answered_.notify_all();
    on_notice_("");
    if (lost) {
      log.warning("lost the connection that listens for changes of access; reconnecting");
      reported = true;
    }
  }
}

}  // namespace fieldnotes::server
