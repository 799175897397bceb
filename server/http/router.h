// Router: maps a request's path to its handler (docs/api.md lists them).
//
// The path is matched as sent, before any decoding: "..", "%2F", doubled
// slashes and ids that are not exactly 32 lowercase hex characters match
// nothing, or match with an empty id that the handler answers 404, the same
// as an id that does not exist. The query string is ignored.
#ifndef FIELDNOTES_SERVER_HTTP_ROUTER_H_
#define FIELDNOTES_SERVER_HTTP_ROUTER_H_

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "server/http/handlers.h"

namespace fieldnotes::server {

class Router final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Router(Services& services) : services_(services) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& request) override;

 private:
  Services& services_;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_HTTP_ROUTER_H_
