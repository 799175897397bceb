#include "server/pg_pool.h"

#include <Poco/Data/DataException.h>
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/PostgreSQL/PostgreSQLException.h>
#include <Poco/Data/Statement.h>

#include "server/pg_exec.h"
#include "server/storage_error.h"

using namespace Poco::Data::Keywords;

namespace fieldnotes::server {

std::string PgSql(const std::string& sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (char c : sql) {
    if (c == '?') {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

PgPool::PgPool(std::string conninfo, int max_sessions)
    : conninfo_(std::move(conninfo)), max_sessions_(max_sessions < 1 ? 1 : max_sessions) {
  static std::once_flag registered;
  std::call_once(registered, [] { Poco::Data::PostgreSQL::Connector::registerConnector(); });
  // One now, so a wrong address or password fails at start-up.
  idle_.push_back(Open());
  open_ = 1;
}

PgPool::~PgPool() = default;

std::unique_ptr<Poco::Data::Session> PgPool::Open() {
  try {
    return std::make_unique<Poco::Data::Session>("PostgreSQL", conninfo_);
  } catch (const Poco::Data::ConnectionFailedException& e) {
    // libpq's own words (host, port, why), never the connection string.
    std::string why = e.message();
    const size_t cut = why.find("Connection Error: ");
    if (cut != std::string::npos) why = why.substr(cut + 18);
    throw StorageUnavailableException("cannot connect to PostgreSQL: " + why);
  } catch (const Poco::Exception&) {
    throw StorageUnavailableException("cannot connect to PostgreSQL");
  }
}

std::unique_ptr<Poco::Data::Session> PgPool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    if (!idle_.empty()) {
      auto s = std::move(idle_.back());
      idle_.pop_back();
      return s;
    }
    if (open_ < max_sessions_) {
      ++open_;
      lock.unlock();
      try {
        return Open();
      } catch (...) {
        std::lock_guard<std::mutex> relock(mu_);
        --open_;
        available_.notify_one();
        throw;
      }
    }
    available_.wait(lock);
  }
}

void PgPool::Release(std::unique_ptr<Poco::Data::Session> s) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(s));
  available_.notify_one();
}

void PgPool::Discard(std::unique_ptr<Poco::Data::Session> s) {
  bool connected = false;
  try {
    connected = s->isConnected();
  } catch (...) {
  }
  try {
    s.reset();
  } catch (...) {
  }
  std::vector<std::unique_ptr<Poco::Data::Session>> stale;
  {
    std::lock_guard<std::mutex> lock(mu_);
    --open_;
    // Lost, not refused: PostgreSQL went away, and the idle connections
    // went with it. Close them now rather than fail one request each.
    if (!connected) {
      open_ -= static_cast<int>(idle_.size());
      stale.swap(idle_);
    }
    available_.notify_all();
  }
  for (auto& idle : stale) {
    try {
      idle.reset();
    } catch (...) {
    }
  }
  try {
    throw;
  } catch (const StorageUnavailableException&) {
    throw;
  } catch (const Poco::Data::NotConnectedException&) {
    throw StorageUnavailableException("lost the connection to PostgreSQL");
  } catch (const Poco::Data::ConnectionFailedException&) {
    throw StorageUnavailableException("lost the connection to PostgreSQL");
  } catch (const Poco::Exception&) {
    if (!connected) throw StorageUnavailableException("lost the connection to PostgreSQL");
    throw;
  }
}

PgTransaction::PgTransaction(Poco::Data::Session& session, bool lock) : session_(session) {
  session_.begin();
  if (lock) Lock();
}

void PgTransaction::Lock() {
  static const std::string kLock =
      "SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLock) + ")";
  PgExec(session_, kLock.c_str());
}

PgTransaction::~PgTransaction() {
  if (done_) return;
  try {
    session_.rollback();
  } catch (...) {
    // The connection is gone; PostgreSQL rolled back when it went.
  }
}

void PgTransaction::Commit() {
  session_.commit();
  done_ = true;
}

}  // namespace fieldnotes::server
