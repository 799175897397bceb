// SqliteStorage: clinician accounts, sessions and throttling counters.
#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include "server/sqlite_storage.h"

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
  s << std::string(kClinicianColumns) + "FROM clinicians WHERE " + column + " = ?", bind(value),
      into(rows), now;
  if (rows.empty()) return Status::NotFound("no such clinician");
  return ToClinician(rows.front());
}

}  // namespace

Result<ClinicianRecord> SqliteStorage::FindClinicianByEmail(const std::string& email) {
  auto s = pool_.Acquire();
  return FindClinicianWhere(*s, "email", email);
}

Result<ClinicianRecord> SqliteStorage::FindClinicianById(const std::string& id) {
  auto s = pool_.Acquire();
  return FindClinicianWhere(*s, "id", id);
}

Status SqliteStorage::AddClinician(const ClinicianRecord& rec, const AuditEvent& audit) {
  auto s = pool_.Acquire();
  WriteTransaction tx(*s, writers_);
  Poco::Int64 taken = 0;
  *s << "SELECT COUNT(*) FROM clinicians WHERE email = ?", bind(rec.email), into(taken), now;
  if (taken != 0) return Status::AlreadyExists("a clinician with this email exists");
  *s << "INSERT INTO clinicians (id, email, password_hash, disabled, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
      bind(rec.id), bind(rec.email), bind(rec.password_hash), bind(Poco::Int64{rec.disabled}),
      bind(Poco::Int64{rec.created_at}), now;
  AppendAuditIn(*s, audit);
  tx.Commit();
  return Status::Ok();
}

std::vector<ClinicianRecord> SqliteStorage::ListClinicians() {
  auto s = pool_.Acquire();
  std::vector<ClinicianRow> rows;
  *s << std::string(kClinicianColumns) + "FROM clinicians ORDER BY email", into(rows), now;
  std::vector<ClinicianRecord> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(ToClinician(r));
  return out;
}

Status SqliteStorage::SetClinicianDisabled(const std::string& id, bool disabled,
                                           const AuditEvent& audit) {
  auto s = pool_.Acquire();
  WriteTransaction tx(*s, writers_);
  Poco::Data::Statement update(*s);
  update << "UPDATE clinicians SET disabled = ? WHERE id = ?", bind(Poco::Int64{disabled}),
      bind(id);
  if (update.execute() == 0) return Status::NotFound("no such clinician");
  *s << "DELETE FROM sessions WHERE clinician_id = ?", bind(id), now;
  AppendAuditIn(*s, audit);
  tx.Commit();
  return Status::Ok();
}

Status SqliteStorage::SetPasswordHash(const std::string& id, const std::string& hash,
                                      const AuditEvent& audit) {
  auto s = pool_.Acquire();
  WriteTransaction tx(*s, writers_);
  Poco::Data::Statement update(*s);
  update << "UPDATE clinicians SET password_hash = ? WHERE id = ?", bind(hash), bind(id);
  if (update.execute() == 0) return Status::NotFound("no such clinician");
  *s << "DELETE FROM sessions WHERE clinician_id = ?", bind(id), now;
  AppendAuditIn(*s, audit);
  tx.Commit();
  return Status::Ok();
}

Status SqliteStorage::AddSession(const SessionRecord& rec, const AuditEvent& audit) {
  auto s = pool_.Acquire();
  WriteTransaction tx(*s, writers_);
  *s << "INSERT INTO sessions (token_hash, clinician_id, created_at, last_seen, expires_at) "
        "VALUES (?, ?, ?, ?, ?)",
      bind(rec.token_hash), bind(rec.clinician_id), bind(Poco::Int64{rec.created_at}),
      bind(Poco::Int64{rec.last_seen}), bind(Poco::Int64{rec.expires_at}), now;
  AppendAuditIn(*s, audit);
  tx.Commit();
  return Status::Ok();
}

