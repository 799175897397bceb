#include "sync/clinician_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "core/atomic_file.h"
#include "core/json.h"
#include "core/json_binding.h"
#include "core/keys.h"
#include "sync/api.h"

namespace fieldnotes::sync {

using core::Result;
using core::Status;
using core::crypto::Bytes;
using core::crypto::SecureBytes;
namespace json = core::json;
namespace crypto = core::crypto;

namespace {

Status Errno(std::string_view what, const std::string& path) {
  return Status::IoError("could not " + std::string(what) + " " + path + " (" +
                         std::strerror(errno) + ")");
}

Result<SecureBytes> DeriveKey(const SecureBytes& ikm, crypto::ByteView salt) {
  return crypto::HkdfSha256(ikm.view(), salt, crypto::AsBytes(kStateHkdfInfo),
                            crypto::kAesKeyBytes);
}

Status Damaged(std::string_view why) {
  return Status::Corruption("the clinician's state file does not open with this key file (" +
                            std::string(why) + ")");
}

// ---- JSON form of the state (docs/clinician.md) ----

json::Value ToJson(const ClinicianState& s) {
  json::Object o;
  o.Set("format", kStateFormat);
  o.Set("server_url", s.server_url);
  o.Set("ca_file", s.ca_file);
  o.Set("email", s.email);
  o.Set("token", s.token);
  o.Set("token_expires_at", s.token_expires_at);
  json::Array clients;
  for (const StoredClient& c : s.clients) {
    json::Object co;
    co.Set("client_id", c.client_id);
    co.Set("label", c.label);
    co.Set("pinned_key", c.pinned_key);
    co.Set("paired_at", c.paired_at);
    co.Set("first_seen_at", c.first_seen_at);
    co.Set("other_key", c.other_key);
    if (!c.note.empty()) co.Set("note", c.note);
    clients.push_back(json::Value(std::move(co)));
  }
  o.Set("clients", json::Value(std::move(clients)));
  json::Array pending;
  for (const PendingLabel& p : s.pending_labels) {
    json::Object po;
    po.Set("label", p.label);
    po.Set("created_at", p.created_at);
    po.Set("expires_at", p.expires_at);
    if (!p.invite_id.empty()) po.Set("invite_id", p.invite_id);
    pending.push_back(json::Value(std::move(po)));
  }
  o.Set("pending_labels", json::Value(std::move(pending)));
  json::Array seen;
  for (const std::string& id : s.seen_reports) seen.push_back(json::Value(id));
  o.Set("seen_reports", json::Value(std::move(seen)));
  json::Object opened;
  for (const auto& [envelope, report] : s.opened_envelopes) opened.Set(envelope, report);
  o.Set("opened_envelopes", json::Value(std::move(opened)));
  return json::Value(std::move(o));
}

Result<ClinicianState> FromJson(std::string_view text) {
  constexpr char kName[] = "the clinician's state file";
  auto value = json::Parse(text);
  if (!value.ok()) return Status::Corruption(std::string(kName) + " does not parse");
  json::Reader r(std::move(value).value(), kName);
  std::string format;
  r.Required("format", format);
  if (r.ok() && format != kStateFormat) {
    return Status::Unsupported("the clinician's state file has a format this build does not know");
  }
  ClinicianState s;
  std::vector<json::Object> clients;
  std::vector<json::Object> pending;
  std::vector<std::string> seen;
  json::Object opened;
  r.Required("server_url", s.server_url)
      .Required("ca_file", s.ca_file)
      .Required("email", s.email)
      .Required("token", s.token)
      .Required("token_expires_at", s.token_expires_at)
      .Required("clients", clients)
      .Required("pending_labels", pending)
      .Required("seen_reports", seen)
      .Required("opened_envelopes", opened);
  if (!r.ok()) return r.status();
  for (const json::Object& o : clients) {
    json::Reader c(o, "the clinician's state file: a client");
    StoredClient client;
    c.Required("client_id", client.client_id)
        .Check("client_id", IsLowerHex(client.client_id, kIdHexChars), "is not an id")
        .Required("label", client.label)
        .Required("pinned_key", client.pinned_key)
        .Check("pinned_key", IsLowerHex(client.pinned_key, 2 * kPublicKeyBytes),
               "is not a public key")
        .Required("paired_at", client.paired_at)
        .Required("first_seen_at", client.first_seen_at)
        .Required("other_key", client.other_key)
        .Optional("note", client.note)
        .Check("note", client.note.size() <= kMaxClientNoteBytes, "is too long");
    if (!c.ok()) return c.status();
    s.clients.push_back(std::move(client));
  }
  for (const json::Object& o : pending) {
    json::Reader p(o, "the clinician's state file: a pending label");
    PendingLabel label;
    p.Required("label", label.label)
        .Required("created_at", label.created_at)
        .Required("expires_at", label.expires_at)
        .Optional("invite_id", label.invite_id)
        .Check("invite_id", label.invite_id.empty() || IsLowerHex(label.invite_id, kIdHexChars),
               "is not an id");
    if (!p.ok()) return p.status();
    s.pending_labels.push_back(std::move(label));
  }
  s.seen_reports.insert(seen.begin(), seen.end());
  for (const auto& [envelope, report] : opened.items()) {
    if (!report.is_string())
      return Status::Corruption(std::string(kName) + ": opened_envelopes is not a list of ids");
    s.opened_envelopes[envelope] = report.as_string();
  }
  return s;
}

}  // namespace

std::string ClinicianStore::PathFor(const std::string& key_file_path) {
  return key_file_path + ".state";
}

ClinicianStore::ClinicianStore(std::string path, int lock_fd, SecureBytes ikm)
    : path_(std::move(path)), lock_fd_(lock_fd), ikm_(std::move(ikm)) {}

ClinicianStore::~ClinicianStore() {
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the lock
}

Result<std::unique_ptr<ClinicianStore>> ClinicianStore::Open(const std::string& path,
                                                             const core::ClinicianKeys& keys,
                                                             int lock_timeout_ms) {
  // The lock lives in a file of its own: the state file is replaced by
  // rename at every save, and a lock on a replaced file protects nothing.
  const std::string lock_path = path + ".lock";
  const int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return Errno("open the lock file", lock_path);
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(lock_timeout_ms);
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK && errno != EINTR) {
      Status s = Errno("lock", lock_path);
      ::close(fd);
      return s;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      ::close(fd);
      return Status::Busy("another fieldnotes-clinician (or the viewer) is using " + path +
                          "; try again when it has finished");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }

