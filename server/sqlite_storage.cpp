// Opening, the schema, the audit chain, purging and checkpoints. The other
// methods are in sqlite_accounts.cpp, sqlite_pairing.cpp, sqlite_reports.cpp.
#include "server/sqlite_storage.h"

#include <condition_variable>
#include <exception>

#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Tuple.h>

#include "server/audit_chain.h"
#include "server/sqlite_audit.h"

using namespace Poco::Data::Keywords;

namespace fieldnotes::server {
namespace {

constexpr char kSchemaVersion[] = "3";

// Portable DDL: TEXT and INTEGER columns, explicit keys, no AUTOINCREMENT.
// BLOB is the one type a PostgreSQL Storage spells differently (BYTEA).
// There is deliberately no column for anything from a journal: the only
// content is `envelopes.bytes`, ciphertext sealed to the clinician.
const char* const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS clinicians (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, "
    "password_hash TEXT NOT NULL, disabled INTEGER NOT NULL, created_at INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS clinician_keys (clinician_id TEXT NOT NULL REFERENCES "
    "clinicians(id), version INTEGER NOT NULL, x25519 TEXT NOT NULL, ed25519 TEXT NOT NULL, "
    "created_at INTEGER NOT NULL, PRIMARY KEY (clinician_id, version))",
    "CREATE TABLE IF NOT EXISTS sessions (token_hash TEXT PRIMARY KEY, clinician_id TEXT NOT "
    "NULL REFERENCES clinicians(id), created_at INTEGER NOT NULL, last_seen INTEGER NOT NULL, "
    "expires_at INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS sessions_by_clinician ON sessions (clinician_id)",
    "CREATE TABLE IF NOT EXISTS invites (code_hash TEXT PRIMARY KEY, clinician_id TEXT NOT NULL "
    "REFERENCES clinicians(id), created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, "
    "used_at INTEGER, id TEXT)",
    "CREATE TABLE IF NOT EXISTS links (client_id TEXT PRIMARY KEY, clinician_id TEXT NOT NULL "
    "REFERENCES clinicians(id), credential_hash TEXT NOT NULL UNIQUE, client_key TEXT NOT NULL, "
    "created_at INTEGER NOT NULL, ended_at INTEGER, invite_id TEXT)",
    "CREATE INDEX IF NOT EXISTS links_by_clinician ON links (clinician_id)",
    "CREATE TABLE IF NOT EXISTS reports (id TEXT PRIMARY KEY, client_id TEXT NOT NULL "
    "REFERENCES links(client_id), period_end TEXT NOT NULL, size INTEGER NOT NULL, sha256 TEXT "
    "NOT NULL, uploaded_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, downloaded_at "
    "INTEGER, opened_at INTEGER, withdrawn_at INTEGER, expired_at INTEGER)",
    "CREATE INDEX IF NOT EXISTS reports_by_client ON reports (client_id)",
    "CREATE INDEX IF NOT EXISTS reports_by_expiry ON reports (expires_at)",
    "CREATE TABLE IF NOT EXISTS envelopes (report_id TEXT PRIMARY KEY REFERENCES reports(id), "
    "bytes BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS throttle (name TEXT PRIMARY KEY, count INTEGER NOT NULL, "
    "window_start INTEGER NOT NULL, last_failure INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS audit (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT "
    "NOT NULL, action TEXT NOT NULL, object TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT "
    "NOT NULL)",
};

void SetMeta(Poco::Data::Session& s, const std::string& name, const std::string& value) {
  Poco::Data::Statement update(s);
  update << "UPDATE meta SET value = ? WHERE name = ?", bind(value), bind(name);
  if (update.execute() == 0) {
    s << "INSERT INTO meta (name, value) VALUES (?, ?)", bind(name), bind(value), now;
  }
}

}  // namespace

Result<std::unique_ptr<SqliteStorage>> SqliteStorage::Open(const std::string& path,
                                                           int max_sessions,
                                                           size_t envelope_cache_bytes) {
  std::unique_ptr<SqliteStorage> storage;
  try {
    storage.reset(new SqliteStorage(path, max_sessions, envelope_cache_bytes));
    FN_RETURN_IF_ERROR(storage->CreateSchema());
  } catch (const Poco::Exception& e) {
    return Status::IoError("cannot open the database " + path + ": " + e.displayText());
  }
  storage->deferred_.Start();
  return storage;
}

SqliteStorage::~SqliteStorage() { deferred_.Stop(); }

void SqliteStorage::WriteDeferred(const std::vector<AuditEvent>& events) {
  auto s = deferred_pool_.Acquire();
  *s << "PRAGMA synchronous=NORMAL", now;
  WriteTransaction tx(*s, writers_, &s.statements());
  AuditAppender audit(*s, &s.statements());
  for (const AuditEvent& event : events) audit.Append(event);
  audit.Finish();
  tx.Commit();
}

Status SqliteStorage::CreateSchema() {
  auto s = pool_.Acquire();
  WriteTransaction tx(*s, writers_);
  for (const char* statement : kSchema) *s << statement, now;
  std::string version;
  *s << "SELECT value FROM meta WHERE name = 'schema_version'", into(version), now;
  if (version.empty()) {
    SetMeta(*s, "schema_version", kSchemaVersion);
  } else if (version == "2") {
    // Version 3 gives invites an id and names the invite each link came
    // from; older invites and links have none.
    *s << "ALTER TABLE invites ADD COLUMN id TEXT", now;
    *s << "ALTER TABLE links ADD COLUMN invite_id TEXT", now;
    SetMeta(*s, "schema_version", kSchemaVersion);
  } else if (version != kSchemaVersion) {
    return Status::Unsupported("database schema version " + version +
                               " is not one this server knows");
  }
  tx.Commit();
  return Status::Ok();
}

void AuditAppender::Append(const AuditEvent& event) {
  if (!loaded_) {
    static const char kHead[] = "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1";
    if (statements_ != nullptr) {
      StatementCache::Use head(*statements_, kHead);
      if (head.Step()) {
        seq_ = head.Int(0);
        hash_ = head.Text(1);
      }
    } else {
      session_ << kHead, into(seq_), into(hash_), now;
    }
    head_row_exists_ = seq_ > 0;
    if (seq_ == 0) hash_ = kGenesisHash;
    loaded_ = true;
  }
  const int64_t seq = seq_ + 1;
  const std::string hash = AuditHash(hash_, seq, event);
  static const char kInsert[] =
      "INSERT INTO audit (seq, at, actor, action, object, prev_hash, hash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)";
  if (statements_ != nullptr) {
    StatementCache::Use insert(*statements_, kInsert);
    insert.Bind(seq).Bind(event.at).Bind(event.actor).Bind(event.action).Bind(event.object);
    insert.Bind(hash_).Bind(hash).Step();
    seq_ = seq;
    hash_ = hash;
    appended_ = true;
    return;
  }
  session_ << "INSERT INTO audit (seq, at, actor, action, object, prev_hash, hash) "
              "VALUES (?, ?, ?, ?, ?, ?, ?)",
      bind(Poco::Int64{seq}), bind(Poco::Int64{event.at}), bind(event.actor), bind(event.action),
      bind(event.object), bind(hash_), bind(hash), now;
  seq_ = seq;
  hash_ = hash;
  appended_ = true;
}

void AuditAppender::Finish() {
  if (!appended_) return;
  // The head lives apart from the log so deleting its newest records shows.
  // The row exists once the log has a record (SetMeta inserts it).
  const std::string head = std::to_string(seq_) + ":" + hash_;
  static const char kUpdate[] = "UPDATE meta SET value = ? WHERE name = 'audit_head'";
  if (statements_ != nullptr && head_row_exists_) {
    StatementCache::Use update(*statements_, kUpdate);
    update.Bind(head).Step();
  } else {
    SetMeta(session_, "audit_head", head);
  }
  appended_ = false;
}

void SqliteStorage::AppendAuditIn(Poco::Data::Session& s, const AuditEvent& event) {
  AuditAppender appender(s);
  appender.Append(event);
  appender.Finish();
}

// A caller of GroupWrite. Each waits on its own condition variable, so a
// commit wakes exactly the callers it made durable and the one that leads
// next, without a herd of threads fighting for one mutex after each fsync.
// One per thread, for the thread's life: the leader may still be inside
// notify_one() on it after its owner has seen the new state and returned.
struct SqliteStorage::PendingWrite {
  enum class State { kQueued, kLead, kDone };
  const GroupWork* work = nullptr;
  std::exception_ptr error;
  std::mutex mu;
  std::condition_variable changed;
  State state = State::kQueued;  // guarded by mu

