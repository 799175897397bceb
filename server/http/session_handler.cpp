// POST /v1/login, POST /v1/logout, POST /v1/password
#include "server/http/handlers.h"

namespace fieldnotes::server {

ApiStatus SessionHandler::Handle(Exchange& ex) {
  if (ex.method() != "POST") {
    ex.SendMethodNotAllowed("POST");
    return Done{};
  }
  switch (action_) {
    case Action::kLogin: {
      auto request = ex.ReadMessage<sync::LoginRequest>();
      if (!request.ok()) return request.error();
      auto login = services_.accounts.Login(*request, ex.ClientAddress());
      if (!login.ok()) return login.error();
      ex.SendJson(200, login->ToJson());
      return Done{};
    }
    case Action::kLogout: {
      auto session = RequireClinician(ex);
      if (!session.ok()) return session.error();
      auto out = services_.accounts.Logout(*session);
      if (!out.ok()) return out.error();
      ex.SendNoContent();
      return Done{};
    }
    case Action::kPassword: {
      auto session = RequireClinician(ex);
      if (!session.ok()) return session.error();
      auto request = ex.ReadMessage<sync::PasswordChangeRequest>();
      if (!request.ok()) return request.error();
      auto changed = services_.accounts.ChangePassword(*session, *request);
      if (!changed.ok()) return changed.error();
      ex.SendNoContent();
      return Done{};
    }
  }
  return ApiError::Internal();
}

}  // namespace fieldnotes::server
