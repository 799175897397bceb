// Exchange: one request and its response, with the reading and writing
// every handler needs.
//
// Bodies are read against a limit as they arrive and never buffered beyond
// it: a Content-Length over the limit is answered 413 before any byte is
// read, and a chunked or lying body is cut off at the first byte past it.
// A response sent while request bytes remain unread closes the connection:
// the reactor discards what still arrives for a second at most (a lingering
// close, no worker held), so the client sees the answer instead of a reset.
#ifndef FIELDNOTES_SERVER_HTTP_EXCHANGE_H_
#define FIELDNOTES_SERVER_HTTP_EXCHANGE_H_

#include <string>
#include <string_view>
#include <vector>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "core/crypto.h"
#include "core/json.h"
#include "server/api_error.h"

namespace fieldnotes::server {

class Exchange {
 public:
  Exchange(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
      : request_(request), response_(response) {}

  const std::string& method() const { return request_.getMethod(); }
  // A header's value, or "" when absent.
  std::string Header(std::string_view name) const;
  // The token of "Authorization: Bearer <token>", or "".
  std::string BearerToken() const;
  // The peer's IP address, without the port.
  std::string ClientAddress() const;

  // The body, at most `limit` bytes: 413 when more arrives, 400 when it is
  // cut short or malformed.
  ApiResult<core::crypto::Bytes> ReadBody(size_t limit);
  // A JSON body of at most sync::kMaxJsonBodyBytes, parsed strictly (core/json.h).
  ApiResult<core::json::Value> ReadJson();
  // A JSON body parsed into Msg with Msg::FromJson; 400 naming the member.
  template <typename Msg>
  ApiResult<Msg> ReadMessage() {
    auto json = ReadJson();
    if (!json.ok()) return json.error();
    auto msg = Msg::FromJson(*json);
    if (!msg.ok()) return ApiError::BadRequest(msg.status().message());
    return std::move(msg).value();
  }

  void SendJson(int status, const core::json::Value& body);
  // 200 with an envelope: the body is sent from `body` itself, not copied
  // (only the first TLS record is assembled, the headers and the start of
  // the body, so every record is a full 16 KB one).
  void SendEnvelope(const std::vector<uint8_t>& body, const std::string& sha256);
  void SendNoContent();
  void SendError(const ApiError& error);
  // 405 with the methods this resource allows.
  void SendMethodNotAllowed(const std::string& allow);
  bool sent() const { return sent_raw_ || response_.sent(); }

 private:
  bool HasBody() const;
  // Before a response: keep the connection only if the body was read whole.
  void PrepareToSend();
  // After a response on a connection to be closed: have what the client is
  // still sending discarded, up to a bound and a short time, off the worker.
  void DrainAfterSend();

  Poco::Net::HTTPServerRequest& request_;
  Poco::Net::HTTPServerResponse& response_;
  bool body_read_ = false;
  bool sent_raw_ = false;  // SendEnvelope writes past Poco's response stream
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_HTTP_EXCHANGE_H_
