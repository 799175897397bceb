// GET, PUT /v1/keys
#include "server/http/handlers.h"

namespace fieldnotes::server {

ApiStatus KeysHandler::Handle(Exchange& ex) {
  const bool get = ex.method() == "GET";
  if (!get && ex.method() != "PUT") {
    ex.SendMethodNotAllowed("GET, PUT");
    return Done{};
  }
  auto session = RequireClinician(ex);
  if (!session.ok()) return session.error();
  if (get) {
    auto keys = services_.pairing.GetKeys(*session);
    if (!keys.ok()) return keys.error();
    ex.SendJson(200, keys->ToJson());
    return Done{};
  }
  auto request = ex.ReadMessage<sync::KeysRequest>();
  if (!request.ok()) return request.error();
  auto keys = services_.pairing.PutKeys(*session, *request);
  if (!keys.ok()) return keys.error();
  ex.SendJson(200, keys->ToJson());
  return Done{};
}

}  // namespace fieldnotes::server
