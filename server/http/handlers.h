// The request handlers, one class per resource (docs/api.md has the
// contract). Each is made per request by the Router with what the path
// matched. ApiHandler::handleRequest is the one place a failure turns into
// an HTTP answer: ApiError values become their status, and any exception
// (Poco::Data, the socket, a bug) becomes 500/503 and a log line.
#ifndef FIELDNOTES_SERVER_HTTP_HANDLERS_H_
#define FIELDNOTES_SERVER_HTTP_HANDLERS_H_

#include <string>

#include <Poco/Net/HTTPRequestHandler.h>

#include "server/accounts.h"
#include "server/http/exchange.h"
#include "server/pairing.h"
#include "server/reports.h"

namespace fieldnotes::server {

// The services a handler may call; owned by SyncServer.
struct Services {
  explicit Services(ServiceContext context)
      : ctx(context), accounts(context), pairing(context), reports(context) {}
  ServiceContext ctx;
  Accounts accounts;
  Pairing pairing;
  Reports reports;
};

class ApiHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit ApiHandler(Services& services) : services_(services) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) final;

 protected:
  // Answers the request: sends exactly one response, or returns an error
  // for handleRequest to send.
  virtual ApiStatus Handle(Exchange& ex) = 0;

  ApiResult<SessionRecord> RequireClinician(const Exchange& ex) {
    return services_.accounts.Authenticate(ex.BearerToken());
  }
  ApiResult<LinkRecord> RequireClient(const Exchange& ex) {
    return services_.pairing.AuthenticateDevice(ex.BearerToken());
  }

  Services& services_;
};

// 404 for every path the API does not have.
class NotFoundHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;
  ApiStatus Handle(Exchange& ex) override;
};

// GET /v1/health
class HealthHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;
  ApiStatus Handle(Exchange& ex) override;
};

// POST /v1/login, POST /v1/logout, POST /v1/password
class SessionHandler final : public ApiHandler {
 public:
  enum class Action { kLogin, kLogout, kPassword };
  SessionHandler(Services& services, Action action) : ApiHandler(services), action_(action) {}
  ApiStatus Handle(Exchange& ex) override;

 private:
  Action action_;
};

// GET, PUT /v1/keys
class KeysHandler final : public ApiHandler {
 public:
  using ApiHandler::ApiHandler;
  ApiStatus Handle(Exchange& ex) override;
};

// POST /v1/invites, POST /v1/pair
class InvitesHandler final : public ApiHandler {
 public:
  InvitesHandler(Services& services, bool redeem) : ApiHandler(services), redeem_(redeem) {}
  ApiStatus Handle(Exchange& ex) override;

 private:
  bool redeem_;
};

// GET /v1/links, DELETE /v1/links/{client_id} (clinician);
// GET, DELETE /v1/link (client)
class LinksHandler final : public ApiHandler {
 public:
  enum class Target { kClinicianList, kClinicianOne, kClient };
  LinksHandler(Services& services, Target target, std::string client_id)
      : ApiHandler(services), target_(target), client_id_(std::move(client_id)) {}
  ApiStatus Handle(Exchange& ex) override;

 private:
  Target target_;
  std::string client_id_;
};

// POST, GET /v1/reports; GET, DELETE /v1/reports/{id};
// POST /v1/reports/{id}/opened; GET /v1/receipts
class ReportsHandler final : public ApiHandler {
 public:
  enum class Target { kCollection, kOne, kOpened, kReceipts };
  ReportsHandler(Services& services, Target target, std::string report_id)
      : ApiHandler(services), target_(target), report_id_(std::move(report_id)) {}
  ApiStatus Handle(Exchange& ex) override;

 private:
  ApiStatus Upload(Exchange& ex);
  Target target_;
  std::string report_id_;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_HTTP_HANDLERS_H_
