// The journal's authenticated index of its records (docs/journal-format.md,
// "Record index"): for each table, how many records it holds and the XOR
// of a keyed term per record, HMAC-SHA256(index key, table, id, write
// counter). A record deleted from the file, or put back as an older copy
// of itself, changes the sum; without the key nobody can make the sum fit
// again. Kept in the meta table, updated in the same transaction as the
// record, checked when the journal is opened and by Journal::Check.
#ifndef FIELDNOTES_CORE_RECORD_INDEX_H_
#define FIELDNOTES_CORE_RECORD_INDEX_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/crypto.h"
#include "core/journal.h"
#include "core/status.h"

namespace fieldnotes::core::internal {

inline constexpr size_t kIndexedTables = 7;  // every value of Table

struct IndexSlot {
  uint64_t count = 0;
  std::array<uint8_t, 32> sum{};
  bool operator==(const IndexSlot&) const = default;
};

struct RecordIndex {
  uint64_t last_counter = 0;  // the write counter of the latest record written
  std::array<IndexSlot, kIndexedTables> slots{};

  // 8 bytes of counter, then for each table 8 bytes of count and 32 of sum;
  // integers big-endian.
  crypto::Bytes Serialize() const;
  // Corruption for a value of the wrong size.
  static Result<RecordIndex> Parse(crypto::ByteView bytes);

  // Adds (or takes away: XOR is its own inverse) one record's term.
  Status Toggle(const crypto::HmacSha256Key& key, Table table, std::string_view id,
                uint64_t counter, bool add);

  // Adds the records of `part` (an index of other records, worked out on
  // another thread): the sums XOR, the counts add, the counter is the
  // larger.
  void Merge(const RecordIndex& part);
};

// The index key, derived from the journal's data key (HKDF-SHA256, salt
// "fieldnotes/journal", info "fieldnotes/record-index/v1").
Result<crypto::HmacSha256Key> IndexKey(const crypto::SecureBytes& data_key);

// Words for what a difference between `stored` and `actual` means, one per
// table that differs ("entries: 1 record is missing"); empty when equal.
std::vector<std::string> DescribeIndexDifference(const RecordIndex& stored,
                                                 const RecordIndex& actual);

}  // namespace fieldnotes::core::internal

#endif  // FIELDNOTES_CORE_RECORD_INDEX_H_
