// PgStorage: opening, the schema, the audit chain, purging, what the
// listener's notifications drop from memory, and connection strings.
// The other methods are in pg_accounts.cpp, pg_pairing.cpp, pg_reports.cpp.
#include "server/pg_storage.h"

#include <chrono>
#include <condition_variable>
#include <exception>

#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Tuple.h>
#include <Poco/URI.h>

#include "server/audit_chain.h"
#include "server/pg_exec.h"
#include "server/storage_error.h"

using namespace Poco::Data::Keywords;

namespace fieldnotes::server {
namespace {

constexpr char kSchemaVersion[] = "3";

// The tables of sqlite_storage.cpp, in PostgreSQL's types: BIGINT for every
// number, BYTEA for the envelope. No column for anything from a journal.
const char* const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS clinicians (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, "
    "password_hash TEXT NOT NULL, disabled BIGINT NOT NULL, created_at BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS clinician_keys (clinician_id TEXT NOT NULL REFERENCES "
    "clinicians(id), version BIGINT NOT NULL, x25519 TEXT NOT NULL, ed25519 TEXT NOT NULL, "
    "created_at BIGINT NOT NULL, PRIMARY KEY (clinician_id, version))",
    "CREATE TABLE IF NOT EXISTS sessions (token_hash TEXT PRIMARY KEY, clinician_id TEXT NOT "
    "NULL REFERENCES clinicians(id), created_at BIGINT NOT NULL, last_seen BIGINT NOT NULL, "
    "expires_at BIGINT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS sessions_by_clinician ON sessions (clinician_id)",
    "CREATE TABLE IF NOT EXISTS invites (code_hash TEXT PRIMARY KEY, clinician_id TEXT NOT NULL "
    "REFERENCES clinicians(id), created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, "
    "used_at BIGINT, id TEXT)",
    "CREATE TABLE IF NOT EXISTS links (client_id TEXT PRIMARY KEY, clinician_id TEXT NOT NULL "
    "REFERENCES clinicians(id), credential_hash TEXT NOT NULL UNIQUE, client_key TEXT NOT NULL, "
    "created_at BIGINT NOT NULL, ended_at BIGINT, invite_id TEXT)",
    "CREATE INDEX IF NOT EXISTS links_by_clinician ON links (clinician_id)",
    "CREATE TABLE IF NOT EXISTS reports (id TEXT PRIMARY KEY, client_id TEXT NOT NULL "
    "REFERENCES links(client_id), period_end TEXT NOT NULL, size BIGINT NOT NULL, sha256 TEXT "
    "NOT NULL, uploaded_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, downloaded_at "
    "BIGINT, opened_at BIGINT, withdrawn_at BIGINT, expired_at BIGINT)",
    "CREATE INDEX IF NOT EXISTS reports_by_client ON reports (client_id)",
    "CREATE INDEX IF NOT EXISTS reports_by_expiry ON reports (expires_at)",
    "CREATE TABLE IF NOT EXISTS envelopes (report_id TEXT PRIMARY KEY REFERENCES reports(id), "
    "bytes BYTEA NOT NULL)",
    "CREATE TABLE IF NOT EXISTS throttle (name TEXT PRIMARY KEY, count BIGINT NOT NULL, "
    "window_start BIGINT NOT NULL, last_failure BIGINT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS audit (seq BIGINT PRIMARY KEY, at BIGINT NOT NULL, actor TEXT "
    "NOT NULL, action TEXT NOT NULL, object TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT "
    "NOT NULL)",
};

void SetMeta(Poco::Data::Session& s, const std::string& name, const std::string& value) {
  s << PgSql(
      "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET "
      "value = EXCLUDED.value"),
      bind(name), bind(value), now;
}

std::string GetMeta(Poco::Data::Session& s, const std::string& name) {
  std::vector<std::string> values;
  s << PgSql("SELECT value FROM meta WHERE name = ?"), bind(name), into(values), now;
  return values.empty() ? std::string() : values.front();
}

// One value of a libpq key=value string, quoted.
std::string ConninfoValue(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

}  // namespace

Result<std::string> PgConninfoFromUrl(const std::string& url, const std::string& password_file) {
  Poco::URI uri;
  try {
    uri = Poco::URI(url);
  } catch (const Poco::Exception&) {
    return Status::InvalidArgument("database.url is not a URL");
  }
  if (uri.getScheme() != "postgresql" && uri.getScheme() != "postgres") {
    return Status::InvalidArgument("database.url must start with postgresql://");
  }
  const std::string& user_info = uri.getUserInfo();
  if (user_info.find(':') != std::string::npos) {
    return Status::InvalidArgument(
        "database.url must not hold a password; put it in PGPASSFILE or database.password_file");
  }
  std::string db = uri.getPath();
  if (!db.empty() && db.front() == '/') db.erase(0, 1);
  if (uri.getHost().empty() || db.empty()) {
    return Status::InvalidArgument("database.url needs a host and a database name");
  }
  // Poco's connector splits the string at spaces before libpq sees it.
  for (const std::string& part : {uri.getHost(), db, user_info, password_file}) {
    if (part.find_first_of(" \t\n") != std::string::npos) {
      return Status::InvalidArgument("database.url and database.password_file cannot hold spaces");
    }
  }
  std::string out = "host=" + ConninfoValue(uri.getHost());
  if (uri.getPort() != 0) out += " port=" + std::to_string(uri.getPort());
  out += " dbname=" + ConninfoValue(db);
  if (!user_info.empty()) out += " user=" + ConninfoValue(user_info);
  if (!password_file.empty()) out += " passfile=" + ConninfoValue(password_file);
  // A dead peer is noticed within seconds, not at the kernel's two hours;
  // a start-up against a database that does not answer gives up.
  // PostgreSQL's notices ("relation exists, skipping") are not for the
  // operator's terminal.
  out +=
      " connect_timeout=5 keepalives=1 keepalives_idle=10 keepalives_interval=5 "
      "keepalives_count=3 application_name=fieldnotes-server "
      "options=-cclient_min_messages=warning";
  for (const auto& [key, value] : uri.getQueryParameters()) {
    if (key == "sslmode" || key == "sslrootcert" || key == "sslcert" || key == "sslkey") {
      if (value.find_first_of(" \t\n") != std::string::npos) {
        return Status::InvalidArgument("database.url: " + key + " cannot hold spaces");
      }
      out += " " + key + "=" + ConninfoValue(value);
    } else {
      return Status::InvalidArgument("database.url: unknown parameter " + key);
    }
  }
  return out;
}

PgStorage::PgStorage(const std::string& conninfo, int max_sessions, size_t envelope_cache_bytes)
    : pool_(conninfo, max_sessions),
      envelopes_(envelope_cache_bytes, kEnvelopeCacheSeconds),
      access_(envelope_cache_bytes > 0 ? kMaxGrants : 0),
      caching_(envelope_cache_bytes > 0),
      listener_(conninfo, kChannel, [this](const std::string& payload) { OnNotice(payload); }),
      deferred_([this](const std::vector<AuditEvent>& events) { WriteDeferred(events); }) {}

PgStorage::~PgStorage() {
  deferred_.Stop();
  listener_.Stop();
}

Result<std::unique_ptr<PgStorage>> PgStorage::Open(const std::string& conninfo, int max_sessions,
                                                   size_t envelope_cache_bytes) {
  std::unique_ptr<PgStorage> storage;
  try {
    storage.reset(new PgStorage(conninfo, max_sessions, envelope_cache_bytes));
    FN_RETURN_IF_ERROR(storage->CreateSchema());
  } catch (const StorageUnavailableException& e) {
    return Status::Unavailable(e.message());
  } catch (const Poco::Exception& e) {
    return Status::IoError("cannot open the PostgreSQL database: " + e.displayText());
  }
  if (storage->caching_) storage->listener_.Start();
  storage->deferred_.Start();
  return storage;
}

Status PgStorage::CreateSchema() {
  return pool_.With([&](Poco::Data::Session& s) -> Status {
    // Under the write lock: two processes starting together create the
    // tables once.
    PgTransaction tx(s);
    for (const char* statement : kSchema) s << statement, now;
    const std::string version = GetMeta(s, "schema_version");
    if (version.empty()) {
      SetMeta(s, "schema_version", kSchemaVersion);
    } else if (version == "2") {
      // As on SQLite: version 3 gives invites an id and names the invite
      // each link came from (a database copied from a version 2 server).
      s << "ALTER TABLE invites ADD COLUMN IF NOT EXISTS id TEXT", now;
      s << "ALTER TABLE links ADD COLUMN IF NOT EXISTS invite_id TEXT", now;
      SetMeta(s, "schema_version", kSchemaVersion);
    } else if (version != kSchemaVersion) {
      return Status::Unsupported("database schema version " + version +
                                 " is not one this server knows");
    }
    tx.Commit();
    return Status::Ok();
  });
}

void PgStorage::AuditAppender::Load() {
  if (loaded_) return;
  // The caller holds the write lock, so no other process appends between
  // reading the head and writing the records.
  PgResult head = PgExec(s_, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
  seq_ = head.rows() == 0 ? 0 : head.Int(0, 0);
  hash_ = head.rows() == 0 ? std::string(kGenesisHash) : head.Text(0, 1);
  loaded_ = true;
}

void PgStorage::AuditAppender::AppendAll(const std::vector<AuditEvent>& events) {
  if (events.empty()) return;
  Load();
  // PostgreSQL array literals, each element quoted ("..." with \ and "
  // escaped), unnested into rows by one INSERT.
  std::string seqs = "{", ats = "{", actors = "{", actions = "{", objects = "{", prevs = "{",
              hashes = "{";
  auto quoted = [](std::string& out, const std::string& v) {
    out += '"';
    for (char c : v) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  };
  for (size_t i = 0; i < events.size(); ++i) {
    const AuditEvent& event = events[i];
    const int64_t seq = seq_ + 1;
    const std::string hash = AuditHash(hash_, seq, event);
    const char* sep = i == 0 ? "" : ",";
    seqs += sep + std::to_string(seq);
    ats += sep + std::to_string(event.at);
    actors += sep;
    quoted(actors, event.actor);
    actions += sep;
    quoted(actions, event.action);
    objects += sep;
    quoted(objects, event.object);
    prevs += sep;
    quoted(prevs, hash_);
    hashes += sep;
    quoted(hashes, hash);
    seq_ = seq;
    hash_ = hash;
  }
  for (std::string* a : {&seqs, &ats, &actors, &actions, &objects, &prevs, &hashes}) *a += '}';
  PgExec(s_,
         "INSERT INTO audit (seq, at, actor, action, object, prev_hash, hash) SELECT * FROM "
         "unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], "
         "$7::text[])",
         {seqs, ats, actors, actions, objects, prevs, hashes});
  appended_ = true;
}

void PgStorage::AuditAppender::Append(const AuditEvent& event) {
  Load();
  const int64_t seq = seq_ + 1;
  const std::string hash = AuditHash(hash_, seq, event);
  PgExec(s_,
         "INSERT INTO audit (seq, at, actor, action, object, prev_hash, hash) "
         "VALUES ($1, $2, $3, $4, $5, $6, $7)",
         {std::to_string(seq), std::to_string(event.at), event.actor, event.action, event.object,
          hash_, hash});
  seq_ = seq;
  hash_ = hash;
  appended_ = true;
}

void PgStorage::AuditAppender::Finish() {
  if (!appended_) return;
  // The head lives apart from the log so deleting its newest records shows.
  PgExec(s_,
         "INSERT INTO meta (name, value) VALUES ('audit_head', $1) ON CONFLICT (name) DO UPDATE "
         "SET value = EXCLUDED.value",
         {std::to_string(seq_) + ":" + hash_});
  appended_ = false;
}

void PgStorage::AppendAuditIn(Poco::Data::Session& s, const AuditEvent& event) {
  AuditAppender appender(s);
  appender.Append(event);
  appender.Finish();
}

// A caller of GroupWrite; one per thread, for the thread's life (see
// SqliteStorage::PendingWrite).
struct PgStorage::PendingWrite {
  enum class State { kQueued, kLead, kDone };
  const GroupWork* work = nullptr;
  std::exception_ptr error;
  std::mutex mu;
  std::condition_variable changed;
  State state = State::kQueued;  // guarded by mu

  void Set(State next) {
    {
      std::lock_guard<std::mutex> lock(mu);
      state = next;
    }
    changed.notify_one();
  }
};

void PgStorage::GroupWrite(const GroupWork& work) {
  using State = PendingWrite::State;
  thread_local PendingWrite mine;
  mine.work = &work;
  mine.error = nullptr;
  bool lead = false;
  {
    std::lock_guard<std::mutex> lock(group_mu_);
    group_queue_.push_back(&mine);
    if (!group_leader_) group_leader_ = lead = true;
  }
  if (!lead) {
    std::unique_lock<std::mutex> lock(mine.mu);
    mine.changed.wait(lock, [&] { return mine.state != State::kQueued; });
    lead = mine.state == State::kLead;
    mine.state = State::kQueued;
  }
  if (lead) {
    std::vector<PendingWrite*> batch;
    {
      std::lock_guard<std::mutex> lock(group_mu_);
      batch.swap(group_queue_);
    }
    CommitBatch(batch);
    PendingWrite* next = nullptr;
    {
      std::lock_guard<std::mutex> lock(group_mu_);
      if (group_queue_.empty()) {
        group_leader_ = false;
      } else {
        next = group_queue_.front();
      }
    }
    for (PendingWrite* p : batch) {
      if (p != &mine) p->Set(State::kDone);
    }
    if (next != nullptr) next->Set(State::kLead);
  }
  if (mine.error) {
    std::exception_ptr error = std::move(mine.error);
    mine.error = nullptr;
    std::rethrow_exception(error);
  }
}

void PgStorage::CommitBatch(const std::vector<PendingWrite*>& batch) {
  try {
    pool_.With([&](Poco::Data::Session& s) {
      PgTransaction tx(s);
      AuditAppender audit(s);
      for (PendingWrite* p : batch) (*p->work)(s, audit);
      audit.Finish();
      tx.Commit();
    });
  } catch (...) {
    for (PendingWrite* p : batch) {
      try {
        pool_.With([&](Poco::Data::Session& s) {
          PgTransaction tx(s);
          AuditAppender audit(s);
          (*p->work)(s, audit);
          audit.Finish();
          tx.Commit();
        });
      } catch (...) {
        p->error = std::current_exception();
      }
    }
  }
}

void PgStorage::WriteDeferred(const std::vector<AuditEvent>& events) {
  pool_.With([&](Poco::Data::Session& s) {
    PgTransaction tx(s);
    // Nothing here is waited for by a client: the commit need not wait for
    // the disk (a crash loses at most the newest of these, the chain's
    // prefix stays whole, deferred_audit.h).
    PgExec(s, "SET LOCAL synchronous_commit = off");
    AuditAppender audit(s);
    audit.AppendAll(events);
    audit.Finish();
    tx.Commit();
  });
}

void PgStorage::AppendAudit(const AuditEvent& audit) {
  GroupWrite([&](Poco::Data::Session&, AuditAppender& appender) { appender.Append(audit); });
}

std::vector<AuditRecord> PgStorage::ReadAudit() {
  deferred_.Drain();  // the log as it stands, repeat downloads included
  return pool_.With([&](Poco::Data::Session& s) {
    std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, std::string, std::string, std::string,
                            std::string, std::string>>
        rows;
    s << "SELECT seq, at, actor, action, object, prev_hash, hash FROM audit ORDER BY seq",
        into(rows), now;
    std::vector<AuditRecord> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
      AuditRecord rec;
      rec.seq = r.get<0>();
      rec.event = AuditEvent{r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>()};
      rec.prev_hash = r.get<5>();
      rec.hash = r.get<6>();
      out.push_back(std::move(rec));
    }
    return out;
  });
}

std::pair<int64_t, std::string> PgStorage::AuditHead() {
  deferred_.Drain();
  const std::string head =
      pool_.With([&](Poco::Data::Session& s) { return GetMeta(s, "audit_head"); });
  const size_t colon = head.find(':');
  if (colon == std::string::npos) return {0, ""};
  try {
    return {std::stoll(head.substr(0, colon)), head.substr(colon + 1)};
  } catch (const std::exception&) {
    return {-1, head};
  }
}

bool PgStorage::IsEmpty() {
  return pool_.With([&](Poco::Data::Session& s) {
    Poco::Int64 rows = 0;
    s << "SELECT (SELECT COUNT(*) FROM clinicians) + (SELECT COUNT(*) FROM links) + "
         "(SELECT COUNT(*) FROM reports) + (SELECT COUNT(*) FROM audit)",
        into(rows), now;
    return rows == 0;
  });
}

void PgStorage::Notify(Poco::Data::Session& s, const std::string& payload) {
  // Delivered to every listener when (and only if) the transaction commits.
  PgExec(s, "SELECT pg_notify($1, $2)", {std::string(kChannel), payload});
}

void PgStorage::DeleteLinkReportsIn(Poco::Data::Session& s, const std::string& client_id) {
  s << PgSql(
      "DELETE FROM envelopes WHERE report_id IN (SELECT id FROM reports WHERE "
      "client_id = ?)"),
      bind(client_id), now;
  s << PgSql("DELETE FROM reports WHERE client_id = ?"), bind(client_id), now;
}

int64_t PgStorage::PurgeExpired(int64_t now_s, int64_t session_idle_seconds) {
  std::vector<std::string> ids;
  const bool ran = pool_.With([&](Poco::Data::Session& s) {
    // One process purges at a time: the purge lock is tried before the
    // write lock is waited for, so a process whose timer fires while
    // another purges skips this round. (Under the write lock it would find
    // nothing left to purge anyway: each statement reads what committed.)
    PgTransaction tx(s, false);
    Poco::Int64 mine = 0;
    s << "SELECT CASE WHEN pg_try_advisory_xact_lock(" + std::to_string(kPurgeLock) +
             ") THEN 1 ELSE 0 END",
        into(mine), now;
    if (mine == 0) return false;
    tx.Lock();
    s << PgSql(
        "SELECT id FROM reports WHERE expires_at <= ? AND withdrawn_at IS NULL AND "
        "expired_at IS NULL ORDER BY id"),
        bind(Poco::Int64{now_s}), into(ids), now;
    AuditAppender audit(s);
    for (const std::string& id : ids) {
      s << PgSql("DELETE FROM envelopes WHERE report_id = ?"), bind(id), now;
      s << PgSql("UPDATE reports SET expired_at = ? WHERE id = ?"), bind(Poco::Int64{now_s}),
          bind(id), now;
      audit.Append(AuditEvent{now_s, "server", "expire", "report:" + id});
      Notify(s, "report:" + id);
    }
    audit.Finish();
    Poco::Data::Statement sessions(s);
    sessions << PgSql("DELETE FROM sessions WHERE expires_at <= ? OR last_seen <= ?"),
        bind(Poco::Int64{now_s}), bind(Poco::Int64{now_s - session_idle_seconds});
    if (sessions.execute() != 0) Notify(s, "sessions");
    s << PgSql("DELETE FROM invites WHERE expires_at <= ?"), bind(Poco::Int64{now_s}), now;
    s << PgSql("DELETE FROM throttle WHERE last_failure <= ?"), bind(Poco::Int64{now_s - 86400}),
        now;
    tx.Commit();
    return true;
  });
  if (!ran) return 0;
  for (const std::string& id : ids) envelopes_.Erase(id);
  if (!ids.empty()) access_.Clear();
  return static_cast<int64_t>(ids.size());
}

void PgStorage::OnNotice(const std::string& payload) {
  // Any change that ends access clears every grant kept (they are rare; a
  // grant is read again at the next download); a report's bytes go when it
  // is withdrawn or expires, all of them when a link ends or nothing can be
  // known.
  access_.Clear();
  if (payload == "sessions") return;
  if (payload.rfind("report:", 0) == 0) {
    envelopes_.Erase(payload.substr(7));
  } else {
    envelopes_.Clear();
  }
}

}  // namespace fieldnotes::server
