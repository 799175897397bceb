// Storage on Poco::Data with PostgreSQL, for several server processes on one
// database (DESIGN.md §5, docs/server.md "PostgreSQL").
//
// The same tables and statements as SqliteStorage, with PostgreSQL types
// (BIGINT, BYTEA) and `$n` placeholders. What is shared between processes
// lives only in the database: sessions, throttling counters, invites,
// receipts and the audit chain. Writers of every process queue on one
// advisory lock (PgTransaction), so the chain stays one chain. Purges run in
// one process at a time (a second advisory lock, tried, not waited for).
//
// Each process keeps downloaded envelopes in memory (envelope_cache.h) and
// the grants its downloads read (access_cache.h). Every change that ends
// access (a withdrawal, an ended link, an expiry, a logout, a disabled
// account, a new password, a purge of sessions, a key change) sends NOTIFY
// in its own transaction; each process listens on a connection of its own
// (pg_listener.h). A download answers from a kept grant only after a round
// trip on that connection that began after the request arrived
// (PgListener::Sync), so every change committed before has been heard and
// has cleared what it ended. While the listener is not connected nothing is
// kept or answered from memory, and every download asks the database.
#ifndef FIELDNOTES_SERVER_PG_STORAGE_H_
#define FIELDNOTES_SERVER_PG_STORAGE_H_

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "server/access_cache.h"
#include "server/deferred_audit.h"
#include "server/envelope_cache.h"
#include "server/pg_listener.h"
#include "server/pg_pool.h"
#include "server/storage.h"

namespace fieldnotes::server {

class PgStorage final : public Storage {
 public:
  // Opens a pool on `conninfo` (a libpq connection string, see
  // PgConninfoFromUrl) and creates or upgrades the schema. Unavailable when
  // the database cannot be reached, Unsupported for a schema version this
  // build does not know, IoError for other database failures.
  static Result<std::unique_ptr<PgStorage>> Open(const std::string& conninfo, int max_sessions,
                                                 size_t envelope_cache_bytes = 0);
  ~PgStorage() override;
  static constexpr int64_t kEnvelopeCacheSeconds = 600;
  // The channel NOTIFY uses; payloads "report:<id>" (withdrawn or expired),
  // "all" (a link ended) or "sessions" (sessions or keys changed).
  static constexpr char kChannel[] = "fieldnotes_envelopes";
  static constexpr int64_t kPurgeLock = 0x46696e50;  // "FinP"
  // Grants kept in memory at most (access_cache.h).
  static constexpr size_t kMaxGrants = 65536;

  const EnvelopeCache& envelope_cache() const { return envelopes_; }
  const AccessCache& access_cache() const { return access_; }
  // True once the listener is connected and listening (tests wait for it).
  bool listening() const { return listener_.listening(); }
  // Downloads whose session and access were answered from memory.
  uint64_t decided_in_memory() const { return decided_in_memory_.load(); }
  uint64_t syncs() const { return listener_.syncs(); }

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
  Result<SessionRecord> FindSessionForDownload(const std::string& token_hash,
                                               const std::string& report_id, int64_t now,
                                               int64_t fresh_seconds,
                                               DownloadCheck& check) override;
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
  Result<StoredEnvelope> DownloadChecked(const std::string& clinician_id,
                                         const std::string& report_id, const DownloadCheck& check,
                                         const AuditEvent& audit) override;
  Status MarkOpened(const std::string& clinician_id, const std::string& report_id,
                    const AuditEvent& audit) override;
  std::vector<ReportRecord> ListReceipts(const std::string& client_id) override;
  Status WithdrawReport(const std::string& client_id, const std::string& report_id,
                        const AuditEvent& audit) override;

  int64_t PurgeExpired(int64_t now, int64_t session_idle_seconds) override;
  // PostgreSQL reuses the space of deleted rows itself (VACUUM); nothing to do.
  void Checkpoint() override {}

  void AppendAudit(const AuditEvent& audit) override;
  std::vector<AuditRecord> ReadAudit() override;
  std::pair<int64_t, std::string> AuditHead() override;

  // Appends records to the chain inside the caller's PgTransaction: reads
  // the head once, writes it back once (Finish), however many records.
  class AuditAppender {
   public:
    explicit AuditAppender(Poco::Data::Session& s) : s_(s) {}
    void Append(const AuditEvent& event);
    // The same for many records, in one statement (one round trip).
    void AppendAll(const std::vector<AuditEvent>& events);
    void Finish();

   private:
    void Load();
    Poco::Data::Session& s_;
    bool loaded_ = false;
    bool appended_ = false;
    int64_t seq_ = 0;
    std::string hash_;
  };
  // One record, inside the caller's PgTransaction.
  static void AppendAuditIn(Poco::Data::Session& s, const AuditEvent& event);
  // True when the database holds no clinician, link, report or audit record
  // (admin migrate copies only into such a database).
  bool IsEmpty();
  PgPool& pool() { return pool_; }

 private:
  PgStorage(const std::string& conninfo, int max_sessions, size_t envelope_cache_bytes);
  Status CreateSchema();
  static void DeleteLinkReportsIn(Poco::Data::Session& s, const std::string& client_id);
  static void Notify(Poco::Data::Session& s, const std::string& payload);
  // A notification heard by the listener ("" when what was heard may be
  // incomplete): drops what it ended from memory.
  void OnNotice(const std::string& payload);

  // Group commit, as SqliteStorage does it: `work` runs in one write
  // transaction with the callers that arrive while another batch commits,
  // and this returns once that transaction is durable, so the audit records
  // of many downloads share one commit (and one turn of the write lock).
  // A batch that fails is rolled back and each part retried alone; `work`'s
  // own exception is rethrown to its caller.
  using GroupWork = std::function<void(Poco::Data::Session&, AuditAppender&)>;
  void GroupWrite(const GroupWork& work);
  struct PendingWrite;
  void CommitBatch(const std::vector<PendingWrite*>& batch);
  std::mutex group_mu_;  // guards the two below
  std::vector<PendingWrite*> group_queue_;
  bool group_leader_ = false;

  // The records of repeat downloads (deferred_audit.h): one transaction
  // under the write lock, committed with synchronous_commit off.
  void WriteDeferred(const std::vector<AuditEvent>& events);

  PgPool pool_;
  EnvelopeCache envelopes_;
  AccessCache access_;
  const bool caching_;
  std::atomic<uint64_t> decided_in_memory_{0};
  PgListener listener_;     // after what OnNotice touches; stopped first
  DeferredAudit deferred_;  // last: stopped first, while the pool still exists
};

// A libpq connection string from `url` (postgresql://USER@HOST:PORT/DB, as
// in `database.url`): never a password from the URL (InvalidArgument when it
// has one; passwords come from PGPASSFILE or `password_file`, a file in
// .pgpass format that libpq reads itself).
Result<std::string> PgConninfoFromUrl(const std::string& url, const std::string& password_file);

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_PG_STORAGE_H_
