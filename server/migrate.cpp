// admin migrate: a SQLite server's database copied whole into PostgreSQL
// (commands.h, docs/operations.md "Moving to PostgreSQL").
#include <algorithm>
#include <fstream>
#include <iostream>

#include <Poco/Data/LOB.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/Tuple.h>

#include "core/i18n.h"
#include "core/clock.h"
#include "server/audit_chain.h"
#include "server/commands.h"
#include "server/config.h"
#include "server/pg_storage.h"
#include "server/sqlite_storage.h"

using namespace Poco::Data::Keywords;

namespace fieldnotes::server {
namespace {

// Stands for NULL in the text copy of a row (no stored value holds it).
constexpr char kNull[] = "\x01";

struct Table {
  const char* name;
  const char* columns;  // in order; the numbers are the BIGINT ones
  std::vector<int> numbers;
  const char* order;
};

// Parents before children (the foreign keys). meta is written apart: its
// schema_version is the target's own.
const Table kTables[] = {
    {"clinicians", "id, email, password_hash, disabled, created_at", {3, 4}, "id"},
    {"clinician_keys",
     "clinician_id, version, x25519, ed25519, created_at",
     {1, 4},
     "clinician_id, version"},
    {"sessions",
     "token_hash, clinician_id, created_at, last_seen, expires_at",
     {2, 3, 4},
     "token_hash"},
    {"invites",
     "code_hash, clinician_id, created_at, expires_at, used_at, id",
     {2, 3, 4},
     "code_hash"},
    {"links",
     "client_id, clinician_id, credential_hash, client_key, created_at, ended_at, invite_id",
     {4, 5},
     "client_id"},
    {"reports",
     "id, client_id, period_end, size, sha256, uploaded_at, expires_at, downloaded_at, opened_at, "
     "withdrawn_at, expired_at",
     {3, 5, 6, 7, 8, 9, 10},
     "id"},
    {"throttle", "name, count, window_start, last_failure", {1, 2, 3}, "name"},
    {"audit", "seq, at, actor, action, object, prev_hash, hash", {0, 1}, "seq"},
};

std::vector<std::string> Split(const std::string& columns) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < columns.size()) {
    size_t comma = columns.find(',', start);
    if (comma == std::string::npos) comma = columns.size();
    std::string c = columns.substr(start, comma - start);
    while (!c.empty() && c.front() == ' ') c.erase(0, 1);
    out.push_back(c);
    start = comma + 1;
  }
  return out;
}

int64_t Count(Poco::Data::Session& s, const std::string& table) {
  Poco::Int64 n = 0;
  s << "SELECT COUNT(*) FROM " + table, into(n), now;
  return n;
}

// Copies one table row by row; returns the rows copied.
int64_t CopyTable(Poco::Data::Session& from, Poco::Data::Session& to, const Table& t) {
  const std::vector<std::string> columns = Split(t.columns);
  std::string select = "SELECT ",
              insert = std::string("INSERT INTO ") + t.name + " (" + t.columns + ") VALUES (";
  for (size_t i = 0; i < columns.size(); ++i) {
    const bool number =
        std::find(t.numbers.begin(), t.numbers.end(), static_cast<int>(i)) != t.numbers.end();
    select += (i ? ", " : "") + std::string("CASE WHEN ") + columns[i] + " IS NULL THEN char(1) " +
              "ELSE CAST(" + columns[i] + " AS TEXT) END";
    insert += (i ? ", " : "") + std::string("NULLIF($") + std::to_string(i + 1) + ", chr(1))" +
              (number ? "::BIGINT" : "");
  }
  select += std::string(" FROM ") + t.name + " ORDER BY " + t.order;
  insert += ")";
  Poco::Data::Statement query(from);
  query << select, now;
  Poco::Data::RecordSet rows(query);
  int64_t copied = 0;
  for (bool more = rows.moveFirst(); more; more = rows.moveNext()) {
    std::vector<std::string> values;
    for (size_t i = 0; i < columns.size(); ++i) {
      values.push_back(rows[i].convert<std::string>());
    }
    Poco::Data::Statement put(to);
    put << insert;
    for (const std::string& v : values) put, bind(v);
    put.execute();
    ++copied;
  }
  return copied;
}

