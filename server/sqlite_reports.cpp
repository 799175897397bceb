// SqliteStorage: reports and their envelope bytes.
#include <Poco/Data/LOB.h>
#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include "server/sqlite_audit.h"
#include "server/sqlite_storage.h"

using namespace Poco::Data::Keywords;

namespace fieldnotes::server {
namespace {

using ReportRow =
    Poco::Tuple<std::string, std::string, std::string, Poco::Int64, std::string, Poco::Int64,
                Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>;
// NULL times read as 0 ("not yet").
constexpr char kReportColumns[] =
    "SELECT r.id, r.client_id, r.period_end, r.size, r.sha256, r.uploaded_at, r.expires_at, "
    "COALESCE(r.downloaded_at, 0), COALESCE(r.opened_at, 0), COALESCE(r.withdrawn_at, 0), "
    "COALESCE(r.expired_at, 0) ";
// A report the clinician may see: stored, on one of their active links.
constexpr char kClinicianOwns[] =
    "r.withdrawn_at IS NULL AND r.expired_at IS NULL AND l.clinician_id = ? AND "
    "l.ended_at IS NULL";

std::vector<ReportRecord> ToReports(const std::vector<ReportRow>& rows) {
  std::vector<ReportRecord> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    out.push_back(ReportRecord{r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>(),
                               r.get<5>(), r.get<6>(), r.get<7>(), r.get<8>(), r.get<9>(),
                               r.get<10>()});
  }
  return out;
}

}  // namespace

Result<bool> SqliteStorage::AddReport(const ReportRecord& rec, core::crypto::ByteView bytes,
                                      const Quota& quota, const AuditEvent& audit) {
  Poco::Data::BLOB blob(bytes.data(), bytes.size());
  auto s = pool_.Acquire();
  WriteTransaction tx(*s, writers_);
  Poco::Int64 active = 0;
  *s << "SELECT COUNT(*) FROM links WHERE client_id = ? AND ended_at IS NULL", bind(rec.client_id),
      into(active), now;
  if (active == 0) return Status::NotFound("no such link");
  Poco::Int64 count = 0, used = 0;
  *s << "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM reports WHERE client_id = ? AND "
        "withdrawn_at IS NULL AND expired_at IS NULL",
      bind(rec.client_id), into(count), into(used), now;
  if (count + 1 > quota.max_reports || used + rec.size > quota.max_bytes) return false;
  *s << "INSERT INTO reports (id, client_id, period_end, size, sha256, uploaded_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
      bind(rec.id), bind(rec.client_id), bind(rec.period_end), bind(Poco::Int64{rec.size}),
      bind(rec.sha256), bind(Poco::Int64{rec.uploaded_at}), bind(Poco::Int64{rec.expires_at}), now;
  *s << "INSERT INTO envelopes (report_id, bytes) VALUES (?, ?)", bind(rec.id), use(blob), now;
  AppendAuditIn(*s, audit);
  tx.Commit();
  return true;
}

std::vector<ReportRecord> SqliteStorage::ListReports(const std::string& clinician_id) {
  auto s = pool_.Acquire();
  std::vector<ReportRow> rows;
  *s << std::string(kReportColumns) +
            "FROM reports r JOIN links l ON l.client_id = r.client_id WHERE " + kClinicianOwns +
            " ORDER BY r.uploaded_at DESC, r.id",
      bind(clinician_id), into(rows), now;
  return ToReports(rows);
}

