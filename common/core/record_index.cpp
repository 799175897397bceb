#include "core/record_index.h"

#include <algorithm>

#include "core/keys.h"

namespace fieldnotes::core::internal {
namespace {

constexpr std::string_view kIndexKeyInfo = "fieldnotes/record-index/v1";
constexpr std::string_view kIndexKeySalt = "fieldnotes/journal";
constexpr size_t kSlotBytes = 8 + 32;

void PutU64(crypto::Bytes& out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(v >> shift));
}

uint64_t GetU64(crypto::ByteView in) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8; ++i) v = (v << 8) | in[i];
  return v;
}

}  // namespace

crypto::Bytes RecordIndex::Serialize() const {
  crypto::Bytes out;
  out.reserve(8 + kIndexedTables * kSlotBytes);
  PutU64(out, last_counter);
  for (const IndexSlot& s : slots) {
    PutU64(out, s.count);
    out.insert(out.end(), s.sum.begin(), s.sum.end());
  }
  return out;
}

Result<RecordIndex> RecordIndex::Parse(crypto::ByteView bytes) {
  if (bytes.size() != 8 + kIndexedTables * kSlotBytes)
    return Status::Corruption("the journal's record index has the wrong size");
  RecordIndex index;
  index.last_counter = GetU64(bytes);
  for (size_t t = 0; t < kIndexedTables; ++t) {
    crypto::ByteView slot = bytes.subspan(8 + t * kSlotBytes, kSlotBytes);
    index.slots[t].count = GetU64(slot);
    std::copy(slot.begin() + 8, slot.end(), index.slots[t].sum.begin());
  }
  return index;
}

Status RecordIndex::Toggle(const crypto::HmacSha256Key& key, Table table, std::string_view id,
                           uint64_t counter, bool add) {
  // The term's input cannot be read two ways: the table's name and the id
  // are NUL-terminated (neither contains NUL), the counter is 8 bytes.
  crypto::Bytes input;
  const std::string_view name = TableName(table);
  input.insert(input.end(), name.begin(), name.end());
  input.push_back(0);
  input.insert(input.end(), id.begin(), id.end());
  input.push_back(0);
  PutU64(input, counter);
  auto term = key.Mac(input);
  if (!term.ok()) return term.status();
  IndexSlot& slot = slots[static_cast<size_t>(table)];
  for (size_t i = 0; i < slot.sum.size(); ++i) slot.sum[i] ^= (*term)[i];
  slot.count = add ? slot.count + 1 : slot.count - 1;
  return Status::Ok();
}

void RecordIndex::Merge(const RecordIndex& part) {
  last_counter = std::max(last_counter, part.last_counter);
  for (size_t t = 0; t < slots.size(); ++t) {
    slots[t].count += part.slots[t].count;
    for (size_t i = 0; i < slots[t].sum.size(); ++i) slots[t].sum[i] ^= part.slots[t].sum[i];
  }
}

Result<crypto::HmacSha256Key> IndexKey(const crypto::SecureBytes& data_key) {
  // A fixed salt: OpenSSL's HKDF refuses an empty one.
  auto key = crypto::HkdfSha256(data_key.view(), crypto::AsBytes(kIndexKeySalt),
                                crypto::AsBytes(kIndexKeyInfo), 32);
  if (!key.ok()) return key.status();
  return crypto::HmacSha256Key::Make(key->view());
}

std::vector<std::string> DescribeIndexDifference(const RecordIndex& stored,
                                                 const RecordIndex& actual) {
  std::vector<std::string> out;
  for (size_t t = 0; t < kIndexedTables; ++t) {
    const IndexSlot& want = stored.slots[t];
    const IndexSlot& have = actual.slots[t];
    if (want == have) continue;
    const std::string name(TableName(static_cast<Table>(t)));
    auto records = [](uint64_t n) { return std::to_string(n) + (n == 1 ? " record" : " records"); };
    if (have.count < want.count) {
      out.push_back(name + ": " + records(want.count - have.count) +
                    (want.count - have.count == 1 ? " is" : " are") +
                    " missing since the journal was last saved");
    } else if (have.count > want.count) {
      out.push_back(name + ": " + records(have.count - want.count) +
                    " that Fieldnotes did not write " +
                    (have.count - want.count == 1 ? "is" : "are") + " in the file");
    } else {
      out.push_back(name +
                    ": a record is not the one last saved (an older copy put back, or records "
                    "swapped)");
    }
  }
  return out;
}

}  // namespace fieldnotes::core::internal
