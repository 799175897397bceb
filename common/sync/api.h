// The sync API's fixed vocabulary: paths, headers, limits and error codes,
// shared by fieldnotes-server and the client sync library. docs/api.md is the
// prose for every constant here.
#ifndef FIELDNOTES_SYNC_API_H_
#define FIELDNOTES_SYNC_API_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace fieldnotes::sync {

inline constexpr int kApiVersion = 1;

// Paths. Ids inside paths are kIdHexChars lowercase hex characters; anything
// else is answered 404 like an id that does not exist.
namespace path {
inline constexpr std::string_view kHealth = "/v1/health";
inline constexpr std::string_view kLogin = "/v1/login";        // POST
inline constexpr std::string_view kLogout = "/v1/logout";      // POST (clinician)
inline constexpr std::string_view kPassword = "/v1/password";  // POST (clinician)
inline constexpr std::string_view kKeys = "/v1/keys";          // GET, PUT (clinician)
inline constexpr std::string_view kInvites = "/v1/invites";    // POST (clinician)
inline constexpr std::string_view kPair = "/v1/pair";          // POST (no auth)
inline constexpr std::string_view kLinks = "/v1/links";        // GET; DELETE /v1/links/{client_id}
inline constexpr std::string_view kLink = "/v1/link";          // GET, DELETE (client)
inline constexpr std::string_view kReports = "/v1/reports";    // POST (client), GET (clinician)
inline constexpr std::string_view kOpenedSuffix = "/opened";   // POST /v1/reports/{id}/opened
inline constexpr std::string_view kReceipts = "/v1/receipts";  // GET (client)
}  // namespace path

// Request and response headers of the envelope endpoints.
namespace header {
inline constexpr std::string_view kAuthorization = "Authorization";      // "Bearer <token>"
inline constexpr std::string_view kPeriodEnd = "Fieldnotes-Period-End";  // YYYY-MM-DD
inline constexpr std::string_view kExpiresAt = "Fieldnotes-Expires-At";  // ISO 8601 UTC
inline constexpr std::string_view kSha256 = "Fieldnotes-Sha256";         // 64 hex
inline constexpr std::string_view kRetryAfter = "Retry-After";           // seconds
}  // namespace header

inline constexpr std::string_view kEnvelopeContentType = "application/octet-stream";
inline constexpr std::string_view kJsonContentType = "application/json";

// Limits fixed by the protocol (the server's configurable limits are in
// docs/server.md and are reported by GET /v1/health).
inline constexpr size_t kMinPasswordChars = 12;  // Unicode code points
inline constexpr size_t kMaxPasswordChars = 128;
inline constexpr size_t kMaxEmailBytes = 254;
inline constexpr size_t kMaxJsonBodyBytes = size_t{16} * 1024;
inline constexpr size_t kTokenBytes = 32;  // session tokens, device credentials
inline constexpr size_t kTokenHexChars = size_t{2} * kTokenBytes;
inline constexpr size_t kIdBytes = 16;  // client ids, report ids
inline constexpr size_t kIdHexChars = size_t{2} * kIdBytes;
inline constexpr size_t kPublicKeyBytes = 32;  // X25519 and Ed25519 public keys
// Invite codes: 10 symbols of Crockford base32 (50 bits), shown as XXXXX-XXXXX.
inline constexpr size_t kInviteCodeSymbols = 10;

// The "error" member of every 4xx/5xx JSON body.
namespace error {
inline constexpr std::string_view kBadRequest = "bad_request";                       // 400
inline constexpr std::string_view kUnauthorized = "unauthorized";                    // 401
inline constexpr std::string_view kForbidden = "forbidden";                          // 403
inline constexpr std::string_view kNotFound = "not_found";                           // 404
inline constexpr std::string_view kMethodNotAllowed = "method_not_allowed";          // 405
inline constexpr std::string_view kConflict = "conflict";                            // 409
inline constexpr std::string_view kQuotaExceeded = "quota_exceeded";                 // 409
inline constexpr std::string_view kPayloadTooLarge = "payload_too_large";            // 413
inline constexpr std::string_view kUnsupportedMediaType = "unsupported_media_type";  // 415
inline constexpr std::string_view kThrottled = "throttled";                          // 429
inline constexpr std::string_view kInternal = "internal";                            // 500
inline constexpr std::string_view kUnavailable = "unavailable";                      // 503
}  // namespace error

// Receipt states, in the order a report moves through them.
namespace state {
inline constexpr std::string_view kPending = "pending";      // stored, not yet downloaded
inline constexpr std::string_view kDelivered = "delivered";  // the clinician downloaded it
inline constexpr std::string_view kOpened = "opened";        // the clinician marked it opened
inline constexpr std::string_view kWithdrawn = "withdrawn";  // the client withdrew it; bytes gone
inline constexpr std::string_view kExpired = "expired";      // purged at expiry; bytes gone
}  // namespace state

}  // namespace fieldnotes::sync

#endif  // FIELDNOTES_SYNC_API_H_
