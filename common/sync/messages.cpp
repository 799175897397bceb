#include "sync/messages.h"

#include "core/json_binding.h"
#include "core/timestamp.h"
#include "sync/api.h"

namespace fieldnotes::sync {
namespace {

using core::Status;
using core::json::Object;

// Reads members of one message through core/json_binding.h (json::Reader:
// one error shape, "<message>: <member> is missing / is not <kind>"), with
// the kinds the protocol adds: times, ids, public keys, a clinician's keys.
class Reader {
 public:
  // `message` names it in errors ("login request"); a string literal.
  Reader(const Value& v, std::string_view message) : r_(v, message, core::json::Reader::kInput) {}

  void String(const char* name, std::string* out) { r_.Required(name, *out); }
  void Int(const char* name, int64_t* out) { r_.Required(name, *out); }
  void Time(const char* name, int64_t* out) {
    std::string text;
    r_.Required(name, text);
    if (r_.ok()) SetTime(name, text, out);
  }
  void OptionalTime(const char* name, std::optional<int64_t>* out) {
    std::optional<std::string> text;
    r_.Optional(name, text);
    if (!r_.ok() || !text) return;
    int64_t t = 0;
    if (SetTime(name, *text, &t)) *out = t;
  }
  void Keys(const char* name, ClinicianKeys* out) {
    Object keys;
    r_.Required(name, keys);
    if (r_.ok()) SetKeys(name, std::move(keys), out);
  }
  void OptionalKeys(const char* name, std::optional<ClinicianKeys>* out) {
    std::optional<Object> keys;
    r_.Optional(name, keys);
    if (!r_.ok() || !keys) return;
    ClinicianKeys k;
    if (SetKeys(name, std::move(*keys), &k)) *out = std::move(k);
  }
  // A 32-byte public key as 64 lowercase hex characters.
  void PublicKey(const char* name, std::string* out) {
    String(name, out);
    if (r_.ok())
      r_.Check(name, IsLowerHex(*out, 2 * kPublicKeyBytes), "is not 64 lowercase hex characters");
  }
  // An id: 32 lowercase hex characters.
  void Id(const char* name, std::string* out) {
    String(name, out);
    if (r_.ok())
      r_.Check(name, IsLowerHex(*out, kIdHexChars), "is not 32 lowercase hex characters");
  }
  // An id, or null or absent: "".
  void OptionalId(const char* name, std::string* out) {
    std::optional<std::string> id;
    r_.Optional(name, id);
    if (!r_.ok() || !id) return;
    r_.Check(name, IsLowerHex(*id, kIdHexChars), "is not 32 lowercase hex characters");
    *out = std::move(*id);
  }
  void Fail(const char* name, std::string_view why) { r_.Check(name, false, why); }
  const Status& status() const { return r_.status(); }

 private:
  bool SetTime(const char* name, const std::string& text, int64_t* out) {
    Result<int64_t> t = ParseTime(text);
    r_.Check(name, t.ok(), "is not an ISO 8601 time");
    if (t.ok()) *out = *t;
    return t.ok();
  }
  bool SetKeys(const char* name, Object keys, ClinicianKeys* out) {
    Result<ClinicianKeys> parsed = ClinicianKeys::FromJson(Value(std::move(keys)));
    if (!parsed.ok()) {
      r_.Check(name, false, "is not a clinician's keys (" + parsed.status().message() + ")");
      return false;
    }
    *out = std::move(parsed).value();
    return true;
  }

