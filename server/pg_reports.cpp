// PgStorage: reports and their envelope bytes.
#include <Poco/Data/LOB.h>
#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include "server/pg_exec.h"
#include "server/pg_storage.h"

using namespace Poco::Data::Keywords;

namespace fieldnotes::server {
namespace {

using ReportRow =
    Poco::Tuple<std::string, std::string, std::string, Poco::Int64, std::string, Poco::Int64,
                Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64, Poco::Int64>;
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

Result<bool> PgStorage::AddReport(const ReportRecord& rec, core::crypto::ByteView bytes,
                                  const Quota& quota, const AuditEvent& audit) {
  Poco::Data::BLOB blob(bytes.data(), bytes.size());
  return pool_.With([&](Poco::Data::Session& s) -> Result<bool> {
    PgTransaction tx(s);
    Poco::Int64 active = 0;
    s << PgSql("SELECT COUNT(*) FROM links WHERE client_id = ? AND ended_at IS NULL"),
        bind(rec.client_id), into(active), now;
    if (active == 0) return Status::NotFound("no such link");
    Poco::Int64 count = 0, used = 0;
    s << PgSql(
        "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM reports WHERE client_id = ? AND "
        "withdrawn_at IS NULL AND expired_at IS NULL"),
        bind(rec.client_id), into(count), into(used), now;
    if (count + 1 > quota.max_reports || used + rec.size > quota.max_bytes) return false;
    s << PgSql(
        "INSERT INTO reports (id, client_id, period_end, size, sha256, uploaded_at, "
        "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        bind(rec.id), bind(rec.client_id), bind(rec.period_end), bind(Poco::Int64{rec.size}),
        bind(rec.sha256), bind(Poco::Int64{rec.uploaded_at}), bind(Poco::Int64{rec.expires_at}),
        now;
    s << PgSql("INSERT INTO envelopes (report_id, bytes) VALUES (?, ?)"), bind(rec.id), use(blob),
        now;
    AppendAuditIn(s, audit);
    tx.Commit();
    return true;
  });
}

std::vector<ReportRecord> PgStorage::ListReports(const std::string& clinician_id) {
  return pool_.With([&](Poco::Data::Session& s) {
    std::vector<ReportRow> rows;
    s << PgSql(std::string(kReportColumns) +
               "FROM reports r JOIN links l ON l.client_id = r.client_id WHERE " + kClinicianOwns +
               " ORDER BY r.uploaded_at DESC, r.id"),
        bind(clinician_id), into(rows), now;
    return ToReports(rows);
  });
}

Result<StoredEnvelope> PgStorage::DownloadReport(const std::string& clinician_id,
                                                 const std::string& report_id,
                                                 const AuditEvent& audit) {
  return DownloadChecked(clinician_id, report_id, DownloadCheck{}, audit);
}

Result<StoredEnvelope> PgStorage::DownloadChecked(const std::string& clinician_id,
                                                  const std::string& report_id,
                                                  const DownloadCheck& check,
                                                  const AuditEvent& audit) {
  if (check.access == DownloadCheck::Access::kDenied) return Status::NotFound("no such report");
  // Before the bytes are read: bytes read before a withdrawal anywhere is
  // heard of are not kept after it (envelope_cache.h).
  const uint64_t generation = envelopes_.Generation();
  const bool cache = caching_ && listener_.listening();
  StoredEnvelope found;
  bool first = false;
  if (check.access == DownloadCheck::Access::kGranted) {
    // The database granted it in the same read as the session
    // (FindSessionForDownload): a cached envelope costs no other round trip.
    found.sha256 = check.sha256;
    first = !check.downloaded_before;
    if (cache) found.bytes = envelopes_.Find(report_id, audit.at);
  }
  if (!found.bytes) {
    // Read without the write lock (the bytes never change once stored), and
    // give the connection back before GroupWrite takes one.
    const Status read = pool_.With([&](Poco::Data::Session& s) -> Status {
      if (check.access != DownloadCheck::Access::kGranted) {
        // The database decides access every time; only then may the bytes
        // come from memory. One round trip each (pg_exec.h).
        PgResult meta =
            PgExec(s,
                   "SELECT r.sha256, COALESCE(r.downloaded_at, 0) FROM reports r JOIN links l ON "
                   "l.client_id = r.client_id WHERE r.id = $1 AND r.withdrawn_at IS NULL AND "
                   "r.expired_at IS NULL AND l.clinician_id = $2 AND l.ended_at IS NULL",
                   {report_id, clinician_id});
        if (meta.rows() == 0) return Status::NotFound("no such report");
        found.sha256 = meta.Text(0, 0);
        first = meta.Int(0, 1) == 0;
        if (cache) found.bytes = envelopes_.Find(report_id, audit.at);
        if (found.bytes) return Status::Ok();
      }
      // BYTEA in binary: the bytes as stored, not as hex text.
      PgResult bytes = PgExec(s,
                              "SELECT e.bytes FROM envelopes e JOIN reports r ON "
                              "r.id = e.report_id WHERE e.report_id = $1 AND "
                              "r.withdrawn_at IS NULL AND r.expired_at IS NULL",
                              {report_id}, true);
      if (bytes.rows() == 0) return Status::NotFound("no such report");  // withdrawn just now
      const std::string_view b = bytes.Bytes(0, 0);
      found.bytes = std::make_shared<const std::vector<uint8_t>>(b.begin(), b.end());
      if (cache) envelopes_.Put(report_id, found.bytes, audit.at, generation);
      return Status::Ok();
    });
    if (!read.ok()) return read;
  }
  // A repeat download changes no receipt: its record is written without
  // the answer waiting for it (deferred_audit.h). The first one sets
  // "delivered" and is durable before the answer goes.
  if (first || !deferred_.Add(audit)) {
    GroupWrite([&](Poco::Data::Session& w, AuditAppender& appender) {
      if (first) {
        PgExec(w, "UPDATE reports SET downloaded_at = $1 WHERE id = $2 AND downloaded_at IS NULL",
               {std::to_string(audit.at), report_id});
      }
      appender.Append(audit);
    });
    access_.Downloaded(report_id);
  }
  return found;
}

Status PgStorage::MarkOpened(const std::string& clinician_id, const std::string& report_id,
                             const AuditEvent& audit) {
  return pool_.With([&](Poco::Data::Session& s) -> Status {
    // Opened once, recorded once: a viewer that says so again takes neither
    // the write lock nor a commit.
    PgResult already = PgExec(
        s,
        "SELECT COALESCE(r.opened_at, 0) FROM reports r JOIN links l ON l.client_id = r.client_id "
        "WHERE r.id = $1 AND r.withdrawn_at IS NULL AND r.expired_at IS NULL AND "
        "l.clinician_id = $2 AND l.ended_at IS NULL",
        {report_id, clinician_id});
    if (already.rows() == 0) return Status::NotFound("no such report");
    if (already.Int(0, 0) != 0) return Status::Ok();
    PgTransaction tx(s);
    std::vector<Poco::Int64> opened;
    s << PgSql(std::string("SELECT COALESCE(r.opened_at, 0) FROM reports r JOIN links l ON "
                           "l.client_id = r.client_id WHERE r.id = ? AND ") +
               kClinicianOwns),
        bind(report_id), bind(clinician_id), into(opened), now;
    if (opened.empty()) return Status::NotFound("no such report");
    if (opened.front() != 0) return Status::Ok();  // already opened: nothing changes
    s << PgSql(
        "UPDATE reports SET opened_at = ?, downloaded_at = COALESCE(downloaded_at, ?) "
        "WHERE id = ?"),
        bind(Poco::Int64{audit.at}), bind(Poco::Int64{audit.at}), bind(report_id), now;
    AppendAuditIn(s, audit);
    tx.Commit();
    return Status::Ok();
  });
}

std::vector<ReportRecord> PgStorage::ListReceipts(const std::string& client_id) {
  return pool_.With([&](Poco::Data::Session& s) {
    std::vector<ReportRow> rows;
    s << PgSql(std::string(kReportColumns) +
               "FROM reports r WHERE r.client_id = ? ORDER BY r.uploaded_at DESC, r.id"),
        bind(client_id), into(rows), now;
    return ToReports(rows);
  });
}

Status PgStorage::WithdrawReport(const std::string& client_id, const std::string& report_id,
                                 const AuditEvent& audit) {
  Status status = pool_.With([&](Poco::Data::Session& s) -> Status {
    PgTransaction tx(s);
    Poco::Data::Statement update(s);
    update << PgSql(
        "UPDATE reports SET withdrawn_at = ? WHERE id = ? AND client_id = ? AND "
        "withdrawn_at IS NULL AND expired_at IS NULL"),
        bind(Poco::Int64{audit.at}), bind(report_id), bind(client_id);
    if (update.execute() == 0) return Status::NotFound("no such report");
    s << PgSql("DELETE FROM envelopes WHERE report_id = ?"), bind(report_id), now;
    AppendAuditIn(s, audit);
    Notify(s, "report:" + report_id);
    tx.Commit();
    return Status::Ok();
  });
  if (status.ok()) {
    envelopes_.Erase(report_id);
    access_.Clear();
  }
  return status;
}

}  // namespace fieldnotes::server
