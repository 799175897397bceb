#include "sync/clinician_session.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

#include "core/i18n.h"
#include "core/atomic_file.h"
#include "core/envelope.h"
#include "core/json.h"
#include "core/paths.h"
#include "core/safety_number.h"

namespace fieldnotes::sync {
namespace {

using core::crypto::ByteView;
using core::crypto::HexEncode;

constexpr std::string_view kPdfMagic = "%PDF-";

}  // namespace

core::Status WritePdfCopy(const std::string& path, ByteView pdf, bool replace) {
  using core::Status;
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode))
    return Status::Refused(
        core::Format(core::Tr("not writing to %1: it is a symbolic link."), path));
  Status s = core::WriteFileAtomically(
      path, std::string_view(reinterpret_cast<const char*>(pdf.data()), pdf.size()),
      replace ? core::AtomicWrite::kReplace : core::AtomicWrite::kCreateNew);
  if (s.code() == Status::Code::kAlreadyExists)
    return Status::AlreadyExists(
        core::Format(core::Tr("%1 already exists; it was left as it is."), path));
  return s;
}

std::string DefaultClinicianKeysPath() { return core::DataHome() + "/fieldnotes-clinician/keys"; }

int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

core::Status CheckClientLabel(const std::string& label) {
  if (label.size() > kMaxLabelBytes) {
    return core::Status::InvalidArgument(core::Tr("a label is at most 200 bytes long."));
  }
  if (!core::json::IsValidUtf8(label)) {
    return core::Status::InvalidArgument(core::Tr("a label must be valid UTF-8."));
  }
  for (unsigned char c : label) {
    if (c < 0x20 || c == 0x7f)
      return core::Status::InvalidArgument(core::Tr("a label is one line of text."));
  }
  return core::Status::Ok();
}

Result<std::string> ClientSafetyNumber(const StoredClient& client,
                                       const core::ClinicianKeys& keys) {
  auto key = core::crypto::HexDecode(client.pinned_key);
  if (!key.ok()) return key.status();
  return core::SafetyNumber(*key, keys.sealing.public_key, keys.signing.public_key);
}

Result<core::ClinicianKeys> CreateClinicianKeyFile(const std::string& path,
                                                   std::string_view passphrase, int kdf_log2_n) {
  struct stat st;
  if (lstat(path.c_str(), &st) == 0) {
    return core::Status::AlreadyExists(
        core::Format(core::Tr("there is already a key file at %1; it was left as it is."), path));
  }
  FN_RETURN_IF_ERROR(CreateParentFolders(path));
  auto keys = core::ClinicianKeys::Generate();
  if (!keys.ok()) return keys.status();
  FN_RETURN_IF_ERROR(core::WriteKeyFile(path, passphrase, *keys, kdf_log2_n));
  return keys;
}

Result<std::unique_ptr<ClinicianSession>> ClinicianSession::Open(const std::string& keys_path,
                                                                 std::string_view passphrase) {
  auto keys = core::ReadKeyFile(keys_path, passphrase);
  if (!keys.ok()) return keys.status();
  auto store = ClinicianStore::Open(ClinicianStore::PathFor(keys_path), *keys);
  if (!store.ok()) return store.status();
  return std::make_unique<ClinicianSession>(std::move(keys).value(), std::move(store).value());
}

ClinicianSession::ClinicianSession(core::ClinicianKeys keys, std::unique_ptr<ClinicianStore> store)
    : keys_(std::move(keys)), store_(std::move(store)) {}

ClinicianSession::~ClinicianSession() = default;

void ClinicianSession::OverrideCaFile(std::string ca_file) {
  ca_override_ = std::move(ca_file);
  connection_.reset();
}

