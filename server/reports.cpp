#include "server/reports.h"

#include "core/envelope.h"
#include "core/timestamp.h"
#include "server/secrets.h"
#include "sync/api.h"

namespace fieldnotes::server {
namespace {

constexpr int64_t kDay = 86400;

std::optional<int64_t> Optional(int64_t t) {
  return t == 0 ? std::nullopt : std::optional<int64_t>(t);
}

}  // namespace

std::string_view ReceiptState(const ReportRecord& r) {
  if (r.expired_at != 0) return sync::state::kExpired;
  if (r.withdrawn_at != 0) return sync::state::kWithdrawn;
  if (r.opened_at != 0) return sync::state::kOpened;
  if (r.downloaded_at != 0) return sync::state::kDelivered;
  return sync::state::kPending;
}

ApiResult<sync::ReportUploaded> Reports::Upload(const LinkRecord& link,
                                                const UploadHeaders& headers,
                                                core::crypto::ByteView bytes) {
  const ServerConfig& c = ctx_.config;
  const int64_t now = ctx_.Now();
  auto period_end = core::ParseDate(headers.period_end);
  if (!period_end.ok()) {
    return ApiError::BadRequest(std::string(sync::header::kPeriodEnd) +
                                " must be a date YYYY-MM-DD");
  }
  int64_t expires_at = now + c.default_retention_days * kDay;
  if (!headers.expires_at.empty()) {
    auto parsed = sync::ParseTime(headers.expires_at);
    if (!parsed.ok() || *parsed <= now || *parsed > now + c.max_retention_days * kDay) {
      return ApiError::BadRequest(std::string(sync::header::kExpiresAt) +
                                  " must be an ISO 8601 time in the future, at most " +
                                  std::to_string(c.max_retention_days) + " days away");
    }
    expires_at = *parsed;
  }
  if (bytes.empty()) return ApiError::BadRequest("the envelope is empty");
  // The header only (docs/envelope-format.md): the server cannot open an
  // envelope, but it can refuse one that the clinician would refuse anyway
  // because another key than this link's signed it.
  auto header = core::envelope::ParseHeader(bytes);
  if (!header.ok()) {
    std::string why = header.status().message();
    constexpr std::string_view kPrefix = "envelope refused: ";
    if (why.rfind(kPrefix, 0) == 0) why.erase(0, kPrefix.size());
    return ApiError::BadRequest("not a report envelope: " + why);
  }
  if (core::crypto::HexEncode(header->sender) != link.client_key) {
    return ApiError::BadRequest(
        "the envelope names another sender key than the one this link was paired with");
  }
  const std::string sha256 = core::crypto::HexEncode(core::crypto::Sha256(bytes));
  if (!headers.sha256.empty() && headers.sha256 != sha256) {
    return ApiError::BadRequest(std::string(sync::header::kSha256) +
                                " does not match the bytes received");
  }
  ReportRecord rec;
  rec.id = NewId();
  rec.client_id = link.client_id;
  rec.period_end = core::FormatDate(*period_end);
  rec.size = static_cast<int64_t>(bytes.size());
  rec.sha256 = sha256;
  rec.uploaded_at = now;
  rec.expires_at = expires_at;
  auto added =
      ctx_.storage.AddReport(rec, bytes, Quota{c.link_quota_reports, c.link_quota_bytes},
                             ctx_.Audit("client:" + link.client_id, "upload", "report:" + rec.id));
  if (!added.ok()) return ApiError::Unauthorized();  // the link ended meanwhile
  if (!*added) return ApiError::QuotaExceeded();
  return sync::ReportUploaded{rec.id, rec.size, rec.sha256, rec.uploaded_at, rec.expires_at};
}

std::vector<sync::ReportInfo> Reports::List(const SessionRecord& session) {
  std::vector<sync::ReportInfo> out;
  for (const ReportRecord& r : ctx_.storage.ListReports(session.clinician_id)) {
    out.push_back(sync::ReportInfo{r.id, r.client_id, r.period_end, r.size, r.sha256, r.uploaded_at,
                                   r.expires_at, Optional(r.downloaded_at), Optional(r.opened_at)});
  }
  return out;
}

ApiResult<StoredEnvelope> Reports::Download(const SessionRecord& session, const std::string& id) {
  auto found = ctx_.storage.DownloadReport(
      session.clinician_id, id,
      ctx_.Audit("clinician:" + session.clinician_id, "download", "report:" + id));
  if (!found.ok()) return ApiError::NotFound();
  return std::move(found).value();
}

ApiResult<StoredEnvelope> Reports::Download(const SessionRecord& session, const std::string& id,
                                           const DownloadCheck& check) {
  auto found = ctx_.storage.DownloadChecked(
      session.clinician_id, id, check,
      ctx_.Audit("clinician:" + session.clinician_id, "download", "report:" + id));
  if (!found.ok()) return ApiError::NotFound();
  return std::move(found).value();
}

ApiStatus Reports::MarkOpened(const SessionRecord& session, const std::string& id) {
  auto marked = ctx_.storage.MarkOpened(
      session.clinician_id, id,
      ctx_.Audit("clinician:" + session.clinician_id, "open", "report:" + id));
  if (!marked.ok()) return ApiError::NotFound();
  return Done{};
}

std::vector<sync::Receipt> Reports::Receipts(const LinkRecord& link) {
  std::vector<sync::Receipt> out;
  for (const ReportRecord& r : ctx_.storage.ListReceipts(link.client_id)) {
    out.push_back(sync::Receipt{r.id, r.period_end, std::string(ReceiptState(r)), r.uploaded_at,
                                r.expires_at, Optional(r.downloaded_at), Optional(r.opened_at),
                                Optional(r.withdrawn_at), Optional(r.expired_at)});
  }
  return out;
}

ApiStatus Reports::Withdraw(const LinkRecord& link, const std::string& id) {
  auto withdrawn = ctx_.storage.WithdrawReport(
      link.client_id, id, ctx_.Audit("client:" + link.client_id, "withdraw", "report:" + id));
  if (!withdrawn.ok()) return ApiError::NotFound();
  ctx_.storage.Checkpoint();
  return Done{};
}

int64_t Reports::PurgeExpired() {
  const int64_t purged = ctx_.storage.PurgeExpired(ctx_.Now(), ctx_.config.session_idle_seconds);
  if (purged > 0) ctx_.storage.Checkpoint();
  return purged;
}

}  // namespace fieldnotes::server
