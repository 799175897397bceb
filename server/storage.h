// Storage: everything the sync server keeps, behind one interface.
//
// The server knows clinician accounts, their public keys, sessions, invites,
// pseudonymous links with device credentials, opaque report envelopes with
// the least metadata needed to deliver them, throttling counters and the
// hash-chained audit log. Nothing here can hold a journal entry or a name.
//
// Every method that changes state takes the AuditEvent describing the change
// and writes it in the same transaction, so the log and the data never
// disagree. Expected outcomes (not found, already exists, over quota) are
// values; a failure of the database itself throws Poco::Exception, which the
// HTTP layer maps to 500/503 (one try/catch per handler, docs/server.md).
// Secrets are never stored: tokens, credentials and invite codes arrive here
// already hashed (server/secrets.h).
#ifndef FIELDNOTES_SERVER_STORAGE_H_
#define FIELDNOTES_SERVER_STORAGE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/crypto.h"
#include "core/status.h"

namespace fieldnotes::server {

using core::Result;
using core::Status;

// One line of the audit log (server/audit_chain.h has the hashing rules).
struct AuditEvent {
  int64_t at = 0;
  std::string actor;   // "clinician:<id>", "client:<id>", "address:<ip>", "operator", "server"
  std::string action;  // "login", "login_failed", "upload", ...
  std::string object;  // "report:<id>", "link:<client id>", "email:<address>", ...
};

struct AuditRecord {
  int64_t seq = 0;  // 1, 2, 3, ... without gaps
  AuditEvent event;
  std::string prev_hash;  // 64 hex; the genesis record has 64 zeros
  std::string hash;       // 64 hex
};

struct ClinicianRecord {
  std::string id;  // 32 hex
  std::string email;
  std::string password_hash;  // server/password.h format
  bool disabled = false;
  int64_t created_at = 0;
};

struct SessionRecord {
  std::string token_hash;
  std::string clinician_id;
  int64_t created_at = 0;
  int64_t last_seen = 0;
  int64_t expires_at = 0;  // absolute expiry
};

struct KeyRecord {
  std::string clinician_id;
  int64_t version = 0;
  std::string x25519;
  std::string ed25519;
  int64_t created_at = 0;
};

struct InviteRecord {
  std::string code_hash;
  std::string clinician_id;
  int64_t created_at = 0;
  int64_t expires_at = 0;
  std::string id;  // random; sync::InviteResponse::invite_id
};

struct LinkRecord {
  std::string client_id;
  std::string clinician_id;
  std::string credential_hash;
  std::string client_key;  // the client's Ed25519 public key, 64 hex
  int64_t created_at = 0;
  std::string invite_id;  // InviteRecord::id of the invite redeemed; set by RedeemInvite
};

struct LinkSummaryRecord {
  std::string client_id;
  std::string client_key;
  int64_t created_at = 0;
  int64_t reports_waiting = 0;
  std::string invite_id;  // empty for links made before schema version 3
};

// Metadata of one report. Timestamps of 0 mean "not (yet)".
struct ReportRecord {
  std::string id;
  std::string client_id;
  std::string period_end;  // YYYY-MM-DD
  int64_t size = 0;
  std::string sha256;
  int64_t uploaded_at = 0;
  int64_t expires_at = 0;
  int64_t downloaded_at = 0;
  int64_t opened_at = 0;
  int64_t withdrawn_at = 0;
  int64_t expired_at = 0;
};

// A stored envelope as a download gets it: the bytes, shared and never
// changed (the storage may keep them for the next download), and their
// SHA-256 as computed at upload.
struct StoredEnvelope {
  std::shared_ptr<const std::vector<uint8_t>> bytes;
  std::string sha256;
};

// What the download path learns about a report in the same read as the
// session (Storage::FindSessionForDownload).
struct DownloadCheck {
  enum class Access {
    kUnknown,  // not read: DownloadReport decides
    kDenied,   // not stored, or not on one of the session's clinician's active links
    kGranted,
  };
  Access access = Access::kUnknown;
  std::string sha256;              // when granted
  bool downloaded_before = false;  // when granted
};

struct ThrottleRecord {
  std::string key;
  int64_t count = 0;
  int64_t window_start = 0;
  int64_t last_failure = 0;
};

struct Quota {
  int64_t max_reports = 0;  // stored (not withdrawn, not expired) per link
  int64_t max_bytes = 0;
};

class Storage {
 public:
  virtual ~Storage() = default;

  // Accounts. Emails are stored as given after normalisation by the caller.
  virtual Result<ClinicianRecord> FindClinicianByEmail(const std::string& email) = 0;
  virtual Result<ClinicianRecord> FindClinicianById(const std::string& id) = 0;
  // AlreadyExists when the email is taken.
  virtual Status AddClinician(const ClinicianRecord& rec, const AuditEvent& audit) = 0;
  virtual std::vector<ClinicianRecord> ListClinicians() = 0;
  // Both end every session of the account. NotFound for an unknown id.
  virtual Status SetClinicianDisabled(const std::string& id, bool disabled,
                                      const AuditEvent& audit) = 0;
  virtual Status SetPasswordHash(const std::string& id, const std::string& hash,
                                 const AuditEvent& audit) = 0;