  core::json::Reader r_;
};

Value TimeValue(int64_t t) { return Value(FormatTime(t)); }
Value OptionalTimeValue(const std::optional<int64_t>& t) {
  return t ? Value(FormatTime(*t)) : Value(nullptr);
}

template <typename T>
Result<T> Finish(const Reader& r, T value) {
  if (!r.status().ok()) return r.status();
  return value;
}

}  // namespace

std::string FormatTime(int64_t unix_seconds) {
  return core::FormatTimestamp(core::Timestamp{unix_seconds, 0});
}

Result<int64_t> ParseTime(std::string_view text) {
  Result<core::Timestamp> t = core::ParseTimestamp(text);
  if (!t.ok()) return t.status();
  return t->unix_seconds;
}

bool IsLowerHex(std::string_view s, size_t length) {
  if (s.size() != length) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

Value ErrorBody::ToJson() const {
  Object o;
  o.Set("error", error);
  o.Set("message", message);
  return o;
}
Result<ErrorBody> ErrorBody::FromJson(const Value& v) {
  Reader r(v, "error body");
  ErrorBody b;
  r.String("error", &b.error);
  r.String("message", &b.message);
  return Finish(r, b);
}

Value LoginRequest::ToJson() const {
  Object o;
  o.Set("email", email);
  o.Set("password", password);
  return o;
}
Result<LoginRequest> LoginRequest::FromJson(const Value& v) {
  Reader r(v, "login request");
  LoginRequest b;
  r.String("email", &b.email);
  r.String("password", &b.password);
  return Finish(r, b);
}

Value LoginResponse::ToJson() const {
  Object o;
  o.Set("token", token);
  o.Set("expires_at", TimeValue(expires_at));
  o.Set("idle_timeout_seconds", idle_timeout_seconds);
  return o;
}
Result<LoginResponse> LoginResponse::FromJson(const Value& v) {
  Reader r(v, "login response");
  LoginResponse b;
  r.String("token", &b.token);
  r.Time("expires_at", &b.expires_at);
  r.Int("idle_timeout_seconds", &b.idle_timeout_seconds);
  return Finish(r, b);
}

Value PasswordChangeRequest::ToJson() const {
  Object o;
  o.Set("current_password", current_password);
  o.Set("new_password", new_password);
  return o;
}
Result<PasswordChangeRequest> PasswordChangeRequest::FromJson(const Value& v) {
  Reader r(v, "password change request");
  PasswordChangeRequest b;
  r.String("current_password", &b.current_password);
  r.String("new_password", &b.new_password);
  return Finish(r, b);
}

Value ClinicianKeys::ToJson() const {
  Object o;
  o.Set("x25519", x25519);
  o.Set("ed25519", ed25519);
  o.Set("version", version);
  o.Set("changed_at", TimeValue(changed_at));
  return o;
}
Result<ClinicianKeys> ClinicianKeys::FromJson(const Value& v) {
  Reader r(v, "clinician keys");
  ClinicianKeys b;
  r.String("x25519", &b.x25519);
  r.String("ed25519", &b.ed25519);
  r.Int("version", &b.version);
  r.Time("changed_at", &b.changed_at);
  return Finish(r, b);
}

Value KeysRequest::ToJson() const {
  Object o;
  o.Set("x25519", x25519);
  o.Set("ed25519", ed25519);
  return o;
}
Result<KeysRequest> KeysRequest::FromJson(const Value& v) {
  Reader r(v, "keys request");
  KeysRequest b;
  r.PublicKey("x25519", &b.x25519);
  r.PublicKey("ed25519", &b.ed25519);
  return Finish(r, b);
}

Value InviteResponse::ToJson() const {
  Object o;
  o.Set("code", code);
  o.Set("expires_at", TimeValue(expires_at));
  o.Set("invite_id", invite_id);
  return o;
}
Result<InviteResponse> InviteResponse::FromJson(const Value& v) {
  Reader r(v, "invite response");
  InviteResponse b;
  r.String("code", &b.code);
  r.Time("expires_at", &b.expires_at);
  r.Id("invite_id", &b.invite_id);
  return Finish(r, b);
}

Value PairRequest::ToJson() const {
  Object o;
  o.Set("code", code);
  o.Set("client_key", client_key);
  return o;
}
Result<PairRequest> PairRequest::FromJson(const Value& v) {
  Reader r(v, "pair request");
  PairRequest b;
  r.String("code", &b.code);
  r.PublicKey("client_key", &b.client_key);
  return Finish(r, b);
}

Value PairResponse::ToJson() const {
  Object o;
  o.Set("client_id", client_id);
  o.Set("device_credential", device_credential);
  o.Set("clinician_keys", clinician_keys.ToJson());
  return o;
}
Result<PairResponse> PairResponse::FromJson(const Value& v) {
  Reader r(v, "pair response");
  PairResponse b;
  r.String("client_id", &b.client_id);
  r.String("device_credential", &b.device_credential);
  r.Keys("clinician_keys", &b.clinician_keys);
  return Finish(r, b);
}

Value LinkInfo::ToJson() const {
  Object o;
  o.Set("client_id", client_id);
  o.Set("created_at", TimeValue(created_at));
  o.Set("clinician_keys", clinician_keys ? clinician_keys->ToJson() : Value(nullptr));
  return o;
}
Value ServerLimits::ToJson() const {
  Object limits;
  limits.Set("max_envelope_bytes", max_envelope_bytes);
  limits.Set("max_retention_days", max_retention_days);
  Object o;
  o.Set("limits", Value(std::move(limits)));
  return o;
}
Result<ServerLimits> ServerLimits::FromJson(const Value& v) {
  if (!v.is_object()) return Status::InvalidArgument("server limits is not an object");
  ServerLimits b;
  const Value* limits = v.as_object().Find("limits");
  if (limits == nullptr || limits->is_null()) return b;
  if (!limits->is_object())
    return Status::InvalidArgument("server limits: limits is not an object");
  Reader r(*limits, "server limits");
  if (limits->as_object().Contains("max_envelope_bytes"))
    r.Int("max_envelope_bytes", &b.max_envelope_bytes);
  if (limits->as_object().Contains("max_retention_days"))
    r.Int("max_retention_days", &b.max_retention_days);
  if (b.max_envelope_bytes < 0 || b.max_retention_days < 0)
    return Status::InvalidArgument("server limits: a limit is negative");
  return Finish(r, b);
}

Result<LinkInfo> LinkInfo::FromJson(const Value& v) {
  Reader r(v, "link info");
  LinkInfo b;
  r.String("client_id", &b.client_id);
  r.Time("created_at", &b.created_at);
  r.OptionalKeys("clinician_keys", &b.clinician_keys);
  return Finish(r, b);
}

Value LinkSummary::ToJson() const {
  Object o;
  o.Set("client_id", client_id);
  o.Set("client_key", client_key);
  o.Set("created_at", TimeValue(created_at));
  o.Set("reports_waiting", reports_waiting);
  o.Set("invite_id", invite_id.empty() ? Value(nullptr) : Value(invite_id));
  return o;
}
Result<LinkSummary> LinkSummary::FromJson(const Value& v) {
  Reader r(v, "link summary");
  LinkSummary b;
  r.String("client_id", &b.client_id);
  r.PublicKey("client_key", &b.client_key);
  r.Time("created_at", &b.created_at);
  r.Int("reports_waiting", &b.reports_waiting);
  r.OptionalId("invite_id", &b.invite_id);
  return Finish(r, b);
}

Value ReportUploaded::ToJson() const {
  Object o;
  o.Set("report_id", report_id);
  o.Set("size", size);
  o.Set("sha256", sha256);
  o.Set("uploaded_at", TimeValue(uploaded_at));
  o.Set("expires_at", TimeValue(expires_at));
  return o;
}
Result<ReportUploaded> ReportUploaded::FromJson(const Value& v) {
  Reader r(v, "report uploaded");
  ReportUploaded b;
  r.String("report_id", &b.report_id);
  r.Int("size", &b.size);
  r.String("sha256", &b.sha256);
  r.Time("uploaded_at", &b.uploaded_at);
  r.Time("expires_at", &b.expires_at);
  return Finish(r, b);
}

Value ReportInfo::ToJson() const {
  Object o;
  o.Set("report_id", report_id);
  o.Set("client_id", client_id);
  o.Set("period_end", period_end);
  o.Set("size", size);
  o.Set("sha256", sha256);
  o.Set("uploaded_at", TimeValue(uploaded_at));
  o.Set("expires_at", TimeValue(expires_at));
  o.Set("downloaded_at", OptionalTimeValue(downloaded_at));
  o.Set("opened_at", OptionalTimeValue(opened_at));
  return o;
}
Result<ReportInfo> ReportInfo::FromJson(const Value& v) {
  Reader r(v, "report info");
  ReportInfo b;
  r.String("report_id", &b.report_id);
  r.String("client_id", &b.client_id);
  r.String("period_end", &b.period_end);
  r.Int("size", &b.size);
  r.String("sha256", &b.sha256);
  r.Time("uploaded_at", &b.uploaded_at);
  r.Time("expires_at", &b.expires_at);
  r.OptionalTime("downloaded_at", &b.downloaded_at);
  r.OptionalTime("opened_at", &b.opened_at);
  return Finish(r, b);
}

Value Receipt::ToJson() const {
  Object o;
  o.Set("report_id", report_id);
  o.Set("period_end", period_end);
  o.Set("state", state);
  o.Set("uploaded_at", TimeValue(uploaded_at));
  o.Set("expires_at", TimeValue(expires_at));
  o.Set("downloaded_at", OptionalTimeValue(downloaded_at));
  o.Set("opened_at", OptionalTimeValue(opened_at));
  o.Set("withdrawn_at", OptionalTimeValue(withdrawn_at));
  o.Set("expired_at", OptionalTimeValue(expired_at));
  return o;
}
Result<Receipt> Receipt::FromJson(const Value& v) {
  Reader r(v, "receipt");
  Receipt b;
  r.String("report_id", &b.report_id);
  r.String("period_end", &b.period_end);
  r.String("state", &b.state);
  r.Time("uploaded_at", &b.uploaded_at);
  r.Time("expires_at", &b.expires_at);
  r.OptionalTime("downloaded_at", &b.downloaded_at);
  r.OptionalTime("opened_at", &b.opened_at);
  r.OptionalTime("withdrawn_at", &b.withdrawn_at);
  r.OptionalTime("expired_at", &b.expired_at);
  return Finish(r, b);
}

// ---- lists: {"<name>": [...]} ----

template <typename T>
Value ListToJson(const char* name, const std::vector<T>& items) {
  core::json::Array array;
  array.reserve(items.size());
  for (const T& item : items) array.push_back(item.ToJson());
  Object object;
  object.Set(name, Value(std::move(array)));
  return Value(std::move(object));
}

template <typename T>
Result<std::vector<T>> ListFromJson(const Value& v, const char* name) {
  const std::string record = std::string(name) + " list";
  core::json::Reader r(v, record, core::json::Reader::kInput);
  core::json::Array items;
  r.Required(name, items);
  if (!r.ok()) return r.status();
  std::vector<T> out;
  out.reserve(items.size());
  for (const Value& item : items) {
    Result<T> parsed = T::FromJson(item);
    if (!parsed.ok()) return parsed.status();
    out.push_back(std::move(parsed).value());
  }
  return out;
}

// The lists on the wire.
template Value ListToJson(const char*, const std::vector<LinkSummary>&);
template Value ListToJson(const char*, const std::vector<ReportInfo>&);
template Value ListToJson(const char*, const std::vector<Receipt>&);
template Result<std::vector<LinkSummary>> ListFromJson(const Value&, const char*);
template Result<std::vector<ReportInfo>> ListFromJson(const Value&, const char*);
template Result<std::vector<Receipt>> ListFromJson(const Value&, const char*);

}  // namespace fieldnotes::sync
