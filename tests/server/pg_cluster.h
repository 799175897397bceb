// PgCluster: a real PostgreSQL 15 for the tests, one per test process,
// started on first use and stopped when the process's tests end.
//
// initdb and postgres refuse to run as root, so under root (CI) both run as
// `nobody` (setpriv) in a fresh folder under /tmp, on a free port of
// 127.0.0.1, with password (SCRAM) authentication over TCP; the password is
// random and sits in a .pgpass-format file only the test process can read,
// the way an operator gives it to fieldnotes-server. Each test case takes a
// fresh database (NewDatabase). Without the PostgreSQL server binaries the
// test fails, loudly: it never skips.
//
// The server_tests binary runs on PostgreSQL when FIELDNOTES_TEST_BACKEND is
// "postgresql" (CTest's server_postgresql): ServerFixture then puts its
// server on a fresh database here.
#ifndef FIELDNOTES_TESTS_SERVER_PG_CLUSTER_H_
#define FIELDNOTES_TESTS_SERVER_PG_CLUSTER_H_

#include <cstdint>
#include <string>

namespace fieldnotes::testing {

// True when FIELDNOTES_TEST_BACKEND=postgresql.
bool OnPostgres();

class PgCluster {
 public:
  // The process's cluster, started on the first call (fails the test when
  // it cannot be).
  static PgCluster& Get();
  // Stops the cluster if one was started (the global fixture calls it).
  static void ShutDown();

  uint16_t port() const { return port_; }
  const std::string& password_file() const { return password_file_; }
  const std::string& bin_dir() const { return bin_; }

  // A new empty database; its URL, postgresql://fieldnotes@127.0.0.1:PORT/NAME.
  std::string NewDatabase();
  // The libpq connection string of database `name` (password from the file).
  std::string Conninfo(const std::string& name) const;
  // The database name in a URL from NewDatabase.
  static std::string NameOf(const std::string& url);

  // Runs `sql` (one or more statements) on database `name`.
  void Exec(const std::string& name, const std::string& sql);
  // Every row of `sql`'s result, cells joined with '|', rows with '\n'.
  std::string Query(const std::string& name, const std::string& sql);
  // pg_dump of database `name` (plain SQL, data included).
  std::string Dump(const std::string& name);

  // Stops PostgreSQL (fast shutdown: connections are cut) and starts it
  // again on the same port and data.
  void Stop();
  void Start();

  ~PgCluster();

 private:
  PgCluster();
  std::string Tool(const std::string& name) const { return bin_ + "/" + name; }

  std::string bin_;
  std::string dir_;
  std::string data_;
  std::string password_file_;
  uint16_t port_ = 0;
  int databases_ = 0;
  bool running_ = false;
};

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_SERVER_PG_CLUSTER_H_
