#include "sync/sharing.h"

#include <algorithm>
#include <array>

#include "core/i18n.h"
#include "core/crypto.h"
#include "core/envelope.h"
#include "core/json.h"
#include "core/key_file.h"
#include "core/safety_number.h"
#include "sync/api.h"
#include "sync/connection.h"

namespace fieldnotes::sync {

namespace {

using core::Table;
using core::json::Object;
using core::json::Value;
namespace crypto = core::crypto;

// ---- record fields ----

class Fields {
 public:
  explicit Fields(const Value& v) : o_(v.is_object() ? &v.as_object() : nullptr) {}
  bool ok() const { return o_ != nullptr && ok_; }
  std::string Str(std::string_view key) {
    const Value* v = o_ ? o_->Find(key) : nullptr;
    if (v == nullptr || !v->is_string()) {
      ok_ = false;
      return {};
    }
    return v->as_string();
  }
  int64_t Int(std::string_view key) {
    const Value* v = o_ ? o_->Find(key) : nullptr;
    if (v == nullptr || !v->is_int()) {
      ok_ = false;
      return 0;
    }
    return v->as_int();
  }

 private:
  const Object* o_;
  bool ok_ = true;
};

std::string LinkToRecord(const TherapistLink& l) {
  Object o;
  o.Set("format", kLinkRecordFormat);
  o.Set("id", l.id);
  o.Set("server_url", l.server_url);
  o.Set("ca_file", l.ca_file);
  o.Set("device_credential", l.device_credential);
  o.Set("label", l.label);
  o.Set("linked_at", l.linked_at);
  o.Set("clinician_x25519", l.clinician_x25519);
  o.Set("clinician_ed25519", l.clinician_ed25519);
  o.Set("keys_version", l.keys_version);
  o.Set("verified_x25519", l.verified_x25519);
  o.Set("verified_ed25519", l.verified_ed25519);
  o.Set("verified_at", l.verified_at);
  return core::json::Write(Value(std::move(o)));
}

Result<TherapistLink> LinkFromRecord(std::string_view text) {
  auto parsed = core::json::Parse(text);
  if (!parsed.ok()) return Status::Corruption("a therapist link record does not parse");
  Fields f(*parsed);
  if (f.Int("format") != kLinkRecordFormat) {
    return Status::Unsupported("a therapist link record of another format");
  }
  TherapistLink l;
  l.id = f.Str("id");
  l.server_url = f.Str("server_url");
  l.ca_file = f.Str("ca_file");
  l.device_credential = f.Str("device_credential");
  l.label = f.Str("label");
  l.linked_at = f.Int("linked_at");
  l.clinician_x25519 = f.Str("clinician_x25519");
  l.clinician_ed25519 = f.Str("clinician_ed25519");
  l.keys_version = f.Int("keys_version");
  l.verified_x25519 = f.Str("verified_x25519");
  l.verified_ed25519 = f.Str("verified_ed25519");
  l.verified_at = f.Int("verified_at");
  if (!f.ok()) return Status::Corruption("a therapist link record is missing a field");
  return l;
}

std::string ConsentToRecord(const Consent& c) {
  Object o;
  o.Set("format", kConsentRecordFormat);
  o.Set("id", c.id);
  o.Set("report_id", c.report_id);
  o.Set("link_id", c.link_id);
  o.Set("server_report_id", c.server_report_id);
  o.Set("granted_at", c.granted_at);
  o.Set("expires_at", c.expires_at);
  o.Set("withdrawn_at", c.withdrawn_at);
  o.Set("sha256", c.sha256);
  o.Set("envelope_sha256", c.envelope_sha256);
  o.Set("envelope_size", c.envelope_size);
  return core::json::Write(Value(std::move(o)));
}

Result<Consent> ConsentFromRecord(std::string_view text) {
  auto parsed = core::json::Parse(text);
  if (!parsed.ok()) return Status::Corruption("a consent record does not parse");
  Fields f(*parsed);
  if (f.Int("format") != kConsentRecordFormat) {
    return Status::Unsupported("a consent record of another format");
  }
  Consent c;
  c.id = f.Str("id");
  c.report_id = f.Str("report_id");
  c.link_id = f.Str("link_id");
  c.server_report_id = f.Str("server_report_id");
  c.granted_at = f.Int("granted_at");
  c.expires_at = f.Int("expires_at");
  c.withdrawn_at = f.Int("withdrawn_at");
  c.sha256 = f.Str("sha256");
  c.envelope_sha256 = f.Str("envelope_sha256");
  c.envelope_size = f.Int("envelope_size");
  if (!f.ok()) return Status::Corruption("a consent record is missing a field");
  return c;
}

Status SaveLink(core::Journal& journal, const TherapistLink& link) {
  return journal.PutRecord(Table::kLinks, link.id, LinkToRecord(link));
}

Status SaveConsent(core::Journal& journal, const Consent& consent) {
  return journal.PutRecord(Table::kConsents, consent.id, ConsentToRecord(consent));
}

Result<std::string> NewLocalId() {
  std::array<uint8_t, 16> bytes{};
  FN_RETURN_IF_ERROR(crypto::RandomBytes(bytes));
  return crypto::HexEncode(bytes);
}

Result<std::unique_ptr<Connection>> ConnectTo(const TherapistLink& link) {
  ConnectionOptions options;
  options.ca_file = link.ca_file;
  return Connection::Open(link.server_url, options);
}

Result<crypto::Bytes> Unhex(const std::string& hex, std::string_view what) {
  auto bytes = crypto::HexDecode(hex);
  if (!bytes.ok() || bytes->size() != 32) {
    return Status::Corruption("the " + std::string(what) + " key of a link is damaged");
  }
  return bytes;
}

// Updates `link` with the keys the server reports now.
Status ApplyServerKeys(TherapistLink& link, const LinkInfo& info) {
  if (!info.clinician_keys) {
    return Status::Refused(
        core::Tr("your therapist has no keys on the server right now; sharing waits until they "
                 "publish keys again"));
  }
  link.clinician_x25519 = info.clinician_keys->x25519;
  link.clinician_ed25519 = info.clinician_keys->ed25519;
  link.keys_version = info.clinician_keys->version;
  return Status::Ok();
}

}  // namespace

Result<std::string> LinkSafetyNumber(core::Journal& journal, const TherapistLink& link) {
  auto signing = core::LoadOrCreateSigningKey(journal);
  if (!signing.ok()) return signing.status();
  auto x = Unhex(link.clinician_x25519, "sealing");
  if (!x.ok()) return x.status();
  auto ed = Unhex(link.clinician_ed25519, "signing");
  if (!ed.ok()) return ed.status();
  return core::SafetyNumber(signing->public_key, *x, *ed);
}

Result<TherapistLink> CreateLink(core::Journal& journal, const LinkRequest& request,
                                 const core::Clock& clock) {
  ConnectionOptions options;
  options.ca_file = request.ca_file;
  auto connection = Connection::Open(request.server_url, options);
  if (!connection.ok()) return connection.status();
  auto signing = core::LoadOrCreateSigningKey(journal);
  if (!signing.ok()) return signing.status();
  auto paired = (*connection)->Pair(request.code, crypto::HexEncode(signing->public_key));
  if (!paired.ok()) return paired.status();
  if (!IsLowerHex(paired->client_id, kIdHexChars) ||
      !IsLowerHex(paired->device_credential, kTokenHexChars)) {
    return Status::Corruption("the server's answer to the invite was not understood");
  }
  TherapistLink link;
  link.id = paired->client_id;
  link.server_url = (*connection)->address().ToUrl();
  link.ca_file = request.ca_file;
  link.device_credential = paired->device_credential;
  link.label = request.label;
  link.linked_at = clock.Now().unix_seconds;
  link.clinician_x25519 = paired->clinician_keys.x25519;
  link.clinician_ed25519 = paired->clinician_keys.ed25519;
  link.keys_version = paired->clinician_keys.version;
  FN_RETURN_IF_ERROR(SaveLink(journal, link));
  return link;
}

Result<std::vector<TherapistLink>> ListLinks(const core::Journal& journal) {
  auto ids = journal.ListRecordIds(Table::kLinks);
  if (!ids.ok()) return ids.status();
  std::vector<TherapistLink> out;
  for (const std::string& id : *ids) {
    auto record = journal.GetRecord(Table::kLinks, id);
    if (!record.ok()) return record.status();
    auto link = LinkFromRecord(record->str());
    if (!link.ok()) return link.status();
    out.push_back(std::move(link).value());
  }
  std::sort(out.begin(), out.end(), [](const TherapistLink& a, const TherapistLink& b) {
    return a.linked_at != b.linked_at ? a.linked_at < b.linked_at : a.id < b.id;
  });
  return out;
}

Result<TherapistLink> FindLink(const core::Journal& journal, std::string_view id_or_prefix) {
  if (id_or_prefix.size() < 4) {
    return Status::InvalidArgument(core::Tr("give at least the first 4 characters of the link's id"));
  }
  auto links = ListLinks(journal);
  if (!links.ok()) return links.status();
  const TherapistLink* found = nullptr;
  for (const TherapistLink& l : *links) {
    if (l.id.compare(0, id_or_prefix.size(), id_or_prefix) == 0) {
      if (found != nullptr) {
        return Status::InvalidArgument(core::Format(
            // TRANSLATORS: %1 is the start of an id the person typed.
            core::Tr("more than one link starts with %1; give more of its id"), id_or_prefix));
      }
      found = &l;
    }
  }
  if (found == nullptr)
    // TRANSLATORS: %1 is the id (or its start) the person typed.
    return Status::NotFound(core::Format(core::Tr("no link %1"), id_or_prefix));
  return *found;
}

Result<TherapistLink> RefreshLink(core::Journal& journal, const TherapistLink& link) {
  auto connection = ConnectTo(link);
  if (!connection.ok()) return connection.status();
  auto info = (*connection)->GetLink(link.device_credential);
  if (!info.ok()) return info.status();
  TherapistLink updated = link;
  FN_RETURN_IF_ERROR(ApplyServerKeys(updated, *info));
  if (updated.clinician_x25519 != link.clinician_x25519 ||
      updated.clinician_ed25519 != link.clinician_ed25519 ||
      updated.keys_version != link.keys_version) {
    FN_RETURN_IF_ERROR(SaveLink(journal, updated));
  }
  return updated;
}

Result<ServerLimits> ServerLimitsOf(const TherapistLink& link) {
  auto connection = ConnectTo(link);
  if (!connection.ok()) return connection.status();
  return (*connection)->Limits();
}

Result<TherapistLink> VerifyLink(core::Journal& journal, const TherapistLink& link,
                                 const core::Clock& clock) {
  auto current = RefreshLink(journal, link);
  if (!current.ok()) return current.status();
  if (current->clinician_x25519 != link.clinician_x25519 ||
      current->clinician_ed25519 != link.clinician_ed25519) {
    return Status::Refused(
        core::Tr("your therapist's keys changed since the safety number you saw; nothing was "
                 "verified. Look at the new number (link list) and compare it again"));
  }
  TherapistLink verified = *current;
  verified.verified_x25519 = verified.clinician_x25519;
  verified.verified_ed25519 = verified.clinician_ed25519;
  verified.verified_at = clock.Now().unix_seconds;
  FN_RETURN_IF_ERROR(SaveLink(journal, verified));
  return verified;
}

Status RemoveLink(core::Journal& journal, const TherapistLink& link) {
  auto connection = ConnectTo(link);
  if (!connection.ok()) return connection.status();
  Status removed = (*connection)->RemoveLink(link.device_credential);
  // Unauthenticated: the server ended the link already (the clinician did).
  if (!removed.ok() && removed.code() != Status::Code::kUnauthenticated && !removed.IsNotFound()) {
    return removed;
  }
  return journal.DeleteRecord(Table::kLinks, link.id);
}

Result<Consent> ShareReport(core::Journal& journal, const TherapistLink& link,
                            const ShareRequest& request, const core::Clock& clock) {
  if (!link.verified()) {
    return Status::Refused(
        core::Tr("this link is not verified yet: compare the safety number with your therapist, "
                 "then verify the link"));
  }
  auto current = RefreshLink(journal, link);
  if (!current.ok()) return current.status();
  if (current->key_changed()) {
    return Status::Refused(
        core::Tr("your therapist's keys have changed since you verified them. Nothing was sent. "
                 "Compare the new safety number with your therapist and verify the link again"));
  }
  auto signing = core::LoadOrCreateSigningKey(journal);
  if (!signing.ok()) return signing.status();
  auto recipient = Unhex(current->verified_x25519, "sealing");
  if (!recipient.ok()) return recipient.status();

  auto id = NewLocalId();
  if (!id.ok()) return id.status();
  const crypto::ByteView pdf(reinterpret_cast<const uint8_t*>(request.pdf.data()),
                             request.pdf.size());
  Consent consent;
  consent.id = *id;
  consent.report_id = request.report_id;
  consent.link_id = current->id;
  consent.granted_at = clock.Now().unix_seconds;
  consent.expires_at = request.expires_at;
  consent.sha256 = crypto::HexEncode(crypto::Sha256(pdf));

  auto envelope = core::envelope::Seal(pdf, *recipient, *signing, consent.granted_at);
  if (!envelope.ok()) return envelope.status();
  consent.envelope_sha256 = crypto::HexEncode(crypto::Sha256(*envelope));
  consent.envelope_size = static_cast<int64_t>(envelope->size());
  // The consent is on record before anything leaves the computer.
  FN_RETURN_IF_ERROR(SaveConsent(journal, consent));

  auto connection = ConnectTo(*current);
  Result<ReportUploaded> uploaded =
      connection.ok() ? (*connection)
                            ->Upload(current->device_credential, *envelope,
                                     UploadMeta{request.period_end, request.expires_at})
                      : Result<ReportUploaded>(connection.status());
  if (!uploaded.ok() || uploaded->sha256 != consent.envelope_sha256) {
    (void)journal.DeleteRecord(Table::kConsents, consent.id);
    if (!uploaded.ok()) return uploaded.status();
    return Status::Corruption("the server acknowledged other bytes than the ones sent");
  }
  consent.server_report_id = uploaded->report_id;
  consent.expires_at = uploaded->expires_at;
  FN_RETURN_IF_ERROR(SaveConsent(journal, consent));
  return consent;
}

Result<std::vector<Consent>> ListConsents(const core::Journal& journal) {
  auto ids = journal.ListRecordIds(Table::kConsents);
  if (!ids.ok()) return ids.status();
  std::vector<Consent> out;
  for (const std::string& id : *ids) {
    auto record = journal.GetRecord(Table::kConsents, id);
    if (!record.ok()) return record.status();
    auto consent = ConsentFromRecord(record->str());
    if (!consent.ok()) return consent.status();
    out.push_back(std::move(consent).value());
  }
  std::sort(out.begin(), out.end(), [](const Consent& a, const Consent& b) {
    return a.granted_at != b.granted_at ? a.granted_at < b.granted_at : a.id < b.id;
  });
  return out;
}

Result<std::set<std::string>> SharedReportIds(const core::Journal& journal) {
  auto consents = ListConsents(journal);
  if (!consents.ok()) return consents.status();
  std::set<std::string> out;
  for (const Consent& c : *consents)
    if (!c.server_report_id.empty()) out.insert(c.report_id);
  return out;
}

Result<std::vector<Consent>> WithdrawReport(core::Journal& journal, std::string_view report_id,
                                            const core::Clock& clock) {
  auto consents = ListConsents(journal);
  if (!consents.ok()) return consents.status();
  auto links = ListLinks(journal);
  if (!links.ok()) return links.status();
  std::vector<Consent> withdrawn;
  bool any = false;
  for (Consent& c : *consents) {
    if (c.report_id != report_id || c.withdrawn_at != 0 || c.server_report_id.empty()) continue;
    any = true;
    auto link = std::find_if(links->begin(), links->end(),
                             [&](const TherapistLink& l) { return l.id == c.link_id; });
    if (link != links->end()) {
      auto connection = ConnectTo(*link);
      if (!connection.ok()) return connection.status();
      Status s = (*connection)->Withdraw(link->device_credential, c.server_report_id);
      // NotFound: expired or already gone; Unauthenticated: the link ended
      // (and with it every report). Either way nothing is left to delete.
      if (!s.ok() && !s.IsNotFound() && s.code() != Status::Code::kUnauthenticated) return s;
    }
    c.withdrawn_at = clock.Now().unix_seconds;
    FN_RETURN_IF_ERROR(SaveConsent(journal, c));
    withdrawn.push_back(c);
  }
  if (!any) {
    return Status::NotFound(
        // TRANSLATORS: %1 is a report's id.
        core::Format(core::Tr("report %1 is not shared with anyone right now"), report_id));
  }
  return withdrawn;
}

Result<Receipts> FetchReceipts(core::Journal& journal) {
  auto consents = ListConsents(journal);
  if (!consents.ok()) return consents.status();
  auto links = ListLinks(journal);
  if (!links.ok()) return links.status();
  Receipts out;
  for (const Consent& c : *consents) {
    if (c.server_report_id.empty()) continue;
    ReceiptLine line;
    line.consent = c;
    line.state = c.withdrawn_at != 0 ? std::string(state::kWithdrawn) : "unknown";
    line.withdrawn_at = c.withdrawn_at;
    out.lines.push_back(line);
  }
  for (const TherapistLink& link : *links) {
    auto connection = ConnectTo(link);
    Result<std::vector<Receipt>> receipts = connection.ok()
                                                ? (*connection)->Receipts(link.device_credential)
                                                : Result<std::vector<Receipt>>(connection.status());
    if (!receipts.ok()) {
      out.refused |= receipts.status().code() == core::Status::Code::kRefused;
      out.unreachable.push_back(core::Format(
          // TRANSLATORS: %1 is the name the client gave a therapist's link
          // (or the first 8 characters of its id when it has none); %2 why
          // the server could not be asked, one or more sentences.
          core::Tr("could not ask the server about the reports shared on the link %1: %2"),
          link.label.empty() ? link.id.substr(0, 8) : link.label, receipts.status().message()));
      continue;
    }
    for (ReceiptLine& line : out.lines) {
      if (line.consent.link_id != link.id) continue;
      line.link_label = link.label;
      for (const Receipt& r : *receipts) {
        if (r.report_id != line.consent.server_report_id) continue;
        line.state = r.state;
        line.uploaded_at = r.uploaded_at;
        line.downloaded_at = r.downloaded_at.value_or(0);
        line.opened_at = r.opened_at.value_or(0);
        line.withdrawn_at = r.withdrawn_at.value_or(line.withdrawn_at);
        line.expired_at = r.expired_at.value_or(0);
      }
    }
  }
  return out;
}

}  // namespace fieldnotes::sync
