// PgPool: Poco::Data sessions on one PostgreSQL database, opened lazily and
// handed out one thread at a time; PgTransaction, the write transaction
// every change runs in.
//
// A connection that saw any failure is closed, never lent again: after a
// PostgreSQL restart the next request opens a fresh one, so service resumes
// without restarting the server. A failure to reach the database becomes
// StorageUnavailableException (storage_error.h) with a message that holds
// no connection string (Poco puts the whole string, password and all, into
// some of its own messages).
#ifndef FIELDNOTES_SERVER_PG_POOL_H_
#define FIELDNOTES_SERVER_PG_POOL_H_

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <vector>

#include <Poco/Data/Session.h>

namespace fieldnotes::server {

// `?` placeholders written as PostgreSQL's `$1, $2, ...` (our statements
// hold no `?` inside literals).
std::string PgSql(const std::string& sql);

class PgPool {
 public:
  // `conninfo` is a libpq connection string (key=value pairs). Opens one
  // connection now; throws StorageUnavailableException when it cannot.
  PgPool(std::string conninfo, int max_sessions);
  ~PgPool();
  PgPool(const PgPool&) = delete;
  PgPool& operator=(const PgPool&) = delete;

  // Runs `work` on a pooled session. Any exception closes that session;
  // one that came from losing (or not reaching) the database is rethrown as
  // StorageUnavailableException, others as they are.
  template <typename F>
  auto With(F&& work) -> decltype(work(std::declval<Poco::Data::Session&>())) {
    std::unique_ptr<Poco::Data::Session> s = Acquire();
    try {
      if constexpr (std::is_void_v<decltype(work(*s))>) {
        work(*s);
        Release(std::move(s));
      } else {
        auto result = work(*s);
        Release(std::move(s));
        return result;
      }
    } catch (...) {
      Discard(std::move(s));  // rethrows, translated
    }
  }

  const std::string& conninfo() const { return conninfo_; }

 private:
  std::unique_ptr<Poco::Data::Session> Acquire();
  void Release(std::unique_ptr<Poco::Data::Session> s);
  // Closes `s`, frees its place and rethrows the exception in flight.
  [[noreturn]] void Discard(std::unique_ptr<Poco::Data::Session> s);
  std::unique_ptr<Poco::Data::Session> Open();

  const std::string conninfo_;
  const int max_sessions_;
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Poco::Data::Session>> idle_;
  int open_ = 0;
};

// BEGIN; pg_advisory_xact_lock(kWriteLock) ... COMMIT. Every transaction
// that changes state takes the same lock first, in every server process on
// the database, so writers run one after the other as they do on SQLite
// (BEGIN IMMEDIATE): the audit chain never forks, a quota check and its
// insert see the same rows, an invite is redeemed once. Rolls back unless
// Commit() was called.
class PgTransaction {
 public:
  static constexpr int64_t kWriteLock = 0x46696e6c;  // "Finl"
  // With `lock` false the write lock is taken later, by Lock().
  explicit PgTransaction(Poco::Data::Session& session, bool lock = true);
  void Lock();
  ~PgTransaction();
  PgTransaction(const PgTransaction&) = delete;
  PgTransaction& operator=(const PgTransaction&) = delete;
  void Commit();

 private:
  Poco::Data::Session& session_;
  bool done_ = false;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_PG_POOL_H_
