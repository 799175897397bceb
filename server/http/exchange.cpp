#include "server/http/exchange.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <sstream>

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>

#include <Poco/Exception.h>
#include <Poco/Timespan.h>

#include "server/http/tls_connection.h"
#include "sync/api.h"
#include "sync/messages.h"

namespace fieldnotes::server {
namespace {

constexpr size_t kReadChunk = size_t{16} * 1024;
constexpr std::streamsize kDrainLimit = 8 << 20;
constexpr long kDrainTimeoutSeconds = 1;  // a socket that is not a TlsConnection

}  // namespace

std::string Exchange::Header(std::string_view name) const {
  return request_.get(std::string(name), "");
}

std::string Exchange::BearerToken() const {
  const std::string value = Header(sync::header::kAuthorization);
  constexpr std::string_view kPrefix = "Bearer ";
  if (value.size() <= kPrefix.size() || value.compare(0, kPrefix.size(), kPrefix) != 0) return "";
  return value.substr(kPrefix.size());
}

std::string Exchange::ClientAddress() const { return request_.clientAddress().host().toString(); }

bool Exchange::HasBody() const {
  return request_.getChunkedTransferEncoding() || request_.getContentLength64() > 0;
}

ApiResult<core::crypto::Bytes> Exchange::ReadBody(size_t limit) {
  const bool chunked = request_.getChunkedTransferEncoding();
  const int64_t declared = request_.getContentLength64();
  if (!chunked && declared > static_cast<int64_t>(limit)) {
    return ApiError::TooLarge("the body is over the limit of " + std::to_string(limit) + " bytes");
  }
  core::crypto::Bytes body;
  if (!chunked && declared <= 0) {
    body_read_ = true;
    return body;
  }
  // "Expect: 100-continue" is answered only now, when a handler has
  // checked what it could without the body and asks for it: a client that
  // is refused never gets a go-ahead to send.
  if (request_.getExpectContinue() && !response_.sent()) response_.sendContinue();
  std::istream& in = request_.stream();
  char buffer[kReadChunk];
  while (in) {
    in.read(buffer, sizeof buffer);
    const auto n = static_cast<size_t>(in.gcount());
    if (body.size() + n > limit) {
      return ApiError::TooLarge("the body is over the limit of " + std::to_string(limit) +
                                " bytes");
    }
    body.insert(body.end(), buffer, buffer + n);
  }
  // eof without bad: the stream ended where HTTP said it would. A fixed
  // length stream also ends early when the peer goes away: compare.
  if (in.bad() || (!chunked && static_cast<int64_t>(body.size()) != declared)) {
    return ApiError::BadRequest("the body was cut short or malformed");
  }
  body_read_ = true;
  return body;
}

ApiResult<core::json::Value> Exchange::ReadJson() {
  auto body = ReadBody(sync::kMaxJsonBodyBytes);
  if (!body.ok()) return body.error();
  auto json = core::json::Parse(core::crypto::AsChars(*body));
  if (!json.ok()) return ApiError::BadRequest("malformed JSON: " + json.status().message());
  return std::move(json).value();
}

void Exchange::PrepareToSend() {
  if (HasBody() && !body_read_) response_.setKeepAlive(false);
}

void Exchange::DrainAfterSend() {
  if (!HasBody() || body_read_) return;
  auto& impl = static_cast<Poco::Net::HTTPServerRequestImpl&>(request_);
  if (auto* connection = dynamic_cast<TlsConnection*>(impl.socket().impl())) {
    // The reactor discards the rest after the worker is gone (kLinger), so
    // a client trickling a body it was told not to send holds no worker.
    connection->RequestLinger();
    return;
  }
  try {
    impl.socket().setReceiveTimeout(Poco::Timespan(kDrainTimeoutSeconds, 0));
    std::istream& in = request_.stream();
    char buffer[kReadChunk];
    std::streamsize drained = 0;
    while (in && drained < kDrainLimit) {
      in.read(buffer, sizeof buffer);
      drained += in.gcount();
    }
  } catch (...) {
    // The connection is being closed anyway.
  }
}

void Exchange::SendJson(int status, const core::json::Value& body) {
  PrepareToSend();
  response_.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response_.setContentType(std::string(sync::kJsonContentType));
  response_.set("Cache-Control", "no-store");
  const std::string text = core::json::Write(body);
  response_.sendBuffer(text.data(), text.size());
  DrainAfterSend();
}

namespace {

// TCP_CORK while an answer's TLS records are written: TLS writes one 16 KB
// record per system call, and without the cork each would go out (and, on
// loopback, be received) as a push of its own. Corked, the kernel sends
// full segments, and uncorking pushes the rest at once.
class Cork {
 public:
  explicit Cork(Poco::Net::StreamSocket& socket) : fd_(socket.impl()->sockfd()) { Set(1); }
  ~Cork() { Set(0); }
  Cork(const Cork&) = delete;
  Cork& operator=(const Cork&) = delete;