int64_t CopyEnvelopes(Poco::Data::Session& from, Poco::Data::Session& to) {
  std::vector<std::string> ids;
  from << "SELECT report_id FROM envelopes ORDER BY report_id", into(ids), now;
  for (const std::string& id : ids) {
    Poco::Data::BLOB bytes;
    from << "SELECT bytes FROM envelopes WHERE report_id = ?", bind(id), into(bytes), now;
    to << "INSERT INTO envelopes (report_id, bytes) VALUES ($1, $2)", bind(id), use(bytes), now;
  }
  return static_cast<int64_t>(ids.size());
}

}  // namespace

int MigrateCommand(const std::string& dir, const std::string& to_url, const Overrides& overrides,
                   std::ostream& out, std::ostream& err) {
  if (dir.empty() || to_url.empty()) {
    err << core::Tr(
        "usage: fieldnotes-server admin migrate --dir DIR --to postgresql://USER@HOST:PORT/DB\n");
    return kExitUsage;
  }
  auto config = LoadConfigFromDir(dir, overrides);
  if (!config.ok()) {
    err << "admin migrate: " << config.status().message() << "\n";
    return kExitConfig;
  }
  if (!config->database_url.empty()) {
    err << "admin migrate: "
        // TRANSLATORS: %1 is the server's folder, %2 a PostgreSQL URL.
        << core::Format(core::Tr("%1 already uses %2"), dir, config->database_url) << "\n";
    return kExitConfig;
  }
  if (!Poco::File(config->database_file).exists()) {
    // TRANSLATORS: %1 is the path of the server's SQLite database file.
    err << "admin migrate: " << core::Format(core::Tr("no database at %1"), config->database_file)
        << "\n";
    return kExitNoInput;
  }
  auto conninfo = PgConninfoFromUrl(to_url, config->database_password_file);
  if (!conninfo.ok()) {
    err << "admin migrate: " << conninfo.status().message() << "\n";
    return kExitUsage;
  }
  // Opening brings an older SQLite schema up to this build's first.
  {
    auto source = SqliteStorage::Open(config->database_file, 1);
    if (!source.ok()) {
      err << "admin migrate: " << source.status().ToString() << "\n";
      return kExitIoError;
    }
    const auto records = (*source)->ReadAudit();
    if (auto v = VerifyAuditChain(records, (*source)->AuditHead()); !v.ok()) {
      err << "admin migrate: "
          // TRANSLATORS: %1 is what is wrong with the audit log's chain of records.
          << core::Format(core::Tr("the SQLite audit log does not verify: %1"), v.message())
          << "\n";
      return kExitDataError;
    }
  }
  auto target = PgStorage::Open(*conninfo, 1);
  if (!target.ok()) {
    err << "admin migrate: " << target.status().ToString() << "\n";
    return kExitIoError;
  }
  std::vector<std::pair<std::string, int64_t>> copied;
  try {
    if (!(*target)->IsEmpty()) {
      err << "admin migrate: "
          // TRANSLATORS: %1 is a PostgreSQL URL.
          << core::Format(core::Tr("%1 holds a server already; refusing to mix two"), to_url)
          << "\n";
      return kExitCantCreate;
    }
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session from("SQLite", config->database_file);
    from << "BEGIN", now;  // one snapshot of the whole file
    const int status = (*target)->pool().With([&](Poco::Data::Session& to) -> int {
      PgTransaction tx(to);
      for (const Table& t : kTables) {
        const int64_t n = CopyTable(from, to, t);
        if (n != Count(from, t.name) || n != Count(to, t.name)) {
          // TRANSLATORS: %1 is a database table's name.
          err << "admin migrate: " << core::Format(core::Tr("%1 did not copy whole"), t.name)
              << "\n";
          return kExitDataError;
        }
        copied.emplace_back(t.name, n);
      }
      const int64_t envelopes = CopyEnvelopes(from, to);
      copied.emplace_back("envelopes", envelopes);
      std::string head;
      from << "SELECT COALESCE((SELECT value FROM meta WHERE name = 'audit_head'), '')", into(head),
          now;
      if (!head.empty()) {
        to << "INSERT INTO meta (name, value) VALUES ('audit_head', $1) ON CONFLICT (name) DO "
              "UPDATE SET value = EXCLUDED.value",
            bind(head), now;
      }
      // The copy, read back from PostgreSQL, must verify before it counts.
      std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, std::string, std::string, std::string,
                              std::string, std::string>>
          rows;
      to << "SELECT seq, at, actor, action, object, prev_hash, hash FROM audit ORDER BY seq",
          into(rows), now;
      std::vector<AuditRecord> chain;
      chain.reserve(rows.size());
      for (const auto& r : rows) {
        chain.push_back(AuditRecord{r.get<0>(),
                                    AuditEvent{r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>()},
                                    r.get<5>(), r.get<6>()});
      }
      const size_t colon = head.find(':');
      const std::pair<int64_t, std::string> head_pair =
          colon == std::string::npos
              ? std::pair<int64_t, std::string>{0, ""}
              : std::pair<int64_t, std::string>{std::stoll(head.substr(0, colon)),
                                                head.substr(colon + 1)};
      if (auto v = VerifyAuditChain(chain, head_pair); !v.ok()) {
        err << "admin migrate: "
            // TRANSLATORS: %1 is what is wrong with the copied audit log's chain of records.
            << core::Format(core::Tr("the copied audit log does not verify: %1"), v.message())
            << "\n";
        return kExitDataError;
      }
      tx.Commit();
      return kExitOk;
    });
    from << "ROLLBACK", now;
    if (status != kExitOk) return status;
    (*target)->AppendAudit(AuditEvent{core::SystemClock::Instance().Now().unix_seconds, "operator",
                                      "migrate", "from:sqlite"});
  } catch (const Poco::Exception& e) {
    err << "admin migrate: " << core::Format(core::Tr("database error: %1"), e.displayText())
        << "\n";
    return kExitIoError;
  }
  // The configuration now names PostgreSQL; the last value of a key wins.
  const std::string config_file =
      Poco::Path(Poco::Path(config->dir).makeDirectory(), kConfigFileName).toString();
  {
    std::ofstream file(config_file, std::ios::app);
    file << "\n# admin migrate: the database moved to PostgreSQL; " << kDatabaseFileName
         << " is the copy it came from\nfieldnotes.database.url = " << to_url << "\n";
    if (!file) {
      err << "admin migrate: "
          // TRANSLATORS: %1 is the configuration file, %2 a PostgreSQL URL;
          // "fieldnotes.database.url = %2" is typed as it is.
          << core::Format(core::Tr("copied, but cannot write %1; set fieldnotes.database.url = %2 "
                                   "there yourself"),
                          config_file, to_url)
          << "\n";
      return kExitIoError;
    }
  }
  // TRANSLATORS: %1 is the SQLite database file, %2 a PostgreSQL URL; the tables and their numbers
  // of rows follow.
  out << core::Format(core::Tr("migrated %1 to %2"), config->database_file, to_url) << "\n";
  for (const auto& [table, n] : copied) out << "  " << table << "  " << n << "\n";
  // TRANSLATORS: %1 is the configuration file, which now names the PostgreSQL database.
  out << core::Format(core::Tr("the audit log verifies; %1 now names PostgreSQL"), config_file)
      << "\n";
  return kExitOk;
}

}  // namespace fieldnotes::server
