// Storage on Poco::Data with SQLite, the embedded default.
//
// The SQL is kept portable (TEXT/INTEGER columns, no AUTOINCREMENT, no
// upserts, LIMIT only in reads): the only SQLite-specific statements are the
// PRAGMAs in db_pool.cpp, BEGIN IMMEDIATE, the checkpoint and the envelope
// read by rowid (sqlite3_blob_read), all in this
// class's own files, and the BLOB column type, so a PostgreSQL Storage can
// reuse the statements with BYTEA and its own locking.
#ifndef FIELDNOTES_SERVER_SQLITE_STORAGE_H_
#define FIELDNOTES_SERVER_SQLITE_STORAGE_H_

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "server/db_pool.h"
#include "server/deferred_audit.h"
#include "server/envelope_cache.h"
#include "server/storage.h"

namespace fieldnotes::server {

class AuditAppender;

class SqliteStorage final : public Storage {
 public:
  // Opens (creating if needed) the database at `path` and its schema.
  // IoError when the file cannot be opened, Unsupported for a schema version
  // this build does not know. Downloaded envelopes are kept in memory up to
  // `envelope_cache_bytes` (envelope_cache.h; 0: none).
  static Result<std::unique_ptr<SqliteStorage>> Open(const std::string& path, int max_sessions,
                                                     size_t envelope_cache_bytes = 0);
  // How long a downloaded envelope is kept in memory at most.
  static constexpr int64_t kEnvelopeCacheSeconds = 600;
  const EnvelopeCache& envelope_cache() const { return envelopes_; }
  ~SqliteStorage() override;

  Result<ClinicianRecord> FindClinicianByEmail(const std::string& email) override;
  Result<ClinicianRecord> FindClinicianById(const std::string& id) override;
  Status AddClinician(const ClinicianRecord& rec, const AuditEvent& audit) override;
  std::vector<ClinicianRecord> ListClinicians() override;
  Status SetClinicianDisabled(const std::string& id, bool disabled,
                              const AuditEvent& audit) override;
  Status SetPasswordHash(const std::string& id, const std::string& hash,
                         const AuditEvent& audit) override;

  Status AddSession(const SessionRecord& rec, const AuditEvent& audit) override;
  Result<SessionRecord> FindSession(const std::string& token_hash) override;
  void TouchSession(const std::string& token_hash, int64_t now) override;
  Status DeleteSession(const std::string& token_hash, const AuditEvent& audit) override;

  ThrottleRecord AddFailure(const std::string& key, int64_t now, int64_t window_seconds) override;
  ThrottleRecord GetThrottle(const std::string& key) override;
  void ResetThrottle(const std::string& key) override;
  void ReleaseAttempt(const std::string& key) override;

  Result<KeyRecord> AddKeys(const KeyRecord& keys, const AuditEvent& audit) override;
  Result<KeyRecord> CurrentKeys(const std::string& clinician_id) override;

  Status AddInvite(const InviteRecord& rec, const AuditEvent& audit) override;
  Result<LinkRecord> RedeemInvite(const std::string& code_hash, int64_t now, LinkRecord link,
                                  const AuditEvent& audit) override;

  Result<LinkRecord> FindLinkByCredential(const std::string& credential_hash) override;
  std::vector<LinkSummaryRecord> ListLinks(const std::string& clinician_id) override;
  Status EndLink(const std::string& clinician_id, const std::string& client_id,
                 const AuditEvent& audit) override;

  Result<bool> AddReport(const ReportRecord& rec, core::crypto::ByteView bytes, const Quota& quota,
                         const AuditEvent& audit) override;
  std::vector<ReportRecord> ListReports(const std::string& clinician_id) override;
  Result<StoredEnvelope> DownloadReport(const std::string& clinician_id,
                                        const std::string& report_id,
                                        const AuditEvent& audit) override;
  Status MarkOpened(const std::string& clinician_id, const std::string& report_id,
                    const AuditEvent& audit) override;
  std::vector<ReportRecord> ListReceipts(const std::string& client_id) override;
  Status WithdrawReport(const std::string& client_id, const std::string& report_id,
                        const AuditEvent& audit) override;

  int64_t PurgeExpired(int64_t now, int64_t session_idle_seconds) override;
  void Checkpoint() override;

  void AppendAudit(const AuditEvent& audit) override;
  std::vector<AuditRecord> ReadAudit() override;
  std::pair<int64_t, std::string> AuditHead() override;

 private:
  SqliteStorage(const std::string& path, int max_sessions, size_t envelope_cache_bytes)
      : pool_(path, max_sessions),
        group_pool_(path, 1),
        deferred_pool_(path, 1),
        envelopes_(envelope_cache_bytes, kEnvelopeCacheSeconds),
        deferred_([this](const std::vector<AuditEvent>& events) { WriteDeferred(events); }) {}
  Status CreateSchema();

  // Appends `event` to the chain inside the caller's write transaction.
  static void AppendAuditIn(Poco::Data::Session& s, const AuditEvent& event);
  // Deletes the reports (and bytes) of one link inside a transaction.
  static void DeleteLinkReportsIn(Poco::Data::Session& s, const std::string& client_id);

  // Group commit: runs `work` in a write transaction shared with the callers
  // that arrive while another batch commits, and returns once that
  // transaction is durable, so many small writes (audit records of
  // downloads, failed logins) share one fsync. A batch that fails is rolled
  // back and each of its parts retried alone; `work`'s own exception is
  // rethrown to its caller. Batches run on a connection of their own
  // (group_pool_): taking one from the shared pool made the leader wait while
  // requests in flight held every pooled connection, and a connection that
  // only group commits use keeps its pages cached from one batch to the next.
  using GroupWork = std::function<void(Poco::Data::Session&, AuditAppender&)>;
  void GroupWrite(const GroupWork& work);
  struct PendingWrite;
  // One transaction for the whole batch, or, when it fails, one per part.
  void CommitBatch(const std::vector<PendingWrite*>& batch);

  // The records of repeat downloads (deferred_audit.h): one transaction on
  // a connection of its own whose commits do not wait for the disk
  // (synchronous=NORMAL; the next commit of any other connection syncs the
  // log they are in).
  void WriteDeferred(const std::vector<AuditEvent>& events);

  DbPool pool_;
  DbPool group_pool_;     // the one connection group commits use
  DbPool deferred_pool_;  // the one connection WriteDeferred uses
  EnvelopeCache envelopes_;
  std::mutex writers_;  // see WriteTransaction

  std::mutex group_mu_;  // guards the two below
  std::vector<PendingWrite*> group_queue_;
  bool group_leader_ = false;

  DeferredAudit deferred_;  // last: stopped first, while the pools still exist
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_SQLITE_STORAGE_H_
