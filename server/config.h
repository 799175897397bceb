// The server's configuration: DIR/fieldnotes-server.properties (written by
// `init`), overridable on the command line with --set key=value. Every key,
// its default and its range is in docs/server.md; the defaults are here.
#ifndef FIELDNOTES_SERVER_CONFIG_H_
#define FIELDNOTES_SERVER_CONFIG_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace Poco::Util {
class AbstractConfiguration;
}

namespace fieldnotes::server {

inline constexpr char kConfigFileName[] = "fieldnotes-server.properties";
inline constexpr char kCaFileName[] = "ca.pem";
inline constexpr char kCertFileName[] = "server-cert.pem";
inline constexpr char kKeyFileName[] = "server-key.pem";
inline constexpr char kDatabaseFileName[] = "fieldnotes-server.db";
inline constexpr int kDefaultPort = 8443;

struct ServerConfig {
  // [server]
  std::string dir;  // everything relative is relative to it
  std::string address = "127.0.0.1";
  int port = kDefaultPort;  // 0: any free port (tests)
  // [tls]
  std::string certificate_file;  // absolute after Load
  std::string private_key_file;
  // [storage]
  std::string database_file;  // SQLite, unless database_url is set
  int db_sessions = 16;
  // [database] PostgreSQL: postgresql://USER@HOST:PORT/DB (docs/server.md).
  // The password is never here: libpq reads it from PGPASSFILE, or from
  // database_password_file (the same .pgpass format, mode 0600).
  std::string database_url;
  std::string database_password_file;
  // [http] Workers serve requests whose head has arrived; the reactor
  // thread holds every other connection (docs/server.md, "Connections,
  // deadlines and caps").
  int max_threads = 128;
  int max_queued = 256;
  int keep_alive_timeout_seconds = 5;
  int max_keep_alive_requests = 0;  // 0: unlimited
  int timeout_seconds = 15;         // a send the client does not take for this long fails
  int handshake_timeout_seconds = 10;
  int header_timeout_seconds = 10;  // the whole request head
  int body_timeout_seconds = 10;    // grace before the minimum body rate counts
  int body_min_bytes_per_second = 4096;
  int max_connections = 4096;
  int max_connections_per_address = 128;  // 0: no cap
  // [limits]
  int64_t max_envelope_bytes = 1 << 20;
  int64_t link_quota_reports = 16;
  int64_t link_quota_bytes = 16 << 20;
  // [reports]
  int64_t default_retention_days = 30;
  int64_t max_retention_days = 90;
  int purge_interval_seconds = 60;
  int envelope_cache_mib = 64;  // downloaded envelopes kept in memory; 0: none
  // [auth]
  int scrypt_log2_n = 17;  // production default; tests use 10
  int max_concurrent_hashes = 2;
  int64_t session_idle_seconds = int64_t{30} * 60;
  int64_t session_absolute_seconds = int64_t{12} * 3600;
  int64_t session_touch_seconds = 60;  // granularity of the idle clock
  int64_t invite_ttl_seconds = int64_t{24} * 3600;
  // [throttle]
  int64_t login_address_limit = 10;
  int64_t login_address_window_seconds = 60;
  int64_t login_account_limit = 100;
  int64_t login_account_window_seconds = int64_t{15} * 60;
  int64_t pair_address_limit = 10;
  int64_t pair_address_window_seconds = 60;
  // [log]
  std::string log_file;  // empty: stderr
  std::string log_level = "information";
};

// Reads the keys under "fieldnotes." from `conf`, resolving relative paths
// against `dir`. InvalidArgument naming the key for a value out of range.
core::Result<ServerConfig> LoadConfig(const Poco::Util::AbstractConfiguration& conf,
                                      const std::string& dir);

// Reads DIR/fieldnotes-server.properties, then applies `overrides`
// ("fieldnotes.http.max_threads" -> "256"). InvalidArgument when the file is
// missing or unreadable, or a value is out of range.
core::Result<ServerConfig> LoadConfigFromDir(
    const std::string& dir, const std::vector<std::pair<std::string, std::string>>& overrides);

// The text of a fresh DIR/fieldnotes-server.properties: every key with its
// default and a comment; `database_url` and `password_file` set when given.
std::string DefaultConfigText(int port, const std::string& database_url = "",
                              const std::string& password_file = "");

// A configuration for `dir` with the defaults and the standard file names,
// without reading anything (tests, init).
ServerConfig DefaultConfig(const std::string& dir);

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_CONFIG_H_
