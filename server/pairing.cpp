#include "server/pairing.h"

#include "server/secrets.h"
#include "server/throttle.h"
#include "sync/api.h"

namespace fieldnotes::server {
namespace {

constexpr char kInviteLabel[] = "invite";

constexpr char kDeviceLabel[] = "device";

std::string Clinician(const std::string& id) { return "clinician:" + id; }

}  // namespace

sync::ClinicianKeys ToWire(const KeyRecord& keys) {
  return sync::ClinicianKeys{keys.x25519, keys.ed25519, keys.version, keys.created_at};
}

ApiResult<sync::ClinicianKeys> Pairing::PutKeys(const SessionRecord& session,
                                                const sync::KeysRequest& request) {
  if (auto current = ctx_.storage.CurrentKeys(session.clinician_id);
      current.ok() && current->x25519 == request.x25519 && current->ed25519 == request.ed25519) {
    return ToWire(*current);  // the same keys again: no new version
  }
  KeyRecord keys{session.clinician_id, 0, request.x25519, request.ed25519, ctx_.Now()};
  auto stored = ctx_.storage.AddKeys(
      keys,
      ctx_.Audit(Clinician(session.clinician_id), "keys_changed", Clinician(session.clinician_id)));
  if (!stored.ok()) return ApiError::FromStatus(stored.status());
  return ToWire(*stored);
}

ApiResult<sync::ClinicianKeys> Pairing::GetKeys(const SessionRecord& session) {
  auto keys = ctx_.storage.CurrentKeys(session.clinician_id);
  if (!keys.ok()) return ApiError::NotFound();
  return ToWire(*keys);
}

ApiResult<sync::InviteResponse> Pairing::CreateInvite(const SessionRecord& session) {
  if (!ctx_.storage.CurrentKeys(session.clinician_id).ok()) {
    return ApiError::Conflict("register keys (PUT /v1/keys) before inviting clients");
  }
  const std::string code = NewInviteCode();
  auto canonical = NormalizeInviteCode(code);
  if (!canonical.ok()) return ApiError::Internal();
  const int64_t now = ctx_.Now();
  // The id is the invite's handle for its clinician, random and unrelated to
  // the code: it comes back on the link made with the invite, so a label
  // given to an invite goes to the right client, whichever is redeemed first.
  InviteRecord invite{HashSecret(kInviteLabel, *canonical), session.clinician_id, now,
                      now + ctx_.config.invite_ttl_seconds, NewId()};
  // The audit names the invite by a prefix of its hash, never the code.
  auto added =
      ctx_.storage.AddInvite(invite, ctx_.Audit(Clinician(session.clinician_id), "invite",
                                                "invite:" + invite.code_hash.substr(0, 16)));
  if (!added.ok()) return ApiError::FromStatus(added);
  return sync::InviteResponse{code, invite.expires_at, invite.id};
}

ApiResult<sync::PairResponse> Pairing::Redeem(const sync::PairRequest& request,
                                              const std::string& address) {
  const ServerConfig& c = ctx_.config;
  const std::string throttle_key = "pair-address:" + address;
  const int64_t now = ctx_.Now();
  // The attempt is counted before the code is looked up (throttle.h).
  if (int64_t wait = ReserveAttempt(ctx_.storage, throttle_key, c.pair_address_limit,
                                    c.pair_address_window_seconds, now)) {
    return ApiError::Throttled(wait);
  }
  auto fail = [&]() -> ApiError {  // the reservation stays, as the failure
    ctx_.storage.AppendAudit(ctx_.Audit("address:" + address, "pair_failed", "invite"));
    return ApiError::NotFound();
  };
  auto canonical = NormalizeInviteCode(request.code);
  if (!canonical.ok()) return fail();

  const std::string credential = NewToken();
  const std::string code_hash = HashSecret(kInviteLabel, *canonical);
  LinkRecord link{NewId(), "", HashSecret(kDeviceLabel, credential), request.client_key, now, ""};
  auto redeemed = ctx_.storage.RedeemInvite(
      code_hash, now, link,
      ctx_.Audit("client:" + link.client_id, "link", "invite:" + code_hash.substr(0, 16)));
  if (!redeemed.ok()) return fail();
  ctx_.storage.ReleaseAttempt(throttle_key);
  auto keys = ctx_.storage.CurrentKeys(redeemed->clinician_id);
  if (!keys.ok()) return ApiError::Internal();  // invites need keys; see CreateInvite
  return sync::PairResponse{link.client_id, credential, ToWire(*keys)};
}

ApiResult<LinkRecord> Pairing::AuthenticateDevice(std::string_view credential) {
  if (!sync::IsLowerHex(credential, sync::kTokenHexChars)) return ApiError::Unauthorized();
  auto link = ctx_.storage.FindLinkByCredential(HashSecret(kDeviceLabel, credential));
  if (!link.ok()) return ApiError::Unauthorized();
  return std::move(link).value();
}

ApiResult<sync::LinkInfo> Pairing::GetLink(const LinkRecord& link) {
  sync::LinkInfo info{link.client_id, link.created_at, std::nullopt};
  if (auto keys = ctx_.storage.CurrentKeys(link.clinician_id); keys.ok()) {
    info.clinician_keys = ToWire(*keys);
  }
  return info;
}

std::vector<sync::LinkSummary> Pairing::ListLinks(const SessionRecord& session) {
  std::vector<sync::LinkSummary> out;
  for (const LinkSummaryRecord& r : ctx_.storage.ListLinks(session.clinician_id)) {
    out.push_back(
        sync::LinkSummary{r.client_id, r.client_key, r.created_at, r.reports_waiting, r.invite_id});
  }
  return out;
}

ApiStatus Pairing::EndLinkAsClinician(const SessionRecord& session, const std::string& client_id) {
  auto ended = ctx_.storage.EndLink(
      session.clinician_id, client_id,
      ctx_.Audit(Clinician(session.clinician_id), "end_link", "link:" + client_id));
  if (!ended.ok()) return ApiError::FromStatus(ended);
  ctx_.storage.Checkpoint();
  return Done{};
}

ApiStatus Pairing::EndLinkAsClient(const LinkRecord& link) {
  auto ended = ctx_.storage.EndLink(
      link.clinician_id, link.client_id,
      ctx_.Audit("client:" + link.client_id, "end_link", "link:" + link.client_id));
  if (!ended.ok()) return ApiError::FromStatus(ended);
  ctx_.storage.Checkpoint();
  return Done{};
}

}  // namespace fieldnotes::server
