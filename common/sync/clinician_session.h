// ClinicianSession: what the clinician's two programs (fieldnotes-clinician
// and the viewer, fieldnotes-viewer) do with their key file, their state
// file (clinician_store.h) and the server, in one place: signing in and
// out, publishing keys, invites with a local label, the clients and their
// safety numbers, the list of reports, and opening one with every check.
//
// It speaks no user interface: every expected failure is a Status whose
// message is plain words without program names or command lines, so the
// CLI can add its hints and the viewer can show them as they are. Nothing
// here writes a decrypted report anywhere: OpenReport returns its bytes in
// wiped memory and the caller decides.
//
// Not thread-safe: one thread at a time (the viewer's worker, or the CLI).
#ifndef FIELDNOTES_SYNC_CLINICIAN_SESSION_H_
#define FIELDNOTES_SYNC_CLINICIAN_SESSION_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/key_file.h"
#include "core/paths.h"
#include "core/status.h"
#include "sync/clinician_store.h"
#include "sync/connection.h"

namespace fieldnotes::sync {

// $XDG_DATA_HOME/fieldnotes-clinician/keys (an absolute XDG_DATA_HOME
// only), else ~/.local/share/fieldnotes-clinician/keys.
std::string DefaultClinicianKeysPath();

using core::CreateParentFolders;  // core/paths.h

// The clinician's machine clock, in Unix seconds.
int64_t NowSeconds();

// A label is one line of valid UTF-8, at most kMaxLabelBytes. InvalidArgument
// saying what is wrong.
inline constexpr size_t kMaxLabelBytes = 200;
core::Status CheckClientLabel(const std::string& label);

// The 60 digits the clinician and `client` compare (for the key pinned
// when the client was first seen).
Result<std::string> ClientSafetyNumber(const StoredClient& client, const core::ClinicianKeys& keys);

// Writes a copy of a report's PDF to `path` with core::WriteFileAtomically
// (mode 0600, synced; a crash leaves the old file or none, never half a
// PDF). Created exclusively unless `replace` (AlreadyExists), never to a
// symbolic link (Refused). A failed write removes what was written
// (IoError).
core::Status WritePdfCopy(const std::string& path, core::crypto::ByteView pdf, bool replace);

// A new key file at `path` (parents made 0700), unless something is there
// already (AlreadyExists). Returns the new keys.
Result<core::ClinicianKeys> CreateClinicianKeyFile(const std::string& path,
                                                   std::string_view passphrase, int kdf_log2_n);

// What RefreshClients found.
struct ClientsRefresh {
  std::vector<LinkSummary> links;
  // Clients whose key the server now reports differently from the pinned
  // one: their reports are refused.
  std::vector<std::string> changed_clients;
};

// What PublishKeys did.
struct PublishedKeys {
  ClinicianKeys keys;      // as the server has them now
  bool changed = false;    // the server had none, or other ones
  bool had_other = false;  // the server had other keys: every client must verify again
};

// A listed report, with what this computer knows of it.
struct ListedReport {
  ReportInfo info;
  bool is_new = false;                   // not listed here before
  const StoredClient* client = nullptr;  // null for a client not seen here
};

// A report that passed every check, its PDF in wiped memory.
struct VerifiedReport {
  ReportInfo info;
  std::string envelope_id;  // 32 hex
  core::crypto::SecureBytes pdf;
};

class ClinicianSession {
 public:
  // Reads the key file with `passphrase` and opens (locks) its state file.
  // NotFound when there is no key file, WrongPassphrase, Corruption, Busy
  // when another program holds the state file.
  static Result<std::unique_ptr<ClinicianSession>> Open(const std::string& keys_path,
                                                        std::string_view passphrase);
  ClinicianSession(core::ClinicianKeys keys, std::unique_ptr<ClinicianStore> store);
  ~ClinicianSession();
  ClinicianSession(const ClinicianSession&) = delete;
  ClinicianSession& operator=(const ClinicianSession&) = delete;

  const core::ClinicianKeys& keys() const { return keys_; }
  ClinicianStore& store() { return *store_; }
  ClinicianState& state() { return store_->state(); }

  // A CA file to trust instead of the one recorded at sign-in (the CLI's
  // --ca-file). Drops an open connection.
  void OverrideCaFile(std::string ca_file);

  // The connection to the server of the last sign-in (made once). NotFound
  // "not signed in to a server yet".
  Result<Connection*> Connect();
  // Connect() and the session token. Unauthenticated when signed out or
  // when the session has expired here.
  Result<std::string> Token();
  // After a successful Connect() or Token().
  Connection& connection() { return *connection_; }

  // Signs in to `server_url` (trusting only `ca_file` when not empty) and
  // records the session; a session on another server or account is ended
  // there first (best effort). InvalidArgument for a bad URL,
  // Unauthenticated for a wrong email or password, Unavailable, Refused
  // (certificate). The state is saved.
  core::Status SignIn(const std::string& server_url, const std::string& ca_file,
                      const std::string& email, std::string_view password);
  // Forgets the session here whatever the server says; returns whether the
  // server was told (an ended session counts as told). IoError only when the
  // state could not be saved.
  Result<bool> SignOut();

  // Puts this key file's public keys on the server.
  Result<PublishedKeys> PublishKeys();

  // Lists the links and records them (trust on first sight, labels); saves.
  Result<ClientsRefresh> RefreshClients();

  // A new invite code (after RefreshClients, so clients who linked before
  // it do not take its label). `label`, when given, waits here for the next
  // new client. NotFound when the server has no keys of this clinician yet.
  Result<InviteResponse> Invite(const std::optional<std::string>& label);

  // Ends the link with a client on the server (their waiting reports go
  // with it). The label and pinned key stay here.
  core::Status EndLink(const std::string& client_id);

  // The reports on the server, oldest first as the server lists them, each
  // marked new when not listed here before. With `remember`, what was
  // listed becomes "seen" and reports no longer there are forgotten; saved.
  Result<std::vector<ListedReport>> ListReports(bool remember);

  // Downloads `report` and checks it: its client is known and its key
  // unchanged, the bytes are those listed, the envelope opens with this
  // key file and carries the pinned client's signature, it is not a replay
  // of an envelope already opened as another report, and it holds a PDF.
  // Refused with the reason in plain words when any check fails (nothing
  // is kept); a server's failure as it came.
  Result<VerifiedReport> VerifyReport(const ReportInfo& report);
  // Records `report` as opened here (so a replay of its envelope is
  // refused) and as seen; saves.
  core::Status RecordOpened(const VerifiedReport& report);
  // Tells the server the report was opened (the client's receipt).
  core::Status SendOpenedReceipt(const std::string& report_id);

 private:
  core::ClinicianKeys keys_;
  std::unique_ptr<ClinicianStore> store_;
  std::optional<std::string> ca_override_;
  std::unique_ptr<Connection> connection_;
};

}  // namespace fieldnotes::sync

#endif  // FIELDNOTES_SYNC_CLINICIAN_SESSION_H_
