#include "server/http/router.h"

#include <string_view>

#include <Poco/Net/HTTPServerRequest.h>

#include "sync/api.h"
#include "sync/messages.h"

namespace fieldnotes::server {
namespace {

namespace path = sync::path;

// The id after `prefix` + "/", and what follows it; false when `p` does not
// start with the prefix and a slash.
bool SplitId(std::string_view p, std::string_view prefix, std::string_view* id,
             std::string_view* rest) {
  if (p.size() <= prefix.size() + 1 || p.substr(0, prefix.size()) != prefix ||
      p[prefix.size()] != '/') {
    return false;
  }
  std::string_view tail = p.substr(prefix.size() + 1);
  const size_t slash = tail.find('/');
  *id = tail.substr(0, slash);
  *rest = slash == std::string_view::npos ? std::string_view() : tail.substr(slash);
  return true;
}

bool IsId(std::string_view id) { return sync::IsLowerHex(id, sync::kIdHexChars); }

}  // namespace

Poco::Net::HTTPRequestHandler* Router::createRequestHandler(
    const Poco::Net::HTTPServerRequest& request) {
  std::string_view uri = request.getURI();
  std::string_view p = uri.substr(0, uri.find('?'));
  if (p == path::kHealth) return new HealthHandler(services_);
  if (p == path::kLogin) return new SessionHandler(services_, SessionHandler::Action::kLogin);
  if (p == path::kLogout) return new SessionHandler(services_, SessionHandler::Action::kLogout);
  if (p == path::kPassword) {
    return new SessionHandler(services_, SessionHandler::Action::kPassword);
  }
  if (p == path::kKeys) return new KeysHandler(services_);
  if (p == path::kInvites) return new InvitesHandler(services_, false);
  if (p == path::kPair) return new InvitesHandler(services_, true);
  if (p == path::kLinks) {
    return new LinksHandler(services_, LinksHandler::Target::kClinicianList, "");
  }
  if (p == path::kLink) return new LinksHandler(services_, LinksHandler::Target::kClient, "");
  if (p == path::kReports) {
    return new ReportsHandler(services_, ReportsHandler::Target::kCollection, "");
  }
  if (p == path::kReceipts) {
    return new ReportsHandler(services_, ReportsHandler::Target::kReceipts, "");
  }
  std::string_view id, rest;
  // An id of the wrong shape is a thing that does not exist: 404 whatever
  // the method, like an id nobody has.
  if (SplitId(p, path::kLinks, &id, &rest) && rest.empty() && IsId(id)) {
    return new LinksHandler(services_, LinksHandler::Target::kClinicianOne, std::string(id));
  }
  if (SplitId(p, path::kReports, &id, &rest) && IsId(id)) {
    if (rest.empty()) {
      return new ReportsHandler(services_, ReportsHandler::Target::kOne, std::string(id));
    }
    if (rest == path::kOpenedSuffix) {
      return new ReportsHandler(services_, ReportsHandler::Target::kOpened, std::string(id));
    }
  }
  return new NotFoundHandler(services_);
}

}  // namespace fieldnotes::server
