// ApiHandler::handleRequest (the one try/catch), and the two handlers that
// need no service: health and not found.
#include <Poco/Data/DataException.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPMessage.h>

#include "server/http/handlers.h"
#include "server/storage_error.h"
#include "sync/api.h"

namespace fieldnotes::server {

void ApiHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                               Poco::Net::HTTPServerResponse& response) {
  Exchange ex(request, response);
  ApiError failure;
  bool failed = false;
  try {
    // Poco answers in the version it was asked in; speak only HTTP/1.x.
    const std::string& version = request.getVersion();
    ApiStatus status = ApiError::BadRequest("unsupported HTTP version");
    if (version == Poco::Net::HTTPMessage::HTTP_1_1 ||
        version == Poco::Net::HTTPMessage::HTTP_1_0) {
      status = Handle(ex);
    } else {
      response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
      response.setKeepAlive(false);
    }
    if (!status.ok()) {
      failure = status.error();
      failed = true;
    }
  } catch (const StorageUnavailableException& e) {
    // PostgreSQL restarting or out of reach: the next request reconnects.
    failure = ApiError::Unavailable();
    failed = true;
    Poco::Logger::get("fieldnotes").warning("database unavailable: " + e.message());
  } catch (const Poco::Data::SQLite::DBLockedException& e) {
    failure = ApiError::Unavailable();
    failed = true;
    Poco::Logger::get("fieldnotes").warning("database busy: " + e.displayText());
  } catch (const Poco::Data::SQLite::TableLockedException& e) {
    failure = ApiError::Unavailable();
    failed = true;
    Poco::Logger::get("fieldnotes").warning("database busy: " + e.displayText());
  } catch (const Poco::Exception& e) {
    failure = ApiError::Internal();
    failed = true;
    // Never the body or headers: they may carry tokens or envelopes.
    Poco::Logger::get("fieldnotes").error(request.getMethod() + " failed: " + e.displayText());
  } catch (const std::exception& e) {
    failure = ApiError::Internal();
    failed = true;
    Poco::Logger::get("fieldnotes").error(request.getMethod() + " failed: " + e.what());
  }
  if (failed && !ex.sent()) {
    try {
      ex.SendError(failure);
    } catch (...) {
      // The client went away.
    }
  }
}

ApiStatus NotFoundHandler::Handle(Exchange& /*ex*/) { return ApiError::NotFound(); }

ApiStatus HealthHandler::Handle(Exchange& ex) {
  if (ex.method() != "GET") {
    ex.SendMethodNotAllowed("GET");
    return Done{};
  }
  const ServerConfig& c = services_.ctx.config;
  core::json::Object limits;
  limits.Set("max_envelope_bytes", c.max_envelope_bytes);
  limits.Set("link_quota_reports", c.link_quota_reports);
  limits.Set("link_quota_bytes", c.link_quota_bytes);
  limits.Set("max_retention_days", c.max_retention_days);
  core::json::Object body;
  body.Set("status", "ok");
  body.Set("api_version", sync::kApiVersion);
  body.Set("limits", core::json::Value(std::move(limits)));
  ex.SendJson(200, core::json::Value(std::move(body)));
  return Done{};
}

}  // namespace fieldnotes::server
