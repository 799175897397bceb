// TlsConnection: one accepted TLS connection, owned by the reactor
// (server/http/reactor.h) and lent to a worker thread for one request at a
// time (docs/server.md, "Connections, deadlines and caps").
//
// The socket is non-blocking for its whole life. The reactor drives the
// handshake and reads the request head with the non-blocking calls below;
// a worker reads the rest through Poco's HTTP classes, which see this class
// as the connection's StreamSocketImpl: receiveBytes and sendBytes wait with
// poll(2), never past the connection's current deadline, and throw
// Poco::TimeoutException when it passes. Bytes the reactor already decrypted
// are handed out first.
#ifndef FIELDNOTES_SERVER_HTTP_TLS_CONNECTION_H_
#define FIELDNOTES_SERVER_HTTP_TLS_CONNECTION_H_

#include <openssl/ssl.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include <Poco/Net/StreamSocketImpl.h>

namespace fieldnotes::server {

using SteadyClock = std::chrono::steady_clock;

// The deadlines a connection is held to (docs/server.md lists the keys).
struct ConnectionLimits {
  std::chrono::milliseconds handshake{10000};
  std::chrono::milliseconds header{10000};
  std::chrono::milliseconds keep_alive{5000};
  std::chrono::milliseconds body_grace{10000};
  int64_t body_min_bytes_per_second = 4096;
  std::chrono::milliseconds send_stall{15000};  // one wait for the client to read
  std::chrono::milliseconds linger{1000};
  int64_t linger_bytes = 8 << 20;
  size_t max_head_bytes = size_t{32} * 1024;
};

// Where a connection is; only the reactor moves it out of kWorker's
// neighbours, and only a worker moves it out of kWorker.
// kLinger: answered and closed for sending while the client may still be
// sending a body nobody read; what arrives is discarded until it stops or
// the linger time is up, so the client reads the answer instead of a reset.
enum class Phase : int { kHandshake, kHead, kIdle, kWorker, kLinger };

// Whether a buffer holds a whole request head.
enum class Head { kIncomplete, kComplete, kTooLarge };
// kComplete once the empty line that ends the head has arrived, or once
// what arrived cannot begin an HTTP request (no request line, a method or
// a request line too long: the worker answers 400 from the bytes at hand);
// kTooLarge when a request line and over `max` bytes of headers arrived
// without their end (431).
Head ScanHead(std::string_view input, size_t max);

class TlsConnection final : public Poco::Net::StreamSocketImpl {
 public:
  // Takes `fd` (accepted, non-blocking); throws Poco::Net::SSLException
  // when no SSL object can be made from `ctx`.
  TlsConnection(int fd, SSL_CTX* ctx, std::string peer_key, const ConnectionLimits& limits);
  ~TlsConnection() override;

  // --- non-blocking, on the reactor's thread ---------------------------
  enum class Progress { kDone, kWantRead, kWantWrite, kFailed };
  // One step of the handshake.
  Progress Handshake();
  // Decrypts what has arrived into the input, until the socket has nothing
  // more (kWantRead or kWantWrite), the input holds a whole head or is over
  // the head limit (kDone), or the peer closed or failed (kFailed).
  Progress ReadAvailable();
  // The input not yet handed to Poco.
  std::string_view input() const { return std::string_view(input_).substr(input_pos_); }
  // Bytes decrypted by OpenSSL or read from the socket into its buffers but
  // not yet taken: epoll would not report them.
  bool HasPendingTls() const { return ssl_ != nullptr && SSL_has_pending(ssl_) == 1; }
  // A best-effort short answer (a canned response) before closing.
  void SendNow(std::string_view bytes);

  // --- the deadlines ---------------------------------------------------
  Phase phase() const { return phase_.load(std::memory_order_acquire); }
  // Sets the phase and its deadline (a fixed one, `at`).
  void Enter(Phase phase, SteadyClock::time_point at);
  SteadyClock::time_point deadline() const {
    return SteadyClock::time_point(
        SteadyClock::duration(deadline_.load(std::memory_order_acquire)));
  }
  // From now on reads are held to the minimum body rate: the body's bytes
  // must arrive by `body_grace` + (bytes so far / rate) after now.
  void StartBody();
  // A read or a send ran out of time on this connection.
  bool timed_out() const { return timed_out_; }
  // A response went out while the request's body was unread: close by
  // lingering (kLinger) rather than at once.
  void RequestLinger() { linger_ = !timed_out_ && !broken_; }
  bool linger_requested() const { return linger_; }
  // Sends close_notify and a FIN; the socket stays open for reading.
  void ShutdownSend();
  // Reads and drops whatever has arrived. False when the peer is done (or
  // failed) or more than limits().linger_bytes were dropped.
  bool Discard();

  // --- on a worker -------------------------------------------------------
  // Puts bytes Poco had buffered but not used back in front of the input.
  void Unread(std::string_view bytes);
  int receiveBytes(void* buffer, int length, int flags = 0) override;
  int sendBytes(const void* buffer, int length, int flags = 0) override;
  int available() override;
  void close() override;

  const std::string& peer_key() const { return peer_key_; }
  const ConnectionLimits& limits() const { return limits_; }
  // Requests this connection may still serve; negative: no limit.
  int requests_left = -1;
  // Set by a worker while it puts the connection back in the epoll set
  // itself (Reactor::Rearm); the reactor closes it only once this is clear.
  std::atomic<bool> arming{false};
  // The reactor's: closed as soon as no worker is arming it.
  bool closing = false;

 private:
  // Waits for `events` on the socket until the read (or send) deadline;
  // throws Poco::TimeoutException when it passes.
  void Wait(short events, SteadyClock::time_point until);
  SteadyClock::time_point ReadDeadline() const;
  void Compact();

  SSL* ssl_ = nullptr;
  bool broken_ = false;  // no close_notify after a failure
  const std::string peer_key_;
  const ConnectionLimits& limits_;
  std::string input_;
  size_t input_pos_ = 0;

  std::atomic<Phase> phase_{Phase::kHandshake};
  std::atomic<SteadyClock::duration::rep> deadline_{0};

  bool body_mode_ = false;
  SteadyClock::time_point read_deadline_{};
  SteadyClock::time_point body_start_{};
  int64_t body_bytes_ = 0;
  bool timed_out_ = false;
  bool linger_ = false;
  int64_t discarded_ = 0;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_HTTP_TLS_CONNECTION_H_
