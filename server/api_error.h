// ApiError: an expected failure of a request, as the client will see it
// (an HTTP status and a sync::error code), and ApiResult<T>.
//
// Messages are for developers and never say whether something exists that
// the caller may not see: every "not yours" is the same 404 as "no such".
#ifndef FIELDNOTES_SERVER_API_ERROR_H_
#define FIELDNOTES_SERVER_API_ERROR_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/status.h"
#include "sync/api.h"

namespace fieldnotes::server {

struct ApiError {
  int http_status = 500;
  std::string_view code = sync::error::kInternal;
  std::string message;
  int64_t retry_after = 0;  // seconds, for 429 and 503

  static ApiError BadRequest(std::string message) {
    return {400, sync::error::kBadRequest, std::move(message)};
  }
  static ApiError Unauthorized() {
    return {401, sync::error::kUnauthorized, "missing, expired or invalid credentials"};
  }
  static ApiError Forbidden(std::string message) {
    return {403, sync::error::kForbidden, std::move(message)};
  }
  static ApiError NotFound() { return {404, sync::error::kNotFound, "no such resource"}; }
  static ApiError MethodNotAllowed() {
    return {405, sync::error::kMethodNotAllowed, "method not allowed on this resource"};
  }
  static ApiError Conflict(std::string message) {
    return {409, sync::error::kConflict, std::move(message)};
  }
  static ApiError QuotaExceeded() {
    return {409, sync::error::kQuotaExceeded, "the link's storage quota is used up"};
  }
  static ApiError TooLarge(std::string message) {
    return {413, sync::error::kPayloadTooLarge, std::move(message)};
  }
  static ApiError Throttled(int64_t retry_after) {
    return {429, sync::error::kThrottled, "too many attempts; try again later", retry_after};
  }
  static ApiError Internal() { return {500, sync::error::kInternal, "internal error"}; }
  static ApiError Unavailable() {
    return {503, sync::error::kUnavailable, "the server is busy; try again", 1};
  }
  // Maps storage outcomes: NotFound -> 404, InvalidArgument -> 400,
  // AlreadyExists -> 409, anything else -> 500.
  static ApiError FromStatus(const core::Status& status);
};

inline ApiError ApiError::FromStatus(const core::Status& status) {
  switch (status.code()) {
    case core::Status::Code::kNotFound:
      return NotFound();
    case core::Status::Code::kInvalidArgument:
      return BadRequest(status.message());
    case core::Status::Code::kAlreadyExists:
      return Conflict(status.message());
    default:
      return Internal();
  }
}

struct Done {};  // the value of an ApiResult that has none

template <typename T>
class [[nodiscard]] ApiResult {
 public:
  ApiResult(T value) : value_(std::move(value)) {}         // NOLINT: implicit on purpose
  ApiResult(ApiError error) : error_(std::move(error)) {}  // NOLINT

  bool ok() const { return value_.has_value(); }
  const ApiError& error() const { return error_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }

 private:
  std::optional<T> value_;
  ApiError error_;
};

using ApiStatus = ApiResult<Done>;

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_API_ERROR_H_
