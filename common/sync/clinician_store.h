// The clinician's local state (docs/clinician.md, "The state file"): the
// server and the sign-in, and per client the label the clinician typed, the
// pinned Ed25519 key, the reports already seen and the envelopes already
// opened. Shared by fieldnotes-clinician and the clinician's viewer.
//
// The state is one file next to the key file, sealed with AES-256-GCM under
// a key derived with HKDF-SHA256 from the clinician's private keys, so it
// opens only with the key file it belongs to. It is written whole, to a
// temporary file that is synced and renamed into place (mode 0600), and a
// ClinicianStore holds an exclusive lock on it for its lifetime, so two
// programs never lose each other's changes.
//
// Labels are the clinician's own words for a client; they are never sent to
// the server. The session token is kept here and nowhere else; it is never
// put into a Status message.
#ifndef FIELDNOTES_SYNC_CLINICIAN_STORE_H_
#define FIELDNOTES_SYNC_CLINICIAN_STORE_H_

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/key_file.h"
#include "core/status.h"
#include "sync/messages.h"

namespace fieldnotes::sync {

// File layout (docs/clinician.md): magic, version, reserved, HKDF salt,
// GCM nonce, then the sealed JSON; the first kStateHeaderBytes are the AAD.
inline constexpr std::array<uint8_t, 4> kStateMagic = {'F', 'N', 'C', 'S'};
inline constexpr uint8_t kStateVersion = 1;
inline constexpr char kStateHkdfInfo[] = "fieldnotes/clinician-state/v1";
inline constexpr size_t kStateSaltBytes = 32;
inline constexpr size_t kStateHeaderBytes = 8 + kStateSaltBytes + 12;
inline constexpr size_t kMaxStateBytes = size_t{16} * 1024 * 1024;
inline constexpr char kStateFormat[] = "fieldnotes-clinician-state/v1";

struct StoredClient {
  std::string client_id;   // 32 hex, the server's pseudonymous id
  std::string label;       // the clinician's words; may be empty
  std::string pinned_key;  // 64 hex: the Ed25519 key first seen for this client
  int64_t paired_at = 0;   // as the server said
  int64_t first_seen_at = 0;
  // The server once reported a key other than the pinned one (64 hex);
  // empty when it never did. Reports of this client are refused.
  std::string other_key;
  // The clinician's private note about this client: kept here only, in
  // this state file sealed with their key file; never sent anywhere.
  std::string note;
};
// Longest private note, in bytes.
inline constexpr size_t kMaxClientNoteBytes = size_t{64} * 1024;

// A label given with `invite --label`, waiting for the client who redeems
// that invite.
struct PendingLabel {
  std::string label;
  int64_t created_at = 0;
  int64_t expires_at = 0;  // the invite's expiry
  // InviteResponse::invite_id; empty for labels kept by an older version,
  // which go to the next new client instead.
  std::string invite_id;
};

struct ClinicianState {
  std::string server_url;  // "https://host:port"; empty before the first login
  std::string ca_file;     // absolute path, or empty for the system's authorities
  std::string email;
  std::string token;  // empty when signed out
  int64_t token_expires_at = 0;
  std::vector<StoredClient> clients;  // in the order first seen
  std::vector<PendingLabel> pending_labels;
  std::set<std::string> seen_reports;                   // report ids already listed
  std::map<std::string, std::string> opened_envelopes;  // envelope id (32 hex) -> report id
};

// What ObserveLinks found.
struct LinkObservation {
  std::vector<std::string> new_clients;      // ids first seen now
  std::vector<std::string> changed_clients;  // ids whose key differs from the pinned one
};

class ClinicianStore {
 public:
  // "<key file>.state"
  static std::string PathFor(const std::string& key_file_path);

  // Locks `path` (waiting up to `lock_timeout_ms` for another program, then
  // Busy) and reads it; a missing file is an empty state. Corruption when
  // the file does not open with `keys` (another key file's state, or a
  // damaged or edited file), Unsupported for an unknown version, IoError.
  static core::Result<std::unique_ptr<ClinicianStore>> Open(const std::string& path,
                                                            const core::ClinicianKeys& keys,
                                                            int lock_timeout_ms = 10000);
  ~ClinicianStore();
  ClinicianStore(const ClinicianStore&) = delete;
  ClinicianStore& operator=(const ClinicianStore&) = delete;

  ClinicianState& state() { return state_; }
  const ClinicianState& state() const { return state_; }
  const std::string& path() const { return path_; }

  // Seals and writes the whole state atomically (temporary file, fsync,
  // rename, fsync of the folder). IoError naming the step; on failure the
  // old file is intact.
  core::Status Save();

  // Trust on first sight: a link not seen before is added with its
  // client_key pinned and the pending label of the invite it was made with
  // (by invite_id; failing that, the oldest label without an invite id, from
  // an older version, made before it paired); a known
  // link whose client_key differs from the pinned key is recorded
  // (other_key) and never re-pinned. Also drops expired pending labels.
  // Call Save() afterwards.
  LinkObservation ObserveLinks(const std::vector<LinkSummary>& links, int64_t now);

  // By full id, by a unique id prefix of at least 8 characters, or by an
  // exact label that only one client has. NotFound or InvalidArgument
  // (ambiguous) with a message naming what was asked.
  core::Result<StoredClient*> FindClient(std::string_view id_or_label);
  StoredClient* FindClientById(std::string_view client_id);

  // True when `envelope_id_hex` was opened before as another report than
  // `report_id` (fetching the same report again is not a replay).
  bool IsReplay(const std::string& envelope_id_hex, const std::string& report_id) const;
  void RecordOpened(const std::string& envelope_id_hex, const std::string& report_id);

 private:
  ClinicianStore(std::string path, int lock_fd, core::crypto::SecureBytes ikm);
  core::Status Load();

  std::string path_;
  int lock_fd_ = -1;
  core::crypto::SecureBytes ikm_;  // x25519 private ‖ ed25519 private
  ClinicianState state_;
};

}  // namespace fieldnotes::sync

#endif  // FIELDNOTES_SYNC_CLINICIAN_STORE_H_