  void Set(State s) {
    {
      std::lock_guard<std::mutex> lock(mu);
      state = s;
    }
    changed.notify_one();
  }
};

void SqliteStorage::GroupWrite(const GroupWork& work) {
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
    mine.state = State::kQueued;  // for this thread's next write
  }
  if (lead) {
    // Lead one batch: everything queued so far, this caller's included.
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

void SqliteStorage::CommitBatch(const std::vector<PendingWrite*>& batch) {
  auto s = group_pool_.Acquire();
  try {
    WriteTransaction tx(*s, writers_, &s.statements());
    AuditAppender audit(*s, &s.statements());
    for (PendingWrite* p : batch) (*p->work)(*s, audit);
    audit.Finish();
    tx.Commit();
  } catch (...) {
    for (PendingWrite* p : batch) {
      try {
        WriteTransaction tx(*s, writers_);
        AuditAppender audit(*s);
        (*p->work)(*s, audit);
        audit.Finish();
        tx.Commit();
      } catch (...) {
        p->error = std::current_exception();
      }
    }
  }
}

void SqliteStorage::AppendAudit(const AuditEvent& audit) {
  GroupWrite([&](Poco::Data::Session&, AuditAppender& appender) { appender.Append(audit); });
}

std::vector<AuditRecord> SqliteStorage::ReadAudit() {
  deferred_.Drain();  // the log as it stands, repeat downloads included
  auto s = pool_.Acquire();
  std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, std::string, std::string, std::string,
                          std::string, std::string>>
      rows;
  *s << "SELECT seq, at, actor, action, object, prev_hash, hash FROM audit ORDER BY seq",
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
}

std::pair<int64_t, std::string> SqliteStorage::AuditHead() {
  deferred_.Drain();
  auto s = pool_.Acquire();
  std::string head;
  *s << "SELECT value FROM meta WHERE name = 'audit_head'", into(head), now;
  const size_t colon = head.find(':');
  if (colon == std::string::npos) return {0, ""};
  try {
    return {std::stoll(head.substr(0, colon)), head.substr(colon + 1)};
  } catch (const std::exception&) {
    return {-1, head};
  }
}

void SqliteStorage::DeleteLinkReportsIn(Poco::Data::Session& s, const std::string& client_id) {
  s << "DELETE FROM envelopes WHERE report_id IN (SELECT id FROM reports WHERE client_id = ?)",
      bind(client_id), now;
  s << "DELETE FROM reports WHERE client_id = ?", bind(client_id), now;
}

int64_t SqliteStorage::PurgeExpired(int64_t now_s, int64_t session_idle_seconds) {
  auto s = pool_.Acquire();
  WriteTransaction tx(*s, writers_);
  std::vector<std::string> ids;
  *s << "SELECT id FROM reports WHERE expires_at <= ? AND withdrawn_at IS NULL AND expired_at "
        "IS NULL",
      bind(Poco::Int64{now_s}), into(ids), now;
  AuditAppender audit(*s);
  for (const std::string& id : ids) {
    *s << "DELETE FROM envelopes WHERE report_id = ?", bind(id), now;
    *s << "UPDATE reports SET expired_at = ? WHERE id = ?", bind(Poco::Int64{now_s}), bind(id), now;
    audit.Append(AuditEvent{now_s, "server", "expire", "report:" + id});
  }
  audit.Finish();
  // The same bounds Accounts::Authenticate refuses at.
  *s << "DELETE FROM sessions WHERE expires_at <= ? OR last_seen <= ?", bind(Poco::Int64{now_s}),
      bind(Poco::Int64{now_s - session_idle_seconds}), now;
  *s << "DELETE FROM invites WHERE expires_at <= ?", bind(Poco::Int64{now_s}), now;
  // A counter whose last failure is a day old can no longer throttle anyone.
  *s << "DELETE FROM throttle WHERE last_failure <= ?", bind(Poco::Int64{now_s - 86400}), now;
  tx.Commit();
  for (const std::string& id : ids) envelopes_.Erase(id);
  return static_cast<int64_t>(ids.size());
}

void SqliteStorage::Checkpoint() {
  auto s = pool_.Acquire();
  std::lock_guard<std::mutex> lock(writers_);
  int busy = 0, log_frames = 0, checkpointed = 0;
  *s << "PRAGMA wal_checkpoint(TRUNCATE)", into(busy), into(log_frames), into(checkpointed), now;
}

}  // namespace fieldnotes::server
