#include "server/config.h"

#include <sstream>
#include <vector>

#include <Poco/AutoPtr.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Util/AbstractConfiguration.h>
#include <Poco/Util/LayeredConfiguration.h>
#include <Poco/Util/MapConfiguration.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "core/i18n.h"
#include "server/password.h"

namespace fieldnotes::server {
namespace {

using core::Result;
using core::Status;

struct IntKey {
  const char* key;
  int ServerConfig::*member;
  int64_t min;
  int64_t max;
  const char* comment;
};
struct LongKey {
  const char* key;
  int64_t ServerConfig::*member;
  int64_t min;
  int64_t max;
  const char* comment;
};

constexpr int64_t kDay = 86400;

const IntKey kIntKeys[] = {
    {"server.port", &ServerConfig::port, 0, 65535, "TCP port (0: any free port)"},
    {"storage.sessions", &ServerConfig::db_sessions, 1, 256, "database connections"},
    {"http.max_threads", &ServerConfig::max_threads, 4, 4096,
     "worker threads; a connection holds one only while a request is served"},
    {"http.max_queued", &ServerConfig::max_queued, 1, 65536,
     "requests (whole heads) waiting for a worker; 503 beyond"},
    {"http.keep_alive_timeout_seconds", &ServerConfig::keep_alive_timeout_seconds, 1, 300,
     "an idle keep-alive connection is closed after this"},
    {"http.max_keep_alive_requests", &ServerConfig::max_keep_alive_requests, 0, 1000000,
     "requests per connection (0: unlimited)"},
    {"http.timeout_seconds", &ServerConfig::timeout_seconds, 1, 600,
     "a response the client stops reading for this long is dropped"},
    {"http.handshake_timeout_seconds", &ServerConfig::handshake_timeout_seconds, 1, 300,
     "the TLS handshake must end within this of the connection"},
    {"http.header_timeout_seconds", &ServerConfig::header_timeout_seconds, 1, 300,
     "a request's whole head must arrive within this (408 and closed)"},
    {"http.body_timeout_seconds", &ServerConfig::body_timeout_seconds, 1, 300,
     "a body gets this long plus its size at the minimum rate"},
    {"http.body_min_bytes_per_second", &ServerConfig::body_min_bytes_per_second, 1, 1 << 30,
     "the slowest average rate a body may arrive at after its grace"},
    {"http.max_connections", &ServerConfig::max_connections, 16, 1000000,
     "open connections at once; more are closed when accepted"},
    {"http.max_connections_per_address", &ServerConfig::max_connections_per_address, 0, 1000000,
     "open connections from one IP address (0: no cap; behind a TCP balancer)"},
    {"reports.purge_interval_seconds", &ServerConfig::purge_interval_seconds, 1, 86400,
     "how often expired reports are purged"},
    {"reports.envelope_cache_mib", &ServerConfig::envelope_cache_mib, 0, 65536,
     "MiB of downloaded (sealed) envelopes kept in memory for the next download; 0: none"},
    {"auth.scrypt_log2_n", &ServerConfig::scrypt_log2_n, PasswordHasher::kMinLog2N,
     PasswordHasher::kMaxLog2N, "password hash cost N = 2^this (r=8, p=1); 17 = 128 MiB"},
    {"auth.max_concurrent_hashes", &ServerConfig::max_concurrent_hashes, 1, 64,
     "password hashes computed at once"},
};

const LongKey kLongKeys[] = {
    {"limits.max_envelope_bytes", &ServerConfig::max_envelope_bytes, 1024, 64 << 20,
     "largest report envelope accepted (413 above)"},
    {"limits.link_quota_reports", &ServerConfig::link_quota_reports, 1, 10000,
     "stored reports per link"},
    {"limits.link_quota_bytes", &ServerConfig::link_quota_bytes, 1024, int64_t{1} << 34,
     "stored envelope bytes per link"},
    {"reports.default_retention_days", &ServerConfig::default_retention_days, 1, 3650,
     "expiry of a report uploaded without one"},
    {"reports.max_retention_days", &ServerConfig::max_retention_days, 1, 3650,
     "latest expiry a client may ask for"},
    {"auth.session_idle_seconds", &ServerConfig::session_idle_seconds, 60, 30 * kDay,
     "a session unused this long ends"},
    {"auth.session_absolute_seconds", &ServerConfig::session_absolute_seconds, 60, 90 * kDay,
     "a session ends this long after login"},
    {"auth.session_touch_seconds", &ServerConfig::session_touch_seconds, 1, 3600,
     "granularity of the idle clock (one write per session per this)"},
    {"auth.invite_ttl_seconds", &ServerConfig::invite_ttl_seconds, 60, 30 * kDay,
     "an invite code expires after this"},
    {"throttle.login_address_limit", &ServerConfig::login_address_limit, 1, 1000000,
     "failed logins from one address per window before 429"},
    {"throttle.login_address_window_seconds", &ServerConfig::login_address_window_seconds, 1, kDay,
     "window of the per-address login limit"},
    {"throttle.login_account_limit", &ServerConfig::login_account_limit, 1, 1000000,
     "failed logins in a row for one account before 429"},
    {"throttle.login_account_window_seconds", &ServerConfig::login_account_window_seconds, 1, kDay,
     "window of the per-account login limit"},
    {"throttle.pair_address_limit", &ServerConfig::pair_address_limit, 1, 1000000,
     "failed invite redemptions from one address per window before 429"},
    {"throttle.pair_address_window_seconds", &ServerConfig::pair_address_window_seconds, 1, kDay,
     "window of the per-address pairing limit"},
};

struct TextKey {
  const char* key;
  std::string ServerConfig::*member;
  const char* comment;
  bool is_path;
};

const TextKey kTextKeys[] = {
    {"server.address", &ServerConfig::address, "address to listen on (0.0.0.0: all)", false},
    {"tls.certificate", &ServerConfig::certificate_file, "PEM certificate (chain)", true},
    {"tls.private_key", &ServerConfig::private_key_file, "PEM private key", true},
    {"storage.database", &ServerConfig::database_file, "SQLite database file", true},
    {"database.url", &ServerConfig::database_url,
     "PostgreSQL instead of SQLite: postgresql://USER@HOST:PORT/DB (empty: SQLite)", false},
    {"database.password_file", &ServerConfig::database_password_file,
     "PostgreSQL password in .pgpass format, mode 0600 (empty: PGPASSFILE or ~/.pgpass)", true},
    {"log.file", &ServerConfig::log_file, "log file (empty: stderr)", true},
    {"log.level", &ServerConfig::log_level,
     "fatal, critical, error, warning, notice, information, debug", false},
};

std::string Resolve(const std::string& dir, const std::string& value) {
  if (value.empty()) return value;
  Poco::Path p(value);
  if (p.isAbsolute()) return value;
  return Poco::Path(Poco::Path(dir).makeDirectory(), p).toString();
}

}  // namespace

ServerConfig DefaultConfig(const std::string& dir) {
  ServerConfig c;
  c.dir = Poco::Path(dir).absolute().toString();
  c.certificate_file = Resolve(c.dir, kCertFileName);
  c.private_key_file = Resolve(c.dir, kKeyFileName);
  c.database_file = Resolve(c.dir, kDatabaseFileName);
  return c;
}

Result<ServerConfig> LoadConfig(const Poco::Util::AbstractConfiguration& conf,
                                const std::string& dir) {
  ServerConfig c = DefaultConfig(dir);
  const std::string prefix = "fieldnotes.";
  try {
    for (const IntKey& k : kIntKeys) {
      const int64_t v = conf.getInt64(prefix + k.key, c.*k.member);
      if (v < k.min || v > k.max) {
        return Status::InvalidArgument(
            // TRANSLATORS: %1 is a configuration key, %2 and %3 its smallest
            // and largest value.
            core::Format(core::Tr("%1 must be in [%2, %3]"), k.key, k.min, k.max));
      }
      c.*k.member = static_cast<int>(v);
    }
    for (const LongKey& k : kLongKeys) {
      const int64_t v = conf.getInt64(prefix + k.key, c.*k.member);
      if (v < k.min || v > k.max) {
        return Status::InvalidArgument(
            // TRANSLATORS: %1 is a configuration key, %2 and %3 its smallest
            // and largest value.
            core::Format(core::Tr("%1 must be in [%2, %3]"), k.key, k.min, k.max));
      }
      c.*k.member = v;
    }
    for (const TextKey& k : kTextKeys) {
      std::string v = conf.getString(prefix + k.key, c.*k.member);
      c.*k.member = k.is_path ? Resolve(c.dir, v) : v;
    }
  } catch (const Poco::Exception& e) {
    // TRANSLATORS: %1 is what is wrong with the configuration file (the configuration reader's
    // message, in English).
    return Status::InvalidArgument(core::Format(core::Tr("configuration: %1"), e.displayText()));
  }
  if (c.max_retention_days < c.default_retention_days) {
    return Status::InvalidArgument(
        core::Tr("reports.max_retention_days is below the default retention"));
  }
  return c;
}

Result<ServerConfig> LoadConfigFromDir(
    const std::string& dir, const std::vector<std::pair<std::string, std::string>>& overrides) {
  const std::string file = Resolve(Poco::Path(dir).absolute().toString(), kConfigFileName);
  Poco::AutoPtr<Poco::Util::LayeredConfiguration> layered(new Poco::Util::LayeredConfiguration);
  try {
    if (!Poco::File(file).exists()) {
      return Status::InvalidArgument(core::Format(
          // TRANSLATORS: %1 is the configuration file, %2 the folder given; the command is typed as
          // it is.
          core::Tr("%1 does not exist (run: fieldnotes-server init --dir %2)"), file, dir));
    }
    Poco::AutoPtr<Poco::Util::MapConfiguration> map(new Poco::Util::MapConfiguration);
    for (const auto& [key, value] : overrides) map->setString(key, value);
    layered->add(map, -100);
    layered->add(new Poco::Util::PropertyFileConfiguration(file), 0);
  } catch (const Poco::Exception& e) {
    return Status::InvalidArgument(
        // TRANSLATORS: %1 is the configuration file, %2 the reader's reason (in English).
        core::Format(core::Tr("cannot read %1: %2"), file, e.displayText()));
  }
  return LoadConfig(*layered, dir);
}

std::string DefaultConfigText(int port, const std::string& database_url,
                              const std::string& password_file) {
  ServerConfig c;
  c.port = port;
  std::ostringstream out;
  out << "# fieldnotes-server configuration (docs/server.md). Relative paths are\n"
         "# relative to this file's folder. Any key can be overridden on the command\n"
         "# line: fieldnotes-server run --dir DIR --set fieldnotes.KEY=VALUE\n";
  for (const TextKey& k : kTextKeys) {
    std::string v = c.*k.member;
    if (std::string(k.key) == "tls.certificate") v = kCertFileName;
    if (std::string(k.key) == "tls.private_key") v = kKeyFileName;
    if (std::string(k.key) == "storage.database") v = kDatabaseFileName;
    if (std::string(k.key) == "database.url") v = database_url;
    if (std::string(k.key) == "database.password_file") v = password_file;
    out << "\n# " << k.comment << "\nfieldnotes." << k.key << " = " << v << "\n";
  }
  for (const IntKey& k : kIntKeys) {
    out << "\n# " << k.comment << " [" << k.min << ", " << k.max << "]\nfieldnotes." << k.key
        << " = " << c.*k.member << "\n";
  }
  for (const LongKey& k : kLongKeys) {
    out << "\n# " << k.comment << " [" << k.min << ", " << k.max << "]\nfieldnotes." << k.key
        << " = " << c.*k.member << "\n";
  }
  return out.str();
}

}  // namespace fieldnotes::server
