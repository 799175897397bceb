// POST /v1/invites (clinician), POST /v1/pair (a client with a code)
#include "server/http/handlers.h"

namespace fieldnotes::server {

ApiStatus InvitesHandler::Handle(Exchange& ex) {
  if (ex.method() != "POST") {
    ex.SendMethodNotAllowed("POST");
    return Done{};
  }
  if (redeem_) {
    auto request = ex.ReadMessage<sync::PairRequest>();
    if (!request.ok()) return request.error();
    auto paired = services_.pairing.Redeem(*request, ex.ClientAddress());
    if (!paired.ok()) return paired.error();
    ex.SendJson(201, paired->ToJson());
    return Done{};
  }
  auto session = RequireClinician(ex);
  if (!session.ok()) return session.error();
  auto invite = services_.pairing.CreateInvite(*session);
  if (!invite.ok()) return invite.error();
  ex.SendJson(201, invite->ToJson());
  return Done{};
}

}  // namespace fieldnotes::server