  SecureBytes ikm(keys.sealing.private_key.size() + keys.signing.private_key.size());
  std::copy(keys.sealing.private_key.view().begin(), keys.sealing.private_key.view().end(),
            ikm.data());
  std::copy(keys.signing.private_key.view().begin(), keys.signing.private_key.view().end(),
            ikm.data() + keys.sealing.private_key.size());
  std::unique_ptr<ClinicianStore> store(new ClinicianStore(path, fd, std::move(ikm)));
  FN_RETURN_IF_ERROR(store->Load());
  return store;
}

Status ClinicianStore::Load() {
  const int fd = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    if (errno == ENOENT) return Status::Ok();  // nothing yet: an empty state
    return Errno("open", path_);
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::IoError(path_ + " is not a regular file");
  }
  if (static_cast<uint64_t>(st.st_size) > kMaxStateBytes) {
    ::close(fd);
    return Damaged("too large");
  }
  Bytes data(static_cast<size_t>(st.st_size));
  size_t got = 0;
  while (got < data.size()) {
    const ssize_t n = ::read(fd, data.data() + got, data.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  if (got != data.size()) return Errno("read", path_);
  if (data.size() < kStateHeaderBytes + crypto::kGcmTagBytes ||
      !std::equal(kStateMagic.begin(), kStateMagic.end(), data.begin())) {
    return Damaged("not a Fieldnotes state file");
  }
  if (data[4] != kStateVersion) {
    return Status::Unsupported("the clinician's state file is version " + std::to_string(data[4]) +
                               ", which this build does not know");
  }
  if (data[5] != 0 || data[6] != 0 || data[7] != 0) return Damaged("reserved bytes are set");
  const crypto::ByteView all(data);
  const crypto::ByteView header = all.first(kStateHeaderBytes);
  const crypto::ByteView salt = all.subspan(8, kStateSaltBytes);
  const crypto::ByteView nonce = all.subspan(8 + kStateSaltBytes, crypto::kGcmNonceBytes);
  auto key = DeriveKey(ikm_, salt);
  if (!key.ok()) return key.status();
  auto plain = crypto::AesGcmOpen(key->view(), nonce, header, all.subspan(kStateHeaderBytes));
  if (!plain.ok()) return Damaged("authentication failed: another key file's, or edited");
  auto state = FromJson(crypto::AsChars(plain->view()));
  if (!state.ok()) return state.status();
  state_ = std::move(state).value();
  return Status::Ok();
}

Status ClinicianStore::Save() {
  Bytes header(kStateHeaderBytes, 0);
  std::copy(kStateMagic.begin(), kStateMagic.end(), header.begin());
  header[4] = kStateVersion;
  FN_RETURN_IF_ERROR(crypto::RandomBytes(std::span<uint8_t>(header).subspan(8)));
  const crypto::ByteView salt = crypto::ByteView(header).subspan(8, kStateSaltBytes);
  const crypto::ByteView nonce =
      crypto::ByteView(header).subspan(8 + kStateSaltBytes, crypto::kGcmNonceBytes);
  auto key = DeriveKey(ikm_, salt);
  if (!key.ok()) return key.status();
  // The token is in here: keep the plaintext in a buffer that is wiped.
  crypto::SecureString plain(json::Write(ToJson(state_)));
  auto sealed = crypto::AesGcmSeal(key->view(), nonce, header, crypto::AsBytes(plain.str()));
  if (!sealed.ok()) return sealed.status();

  std::string bytes(header.begin(), header.end());
  bytes.append(sealed->begin(), sealed->end());
  if (Status s = core::WriteFileAtomically(path_, bytes); !s.ok())
    return Status::IoError("could not save " + path_ + " (" + s.message() + ")");
  return Status::Ok();
}

LinkObservation ClinicianStore::ObserveLinks(const std::vector<LinkSummary>& links, int64_t now) {
  LinkObservation seen;
  std::erase_if(state_.pending_labels,
                [now](const PendingLabel& p) { return p.expires_at != 0 && p.expires_at < now; });
  // Oldest pairing first, so labels go to clients in the order they paired.
  std::vector<const LinkSummary*> ordered;
  ordered.reserve(links.size());
  for (const LinkSummary& l : links) ordered.push_back(&l);
  std::stable_sort(ordered.begin(), ordered.end(), [](const LinkSummary* a, const LinkSummary* b) {
    return a->created_at < b->created_at;
  });
  for (const LinkSummary* link : ordered) {
    if (StoredClient* known = FindClientById(link->client_id)) {
      if (link->client_key != known->pinned_key) {
        known->other_key = link->client_key;
        seen.changed_clients.push_back(link->client_id);
      }
      continue;
    }
    if (!IsLowerHex(link->client_id, kIdHexChars) ||
        !IsLowerHex(link->client_key, 2 * kPublicKeyBytes)) {
      continue;  // nothing to pin; never trust a malformed key
    }
    StoredClient client;
    client.client_id = link->client_id;
    client.pinned_key = link->client_key;
    client.paired_at = link->created_at;
    client.first_seen_at = now;
    // The label given to the invite this link was made with. Failing that
    // (an older server names no invite; an older version kept labels
    // without one), the oldest label that names no invite and was made
    // before the link paired. A label for another invite never moves.
    auto& pending = state_.pending_labels;
    auto label = pending.end();
    if (!link->invite_id.empty()) {
      label = std::find_if(pending.begin(), pending.end(),
                           [&](const PendingLabel& p) { return p.invite_id == link->invite_id; });
    }
    if (label == pending.end()) {
      label = std::find_if(pending.begin(), pending.end(), [&](const PendingLabel& p) {
        return p.invite_id.empty() && p.created_at <= link->created_at + 60;
      });
    }
    if (label != state_.pending_labels.end()) {
      client.label = label->label;
      state_.pending_labels.erase(label);
    }
    state_.clients.push_back(std::move(client));
    seen.new_clients.push_back(link->client_id);
  }
  return seen;
}

StoredClient* ClinicianStore::FindClientById(std::string_view client_id) {
  for (StoredClient& c : state_.clients) {
    if (c.client_id == client_id) return &c;
  }
  return nullptr;
}

Result<StoredClient*> ClinicianStore::FindClient(std::string_view id_or_label) {
  if (id_or_label.empty()) return Status::InvalidArgument("a client id or label is needed");
  if (StoredClient* exact = FindClientById(id_or_label)) return exact;
  std::vector<StoredClient*> matches;
  if (id_or_label.size() >= 8 && IsLowerHex(id_or_label, id_or_label.size())) {
    for (StoredClient& c : state_.clients) {
      if (c.client_id.starts_with(id_or_label)) matches.push_back(&c);
    }
  }
  if (matches.empty()) {
    for (StoredClient& c : state_.clients) {
      if (!c.label.empty() && c.label == id_or_label) matches.push_back(&c);
    }
  }
  if (matches.size() == 1) return matches.front();
  if (matches.empty()) {
    return Status::NotFound(
        "no client with that id or label; 'fieldnotes-clinician clients' lists them");
  }
  return Status::InvalidArgument("more than one client matches; give more of the id");
}

bool ClinicianStore::IsReplay(const std::string& envelope_id_hex,
                              const std::string& report_id) const {
  auto it = state_.opened_envelopes.find(envelope_id_hex);
  return it != state_.opened_envelopes.end() && it->second != report_id;
}

void ClinicianStore::RecordOpened(const std::string& envelope_id_hex,
                                  const std::string& report_id) {
  state_.opened_envelopes.emplace(envelope_id_hex, report_id);
}

}  // namespace fieldnotes::sync