Result<StoredEnvelope> SqliteStorage::DownloadReport(const std::string& clinician_id,
                                                     const std::string& report_id,
                                                     const AuditEvent& audit) {
  bool first = false;
  StoredEnvelope found;
  // Before the query: bytes read in a snapshot older than a withdrawal that
  // commits meanwhile are not kept (envelope_cache.h).
  const uint64_t generation = envelopes_.Generation();
  {
    // Read outside the write lock (the bytes never change once stored), with
    // a cached statement, and give the session back before GroupWrite takes
    // one. The query decides access every time; only then may the bytes
    // come from memory.
    static const char kRead[] =
        "SELECT e.rowid, r.sha256, COALESCE(r.downloaded_at, 0) FROM envelopes e JOIN reports r "
        "ON r.id = e.report_id JOIN links l ON l.client_id = r.client_id WHERE r.id = ? AND "
        "r.withdrawn_at IS NULL AND r.expired_at IS NULL AND l.clinician_id = ? AND "
        "l.ended_at IS NULL";
    auto s = pool_.Acquire();
    StatementCache::Use read(s.statements(), kRead);
    read.Bind(report_id).Bind(clinician_id);
    if (!read.Step()) return Status::NotFound("no such report");
    found.sha256 = read.Text(1);
    found.bytes = envelopes_.Find(report_id, audit.at);
    if (!found.bytes) {
      // Inside the statement's read transaction, so the row it found.
      auto bytes = std::make_shared<std::vector<uint8_t>>();
      s.statements().ReadBlob("envelopes", "bytes", read.Int(0), [&](size_t size) {
        bytes->resize(size);
        return bytes->data();
      });
      found.bytes = bytes;
      envelopes_.Put(report_id, found.bytes, audit.at, generation);
    }
    first = read.Int(2) == 0;
  }
  // A repeat download changes no receipt: its record is written without
  // the answer waiting for the disk (deferred_audit.h). The first one sets
  // "delivered" and is durable before the answer goes.
  if (first || !deferred_.Add(audit)) {
    GroupWrite([&](Poco::Data::Session& w, AuditAppender& appender) {
      if (first) {
        w << "UPDATE reports SET downloaded_at = ? WHERE id = ? AND downloaded_at IS NULL",
            bind(Poco::Int64{audit.at}), bind(report_id), now;
      }
      appender.Append(audit);
    });
  }
  return found;
}

Status SqliteStorage::MarkOpened(const std::string& clinician_id, const std::string& report_id,
                                 const AuditEvent& audit) {
  auto s = pool_.Acquire();
  WriteTransaction tx(*s, writers_);
  std::vector<Poco::Int64> opened;
  *s << std::string(
            "SELECT COALESCE(r.opened_at, 0) FROM reports r JOIN links l ON "
            "l.client_id = r.client_id WHERE r.id = ? AND ") +
            kClinicianOwns,
      bind(report_id), bind(clinician_id), into(opened), now;
  if (opened.empty()) return Status::NotFound("no such report");
  if (opened.front() != 0) return Status::Ok();  // already opened: nothing changes
  *s << "UPDATE reports SET opened_at = ?, downloaded_at = COALESCE(downloaded_at, ?) "
        "WHERE id = ?",
      bind(Poco::Int64{audit.at}), bind(Poco::Int64{audit.at}), bind(report_id), now;
  AppendAuditIn(*s, audit);
  tx.Commit();
  return Status::Ok();
}

std::vector<ReportRecord> SqliteStorage::ListReceipts(const std::string& client_id) {
  auto s = pool_.Acquire();
  std::vector<ReportRow> rows;
  *s << std::string(kReportColumns) +
            "FROM reports r WHERE r.client_id = ? ORDER BY r.uploaded_at DESC, r.id",
      bind(client_id), into(rows), now;
  return ToReports(rows);
}

Status SqliteStorage::WithdrawReport(const std::string& client_id, const std::string& report_id,
                                     const AuditEvent& audit) {
  auto s = pool_.Acquire();
  WriteTransaction tx(*s, writers_);
  Poco::Data::Statement update(*s);
  update << "UPDATE reports SET withdrawn_at = ? WHERE id = ? AND client_id = ? AND "
            "withdrawn_at IS NULL AND expired_at IS NULL",
      bind(Poco::Int64{audit.at}), bind(report_id), bind(client_id);
  if (update.execute() == 0) return Status::NotFound("no such report");
  *s << "DELETE FROM envelopes WHERE report_id = ?", bind(report_id), now;
  AppendAuditIn(*s, audit);
  tx.Commit();
  envelopes_.Erase(report_id);
  return Status::Ok();
}

}  // namespace fieldnotes::server
