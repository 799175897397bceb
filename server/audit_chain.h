// The audit log's hash chain (docs/server.md, "Audit log").
//
// Record n carries hash(n) = SHA-256 over prev_hash(n) and the record's
// fields, each length-prefixed so no two records encode alike:
//   "fieldnotes-audit-v1\n" + for each of prev_hash, seq, at, actor, action,
//   object: "<byte length>:<bytes>\n"
// prev_hash(1) is 64 zeros and prev_hash(n) = hash(n-1). Editing a record
// breaks its own hash; deleting one breaks the sequence or the next link;
// deleting the newest ones is caught by the head kept beside the log.
#ifndef FIELDNOTES_SERVER_AUDIT_CHAIN_H_
#define FIELDNOTES_SERVER_AUDIT_CHAIN_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "server/storage.h"

namespace fieldnotes::server {

inline constexpr char kGenesisHash[] =
    "0000000000000000000000000000000000000000000000000000000000000000";

// 64 lowercase hex characters.
std::string AuditHash(const std::string& prev_hash, int64_t seq, const AuditEvent& event);

// Checks the whole log against itself and against `head` (seq, hash) as
// returned by Storage::AuditHead. Ok, or Corruption naming the first record
// that does not fit and why.
Status VerifyAuditChain(const std::vector<AuditRecord>& records,
                        const std::pair<int64_t, std::string>& head);

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_AUDIT_CHAIN_H_
