#include "server/http/connection.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <string>

#include <Poco/Exception.h>
#include <Poco/String.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Timestamp.h>

namespace fieldnotes::server {

StopSignal::StopSignal() : fd_(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {
  if (fd_ < 0) throw Poco::SystemException("cannot make the server's stop signal");
}

StopSignal::~StopSignal() { close(fd_); }

void StopSignal::Raise() {
  raised_.store(true, std::memory_order_release);
  const uint64_t one = 1;
  // Nothing reads it: once written, the eventfd stays readable for everyone.
  (void)!write(fd_, &one, sizeof one);
}

namespace {

using Poco::Net::HTTPResponse;
using Poco::Net::HTTPServerParams;

// Poco's server session, with the fill level of its read buffer in reach
// (protected in HTTPSession).
class Session final : public Poco::Net::HTTPServerSession {
 public:
  using HTTPServerSession::buffered;
  using HTTPServerSession::HTTPServerSession;
};

enum class Next { kRequest, kClose };

class Connection final : public Poco::Net::TCPServerConnection {
 public:
  Connection(const Poco::Net::StreamSocket& socket, HTTPServerParams::Ptr params,
             Poco::Net::HTTPRequestHandlerFactory& handlers, const StopSignal& stop)
      : TCPServerConnection(socket), params_(std::move(params)), handlers_(handlers), stop_(stop) {}

  void run() override {
    Session session(socket(), params_);
    // Requests this connection may still serve; negative: no limit (a
    // maximum of 0, as in Poco).
    const int max = params_->getMaxKeepAliveRequests();
    int left = max > 0 ? max : -1;
    Poco::Timespan wait = params_->getTimeout();  // for the first request
    while (WaitForRequest(session, wait) == Next::kRequest) {
      if (left > 0) --left;
      const bool keep_alive = params_->getKeepAlive() && left != 0 && !stop_.raised();
      try {
        if (!Serve(session, keep_alive)) break;
      } catch (const Poco::Net::NoMessageException&) {
        break;  // the client closed the connection between requests
      } catch (const Poco::Net::MessageException&) {
        SendBadRequest(session);
        break;
      } catch (const Poco::SyntaxException&) {
        // Poco reads Content-Length as it builds the request: "2x" or a
        // number past 64 bits end here, before FramingIsSound can see them.
        SendBadRequest(session);
        break;
      }
      if (!session.getKeepAlive()) break;
      wait = params_->getKeepAliveTimeout();
    }
  }

 private:
  // Whether a request has begun to arrive within `timeout`: at once when its
  // bytes are already read (Poco's buffer) or decrypted (OpenSSL's), else one
  // poll(2) on the socket and the stop signal.
  Next WaitForRequest(Session& session, Poco::Timespan timeout) {
    if (stop_.raised() || !socket().impl()->initialized()) return Next::kClose;
    if (session.buffered() > 0 || socket().available() > 0) return Next::kRequest;
    pollfd fds[2] = {{socket().impl()->sockfd(), POLLIN, 0}, {stop_.fd(), POLLIN, 0}};
    const auto ms = static_cast<int>(timeout.totalMilliseconds());
    int n;
    do {
      n = poll(fds, 2, ms);
    } while (n < 0 && errno == EINTR);
    if (n <= 0 || (fds[1].revents & POLLIN) != 0) return Next::kClose;
    // Readable, hung up or in error: reading the request tells which.
    return Next::kRequest;
  }

  // One request and its answer, as Poco's HTTPServerConnection serves it.
  // False when the connection cannot go on.
  bool Serve(Session& session, bool keep_alive) {
    Poco::Net::HTTPServerResponseImpl response(session);
    Poco::Net::HTTPServerRequestImpl request(response, session, params_.get());
    response.setDate(Poco::Timestamp());
    response.setVersion(request.getVersion());
    response.setKeepAlive(keep_alive && request.getKeepAlive());
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

  void SendBadRequest(Session& session) {
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

  HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory& handlers_;
  const StopSignal& stop_;
};

}  // namespace

Poco::Net::TCPServerConnection* ConnectionFactory::createConnection(
    const Poco::Net::StreamSocket& socket) {
  return new Connection(socket, params_, handlers_, stop_);
}

}  // namespace fieldnotes::server
