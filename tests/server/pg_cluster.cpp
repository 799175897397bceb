#include "pg_cluster.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>

#include <boost/test/unit_test.hpp>

#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/File.h>
#include <Poco/Glob.h>

#include "core/crypto.h"
#include "subprocess.h"

using namespace Poco::Data::Keywords;

namespace fieldnotes::testing {
namespace {

std::unique_ptr<PgCluster>* g_cluster = nullptr;
std::mutex g_mu;

// The PostgreSQL server binaries: FIELDNOTES_PG_BINDIR, or the newest
// /usr/lib/postgresql/N/bin (Debian's layout).
std::string FindBinDir() {
  if (const char* dir = std::getenv("FIELDNOTES_PG_BINDIR"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  std::set<std::string> found;
  Poco::Glob::glob("/usr/lib/postgresql/*/bin/initdb", found);
  if (found.empty()) return "";
  const std::string initdb = *found.rbegin();
  return initdb.substr(0, initdb.size() - std::string("/initdb").size());
}

uint16_t FreePort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  BOOST_REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  BOOST_REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  socklen_t len = sizeof addr;
  BOOST_REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// As the unprivileged user when we are root.
RunResult RunAsPostgresUser(const std::string& program, std::vector<std::string> args,
                            int timeout_seconds = 120) {
  if (::geteuid() != 0) return Run(program, args, "", timeout_seconds);
  std::vector<std::string> all = {"--reuid=nobody", "--regid=nogroup", "--clear-groups", program};
  all.insert(all.end(), args.begin(), args.end());
  return Run("/usr/bin/setpriv", all, "", timeout_seconds);
}

}  // namespace

bool OnPostgres() {
  const char* backend = std::getenv("FIELDNOTES_TEST_BACKEND");
  return backend != nullptr && std::string(backend) == "postgresql";
}

PgCluster& PgCluster::Get() {
  std::lock_guard<std::mutex> lock(g_mu);
  if (g_cluster == nullptr) g_cluster = new std::unique_ptr<PgCluster>(new PgCluster());
  return **g_cluster;
}

void PgCluster::ShutDown() {
  std::lock_guard<std::mutex> lock(g_mu);
  if (g_cluster != nullptr) {
    g_cluster->reset();
    delete g_cluster;
    g_cluster = nullptr;
  }
}

PgCluster::PgCluster() {
  bin_ = FindBinDir();
  BOOST_REQUIRE_MESSAGE(!bin_.empty() && Poco::File(bin_ + "/postgres").exists(),
                        "PostgreSQL server binaries not found (postgresql-15, "
                        "packaging/install-deps.sh; or set FIELDNOTES_PG_BINDIR): the PostgreSQL "
                        "tests cannot run");
  std::string pattern = "/tmp/fieldnotes-pg-XXXXXX";
  BOOST_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  dir_ = pattern;
  data_ = dir_ + "/data";
  if (::geteuid() == 0) {
    BOOST_REQUIRE(Run("/bin/chown", {"nobody:nogroup", dir_}).exit_code == 0);
  }
  std::array<uint8_t, 16> random{};
  BOOST_REQUIRE(core::crypto::RandomBytes(random).ok());
  const std::string password = core::crypto::HexEncode(random);
  // initdb reads the superuser's password from a file the postgres user
  // can read; it goes away right after.
  const std::string initial = dir_ + "/initial-password";
  {
    std::ofstream f(initial);
    f << password << "\n";
  }
  if (::geteuid() == 0) Run("/bin/chown", {"nobody:nogroup", initial});
  RunResult init = RunAsPostgresUser(
      Tool("initdb"), {"-D", data_, "-U", "fieldnotes", "--pwfile=" + initial, "-E", "UTF8",
                       "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256", "-N"});
  Poco::File(initial).remove();
  BOOST_REQUIRE_MESSAGE(init.exit_code == 0, "initdb failed: " + init.err);
  port_ = FreePort();
  // The client side: a .pgpass only this process's user can read (libpq
  // ignores one that others can).
  password_file_ = dir_ + "/client.pgpass";
  {
    std::ofstream f(password_file_);
    f << "127.0.0.1:" << port_ << ":*:fieldnotes:" << password << "\n";
  }
  ::chmod(password_file_.c_str(), 0600);
  Start();
  Poco::Data::PostgreSQL::Connector::registerConnector();
}

PgCluster::~PgCluster() {
  if (running_) {
    RunAsPostgresUser(Tool("pg_ctl"), {"-D", data_, "-m", "immediate", "-w", "stop"});
  }
  try {
    Poco::File(dir_).remove(true);
  } catch (...) {
  }
}

void PgCluster::Start() {
  const std::string options = "-p " + std::to_string(port_) + " -k " + dir_ +
                              " -c listen_addresses=127.0.0.1 -c fsync=off "
                              "-c synchronous_commit=on -c max_connections=300 "
                              "-c shared_buffers=32MB";
  RunResult started = RunAsPostgresUser(
      Tool("pg_ctl"), {"-D", data_, "-l", dir_ + "/postgres.log", "-o", options, "-w", "start"});
  BOOST_REQUIRE_MESSAGE(started.exit_code == 0, "postgres did not start: " + started.err);
  running_ = true;
}

void PgCluster::Stop() {
  RunResult stopped = RunAsPostgresUser(Tool("pg_ctl"), {"-D", data_, "-m", "fast", "-w", "stop"});
  BOOST_REQUIRE_MESSAGE(stopped.exit_code == 0, "postgres did not stop: " + stopped.err);
  running_ = false;
}

std::string PgCluster::Conninfo(const std::string& name) const {
  return "host=127.0.0.1 port=" + std::to_string(port_) + " dbname=" + name +
         " user=fieldnotes passfile=" + password_file_;
}

std::string PgCluster::NameOf(const std::string& url) { return url.substr(url.rfind('/') + 1); }

std::string PgCluster::NewDatabase() {
  const std::string name =
      "fieldnotes_" + std::to_string(::getpid()) + "_" + std::to_string(++databases_);
  Exec("postgres", "CREATE DATABASE " + name);
  return "postgresql://fieldnotes@127.0.0.1:" + std::to_string(port_) + "/" + name;
}

void PgCluster::Exec(const std::string& name, const std::string& sql) {
  Poco::Data::Session s("PostgreSQL", Conninfo(name));
  s << sql, now;
}

std::string PgCluster::Query(const std::string& name, const std::string& sql) {
  Poco::Data::Session s("PostgreSQL", Conninfo(name));
  Poco::Data::Statement select(s);
  select << sql, now;
  Poco::Data::RecordSet rows(select);
  std::string out;
  for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
    for (size_t i = 0; i < rows.columnCount(); ++i) {
      const Poco::Dynamic::Var v = rows[i];
      out += v.isEmpty() ? std::string("NULL") : v.convert<std::string>();
      out += "|";
    }
    out += "\n";
  }
  return out;
}

std::string PgCluster::Dump(const std::string& name) {
  RunResult dump = Run(Tool("pg_dump"), {"--dbname=" + Conninfo(name), "--data-only"});
  BOOST_REQUIRE_MESSAGE(dump.exit_code == 0, "pg_dump failed: " + dump.err);
  return dump.out;
}

namespace {

// Stops the cluster when the test process's tests are done.
struct PgClusterShutDown {
  ~PgClusterShutDown() { PgCluster::ShutDown(); }
};
BOOST_TEST_GLOBAL_FIXTURE(PgClusterShutDown);

}  // namespace

}  // namespace fieldnotes::testing
