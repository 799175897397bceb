// Request and response bodies of the sync API (docs/api.md), with their JSON
// form. Times are Unix seconds here and ISO 8601 UTC strings on the wire
// ("2026-11-03T21:40:00Z"); an absent time is JSON null.
//
// FromJson is strict about what it needs: a missing member, a member of the
// wrong type or a value out of range is InvalidArgument naming the member.
// Members it does not know are ignored, so either side may add some later.
#ifndef FIELDNOTES_SYNC_MESSAGES_H_
#define FIELDNOTES_SYNC_MESSAGES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/status.h"

namespace fieldnotes::sync {

using core::Result;
using core::json::Value;

struct ErrorBody {
  std::string error;    // one of sync::error
  std::string message;  // for a developer; never echoes secrets
  Value ToJson() const;
  static Result<ErrorBody> FromJson(const Value& v);
};

struct LoginRequest {
  std::string email;
  std::string password;
  Value ToJson() const;
  static Result<LoginRequest> FromJson(const Value& v);
};

struct LoginResponse {
  std::string token;       // send as "Authorization: Bearer <token>"
  int64_t expires_at = 0;  // absolute expiry
  int64_t idle_timeout_seconds = 0;
  Value ToJson() const;
  static Result<LoginResponse> FromJson(const Value& v);
};

struct PasswordChangeRequest {
  std::string current_password;
  std::string new_password;
  Value ToJson() const;
  static Result<PasswordChangeRequest> FromJson(const Value& v);
};

// A clinician's public keys, 32 bytes each as 64 lowercase hex characters.
struct ClinicianKeys {
  std::string x25519;   // sealing
  std::string ed25519;  // signing
  int64_t version = 0;  // 1 for the first keys, +1 at every change
  int64_t changed_at = 0;
  Value ToJson() const;
  static Result<ClinicianKeys> FromJson(const Value& v);
};

struct KeysRequest {
  std::string x25519;
  std::string ed25519;
  Value ToJson() const;
  static Result<KeysRequest> FromJson(const Value& v);
};

struct InviteResponse {
  std::string code;  // "XXXXX-XXXXX"
  int64_t expires_at = 0;
  // The invite's handle (32 hex, random): the link made with this invite
  // carries it (LinkSummary), so a label given to it finds its client.
  std::string invite_id;
  Value ToJson() const;
  static Result<InviteResponse> FromJson(const Value& v);
};

struct PairRequest {
  std::string code;
  // The client's Ed25519 public key (64 hex): the only key whose signature
  // the clinician accepts on this link's reports.
  std::string client_key;
  Value ToJson() const;
  static Result<PairRequest> FromJson(const Value& v);
};

struct PairResponse {
  std::string client_id;          // pseudonymous, 32 hex
  std::string device_credential;  // send as "Authorization: Bearer <credential>"
  ClinicianKeys clinician_keys;
  Value ToJson() const;
  static Result<PairResponse> FromJson(const Value& v);
};

// The limits a server reports in GET /v1/health ("limits"); 0 for a limit
// the server does not report (an older server).
struct ServerLimits {
  int64_t max_envelope_bytes = 0;
  int64_t max_retention_days = 0;
  Value ToJson() const;
  static Result<ServerLimits> FromJson(const Value& v);
};

// The client's view of its link (GET /v1/link).
struct LinkInfo {
  std::string client_id;
  int64_t created_at = 0;
  std::optional<ClinicianKeys> clinician_keys;  // null until the clinician registers keys
  Value ToJson() const;
  static Result<LinkInfo> FromJson(const Value& v);
};

// One of the clinician's links (GET /v1/links).
struct LinkSummary {
  std::string client_id;
  std::string client_key;  // the client's Ed25519 public key, as given at pairing
  int64_t created_at = 0;
  int64_t reports_waiting = 0;  // stored reports not yet opened
  std::string invite_id;        // InviteResponse::invite_id; "" (null) for older links
  Value ToJson() const;
  static Result<LinkSummary> FromJson(const Value& v);
};

struct ReportUploaded {
  std::string report_id;
  int64_t size = 0;
  std::string sha256;  // of the envelope bytes as received
  int64_t uploaded_at = 0;
  int64_t expires_at = 0;
  Value ToJson() const;
  static Result<ReportUploaded> FromJson(const Value& v);
};

// A report as the clinician sees it in the list (GET /v1/reports).
struct ReportInfo {
  std::string report_id;
  std::string client_id;
  std::string period_end;  // YYYY-MM-DD
  int64_t size = 0;
  std::string sha256;
  int64_t uploaded_at = 0;
  int64_t expires_at = 0;
  std::optional<int64_t> downloaded_at;
  std::optional<int64_t> opened_at;
  Value ToJson() const;
  static Result<ReportInfo> FromJson(const Value& v);
};

// A report as its client sees it (GET /v1/receipts).
struct Receipt {
  std::string report_id;
  std::string period_end;
  std::string state;  // one of sync::state
  int64_t uploaded_at = 0;
  int64_t expires_at = 0;
  std::optional<int64_t> downloaded_at;
  std::optional<int64_t> opened_at;
  std::optional<int64_t> withdrawn_at;
  std::optional<int64_t> expired_at;
  Value ToJson() const;
  static Result<Receipt> FromJson(const Value& v);
};

// Lists travel as {"<name>": [...]}; these wrap and unwrap them. Defined
// in messages.cpp for the three lists on the wire (LinkSummary, ReportInfo,
// Receipt), so this header stays light. ListFromJson reads through
// core/json_binding.h: a body that is not an object, a missing or mistyped
// member, and any item the item's own FromJson refuses are InvalidArgument,
// "<name> list: <name> is missing" and the like.
template <typename T>
Value ListToJson(const char* name, const std::vector<T>& items);
template <typename T>
Result<std::vector<T>> ListFromJson(const Value& v, const char* name);

// Wire helpers, exposed for the server's header parsing and for tests.
std::string FormatTime(int64_t unix_seconds);  // "2026-11-03T21:40:00Z"
Result<int64_t> ParseTime(std::string_view text);
bool IsLowerHex(std::string_view s, size_t length);

}  // namespace fieldnotes::sync

#endif  // FIELDNOTES_SYNC_MESSAGES_H_