Result<Connection*> ClinicianSession::Connect() {
  if (connection_) return connection_.get();
  const ClinicianState& s = state();
  if (s.server_url.empty()) {
    return core::Status::NotFound(core::Tr("you have not signed in to a server yet."));
  }
  ConnectionOptions options;
  options.ca_file = ca_override_ ? *ca_override_ : s.ca_file;
  auto connection = Connection::Open(s.server_url, options);
  if (!connection.ok()) return connection.status();
  connection_ = std::move(connection).value();
  return connection_.get();
}

Result<std::string> ClinicianSession::Token() {
  auto connection = Connect();
  if (!connection.ok()) return connection.status();
  const ClinicianState& s = state();
  if (s.token.empty()) return core::Status::Unauthenticated(core::Tr("you are signed out."));
  if (s.token_expires_at != 0 && s.token_expires_at <= NowSeconds()) {
    return core::Status::Unauthenticated(core::Tr("your session with the server has ended."));
  }
  return s.token;
}

core::Status ClinicianSession::SignIn(const std::string& server_url, const std::string& ca_file,
                                      const std::string& email, std::string_view password) {
  auto address = ServerAddress::Parse(server_url);
  if (!address.ok()) return address.status();
  ConnectionOptions options;
  options.ca_file = ca_file;
  auto connection = Connection::Open(address->ToUrl(), options);
  if (!connection.ok()) return connection.status();
  auto login = (*connection)->Login(email, password);
  if (!login.ok()) {
    if (login.status().code() == core::Status::Code::kUnauthenticated) {
      return core::Status::Unauthenticated(core::Tr(
          "the server did not accept that email and password (or the account is disabled)."));
    }
    return login.status();
  }
  ClinicianState& s = state();
  // A session on another server or account replaces the old one there.
  if (!s.token.empty() && (s.server_url != address->ToUrl() || s.email != email)) {
    (void)(*connection)->Logout(s.token).ok();  // best effort; it is forgotten either way
  }
  s.server_url = address->ToUrl();
  s.ca_file = ca_file;
  s.email = email;
  s.token = login->token;
  s.token_expires_at = login->expires_at;
  connection_ = std::move(connection).value();
  ca_override_.reset();
  return store_->Save();
}

Result<bool> ClinicianSession::SignOut() {
  ClinicianState& s = state();
  core::Status server_status;
  if (!s.token.empty()) {
    auto connection = Connect();
    server_status = connection.ok() ? (*connection)->Logout(s.token) : connection.status();
  }
  // Forget the session here whatever the server said: an expired or ended
  // session is what signing out asks for anyway.
  s.token.clear();
  s.token_expires_at = 0;
  FN_RETURN_IF_ERROR(store_->Save());
  return server_status.ok() || server_status.code() == core::Status::Code::kUnauthenticated;
}

Result<PublishedKeys> ClinicianSession::PublishKeys() {
  auto token = Token();
  if (!token.ok()) return token.status();
  const KeysRequest mine{HexEncode(keys_.sealing.public_key), HexEncode(keys_.signing.public_key)};
  auto before = connection_->GetKeys(*token);
  if (!before.ok() && !before.status().IsNotFound()) return before.status();
  PublishedKeys out;
  out.had_other = before.ok() && (before->x25519 != mine.x25519 || before->ed25519 != mine.ed25519);
  auto after = connection_->PutKeys(*token, mine);
  if (!after.ok()) return after.status();
  out.keys = std::move(after).value();
  out.changed = !before.ok() || out.had_other;
  return out;
}

Result<ClientsRefresh> ClinicianSession::RefreshClients() {
  auto token = Token();
  if (!token.ok()) return token.status();
  auto links = connection_->ListLinks(*token);
  if (!links.ok()) return links.status();
  const LinkObservation seen = store_->ObserveLinks(*links, NowSeconds());
  FN_RETURN_IF_ERROR(store_->Save());
  return ClientsRefresh{std::move(links).value(), seen.changed_clients};
}

