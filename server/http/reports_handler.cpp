// POST, GET /v1/reports; GET, DELETE /v1/reports/{id};
// POST /v1/reports/{id}/opened; GET /v1/receipts
#include "server/http/handlers.h"

namespace fieldnotes::server {

ApiStatus ReportsHandler::Upload(Exchange& ex) {
  // Authenticate before reading a byte of the body.
  auto link = RequireClient(ex);
  if (!link.ok()) return link.error();
  auto body = ex.ReadBody(static_cast<size_t>(services_.ctx.config.max_envelope_bytes));
  if (!body.ok()) return body.error();
  UploadHeaders headers{ex.Header(sync::header::kPeriodEnd), ex.Header(sync::header::kExpiresAt),
                        ex.Header(sync::header::kSha256)};
  auto uploaded = services_.reports.Upload(*link, headers, *body);
  if (!uploaded.ok()) return uploaded.error();
  ex.SendJson(201, uploaded->ToJson());
  return Done{};
}

ApiStatus ReportsHandler::Handle(Exchange& ex) {
  const std::string& method = ex.method();
  switch (target_) {
    case Target::kCollection: {
      if (method == "POST") return Upload(ex);
      if (method != "GET") {
        ex.SendMethodNotAllowed("GET, POST");
        return Done{};
      }
      auto session = RequireClinician(ex);
      if (!session.ok()) return session.error();
      ex.SendJson(200, sync::ListToJson("reports", services_.reports.List(*session)));
      return Done{};
    }
    case Target::kOne: {
      if (method == "GET") {
        // The session and the access to this report in one read.
        DownloadCheck check;
        auto session =
            services_.accounts.AuthenticateForDownload(ex.BearerToken(), report_id_, check);
        if (!session.ok()) return session.error();
        if (report_id_.empty()) return ApiError::NotFound();
        auto found = services_.reports.Download(*session, report_id_, check);
        if (!found.ok()) return found.error();
        ex.SendEnvelope(*found->bytes, found->sha256);
        return Done{};
      }
      if (method == "DELETE") {
        auto link = RequireClient(ex);
        if (!link.ok()) return link.error();
        if (report_id_.empty()) return ApiError::NotFound();
        auto withdrawn = services_.reports.Withdraw(*link, report_id_);
        if (!withdrawn.ok()) return withdrawn.error();
        ex.SendNoContent();
        return Done{};
      }
      ex.SendMethodNotAllowed("GET, DELETE");
      return Done{};
    }
    case Target::kOpened: {
      if (method != "POST") {
        ex.SendMethodNotAllowed("POST");
        return Done{};
      }
      auto session = RequireClinician(ex);
      if (!session.ok()) return session.error();
      if (report_id_.empty()) return ApiError::NotFound();
      auto marked = services_.reports.MarkOpened(*session, report_id_);
      if (!marked.ok()) return marked.error();
      ex.SendNoContent();
      return Done{};
    }
    case Target::kReceipts: {
      if (method != "GET") {
        ex.SendMethodNotAllowed("GET");
        return Done{};
      }
      auto link = RequireClient(ex);
      if (!link.ok()) return link.error();
      ex.SendJson(200, sync::ListToJson("receipts", services_.reports.Receipts(*link)));
      return Done{};
    }
  }
  return ApiError::Internal();
}

}  // namespace fieldnotes::server