 private:
  void Set(int on) {
    // Best effort: without it the same bytes go out, only in more pushes.
    (void)setsockopt(fd_, IPPROTO_TCP, TCP_CORK, &on, sizeof on);
  }
  const int fd_;
};

// The largest TLS record's plaintext: a write of this many bytes is one
// full record.
constexpr size_t kRecord = size_t{16} * 1024;

void SendAll(Poco::Net::StreamSocket& socket, const uint8_t* data, size_t size) {
  size_t sent = 0;
  while (sent < size) {
    const int n = socket.sendBytes(data + sent, static_cast<int>(size - sent));
    if (n <= 0) throw Poco::IOException("connection closed while sending");
    sent += static_cast<size_t>(n);
  }
}

}  // namespace

void Exchange::SendEnvelope(const std::vector<uint8_t>& body, const std::string& sha256) {
  PrepareToSend();
  response_.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_OK);
  response_.setContentType(std::string(sync::kEnvelopeContentType));
  response_.set("Cache-Control", "no-store");
  response_.set(std::string(sync::header::kSha256), sha256);
  response_.setContentLength64(static_cast<Poco::Int64>(body.size()));
  std::ostringstream rendered;
  response_.write(rendered);
  const std::string head = rendered.str();
  const bool keep_alive = response_.getKeepAlive();
  // Through Poco's response stream the body would go out in a TLS record
  // per 4 KB stream buffer. Instead: one full record of the headers and the
  // start of the body, then the rest straight from `body`.
  auto& socket = static_cast<Poco::Net::HTTPServerRequestImpl&>(request_).socket();
  sent_raw_ = true;
  // A send that fails leaves the client mid-answer: the connection cannot
  // carry another request, whoever catches the exception.
  response_.setKeepAlive(false);
  {
    Cork cork(socket);             // until the last byte is handed over, not while draining
    if (head.size() >= kRecord) {  // not with the headers this sends
      SendAll(socket, reinterpret_cast<const uint8_t*>(head.data()), head.size());
      if (!body.empty()) SendAll(socket, body.data(), body.size());
    } else {
      uint8_t first[kRecord];
      const size_t body_bytes = std::min(body.size(), kRecord - head.size());
      std::copy_n(reinterpret_cast<const uint8_t*>(head.data()), head.size(), first);
      if (body_bytes > 0) std::copy_n(body.data(), body_bytes, first + head.size());
      SendAll(socket, first, head.size() + body_bytes);
      if (body_bytes < body.size()) {
        SendAll(socket, body.data() + body_bytes, body.size() - body_bytes);
      }
    }
  }
  response_.setKeepAlive(keep_alive);
  DrainAfterSend();
}

void Exchange::SendNoContent() {
  PrepareToSend();
  response_.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
  response_.setContentLength(0);
  response_.send();
  DrainAfterSend();
}

void Exchange::SendError(const ApiError& error) {
  if ((error.http_status == 429 || error.http_status == 503) && error.retry_after > 0) {
    response_.set(std::string(sync::header::kRetryAfter), std::to_string(error.retry_after));
  }
  if (error.http_status == 401) response_.set("WWW-Authenticate", "Bearer");
  SendJson(error.http_status, sync::ErrorBody{std::string(error.code), error.message}.ToJson());
}

void Exchange::SendMethodNotAllowed(const std::string& allow) {
  response_.set("Allow", allow);
  SendError(ApiError::MethodNotAllowed());
}

}  // namespace fieldnotes::server
