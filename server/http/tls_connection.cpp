#include "server/http/tls_connection.h"

#include <openssl/err.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>

namespace fieldnotes::server {
namespace {

constexpr size_t kReadChunk = size_t{16} * 1024;  // one TLS record's plaintext
constexpr size_t kMaxMethod = 32;         // Poco's HTTPRequest::MAX_METHOD_LENGTH

}  // namespace

Head ScanHead(std::string_view input, size_t max) {
  // Poco skips white space before the request line; so does this.
  size_t start = 0;
  while (start < input.size() && (input[start] == '\r' || input[start] == '\n')) ++start;
  const size_t first_end = input.find('\n', start);
  if (first_end == std::string_view::npos) {
    // No method is this long, and no request line this long: Poco refuses
    // either (400) from the bytes at hand, without waiting for more.
    const std::string_view line = input.substr(start);
    if (line.size() > kMaxMethod && line.substr(0, kMaxMethod + 1).find(' ') == line.npos) {
      return Head::kComplete;
    }
    return input.size() > max ? Head::kComplete : Head::kIncomplete;
  }
  // Not an HTTP/1 request line: nothing more is needed to refuse it.
  const std::string_view first = input.substr(start, first_end - start);
  if (first.find(" HTTP/") == std::string_view::npos) return Head::kComplete;
  // The empty line ends the head (Poco takes a bare LF as a line end too).
  const size_t rest = first_end;
  if (input.find("\n\r\n", rest) != std::string_view::npos ||
      input.find("\n\n", rest) != std::string_view::npos) {
    return Head::kComplete;
  }
  return input.size() > max ? Head::kTooLarge : Head::kIncomplete;
}

TlsConnection::TlsConnection(int fd, SSL_CTX* ctx, std::string peer_key,
                             const ConnectionLimits& limits)
    : StreamSocketImpl(fd), peer_key_(std::move(peer_key)), limits_(limits) {
  ssl_ = SSL_new(ctx);
  if (ssl_ == nullptr || SSL_set_fd(ssl_, fd) != 1) {
    if (ssl_ != nullptr) SSL_free(ssl_);
    ssl_ = nullptr;
    ERR_clear_error();
    throw Poco::Net::SSLException("cannot make an SSL object for a connection");
  }
  SSL_set_accept_state(ssl_);
  // One read(2) per record instead of two (header, then body). What is read
  // ahead is what SSL_has_pending reports, which the reactor checks before
  // it leaves a connection to epoll.
  SSL_set_read_ahead(ssl_, 1);
}

TlsConnection::~TlsConnection() {
  try {
    close();
  } catch (...) {
  }
}

TlsConnection::Progress TlsConnection::Handshake() {
  ERR_clear_error();
  const int rc = SSL_do_handshake(ssl_);
  if (rc == 1) return Progress::kDone;
  switch (SSL_get_error(ssl_, rc)) {
    case SSL_ERROR_WANT_READ:
      return Progress::kWantRead;
    case SSL_ERROR_WANT_WRITE:
      return Progress::kWantWrite;
    default:
      // A scanner, an old protocol, a client that does not trust us: the
      // reason goes nowhere (it would only fill the log).
      broken_ = true;
      ERR_clear_error();
      return Progress::kFailed;
  }
}

TlsConnection::Progress TlsConnection::ReadAvailable() {
  char buffer[kReadChunk];
  for (;;) {
    ERR_clear_error();
    const int n = SSL_read(ssl_, buffer, sizeof buffer);
    if (n > 0) {
      if (input_pos_ == input_.size()) {
        input_.clear();
        input_pos_ = 0;
      }
      input_.append(buffer, static_cast<size_t>(n));
      const Head head = ScanHead(input(), limits_.max_head_bytes);
      if (head != Head::kIncomplete) return Progress::kDone;
      continue;
    }
    switch (SSL_get_error(ssl_, n)) {
      case SSL_ERROR_WANT_READ:
        return Progress::kWantRead;
      case SSL_ERROR_WANT_WRITE:
        return Progress::kWantWrite;
      case SSL_ERROR_ZERO_RETURN:
        return Progress::kFailed;  // an orderly close
      default:
        broken_ = true;
        ERR_clear_error();
        return Progress::kFailed;
    }
  }
}

void TlsConnection::SendNow(std::string_view bytes) {
  if (broken_ || bytes.empty()) return;
  ERR_clear_error();
  // One try: a fresh connection's send buffer takes a short answer whole.
  if (SSL_write(ssl_, bytes.data(), static_cast<int>(bytes.size())) <= 0) {
    broken_ = true;
    ERR_clear_error();
  }
}

void TlsConnection::Enter(Phase phase, SteadyClock::time_point at) {
  deadline_.store(at.time_since_epoch().count(), std::memory_order_release);
  phase_.store(phase, std::memory_order_release);
  if (phase == Phase::kWorker) {
    // A request's head is read against the deadline its phase had.
    body_mode_ = false;
    read_deadline_ = at;
  }
}

void TlsConnection::StartBody() {
  body_mode_ = true;
  body_start_ = SteadyClock::now();
  body_bytes_ = 0;
}

SteadyClock::time_point TlsConnection::ReadDeadline() const {
  if (!body_mode_) return read_deadline_;
  const int64_t rate = std::max<int64_t>(limits_.body_min_bytes_per_second, 1);
  return body_start_ + limits_.body_grace + std::chrono::milliseconds(body_bytes_ * 1000 / rate);
}

void TlsConnection::Unread(std::string_view bytes) {
  if (bytes.empty()) return;
  Compact();
  input_.insert(0, bytes.data(), bytes.size());
}

void TlsConnection::Compact() {
  input_.erase(0, input_pos_);
  input_pos_ = 0;
}

void TlsConnection::Wait(short events, SteadyClock::time_point until) {
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(until - SteadyClock::now()).count();
    if (left <= 0) break;
    pollfd pfd{sockfd(), events, 0};
    const int n = ::poll(&pfd, 1, static_cast<int>(std::min<int64_t>(left, 60000)));
    if (n > 0) return;
    if (n < 0 && errno != EINTR) {
      broken_ = true;
      throw Poco::Net::ConnectionResetException("poll failed");
    }
  }
  timed_out_ = true;
  throw Poco::TimeoutException("the client is too slow");
}

