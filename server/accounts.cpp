#include "server/accounts.h"

#include <algorithm>

#include "core/json.h"
#include "server/secrets.h"
#include "server/throttle.h"
#include "sync/api.h"

namespace fieldnotes::server {
namespace {

using core::Result;
using core::Status;

constexpr char kSessionLabel[] = "session";

std::string AddressKey(const std::string& address) { return "login-address:" + address; }
std::string AccountKey(const std::string& email) { return "login-account:" + email; }

}  // namespace

Result<std::string> NormalizeEmail(std::string_view email) {
  if (email.empty() || email.size() > sync::kMaxEmailBytes || !core::json::IsValidUtf8(email)) {
    return Status::InvalidArgument("not an email address");
  }
  std::string out;
  size_t at = std::string::npos;
  for (size_t i = 0; i < email.size(); ++i) {
    char c = email[i];
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) {
      return Status::InvalidArgument("not an email address");
    }
    if (c == '@') {
      if (at != std::string::npos) return Status::InvalidArgument("not an email address");
      at = i;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.push_back(c);
  }
  if (at == std::string::npos || at == 0 || at + 1 == email.size()) {
    return Status::InvalidArgument("not an email address");
  }
  return out;
}

Result<ClinicianRecord> Accounts::AddClinician(std::string_view email, std::string_view password) {
  auto normalized = NormalizeEmail(email);
  if (!normalized.ok()) return normalized.status();
  FN_RETURN_IF_ERROR(CheckPasswordPolicy(password, *normalized));
  auto hash = ctx_.hasher.Hash(password);
  if (!hash.ok()) return hash.status();
  ClinicianRecord rec{NewId(), *normalized, *hash, false, ctx_.Now()};
  FN_RETURN_IF_ERROR(ctx_.storage.AddClinician(
      rec, ctx_.Audit("operator", "add_clinician", "clinician:" + rec.id)));
  return rec;
}

Status Accounts::SetDisabled(std::string_view email, bool disabled) {
  auto normalized = NormalizeEmail(email);
  if (!normalized.ok()) return normalized.status();
  auto rec = ctx_.storage.FindClinicianByEmail(*normalized);
  if (!rec.ok()) return rec.status();
  return ctx_.storage.SetClinicianDisabled(
      rec->id, disabled,
      ctx_.Audit("operator", disabled ? "disable_clinician" : "enable_clinician",
                 "clinician:" + rec->id));
}

Status Accounts::ResetPassword(std::string_view email, std::string_view password) {
  auto normalized = NormalizeEmail(email);
  if (!normalized.ok()) return normalized.status();
  auto rec = ctx_.storage.FindClinicianByEmail(*normalized);
  if (!rec.ok()) return rec.status();
  FN_RETURN_IF_ERROR(CheckPasswordPolicy(password, *normalized));
  auto hash = ctx_.hasher.Hash(password);
  if (!hash.ok()) return hash.status();
  return ctx_.storage.SetPasswordHash(
      rec->id, *hash, ctx_.Audit("operator", "reset_password", "clinician:" + rec->id));
}

std::vector<ClinicianRecord> Accounts::List() { return ctx_.storage.ListClinicians(); }

ApiResult<sync::LoginResponse> Accounts::Login(const sync::LoginRequest& request,
                                               const std::string& address) {
  auto normalized = NormalizeEmail(request.email);
  const std::string email = normalized.ok() ? *normalized : std::string("(invalid)");
  const std::string address_key = AddressKey(address);
  const std::string account_key = AccountKey(email);
  // Both counters take this attempt before the slow hash (throttle.h).
  // Attempts refused here are not audited: that would let anyone grow the
  // log without limit. The failures that led to the refusal are.
  const ServerConfig& c = ctx_.config;
  if (int64_t wait = ReserveAttempt(ctx_.storage, address_key, c.login_address_limit,
                                    c.login_address_window_seconds, ctx_.Now())) {
    return ApiError::Throttled(wait);
  }
  if (int64_t wait = ReserveAttempt(ctx_.storage, account_key, c.login_account_limit,
                                    c.login_account_window_seconds, ctx_.Now())) {
    ctx_.storage.ReleaseAttempt(address_key);
    return ApiError::Throttled(wait);
  }

  auto rec = normalized.ok() ? ctx_.storage.FindClinicianByEmail(email)
                             : Result<ClinicianRecord>(Status::NotFound("no such clinician"));
  bool good = false;
  if (rec.ok() && !rec->disabled) {
    good = ctx_.hasher.Verify(request.password, rec->password_hash);
  } else {
    ctx_.hasher.VerifyDummy(request.password);
  }
  if (!good) {  // the reservations stay, as the failure
    ctx_.storage.AppendAudit(ctx_.Audit("address:" + address, "login_failed", "email:" + email));
    return ApiError::Unauthorized();
  }

  ctx_.storage.ReleaseAttempt(address_key);
  ctx_.storage.ResetThrottle(account_key);
  const int64_t now = ctx_.Now();
  const std::string token = NewToken();
  SessionRecord session{HashSecret(kSessionLabel, token), rec->id, now, now,
                        now + ctx_.config.session_absolute_seconds};
  auto added = ctx_.storage.AddSession(
      session, ctx_.Audit("clinician:" + rec->id, "login", "address:" + address));
  if (!added.ok()) return ApiError::FromStatus(added);
  return sync::LoginResponse{token, session.expires_at, ctx_.config.session_idle_seconds};
}

ApiResult<SessionRecord> Accounts::Authenticate(std::string_view token) {
  if (!sync::IsLowerHex(token, sync::kTokenHexChars)) return ApiError::Unauthorized();
  return Admit(ctx_.storage.FindSession(HashSecret(kSessionLabel, token)));
}

ApiResult<SessionRecord> Accounts::AuthenticateForDownload(std::string_view token,
                                                           const std::string& report_id,
                                                           DownloadCheck& check) {
  check = DownloadCheck{};
  if (!sync::IsLowerHex(token, sync::kTokenHexChars)) return ApiError::Unauthorized();
  // A grant kept in memory is used only while the session's idle clock
  // needs neither a touch nor a look at another process's touch.
  const int64_t fresh =
      std::min(ctx_.config.session_idle_seconds, ctx_.config.session_touch_seconds);
  return Admit(ctx_.storage.FindSessionForDownload(HashSecret(kSessionLabel, token), report_id,
                                                   ctx_.Now(), fresh, check));
}

ApiResult<SessionRecord> Accounts::Admit(Result<SessionRecord> session) {
  if (!session.ok()) return ApiError::Unauthorized();
  const int64_t now = ctx_.Now();
  if (now >= session->expires_at || now >= session->last_seen + ctx_.config.session_idle_seconds) {
    return ApiError::Unauthorized();
  }
  // One write per session per touch interval, not one per request.
  if (now - session->last_seen >= ctx_.config.session_touch_seconds) {
    ctx_.storage.TouchSession(session->token_hash, now);
    session->last_seen = now;
  }
  return std::move(session).value();
}

ApiStatus Accounts::Logout(const SessionRecord& session) {
  auto deleted = ctx_.storage.DeleteSession(
      session.token_hash, ctx_.Audit("clinician:" + session.clinician_id, "logout", "session"));
  if (!deleted.ok()) return ApiError::Unauthorized();
  return Done{};
}

ApiStatus Accounts::ChangePassword(const SessionRecord& session,
                                   const sync::PasswordChangeRequest& request) {
  auto rec = ctx_.storage.FindClinicianById(session.clinician_id);
  if (!rec.ok()) return ApiError::Unauthorized();
  const std::string account_key = AccountKey(rec->email);
  if (int64_t wait = ReserveAttempt(ctx_.storage, account_key, ctx_.config.login_account_limit,
                                    ctx_.config.login_account_window_seconds, ctx_.Now())) {
    return ApiError::Throttled(wait);
  }
  if (!ctx_.hasher.Verify(request.current_password, rec->password_hash)) {
    ctx_.storage.AppendAudit(
        ctx_.Audit("clinician:" + rec->id, "password_change_failed", "clinician:" + rec->id));
    return ApiError::Forbidden("the current password is wrong");
  }
  ctx_.storage.ReleaseAttempt(account_key);
  if (auto policy = CheckPasswordPolicy(request.new_password, rec->email); !policy.ok()) {
    return ApiError::BadRequest(policy.message());
  }
  auto hash = ctx_.hasher.Hash(request.new_password);
  if (!hash.ok()) return ApiError::Internal();
  auto set = ctx_.storage.SetPasswordHash(
      rec->id, *hash,
      ctx_.Audit("clinician:" + rec->id, "password_changed", "clinician:" + rec->id));
  if (!set.ok()) return ApiError::FromStatus(set);
  return Done{};
}

}  // namespace fieldnotes::server
