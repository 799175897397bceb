#include "server/http/exchange.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cstring>
#include <memory>
#include <sstream>

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>

#include <Poco/Exception.h>
#include <Poco/Timespan.h>

#include "sync/api.h"
#include "sync/messages.h"

namespace fieldnotes::server {
namespace {

constexpr size_t kReadChunk = 16 * 1024;
constexpr std::streamsize kDrainLimit = 8 << 20;
constexpr long kDrainTimeoutSeconds = 1;
constexpr size_t kKeptBuffer = 256 * 1024;

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
  try {
    auto& impl = static_cast<Poco::Net::HTTPServerRequestImpl&>(request_);
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
  response_.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  response_.setContentType(std::string(sync::kJsonContentType));
  response_.set("Cache-Control", "no-store");
  const std::string text = core::json::Write(body);
  response_.sendBuffer(text.data(), text.size());
  DrainAfterSend();
}

namespace {

// One send buffer per worker thread, reused: a fresh 130 KB allocation per
// download costs page faults, and the bytes are sent and gone. Buffers up to
// kKeptBuffer stay with their thread.
struct SendBuffer {
  std::unique_ptr<uint8_t[]> data;
  size_t capacity = 0;

  uint8_t* Reserve(size_t size) {
    if (size > capacity) {
      data.reset(new uint8_t[size]);
      capacity = size;
    }
    return data.get();
  }
  void Trim() {
    if (capacity > kKeptBuffer) {
      data.reset();
      capacity = 0;
    }
  }
};

thread_local SendBuffer send_buffer;

}  // namespace

uint8_t* Exchange::StartBytes(size_t size, const std::string& sha256) {
  PrepareToSend();
  response_.setStatus(Poco::Net::HTTPResponse::HTTP_OK);
  response_.setContentType(std::string(sync::kEnvelopeContentType));
  response_.set("Cache-Control", "no-store");
  response_.set(std::string(sync::header::kSha256), sha256);
  response_.setContentLength64(static_cast<Poco::Int64>(size));
  std::ostringstream rendered;
  response_.write(rendered);
  // Should an error be answered instead, it carries none of these.
  response_.erase(std::string(sync::header::kSha256));
  const std::string head = rendered.str();
  uint8_t* out = send_buffer.Reserve(head.size() + size);
  std::memcpy(out, head.data(), head.size());
  started_size_ = head.size() + size;
  return out + head.size();
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

}  // namespace

void Exchange::SendStarted() {
  // Through Poco's response stream the body would go out in a TLS record
  // per 4 KB stream buffer: a third of a download's CPU.
  auto& socket = static_cast<Poco::Net::HTTPServerRequestImpl&>(request_).socket();
  const uint8_t* out = send_buffer.data.get();
  size_t sent = 0;
  sent_raw_ = true;
  {
    Cork cork(socket);
    while (sent < started_size_) {
      const int n = socket.sendBytes(out + sent, static_cast<int>(started_size_ - sent));
      if (n <= 0) throw Poco::IOException("connection closed while sending");
      sent += static_cast<size_t>(n);
    }
  }
  send_buffer.Trim();
  DrainAfterSend();
}

void Exchange::SendNoContent() {
  PrepareToSend();
  response_.setStatus(Poco::Net::HTTPResponse::HTTP_NO_CONTENT);
  response_.setContentLength(0);
  response_.send();
  DrainAfterSend();
}

void Exchange::SendError(const ApiError& error) {
  if (error.http_status == 429 && error.retry_after > 0) {
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
