#include "server/audit_chain.h"

#include "core/crypto.h"

namespace fieldnotes::server {
namespace {

void AppendField(std::string* out, std::string_view field) {
  out->append(std::to_string(field.size()));
  out->push_back(':');
  out->append(field);
  out->push_back('\n');
}

}  // namespace

std::string AuditHash(const std::string& prev_hash, int64_t seq, const AuditEvent& event) {
  std::string text = "fieldnotes-audit-v1\n";
  AppendField(&text, prev_hash);
  AppendField(&text, std::to_string(seq));
  AppendField(&text, std::to_string(event.at));
  AppendField(&text, event.actor);
  AppendField(&text, event.action);
  AppendField(&text, event.object);
  return core::crypto::HexEncode(core::crypto::Sha256(core::crypto::AsBytes(text)));
}

Status VerifyAuditChain(const std::vector<AuditRecord>& records,
                        const std::pair<int64_t, std::string>& head) {
  std::string prev = kGenesisHash;
  int64_t expected_seq = 1;
  for (const AuditRecord& r : records) {
    const std::string where = "audit record " + std::to_string(r.seq) + ": ";
    if (r.seq != expected_seq) {
      return Status::Corruption(where + "expected record " + std::to_string(expected_seq) +
                                " (a record was deleted or renumbered)");
    }
    if (r.prev_hash != prev) {
      return Status::Corruption(where + "does not follow the record before it");
    }
    if (AuditHash(r.prev_hash, r.seq, r.event) != r.hash) {
      return Status::Corruption(where + "its content does not match its hash (edited)");
    }
    prev = r.hash;
    ++expected_seq;
  }
  const int64_t last_seq = records.empty() ? 0 : records.back().seq;
  const std::string last_hash = records.empty() ? "" : records.back().hash;
  if (head.first != last_seq || head.second != last_hash) {
    return Status::Corruption("the log ends at record " + std::to_string(last_seq) +
                              " but its head says record " + std::to_string(head.first) +
                              " (records at the end were deleted, or the head was edited)");
  }
  return Status::Ok();
}

}  // namespace fieldnotes::server
