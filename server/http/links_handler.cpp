// GET /v1/links, DELETE /v1/links/{client_id} (clinician);
// GET, DELETE /v1/link (client)
#include "server/http/handlers.h"

namespace fieldnotes::server {

ApiStatus LinksHandler::Handle(Exchange& ex) {
  const std::string& method = ex.method();
  switch (target_) {
    case Target::kClinicianList: {
      if (method != "GET") {
        ex.SendMethodNotAllowed("GET");
        return Done{};
      }
      auto session = RequireClinician(ex);
      if (!session.ok()) return session.error();
      ex.SendJson(200, sync::ListToJson("links", services_.pairing.ListLinks(*session)));
      return Done{};
    }
    case Target::kClinicianOne: {
      if (method != "DELETE") {
        ex.SendMethodNotAllowed("DELETE");
        return Done{};
      }
      auto session = RequireClinician(ex);
      if (!session.ok()) return session.error();
      // An id of the wrong shape is a link that does not exist.
      if (client_id_.empty()) return ApiError::NotFound();
      auto ended = services_.pairing.EndLinkAsClinician(*session, client_id_);
      if (!ended.ok()) return ended.error();
      ex.SendNoContent();
      return Done{};
    }
    case Target::kClient: {
      if (method != "GET" && method != "DELETE") {
        ex.SendMethodNotAllowed("GET, DELETE");
        return Done{};
      }
      auto link = RequireClient(ex);
      if (!link.ok()) return link.error();
      if (method == "DELETE") {
        auto ended = services_.pairing.EndLinkAsClient(*link);
        if (!ended.ok()) return ended.error();
        ex.SendNoContent();
        return Done{};
      }
      auto info = services_.pairing.GetLink(*link);
      if (!info.ok()) return info.error();
      ex.SendJson(200, info->ToJson());
      return Done{};
    }
  }
  return ApiError::Internal();
}

}  // namespace fieldnotes::server
