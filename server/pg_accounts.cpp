// PgStorage: clinician accounts, sessions and throttling counters.
#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include "server/pg_exec.h"
#include "server/pg_storage.h"

using namespace Poco::Data::Keywords;

namespace fieldnotes::server {
namespace {

using ClinicianRow = Poco::Tuple<std::string, std::string, std::string, Poco::Int64, Poco::Int64>;
constexpr char kClinicianColumns[] = "SELECT id, email, password_hash, disabled, created_at ";

ClinicianRecord ToClinician(const ClinicianRow& r) {
  return ClinicianRecord{r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>() != 0, r.get<4>()};
}

Result<ClinicianRecord> FindClinicianWhere(Poco::Data::Session& s, const std::string& column,
                                           const std::string& value) {
  std::vector<ClinicianRow> rows;
  s << std::string(kClinicianColumns) + "FROM clinicians WHERE " + column + " = $1", bind(value),
      into(rows), now;
  if (rows.empty()) return Status::NotFound("no such clinician");
  return ToClinician(rows.front());
}

}  // namespace

Result<ClinicianRecord> PgStorage::FindClinicianByEmail(const std::string& email) {
  return pool_.With([&](Poco::Data::Session& s) { return FindClinicianWhere(s, "email", email); });
}

Result<ClinicianRecord> PgStorage::FindClinicianById(const std::string& id) {
  return pool_.With([&](Poco::Data::Session& s) { return FindClinicianWhere(s, "id", id); });
}

Status PgStorage::AddClinician(const ClinicianRecord& rec, const AuditEvent& audit) {
  return pool_.With([&](Poco::Data::Session& s) -> Status {
    PgTransaction tx(s);
    Poco::Int64 taken = 0;
    s << PgSql("SELECT COUNT(*) FROM clinicians WHERE email = ?"), bind(rec.email), into(taken),
        now;
    if (taken != 0) return Status::AlreadyExists("a clinician with this email exists");
    s << PgSql(
        "INSERT INTO clinicians (id, email, password_hash, disabled, created_at) "
        "VALUES (?, ?, ?, ?, ?)"),
        bind(rec.id), bind(rec.email), bind(rec.password_hash), bind(Poco::Int64{rec.disabled}),
        bind(Poco::Int64{rec.created_at}), now;
    AppendAuditIn(s, audit);
    tx.Commit();
    return Status::Ok();
  });
}

std::vector<ClinicianRecord> PgStorage::ListClinicians() {
  return pool_.With([&](Poco::Data::Session& s) {
    std::vector<ClinicianRow> rows;
    s << std::string(kClinicianColumns) + "FROM clinicians ORDER BY email", into(rows), now;
    std::vector<ClinicianRecord> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back(ToClinician(r));
    return out;
  });
}

Status PgStorage::SetClinicianDisabled(const std::string& id, bool disabled,
                                       const AuditEvent& audit) {
  Status status = pool_.With([&](Poco::Data::Session& s) -> Status {
    PgTransaction tx(s);
    Poco::Data::Statement update(s);
    update << PgSql("UPDATE clinicians SET disabled = ? WHERE id = ?"), bind(Poco::Int64{disabled}),
        bind(id);
    if (update.execute() == 0) return Status::NotFound("no such clinician");
    s << PgSql("DELETE FROM sessions WHERE clinician_id = ?"), bind(id), now;
    AppendAuditIn(s, audit);
    Notify(s, "sessions");
    tx.Commit();
    return Status::Ok();
  });
  if (status.ok()) access_.Clear();
  return status;
}

Status PgStorage::SetPasswordHash(const std::string& id, const std::string& hash,
                                  const AuditEvent& audit) {
  Status status = pool_.With([&](Poco::Data::Session& s) -> Status {
    PgTransaction tx(s);
    Poco::Data::Statement update(s);
    update << PgSql("UPDATE clinicians SET password_hash = ? WHERE id = ?"), bind(hash), bind(id);
    if (update.execute() == 0) return Status::NotFound("no such clinician");
    s << PgSql("DELETE FROM sessions WHERE clinician_id = ?"), bind(id), now;
    AppendAuditIn(s, audit);
    Notify(s, "sessions");
    tx.Commit();
    return Status::Ok();
  });
  if (status.ok()) access_.Clear();
  return status;
}

Status PgStorage::AddSession(const SessionRecord& rec, const AuditEvent& audit) {
  return pool_.With([&](Poco::Data::Session& s) -> Status {
    PgTransaction tx(s);
    s << PgSql(
        "INSERT INTO sessions (token_hash, clinician_id, created_at, last_seen, "
        "expires_at) VALUES (?, ?, ?, ?, ?)"),
        bind(rec.token_hash), bind(rec.clinician_id), bind(Poco::Int64{rec.created_at}),
        bind(Poco::Int64{rec.last_seen}), bind(Poco::Int64{rec.expires_at}), now;
    AppendAuditIn(s, audit);
    tx.Commit();
    return Status::Ok();
  });
}

Result<SessionRecord> PgStorage::FindSession(const std::string& token_hash) {
  // On every authenticated request: one round trip (pg_exec.h).
  return pool_.With([&](Poco::Data::Session& s) -> Result<SessionRecord> {
    PgResult found =
        PgExec(s,
               "SELECT s.clinician_id, s.created_at, s.last_seen, s.expires_at FROM sessions s "
               "JOIN clinicians c ON c.id = s.clinician_id WHERE s.token_hash = $1 AND "
               "c.disabled = 0",
               {token_hash});
    if (found.rows() == 0) return Status::NotFound("no such session");
    return SessionRecord{token_hash, found.Text(0, 0), found.Int(0, 1), found.Int(0, 2),
                         found.Int(0, 3)};
  });
}

Result<SessionRecord> PgStorage::FindSessionForDownload(const std::string& token_hash,
                                                        const std::string& report_id, int64_t now_s,
                                                        int64_t fresh_seconds,
                                                        DownloadCheck& check) {
  check = DownloadCheck{};
  if (caching_) {
    SessionRecord kept;
    DownloadCheck grant;
    // A grant read before is good once every change committed before this
    // request has been heard (PgListener::Sync) and has not cleared it.
    if (access_.Find(token_hash, report_id, now_s, fresh_seconds, kept, grant) &&
        listener_.Sync() &&
        access_.Find(token_hash, report_id, now_s, fresh_seconds, kept, grant)) {
      ++decided_in_memory_;
      check = grant;
      return kept;
    }
  }
  // Before the database is asked: an answer read before a change anywhere
  // is heard of is not kept after it (access_cache.h).
  const uint64_t generation = access_.Generation();
  // FindSession and DownloadReport's access check as one statement: one
  // round trip, one snapshot.
  Result<SessionRecord> session = pool_.With([&](Poco::Data::Session& s) -> Result<SessionRecord> {
    PgResult found =
        PgExec(s,
               "SELECT s.clinician_id, s.created_at, s.last_seen, s.expires_at, a.sha256, "
               "COALESCE(a.downloaded_at, 0) FROM sessions s JOIN clinicians c ON "
               "c.id = s.clinician_id LEFT JOIN LATERAL (SELECT r.sha256, r.downloaded_at FROM "
               "reports r JOIN links l ON l.client_id = r.client_id WHERE r.id = $2 AND "
               "r.withdrawn_at IS NULL AND r.expired_at IS NULL AND "
               "l.clinician_id = s.clinician_id AND l.ended_at IS NULL) a ON TRUE "
               "WHERE s.token_hash = $1 AND c.disabled = 0",
               {token_hash, report_id});
    if (found.rows() == 0) return Status::NotFound("no such session");
    if (found.IsNull(0, 4)) {
      check.access = DownloadCheck::Access::kDenied;
    } else {
      check.access = DownloadCheck::Access::kGranted;
      check.sha256 = found.Text(0, 4);
      check.downloaded_before = found.Int(0, 5) != 0;
    }
    return SessionRecord{token_hash, found.Text(0, 0), found.Int(0, 1), found.Int(0, 2),
                         found.Int(0, 3)};
  });
  if (session.ok() && caching_ && listener_.listening()) {
    access_.Put(*session, report_id, check, generation);
  }
  return session;
}

void PgStorage::TouchSession(const std::string& token_hash, int64_t now_s) {
  pool_.With([&](Poco::Data::Session& s) {
    PgExec(s, "UPDATE sessions SET last_seen = GREATEST(last_seen, $1) WHERE token_hash = $2",
           {std::to_string(now_s), token_hash});
  });
  access_.Touched(token_hash, now_s);
}

Status PgStorage::DeleteSession(const std::string& token_hash, const AuditEvent& audit) {
  Status status = pool_.With([&](Poco::Data::Session& s) -> Status {
    PgTransaction tx(s);
    Poco::Data::Statement del(s);
    del << PgSql("DELETE FROM sessions WHERE token_hash = ?"), bind(token_hash);
    if (del.execute() == 0) return Status::NotFound("no such session");
    AppendAuditIn(s, audit);
    Notify(s, "sessions");
    tx.Commit();
    return Status::Ok();
  });
  if (status.ok()) access_.Clear();
  return status;
}

ThrottleRecord PgStorage::AddFailure(const std::string& key, int64_t now_s,
                                     int64_t window_seconds) {
  // One statement, atomic in the database: two processes counting the same
  // key at once both count. A window that has ended starts again at now.
  return pool_.With([&](Poco::Data::Session& s) {
    Poco::Int64 count = 0, window_start = 0;
    s << PgSql(
        "INSERT INTO throttle AS t (name, count, window_start, last_failure) "
        "VALUES (?, 1, ?, ?) ON CONFLICT (name) DO UPDATE SET "
        "count = CASE WHEN ? < t.window_start + ? THEN t.count + 1 ELSE 1 END, "
        "window_start = CASE WHEN ? < t.window_start + ? THEN t.window_start ELSE ? END, "
        "last_failure = EXCLUDED.last_failure RETURNING count, window_start"),
        bind(key), bind(Poco::Int64{now_s}), bind(Poco::Int64{now_s}), bind(Poco::Int64{now_s}),
        bind(Poco::Int64{window_seconds}), bind(Poco::Int64{now_s}),
        bind(Poco::Int64{window_seconds}), bind(Poco::Int64{now_s}), into(count),
        into(window_start), now;
    return ThrottleRecord{key, count, window_start, now_s};
  });
}

ThrottleRecord PgStorage::GetThrottle(const std::string& key) {
  return pool_.With([&](Poco::Data::Session& s) {
    std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64>> rows;
    s << PgSql("SELECT count, window_start, last_failure FROM throttle WHERE name = ?"), bind(key),
        into(rows), now;
    if (rows.empty()) return ThrottleRecord{key, 0, 0, 0};
    return ThrottleRecord{key, rows.front().get<0>(), rows.front().get<1>(), rows.front().get<2>()};
  });
}

void PgStorage::ReleaseAttempt(const std::string& key) {
  pool_.With([&](Poco::Data::Session& s) {
    s << PgSql("UPDATE throttle SET count = GREATEST(count - 1, 0) WHERE name = ?"), bind(key), now;
  });
}

void PgStorage::ResetThrottle(const std::string& key) {
  pool_.With([&](Poco::Data::Session& s) {
    s << PgSql("DELETE FROM throttle WHERE name = ?"), bind(key), now;
  });
}

}  // namespace fieldnotes::server
