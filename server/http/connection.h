// The loop that serves one kept-alive HTTPS connection, in place of Poco's
// HTTPServerConnection.
//
// Poco's loop asks `Socket::poll` whether the next request has arrived, and
// that makes (and closes) an epoll instance each time: four system calls a
// request. This loop does what Poco's does otherwise (Poco's session, request
// and response classes, the same keep-alive rules, 400 on a malformed request
// head) but waits with one poll(2) on the socket and on the server's stop
// signal, and only when no request bytes are already buffered.
//
// Stopping: StopSignal::Raise() wakes every connection waiting for a request,
// and it closes; a connection in the middle of a request finishes it, answers
// with `Connection: close` and closes.
#ifndef FIELDNOTES_SERVER_HTTP_CONNECTION_H_
#define FIELDNOTES_SERVER_HTTP_CONNECTION_H_

#include <atomic>

#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

namespace fieldnotes::server {

// A level-triggered signal (an eventfd) that every waiting connection sees.
class StopSignal {
 public:
  StopSignal();  // throws Poco::SystemException when no eventfd can be made
  ~StopSignal();
  StopSignal(const StopSignal&) = delete;
  StopSignal& operator=(const StopSignal&) = delete;

  void Raise();
  bool raised() const { return raised_.load(std::memory_order_acquire); }
  int fd() const { return fd_; }

 private:
  int fd_;
  std::atomic<bool> raised_{false};
};

class ConnectionFactory final : public Poco::Net::TCPServerConnectionFactory {
 public:
  // `handlers` and `stop` must outlive every connection made.
  ConnectionFactory(Poco::Net::HTTPServerParams::Ptr params,
                    Poco::Net::HTTPRequestHandlerFactory& handlers, const StopSignal& stop)
      : params_(std::move(params)), handlers_(handlers), stop_(stop) {}

  Poco::Net::TCPServerConnection* createConnection(
      const Poco::Net::StreamSocket& socket) override;

 private:
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory& handlers_;
  const StopSignal& stop_;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_HTTP_CONNECTION_H_
