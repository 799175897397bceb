// RequestServer: what a worker thread does with a connection the reactor
// (server/http/reactor.h) hands it once a whole request head has arrived:
// serve that request with Poco's session, request and response classes and
// the same keep-alive rules as Poco's HTTPServerConnection (400 on a
// malformed head), then go on with the next request only if its head is
// already buffered too. Otherwise the connection goes back to the reactor,
// so no worker ever waits for a client that has nothing to say.
//
// A request's body is read on the worker, held to the minimum body rate
// (TlsConnection::StartBody); a response is written on the worker.
//
// Stopping: once `stopping` is set, the request in hand is finished and
// answered with `Connection: close`.
#ifndef FIELDNOTES_SERVER_HTTP_CONNECTION_H_
#define FIELDNOTES_SERVER_HTTP_CONNECTION_H_

#include <atomic>

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>

#include "server/http/tls_connection.h"

namespace fieldnotes::server {

class RequestServer {
 public:
  // `handlers` and `stopping` must outlive the server.
  RequestServer(Poco::Net::HTTPServerParams::Ptr params,
                Poco::Net::HTTPRequestHandlerFactory& handlers, const std::atomic<bool>& stopping)
      : params_(std::move(params)), handlers_(handlers), stopping_(stopping) {}

  enum class Next { kKeep, kClose };
  // Serves every request whose head is in `connection`'s input (at least
  // one). kKeep: the connection stays open for its next request, whatever
  // bytes of it arrived are in its input; kClose: it is done.
  Next Serve(TlsConnection& connection);

 private:
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory& handlers_;
  const std::atomic<bool>& stopping_;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_HTTP_CONNECTION_H_