Result<InviteResponse> ClinicianSession::Invite(const std::optional<std::string>& label) {
  if (label) FN_RETURN_IF_ERROR(CheckClientLabel(*label));
  auto refreshed = RefreshClients();
  if (!refreshed.ok()) return refreshed.status();
  auto invite = connection_->CreateInvite(state().token);
  if (!invite.ok()) {
    if (invite.status().code() == core::Status::Code::kAlreadyExists) {
      return core::Status::NotFound(core::Tr("the server has no keys of yours yet. Publish them first."));
    }
    return invite.status();
  }
  if (label && !label->empty()) {
    state().pending_labels.push_back(
        PendingLabel{*label, NowSeconds(), invite->expires_at, invite->invite_id});
    FN_RETURN_IF_ERROR(store_->Save());
  }
  return invite;
}

core::Status ClinicianSession::EndLink(const std::string& client_id) {
  auto token = Token();
  if (!token.ok()) return token.status();
  return connection_->EndLink(*token, client_id);
}

Result<std::vector<ListedReport>> ClinicianSession::ListReports(bool remember) {
  auto token = Token();
  if (!token.ok()) return token.status();
  auto reports = connection_->ListReports(*token);
  if (!reports.ok()) return reports.status();
  ClinicianState& s = state();
  std::vector<ListedReport> out;
  std::set<std::string> listed;
  for (ReportInfo& r : *reports) {
    ListedReport item;
    item.is_new = s.seen_reports.count(r.report_id) == 0;
    item.client = store_->FindClientById(r.client_id);
    listed.insert(r.report_id);
    item.info = std::move(r);
    out.push_back(std::move(item));
  }
  if (remember) {
    // Reports no longer on the server are forgotten.
    s.seen_reports = std::move(listed);
    FN_RETURN_IF_ERROR(store_->Save());
  }
  return out;
}

Result<VerifiedReport> ClinicianSession::VerifyReport(const ReportInfo& report) {
  auto token = Token();
  if (!token.ok()) return token.status();
  const StoredClient* client = store_->FindClientById(report.client_id);
  if (client == nullptr) {
    // TRANSLATORS: why a report was not opened (the viewer says "this
    // report was not opened: %1"); the same for the next ones.
    return core::Status::Refused(core::Tr("it is from a client this computer has not seen"));
  }
  if (!client->other_key.empty()) {
    return core::Status::Refused(
        core::Tr("the server now reports a different key for this client than the one first "
                 "seen"));
  }
  auto envelope = connection_->DownloadReport(*token, report.report_id);
  if (!envelope.ok()) return envelope.status();
  if (HexEncode(core::crypto::Sha256(*envelope)) != report.sha256) {
    return core::Status::Refused(core::Tr("the server sent other bytes than it listed"));
  }
  auto pinned = core::crypto::HexDecode(client->pinned_key);
  if (!pinned.ok()) return pinned.status();
  auto opened = core::envelope::Open(*envelope, keys_.sealing, *pinned);
  if (!opened.ok()) return core::Status::Refused(opened.status().message());
  const std::string envelope_id = HexEncode(opened->header.envelope_id);
  if (store_->IsReplay(envelope_id, report.report_id)) {
    return core::Status::Refused(
        core::Tr("it is a copy of a report you already opened (the same envelope sent again)"));
  }
  const ByteView pdf = opened->content.view();
  if (pdf.size() < kPdfMagic.size() ||
      core::crypto::AsChars(pdf.first(kPdfMagic.size())) != kPdfMagic) {
    return core::Status::Refused(core::Tr("it does not hold a PDF"));
  }
  return VerifiedReport{report, envelope_id, std::move(opened->content)};
}

core::Status ClinicianSession::RecordOpened(const VerifiedReport& report) {
  store_->RecordOpened(report.envelope_id, report.info.report_id);
  state().seen_reports.insert(report.info.report_id);
  return store_->Save();
}

core::Status ClinicianSession::SendOpenedReceipt(const std::string& report_id) {
  auto token = Token();
  if (!token.ok()) return token.status();
  return connection_->MarkOpened(*token, report_id);
}

}  // namespace fieldnotes::sync
