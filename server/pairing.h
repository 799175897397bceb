// Clinician keys, invites, pairing and links.
//
// A clinician registers public keys (every change is a new version that
// linked clients see), creates single-use invite codes (24 h by default),
// and a client redeems one: the server creates a pseudonymous client id and
// a device credential and returns the clinician's keys. The server never
// learns who the client is. Either side can end a link, which deletes its
// reports at once.
#ifndef FIELDNOTES_SERVER_PAIRING_H_
#define FIELDNOTES_SERVER_PAIRING_H_

#include <string>
#include <string_view>
#include <vector>

#include "server/api_error.h"
#include "server/service_context.h"
#include "sync/messages.h"

namespace fieldnotes::server {

class Pairing {
 public:
  explicit Pairing(ServiceContext ctx) : ctx_(ctx) {}

  ApiResult<sync::ClinicianKeys> PutKeys(const SessionRecord& session,
                                         const sync::KeysRequest& request);
  // 404 before the first PutKeys.
  ApiResult<sync::ClinicianKeys> GetKeys(const SessionRecord& session);
  // 409 until keys are registered: a client could not use the link.
  ApiResult<sync::InviteResponse> CreateInvite(const SessionRecord& session);
  // 404 for an unknown, used or expired code (one answer for all); 429 after
  // too many failures from one address.
  ApiResult<sync::PairResponse> Redeem(const sync::PairRequest& request,
                                       const std::string& address);

  // The active link of a device credential, or 401.
  ApiResult<LinkRecord> AuthenticateDevice(std::string_view credential);
  ApiResult<sync::LinkInfo> GetLink(const LinkRecord& link);
  std::vector<sync::LinkSummary> ListLinks(const SessionRecord& session);
  // 404 unless `client_id` is one of this clinician's active links.
  ApiStatus EndLinkAsClinician(const SessionRecord& session, const std::string& client_id);
  ApiStatus EndLinkAsClient(const LinkRecord& link);

 private:
  ServiceContext ctx_;
};

// Storage keys to the wire form.
sync::ClinicianKeys ToWire(const KeyRecord& keys);

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_PAIRING_H_
