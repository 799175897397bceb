#include "server/http/connection.h"

#include <algorithm>
#include <utility>
#include <memory>
#include <string>

#include <Poco/Buffer.h>
#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/String.h>
#include <Poco/Timestamp.h>

namespace fieldnotes::server {
namespace {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerParams;

// Poco's server session, lent the connection for one request.
class Session final : public Poco::Net::HTTPServerSession {
 public:
  using HTTPServerSession::HTTPServerSession;
};

class Exchanger {
 public:
  Exchanger(TlsConnection& connection, HTTPServerParams::Ptr params,
            Poco::Net::HTTPRequestHandlerFactory& handlers)
      : connection_(connection), params_(std::move(params)), handlers_(handlers) {}

  // One request and its answer, as Poco's HTTPServerConnection serves it.
  // False when the connection cannot go on.
  bool Serve(Session& session, bool keep_alive) {
    Poco::Net::HTTPServerResponseImpl response(session);
    Poco::Net::HTTPServerRequestImpl request(response, session, params_.get());
    response.setDate(Poco::Timestamp());
    response.setVersion(request.getVersion());
    response.setKeepAlive(keep_alive && request.getKeepAlive());
    // The head is in; from here the body is held to the minimum rate.
    connection_.StartBody();
    if (!FramingIsSound(request)) {
      // RFC 9112 §6.3: a message whose length cannot be known for sure is
      // answered 400 and the connection closed, so that nothing behind a
      // proxy can read the rest as another request.
      SendError(session, HTTPResponse::HTTP_BAD_REQUEST);
      return false;
    }
    std::unique_ptr<Poco::Net::HTTPRequestHandler> handler(handlers_.createRequestHandler(request));
    if (!handler) {
      // The router answers every request, so this does not happen.
      SendError(session, HTTPResponse::HTTP_NOT_IMPLEMENTED);
      return false;
    }
    // "100 Continue" is sent by Exchange::ReadBody, once a handler asks for
    // the body, never before the request was checked.
    try {
      handler->handleRequest(request, response);
    } catch (const Poco::Exception&) {
      // The handlers answer their own errors; what escapes is the connection
      // failing under them. Say so if nothing was sent yet, and close.
      if (!response.sent()) {
        try {
          SendError(session, HTTPResponse::HTTP_INTERNAL_SERVER_ERROR);
        } catch (const Poco::Exception&) {
        }
      }
      return false;
    }
    session.setKeepAlive(keep_alive && response.getKeepAlive());
    return true;
  }

  // One way to know where the body ends: no Transfer-Encoding with a
  // Content-Length, no coding but "chunked" (alone, once), every
  // Content-Length the same string of digits.
  static bool FramingIsSound(const Poco::Net::HTTPServerRequest& request) {
    int codings = 0, lengths = 0;
    std::string length;
    for (const auto& [name, value] : request) {
      if (Poco::icompare(name, "Transfer-Encoding") == 0) {
        ++codings;
        if (Poco::icompare(Poco::trim(value), "chunked") != 0) return false;
      } else if (Poco::icompare(name, "Content-Length") == 0) {
        const std::string v = Poco::trim(value);
        if (v.empty() || v.size() > 18 ||
            !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
          return false;
        if (lengths++ > 0 && v != length) return false;
        length = v;
      }
    }
    return codings <= 1 && !(codings == 1 && lengths > 0);
  }

  static void SendBadRequest(Session& session) {
    try {
      SendError(session, HTTPResponse::HTTP_BAD_REQUEST);
    } catch (const Poco::Exception&) {
      // The client is gone; there is no one to tell.
    }
  }

  static void SendError(Session& session, HTTPResponse::HTTPStatus status) {
    Poco::Net::HTTPServerResponseImpl response(session);
    response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
    response.setStatusAndReason(status);
    response.setKeepAlive(false);
    response.send();
    session.setKeepAlive(false);
  }

  TlsConnection& connection_;
  HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory& handlers_;
};

}  // namespace

RequestServer::Next RequestServer::Serve(TlsConnection& connection) {
  Exchanger exchanger(connection, params_, handlers_);
  for (;;) {
    if (connection.requests_left > 0) --connection.requests_left;
    const bool keep_alive =
        params_->getKeepAlive() && connection.requests_left != 0 && !stopping_.load();
    bool go_on = false;
    {
      // The session takes a reference of its own; so does this socket.
      connection.duplicate();
      Session session(Poco::Net::StreamSocket(&connection), params_);
      try {
        go_on = exchanger.Serve(session, keep_alive) && session.getKeepAlive();
      } catch (const Poco::Net::NoMessageException&) {
        // The client closed the connection between requests.
      } catch (const Poco::Net::MessageException&) {
        Exchanger::SendBadRequest(session);
      } catch (const Poco::SyntaxException&) {
        // Poco reads Content-Length as it builds the request: "2x" or a
        // number past 64 bits end here, before FramingIsSound can see them.
        Exchanger::SendBadRequest(session);
      } catch (const Poco::Exception&) {
        // Too slow (a deadline passed), reset, or TLS failed: nothing to
        // say, and nothing of the request goes to the log.
      }
      if (go_on) {
        // Bytes of the next request Poco read ahead go back to the input.
        Poco::Buffer<char> rest(0);
        session.drainBuffer(rest);
        connection.Unread(std::string_view(rest.begin(), rest.size()));
      }
      session.detachSocket();  // the reactor closes it, not the session
    }
    if (!go_on) return Next::kClose;
    if (ScanHead(connection.input(), connection.limits().max_head_bytes) != Head::kComplete) {
      return Next::kKeep;
    }
    // Pipelined: the next head is here already; its deadline starts now.
    connection.Enter(Phase::kWorker, SteadyClock::now() + connection.limits().header);
  }
}

}  // namespace fieldnotes::server
