#include "server/db_pool.h"

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <sqlite3.h>

using namespace Poco::Data::Keywords;

namespace fieldnotes::server {
namespace {

constexpr int kBusyTimeoutMs = 10000;

// Before SQLite's first use in the process (a no-op, refused with
// SQLITE_MISUSE, if something else initialised it first): a connection is
// only ever used by the one thread that leased it, so SQLite's per-connection
// mutexes are not needed; and without memory statistics every allocation
// stops taking one process-wide mutex, which 16 request threads fought over.
void ConfigureSqlite() {
  (void)sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
  (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

}  // namespace

DbPool::DbPool(std::string path, int max_sessions)
    : path_(std::move(path)), max_sessions_(max_sessions < 1 ? 1 : max_sessions) {
  static std::once_flag registered;
  std::call_once(registered, [] {
    ConfigureSqlite();
    Poco::Data::SQLite::Connector::registerConnector();
  });
  // Open one now so a bad path fails at start-up, not at the first request.
  idle_.push_back(Open());
  open_ = 1;
}

DbPool::~DbPool() = default;

DbPool::Connection DbPool::Open() {
  auto session = std::make_unique<Poco::Data::Session>("SQLite", path_);
  Poco::Data::Session& s = *session;
  int timeout = 0;
  s << "PRAGMA busy_timeout=" + std::to_string(kBusyTimeoutMs), into(timeout), now;
  // Pages of 16 KiB (for a new file only): a 100 KB envelope is 7 overflow
  // pages to chase instead of 25.
  s << "PRAGMA page_size=16384", now;
  std::string mode;
  s << "PRAGMA journal_mode=WAL", into(mode), now;
  // FULL: an acknowledged upload survives power loss, not only a crash.
  s << "PRAGMA synchronous=FULL", now;
  // Deleted envelope bytes are overwritten with zeros, not left in free pages.
  int secure = 0;
  s << "PRAGMA secure_delete=ON", into(secure), now;
  s << "PRAGMA foreign_keys=ON", now;
  auto statements = std::make_unique<StatementCache>(Poco::Data::SQLite::Utility::dbHandle(s));
  return Connection{std::move(session), std::move(statements)};
}

DbPool::Lease DbPool::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    if (!idle_.empty()) {
      Connection connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(connection));
    }
    if (open_ < max_sessions_) {
      ++open_;
      lock.unlock();
      try {
        return Lease(this, Open());
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

void DbPool::Release(Connection connection) {
  std::lock_guard<std::mutex> lock(mu_);
  idle_.push_back(std::move(connection));
  available_.notify_one();
}

DbPool::Lease::~Lease() {
  if (connection_.session) pool_->Release(std::move(connection_));
}

WriteTransaction::WriteTransaction(Poco::Data::Session& session, std::mutex& writers,
                                   StatementCache* statements)
    : lock_(writers), session_(session), statements_(statements) {
  static const char kBegin[] = "BEGIN IMMEDIATE";
  Run(kBegin);
}

WriteTransaction::~WriteTransaction() {
  if (done_) return;
  try {
    static const char kRollback[] = "ROLLBACK";
    Run(kRollback);
  } catch (...) {
    // Nothing more can be done; SQLite rolls back when the statement that
    // failed left no transaction open.
  }
}

void WriteTransaction::Commit() {
  static const char kCommit[] = "COMMIT";
  Run(kCommit);
  done_ = true;
}

void WriteTransaction::Run(const char* sql) {
  if (statements_ != nullptr) {
    StatementCache::Use use(*statements_, sql);
    use.Step();
  } else {
    session_ << sql, now;
  }
}

}  // namespace fieldnotes::server
