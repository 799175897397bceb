// Clinician accounts: the operator's commands and the login API.
//
// Sessions are opaque random tokens kept only as hashes, with an idle and an
// absolute expiry; logout, a password change, a reset or disabling the
// account ends them. Failed logins are throttled per address and per
// account in the database (so several server processes share the counts),
// and an unknown email costs the same scrypt work and gets the same answer
// as a wrong password.
#ifndef FIELDNOTES_SERVER_ACCOUNTS_H_
#define FIELDNOTES_SERVER_ACCOUNTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "server/api_error.h"
#include "server/service_context.h"
#include "sync/messages.h"

namespace fieldnotes::server {

// Lowercases and checks the shape of an email address (one '@', something
// on both sides, no spaces or control characters, at most 254 bytes).
core::Result<std::string> NormalizeEmail(std::string_view email);

class Accounts {
 public:
  explicit Accounts(ServiceContext ctx) : ctx_(ctx) {}

  // Operator commands (fieldnotes-server admin ...). InvalidArgument for a
  // bad email or a password the policy refuses, AlreadyExists, NotFound.
  core::Result<ClinicianRecord> AddClinician(std::string_view email, std::string_view password);
  core::Status SetDisabled(std::string_view email, bool disabled);
  core::Status ResetPassword(std::string_view email, std::string_view password);
  std::vector<ClinicianRecord> List();

  // POST /v1/login. 401 for any wrong credential, 429 while throttled.
  ApiResult<sync::LoginResponse> Login(const sync::LoginRequest& request,
                                       const std::string& address);
  // The session of a bearer token, or 401.
  ApiResult<SessionRecord> Authenticate(std::string_view token);
  // The same, reading in the same round trip whether the session may
  // download `report_id` (Storage::FindSessionForDownload).
  ApiResult<SessionRecord> AuthenticateForDownload(std::string_view token,
                                                   const std::string& report_id,
                                                   DownloadCheck& check);
  ApiStatus Logout(const SessionRecord& session);
  // Ends every session of the account, this one included. 403 for a wrong
  // current password (counted like a failed login), 400 for a refused new one.
  ApiStatus ChangePassword(const SessionRecord& session,
                           const sync::PasswordChangeRequest& request);

 private:
  // Authenticate's checks of a session found (or not) for a token.
  ApiResult<SessionRecord> Admit(Result<SessionRecord> session);

  ServiceContext ctx_;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_ACCOUNTS_H_
