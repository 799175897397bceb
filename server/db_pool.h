// A fixed set of Poco::Data sessions on one SQLite file, handed out one
// thread at a time, and the write transaction every change runs in.
#ifndef FIELDNOTES_SERVER_DB_POOL_H_
#define FIELDNOTES_SERVER_DB_POOL_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "server/statement_cache.h"

namespace fieldnotes::server {

class DbPool {
 public:
  // Opens sessions lazily up to `max_sessions`. Each is set up with WAL,
  // synchronous=FULL, secure_delete=ON, foreign keys and a busy timeout.
  // Throws Poco::Exception when the file cannot be opened.
  DbPool(std::string path, int max_sessions);
  ~DbPool();
  DbPool(const DbPool&) = delete;
  DbPool& operator=(const DbPool&) = delete;

  // A session for the caller's thread until the Lease goes away. Blocks while
  // all sessions are lent out.
  // A session and the prepared statements kept for it (statement_cache.h);
  // the cache goes first, before its connection closes.
  struct Connection {
    std::unique_ptr<Poco::Data::Session> session;
    std::unique_ptr<StatementCache> statements;
  };

  class Lease {
   public:
    Lease(DbPool* pool, Connection connection) : pool_(pool), connection_(std::move(connection)) {}
    ~Lease();
    Lease(Lease&&) = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Poco::Data::Session& operator*() { return *connection_.session; }
    Poco::Data::Session* operator->() { return connection_.session.get(); }
    StatementCache& statements() { return *connection_.statements; }

   private:
    DbPool* pool_;
    Connection connection_;
  };
  Lease Acquire();

  const std::string& path() const { return path_; }

 private:
  Connection Open();
  void Release(Connection connection);

  const std::string path_;
  const int max_sessions_;
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<Connection> idle_;
  int open_ = 0;
};

// BEGIN IMMEDIATE ... COMMIT: takes the write lock up front, so two writers
// never deadlock upgrading a read lock, and a chain of audit records is never
// forked. Writers of one process first queue on `writers` (SQLite's busy
// handler sleeps with back-off, which would put whole milliseconds into the
// tail latency); SQLite's own lock still orders writers of other processes.
// Rolls back unless Commit() was called.
class WriteTransaction {
 public:
  // With `statements`, BEGIN/COMMIT/ROLLBACK run as cached statements.
  WriteTransaction(Poco::Data::Session& session, std::mutex& writers,
                   StatementCache* statements = nullptr);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;
  void Commit();

 private:
  void Run(const char* sql);

  std::unique_lock<std::mutex> lock_;
  Poco::Data::Session& session_;
  StatementCache* statements_;
  bool done_ = false;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_DB_POOL_H_
