// The HTTPS client of the sync API (docs/api.md): one object per server,
// shared by fieldnotes-cli, fieldnotes-clinician and the two desktop apps.
//
// Every call returns a Status a person can be shown: the server's 4xx/5xx
// answers, an unreachable host and a certificate that is not trusted all
// become a core::Status with a plain message. Poco stays inside this
// library (linked privately), so the apps never see its headers.
//
// Certificates are always verified, host name included, also for
// "localhost": with `ca_file` set only that file is trusted (a practice's
// own CA, or the ca.pem of `fieldnotes-server init`), otherwise the
// system's authorities.
//
// Tokens and credentials pass through this class and are never logged or
// put into a Status message.
#ifndef FIELDNOTES_SYNC_CONNECTION_H_
#define FIELDNOTES_SYNC_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/crypto.h"
#include "core/status.h"
#include "sync/messages.h"

namespace fieldnotes::sync {

using core::Status;

// "https://host[:port][/]": only https, a host name or an IP address (IPv6
// in brackets), an optional port (default 443), nothing after the slash.
struct ServerAddress {
  std::string host;
  uint16_t port = 443;
  static Result<ServerAddress> Parse(std::string_view url);
  std::string ToUrl() const;  // "https://host:port"
};

struct ConnectionOptions {
  std::string ca_file;       // empty: the system's trusted authorities
  int timeout_seconds = 30;  // connect, send and receive, each
};

// What a client sends with an envelope (docs/api.md, POST /v1/reports).
struct UploadMeta {
  std::string period_end;  // YYYY-MM-DD
  int64_t expires_at = 0;  // 0: the server's default retention
};

class Connection {
 public:
  // InvalidArgument for a bad URL or an unreadable CA file. Does not
  // connect yet.
  static Result<std::unique_ptr<Connection>> Open(std::string_view url,
                                                  const ConnectionOptions& options = {});
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  const ServerAddress& address() const;

  // GET /v1/health: the server answers and its certificate is trusted.
  Status Health();
  // GET /v1/health: the limits the server keeps to (docs/api.md).
  Result<ServerLimits> Limits();

  // ---- the clinician (a session token from Login) ----
  Result<LoginResponse> Login(std::string_view email, std::string_view password);
  Status Logout(const std::string& token);
  Result<ClinicianKeys> GetKeys(const std::string& token);
  Result<ClinicianKeys> PutKeys(const std::string& token, const KeysRequest& keys);
  Result<InviteResponse> CreateInvite(const std::string& token);
  Result<std::vector<LinkSummary>> ListLinks(const std::string& token);
  Status EndLink(const std::string& token, const std::string& client_id);
  Result<std::vector<ReportInfo>> ListReports(const std::string& token);
  Result<core::crypto::Bytes> DownloadReport(const std::string& token,
                                             const std::string& report_id);
  Status MarkOpened(const std::string& token, const std::string& report_id);

  // ---- the client (a device credential from Pair) ----
  Result<PairResponse> Pair(std::string_view code, std::string_view client_key_hex);
  Result<LinkInfo> GetLink(const std::string& credential);
  Status RemoveLink(const std::string& credential);
  Result<ReportUploaded> Upload(const std::string& credential, core::crypto::ByteView envelope,
                                const UploadMeta& meta);
  Status Withdraw(const std::string& credential, const std::string& report_id);
  Result<std::vector<Receipt>> Receipts(const std::string& credential);

  class Impl;

 private:
  explicit Connection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace fieldnotes::sync

#endif  // FIELDNOTES_SYNC_CONNECTION_H_