int TlsConnection::receiveBytes(void* buffer, int length, int /*flags*/) {
  if (length <= 0) return 0;
  if (input_pos_ < input_.size()) {
    const size_t n = std::min(static_cast<size_t>(length), input_.size() - input_pos_);
    std::memcpy(buffer, input_.data() + input_pos_, n);
    input_pos_ += n;
    body_bytes_ += static_cast<int64_t>(n);
    if (input_pos_ == input_.size()) {
      input_.clear();
      input_pos_ = 0;
    }
    return static_cast<int>(n);
  }
  if (ssl_ == nullptr || broken_) return 0;
  for (;;) {
    ERR_clear_error();
    const int n = SSL_read(ssl_, buffer, length);
    if (n > 0) {
      body_bytes_ += n;
      return n;
    }
    switch (SSL_get_error(ssl_, n)) {
      case SSL_ERROR_WANT_READ:
        Wait(POLLIN, ReadDeadline());
        break;
      case SSL_ERROR_WANT_WRITE:
        Wait(POLLOUT, ReadDeadline());
        break;
      case SSL_ERROR_ZERO_RETURN:
        return 0;
      case SSL_ERROR_SYSCALL:
        broken_ = true;
        ERR_clear_error();
        if (n == 0) return 0;  // closed without close_notify: an end all the same
        throw Poco::Net::ConnectionResetException("the connection failed while reading");
      default:
        broken_ = true;
        ERR_clear_error();
        throw Poco::Net::SSLException("TLS failed while reading");
    }
  }
}

int TlsConnection::sendBytes(const void* buffer, int length, int /*flags*/) {
  if (ssl_ == nullptr || broken_) throw Poco::Net::ConnectionResetException("connection closed");
  if (length <= 0) return 0;
  for (;;) {
    ERR_clear_error();
    const int n = SSL_write(ssl_, buffer, length);
    if (n > 0) return n;
    switch (SSL_get_error(ssl_, n)) {
      case SSL_ERROR_WANT_WRITE:
        // Each stall gets the whole allowance: a slow link is not an attack,
        // a client that stops reading is.
        Wait(POLLOUT, SteadyClock::now() + limits_.send_stall);
        break;
      case SSL_ERROR_WANT_READ:
        Wait(POLLIN, SteadyClock::now() + limits_.send_stall);
        break;
      default:
        broken_ = true;
        ERR_clear_error();
        throw Poco::Net::ConnectionResetException("the connection failed while sending");
    }
  }
}

void TlsConnection::ShutdownSend() {
  if (ssl_ != nullptr && !broken_ && SSL_is_init_finished(ssl_)) {
    ERR_clear_error();
    (void)SSL_shutdown(ssl_);
    ERR_clear_error();
  }
  broken_ = true;  // nothing more goes through TLS
  (void)::shutdown(sockfd(), SHUT_WR);
}

bool TlsConnection::Discard() {
  // Raw bytes: after close_notify nobody needs them decrypted.
  char buffer[kReadChunk];
  for (;;) {
    const ssize_t n = ::read(sockfd(), buffer, sizeof buffer);
    if (n > 0) {
      discarded_ += n;
      if (discarded_ > limits_.linger_bytes) return false;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }
}

int TlsConnection::available() {
  const int tls = ssl_ != nullptr ? SSL_pending(ssl_) : 0;
  return static_cast<int>(input_.size() - input_pos_) + tls;
}

void TlsConnection::close() {
  if (ssl_ != nullptr) {
    if (!broken_ && SSL_is_init_finished(ssl_)) {
      ERR_clear_error();
      (void)SSL_shutdown(ssl_);  // one close_notify, best effort, never waited for
    }
    ERR_clear_error();
    SSL_free(ssl_);
    ssl_ = nullptr;
  }
  StreamSocketImpl::close();
}

}  // namespace fieldnotes::server
