// Report envelopes: upload by the client, list, download and "opened" by
// the clinician, receipts and withdrawal by the client, purge at expiry.
//
// Envelopes are opaque bytes (end-to-end encrypted by the client; the server
// cannot read them). Withdrawal, expiry and the end of a link delete the
// bytes at once and checkpoint the database, so with secure_delete they are
// gone from the files too, not only flagged.
#ifndef FIELDNOTES_SERVER_REPORTS_H_
#define FIELDNOTES_SERVER_REPORTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/crypto.h"
#include "server/api_error.h"
#include "server/service_context.h"
#include "sync/messages.h"

namespace fieldnotes::server {

// The metadata a client sends with an envelope, as raw header values
// (empty when absent).
struct UploadHeaders {
  std::string period_end;  // required, YYYY-MM-DD
  std::string expires_at;  // optional, ISO 8601; default retention when empty
  std::string sha256;      // optional; checked against the bytes when given
};

class Reports {
 public:
  explicit Reports(ServiceContext ctx) : ctx_(ctx) {}

  // 400 for bad metadata, an empty body, a body that is not a well-formed
  // envelope (core::envelope::ParseHeader), or an envelope whose header
  // names another sender key than the link's client_key; 409
  // quota_exceeded. The size limit is enforced while reading the body
  // (http/exchange.h).
  ApiResult<sync::ReportUploaded> Upload(const LinkRecord& link, const UploadHeaders& headers,
                                         core::crypto::ByteView bytes);
  std::vector<sync::ReportInfo> List(const SessionRecord& session);
  // 404 unless stored on one of the clinician's active links.
  ApiResult<StoredEnvelope> Download(const SessionRecord& session, const std::string& id);
  // The same with what Accounts::AuthenticateForDownload read about it.
  ApiResult<StoredEnvelope> Download(const SessionRecord& session, const std::string& id,
                                     const DownloadCheck& check);
  ApiStatus MarkOpened(const SessionRecord& session, const std::string& id);
  std::vector<sync::Receipt> Receipts(const LinkRecord& link);
  // 404 unless stored and the client's own.
  ApiStatus Withdraw(const LinkRecord& link, const std::string& id);
  // Purges expired reports; returns how many.
  int64_t PurgeExpired();

 private:
  ServiceContext ctx_;
};

// The receipt state of a stored record (one of sync::state).
std::string_view ReceiptState(const ReportRecord& r);

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_REPORTS_H_
