// PgStorage: clinician keys, invites and links.
#include <Poco/Data/Statement.h>
#include <Poco/Tuple.h>

#include "server/pg_storage.h"

using namespace Poco::Data::Keywords;

namespace fieldnotes::server {

Result<KeyRecord> PgStorage::AddKeys(const KeyRecord& keys, const AuditEvent& audit) {
  // A key change clears the grants kept in every process, as the changes
  // that end access do.
  Result<KeyRecord> added = pool_.With([&](Poco::Data::Session& s) -> Result<KeyRecord> {
    PgTransaction tx(s);
    Poco::Int64 current = 0;
    s << PgSql("SELECT COALESCE(MAX(version), 0) FROM clinician_keys WHERE clinician_id = ?"),
        bind(keys.clinician_id), into(current), now;
    KeyRecord stored = keys;
    stored.version = current + 1;
    s << PgSql(
        "INSERT INTO clinician_keys (clinician_id, version, x25519, ed25519, created_at) "
        "VALUES (?, ?, ?, ?, ?)"),
        bind(stored.clinician_id), bind(Poco::Int64{stored.version}), bind(stored.x25519),
        bind(stored.ed25519), bind(Poco::Int64{stored.created_at}), now;
    AppendAuditIn(s, audit);
    Notify(s, "sessions");
    tx.Commit();
    return stored;
  });
  if (added.ok()) access_.Clear();
  return added;
}

Result<KeyRecord> PgStorage::CurrentKeys(const std::string& clinician_id) {
  return pool_.With([&](Poco::Data::Session& s) -> Result<KeyRecord> {
    std::vector<Poco::Tuple<Poco::Int64, std::string, std::string, Poco::Int64>> rows;
    s << PgSql(
        "SELECT version, x25519, ed25519, created_at FROM clinician_keys WHERE "
        "clinician_id = ? ORDER BY version DESC LIMIT 1"),
        bind(clinician_id), into(rows), now;
    if (rows.empty()) return Status::NotFound("no keys registered");
    const auto& r = rows.front();
    return KeyRecord{clinician_id, r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>()};
  });
}

Status PgStorage::AddInvite(const InviteRecord& rec, const AuditEvent& audit) {
  return pool_.With([&](Poco::Data::Session& s) -> Status {
    PgTransaction tx(s);
    s << PgSql(
        "INSERT INTO invites (code_hash, clinician_id, created_at, expires_at, id) "
        "VALUES (?, ?, ?, ?, ?)"),
        bind(rec.code_hash), bind(rec.clinician_id), bind(Poco::Int64{rec.created_at}),
        bind(Poco::Int64{rec.expires_at}), bind(rec.id), now;
    AppendAuditIn(s, audit);
    tx.Commit();
    return Status::Ok();
  });
}

Result<LinkRecord> PgStorage::RedeemInvite(const std::string& code_hash, int64_t now_s,
                                           LinkRecord link, const AuditEvent& audit) {
  return pool_.With([&](Poco::Data::Session& s) -> Result<LinkRecord> {
    PgTransaction tx(s);
    std::vector<Poco::Tuple<std::string, std::string>> owner;
    s << PgSql(
        "SELECT i.clinician_id, COALESCE(i.id, '') FROM invites i JOIN clinicians c ON "
        "c.id = i.clinician_id WHERE i.code_hash = ? AND i.used_at IS NULL AND "
        "i.expires_at > ? AND c.disabled = 0"),
        bind(code_hash), bind(Poco::Int64{now_s}), into(owner), now;
    if (owner.empty()) return Status::NotFound("no such invite");
    link.clinician_id = owner.front().get<0>();
    link.invite_id = owner.front().get<1>();
    s << PgSql("UPDATE invites SET used_at = ? WHERE code_hash = ?"), bind(Poco::Int64{now_s}),
        bind(code_hash), now;
    s << PgSql(
        "INSERT INTO links (client_id, clinician_id, credential_hash, client_key, "
        "created_at, invite_id) VALUES (?, ?, ?, ?, ?, ?)"),
        bind(link.client_id), bind(link.clinician_id), bind(link.credential_hash),
        bind(link.client_key), bind(Poco::Int64{link.created_at}), bind(link.invite_id), now;
    AppendAuditIn(s, audit);
    tx.Commit();
    return link;
  });
}

Result<LinkRecord> PgStorage::FindLinkByCredential(const std::string& credential_hash) {
  return pool_.With([&](Poco::Data::Session& s) -> Result<LinkRecord> {
    std::vector<Poco::Tuple<std::string, std::string, std::string, Poco::Int64>> rows;
    s << PgSql(
        "SELECT client_id, clinician_id, client_key, created_at FROM links "
        "WHERE credential_hash = ? AND ended_at IS NULL"),
        bind(credential_hash), into(rows), now;
    if (rows.empty()) return Status::NotFound("no such link");
    const auto& r = rows.front();
    return LinkRecord{r.get<0>(), r.get<1>(), credential_hash, r.get<2>(), r.get<3>(), ""};
  });
}

std::vector<LinkSummaryRecord> PgStorage::ListLinks(const std::string& clinician_id) {
  return pool_.With([&](Poco::Data::Session& s) {
    std::vector<Poco::Tuple<std::string, std::string, Poco::Int64, Poco::Int64, std::string>> rows;
    s << PgSql(
        "SELECT l.client_id, l.client_key, l.created_at, (SELECT COUNT(*) FROM reports r "
        "WHERE r.client_id = l.client_id AND r.opened_at IS NULL AND r.withdrawn_at IS "
        "NULL AND r.expired_at IS NULL), COALESCE(l.invite_id, '') FROM links l WHERE "
        "l.clinician_id = ? AND l.ended_at IS NULL ORDER BY l.created_at, l.client_id"),
        bind(clinician_id), into(rows), now;
    std::vector<LinkSummaryRecord> out;
    out.reserve(rows.size());
    for (const auto& r : rows) {
      out.push_back({r.get<0>(), r.get<1>(), r.get<2>(), r.get<3>(), r.get<4>()});
    }
    return out;
  });
}

Status PgStorage::EndLink(const std::string& clinician_id, const std::string& client_id,
                          const AuditEvent& audit) {
  Status status = pool_.With([&](Poco::Data::Session& s) -> Status {
    PgTransaction tx(s);
    Poco::Data::Statement end(s);
    end << PgSql(
        "UPDATE links SET ended_at = ? WHERE client_id = ? AND clinician_id = ? AND "
        "ended_at IS NULL"),
        bind(Poco::Int64{audit.at}), bind(client_id), bind(clinician_id);
    if (end.execute() == 0) return Status::NotFound("no such link");
    DeleteLinkReportsIn(s, client_id);
    AppendAuditIn(s, audit);
    Notify(s, "all");  // rare; the link's report ids are not at hand
    tx.Commit();
    return Status::Ok();
  });
  if (status.ok()) {
    envelopes_.Clear();
    access_.Clear();
  }
  return status;
}

}  // namespace fieldnotes::server