  // Sessions, by the SHA-256 of their token.
  virtual Status AddSession(const SessionRecord& rec, const AuditEvent& audit) = 0;
  virtual Result<SessionRecord> FindSession(const std::string& token_hash) = 0;
  virtual void TouchSession(const std::string& token_hash, int64_t now) = 0;
  // FindSession, and in the same read whether the session's clinician may
  // download `report_id` (into `check`), so that a download costs at most
  // one round trip to a database server: the session and the access are
  // decided together. A storage may answer a grant it read before from
  // memory, but only when no change that ends it can have committed since
  // (PgStorage, docs/server.md), and only while `now` is within
  // `fresh_seconds` of the session's last_seen as it kept it (so a session
  // kept alive elsewhere is read again, never judged idle on an old time).
  // The default reads the session only and leaves `check` kUnknown.
  virtual Result<SessionRecord> FindSessionForDownload(const std::string& token_hash,
                                                       const std::string& report_id, int64_t now,
                                                       int64_t fresh_seconds,
                                                       DownloadCheck& check) {
    (void)report_id;
    (void)now;
    (void)fresh_seconds;
    check = DownloadCheck{};
    return FindSession(token_hash);
  }
  virtual Status DeleteSession(const std::string& token_hash, const AuditEvent& audit) = 0;

  // Throttling counters: a fixed window that starts at the first failure
  // after the previous window ended. AddFailure returns the updated counter.
  virtual ThrottleRecord AddFailure(const std::string& key, int64_t now,
                                    int64_t window_seconds) = 0;
  virtual ThrottleRecord GetThrottle(const std::string& key) = 0;
  virtual void ResetThrottle(const std::string& key) = 0;
  // Takes back one attempt counted by AddFailure (an attempt that turned
  // out to be allowed and right, or refused before it was tried); the
  // window stays. Never below zero.
  virtual void ReleaseAttempt(const std::string& key) = 0;

  // Keys: AddKeys stores version (current + 1) and returns it.
  virtual Result<KeyRecord> AddKeys(const KeyRecord& keys, const AuditEvent& audit) = 0;
  virtual Result<KeyRecord> CurrentKeys(const std::string& clinician_id) = 0;

  // Invites and pairing. RedeemInvite marks the invite used and creates the
  // link (`link` with the invite's clinician filled in, which it returns) in
  // one transaction; NotFound for an unknown, used or expired code or a
  // disabled clinician (one answer for all).
  virtual Status AddInvite(const InviteRecord& rec, const AuditEvent& audit) = 0;
  virtual Result<LinkRecord> RedeemInvite(const std::string& code_hash, int64_t now,
                                          LinkRecord link, const AuditEvent& audit) = 0;

  // Links. Only active (not ended) links are found.
  virtual Result<LinkRecord> FindLinkByCredential(const std::string& credential_hash) = 0;
  virtual std::vector<LinkSummaryRecord> ListLinks(const std::string& clinician_id) = 0;
  // Ends the link and deletes its reports (metadata and bytes). NotFound
  // unless the link is active and belongs to `clinician_id`.
  virtual Status EndLink(const std::string& clinician_id, const std::string& client_id,
                         const AuditEvent& audit) = 0;

  // Reports. AddReport returns false, storing nothing, when the envelope
  // would take the link over `quota`.
  virtual Result<bool> AddReport(const ReportRecord& rec, core::crypto::ByteView bytes,
                                 const Quota& quota, const AuditEvent& audit) = 0;
  // Stored reports of the clinician's active links, newest first.
  virtual std::vector<ReportRecord> ListReports(const std::string& clinician_id) = 0;
  // The envelope, recording the download (and the first one's time); the
  // answer may be sent once this returns (the audit record is durable).
  // NotFound unless the report is stored and belongs to one of the
  // clinician's active links.
  virtual Result<StoredEnvelope> DownloadReport(const std::string& clinician_id,
                                                const std::string& report_id,
                                                const AuditEvent& audit) = 0;
  // The same after FindSessionForDownload granted `check` (kGranted; other
  // values: NotFound, or DownloadReport for kUnknown): the access is not
  // read again. The default calls DownloadReport.
  virtual Result<StoredEnvelope> DownloadChecked(const std::string& clinician_id,
                                                 const std::string& report_id,
                                                 const DownloadCheck& check,
                                                 const AuditEvent& audit) {
    if (check.access == DownloadCheck::Access::kDenied) return Status::NotFound("no such report");
    return DownloadReport(clinician_id, report_id, audit);
  }
  virtual Status MarkOpened(const std::string& clinician_id, const std::string& report_id,
                            const AuditEvent& audit) = 0;
  // Every report of the client's link, in any state, newest first.
  virtual std::vector<ReportRecord> ListReceipts(const std::string& client_id) = 0;
  // Deletes the bytes at once and keeps the receipt. NotFound unless the
  // report is stored and belongs to the client.
  virtual Status WithdrawReport(const std::string& client_id, const std::string& report_id,
                                const AuditEvent& audit) = 0;

  // Deletes the bytes of reports whose expiry has passed (one audit record
  // each, actor "server"); sessions past their absolute expiry or idle for
  // `session_idle_seconds` (both refused by then); and invites and
  // throttling counters that can no longer matter. Returns the number of
  // reports purged.
  virtual int64_t PurgeExpired(int64_t now, int64_t session_idle_seconds) = 0;

  // Moves the write-ahead log into the database file and empties it, so
  // deleted bytes (zeroed by secure_delete) are gone from both files.
  virtual void Checkpoint() = 0;

  // The audit log.
  virtual void AppendAudit(const AuditEvent& audit) = 0;
  virtual std::vector<AuditRecord> ReadAudit() = 0;
  // The head as recorded separately from the log: (seq, hash), or (0, "")
  // for an empty log.
  virtual std::pair<int64_t, std::string> AuditHead() = 0;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_STORAGE_H_