Result<SessionRecord> SqliteStorage::FindSession(const std::string& token_hash) {
  auto s = pool_.Acquire();
  // On every authenticated request: a cached statement (statement_cache.h).
  // A disabled account's sessions are deleted, but check anyway.
  static const char kFind[] =
      "SELECT s.clinician_id, s.created_at, s.last_seen, s.expires_at FROM sessions s "
      "JOIN clinicians c ON c.id = s.clinician_id WHERE s.token_hash = ? AND c.disabled = 0";
  StatementCache::Use find(s.statements(), kFind);
  find.Bind(token_hash);
  if (!find.Step()) return Status::NotFound("no such session");
  return SessionRecord{token_hash, find.Text(0), find.Int(1), find.Int(2), find.Int(3)};
}

void SqliteStorage::TouchSession(const std::string& token_hash, int64_t now_s) {
  auto s = pool_.Acquire();
  std::lock_guard<std::mutex> lock(writers_);
  *s << "UPDATE sessions SET last_seen = ? WHERE token_hash = ?", bind(Poco::Int64{now_s}),
      bind(token_hash), now;
}

Status SqliteStorage::DeleteSession(const std::string& token_hash, const AuditEvent& audit) {
  auto s = pool_.Acquire();
  WriteTransaction tx(*s, writers_);
  Poco::Data::Statement del(*s);
  del << "DELETE FROM sessions WHERE token_hash = ?", bind(token_hash);
  if (del.execute() == 0) return Status::NotFound("no such session");
  AppendAuditIn(*s, audit);
  tx.Commit();
  return Status::Ok();
}

ThrottleRecord SqliteStorage::AddFailure(const std::string& key, int64_t now_s,
                                         int64_t window_seconds) {
  auto s = pool_.Acquire();
  WriteTransaction tx(*s, writers_);
  std::vector<Poco::Tuple<Poco::Int64, Poco::Int64>> rows;
  *s << "SELECT count, window_start FROM throttle WHERE name = ?", bind(key), into(rows), now;
  ThrottleRecord rec{key, 1, now_s, now_s};
  if (rows.empty()) {
    *s << "INSERT INTO throttle (name, count, window_start, last_failure) VALUES (?, 1, ?, ?)",
        bind(key), bind(Poco::Int64{now_s}), bind(Poco::Int64{now_s}), now;
  } else {
    if (now_s < rows.front().get<1>() + window_seconds) {
      rec.count = rows.front().get<0>() + 1;
      rec.window_start = rows.front().get<1>();
    }
    *s << "UPDATE throttle SET count = ?, window_start = ?, last_failure = ? WHERE name = ?",
        bind(Poco::Int64{rec.count}), bind(Poco::Int64{rec.window_start}), bind(Poco::Int64{now_s}),
        bind(key), now;
  }
  tx.Commit();
  return rec;
}

ThrottleRecord SqliteStorage::GetThrottle(const std::string& key) {
  auto s = pool_.Acquire();
  std::vector<Poco::Tuple<Poco::Int64, Poco::Int64, Poco::Int64>> rows;
  *s << "SELECT count, window_start, last_failure FROM throttle WHERE name = ?", bind(key),
      into(rows), now;
  if (rows.empty()) return ThrottleRecord{key, 0, 0, 0};
  return ThrottleRecord{key, rows.front().get<0>(), rows.front().get<1>(), rows.front().get<2>()};
}

void SqliteStorage::ReleaseAttempt(const std::string& key) {
  auto s = pool_.Acquire();
  std::lock_guard<std::mutex> lock(writers_);
  *s << "UPDATE throttle SET count = MAX(count - 1, 0) WHERE name = ?", bind(key), now;
}

void SqliteStorage::ResetThrottle(const std::string& key) {
  auto s = pool_.Acquire();
  std::lock_guard<std::mutex> lock(writers_);
  *s << "DELETE FROM throttle WHERE name = ?", bind(key), now;
}

}  // namespace fieldnotes::server
