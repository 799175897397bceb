// Internal to the journal: SQLite behind RAII, and the schema migrations.
// Not part of the core API; included by journal*.cpp only.
#ifndef FIELDNOTES_CORE_JOURNAL_DB_H_
#define FIELDNOTES_CORE_JOURNAL_DB_H_

#include <sqlite3.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/crypto.h"
#include "core/journal.h"
#include "core/status.h"

namespace fieldnotes::core::internal {

struct StmtFinalize {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalize>;

struct DbClose {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using DbHandle = std::unique_ptr<sqlite3, DbClose>;

// Maps an SQLite result code to a Status: BUSY/LOCKED -> Busy, NOTADB and
// CORRUPT -> Corruption, the rest -> IoError. Never includes SQL values.
Status SqliteStatus(sqlite3* db, int rc, std::string_view what);

Result<Stmt> Prepare(sqlite3* db, std::string_view sql);
Status Exec(sqlite3* db, const char* sql);

// Binds text/blob without copying (SQLITE_STATIC): the data must outlive the step.
void BindText(sqlite3_stmt* s, int index, std::string_view text);
void BindBlob(sqlite3_stmt* s, int index, crypto::ByteView blob);
std::string_view ColumnText(sqlite3_stmt* s, int col);
crypto::ByteView ColumnBlob(sqlite3_stmt* s, int col);

// "BEGIN IMMEDIATE" ... "COMMIT", rolled back on destruction unless
// committed. Busy when another process holds the write lock past the
// busy timeout.
class WriteTransaction {
 public:
  explicit WriteTransaction(sqlite3* db) : db_(db) {}
  ~WriteTransaction();
  Status Begin();
  Status Commit();

 private:
  sqlite3* db_;
  bool open_ = false;
};

// Journal file identity (PRAGMA application_id): "FNJL".
inline constexpr int32_t kApplicationId = 0x464E4A4C;

// Brings a journal at `from_version` (0 = empty file) up to `to_version`,
// one step per version, inside the caller's transaction. Each step is the
// exact DDL of that version; steps are never edited once released.
Status Migrate(sqlite3* db, int from_version, int to_version);

// Reads PRAGMA user_version.
Result<int> SchemaVersion(sqlite3* db);

struct RecordIndex;  // record_index.h
// The write counter in a record's blob: bytes 1-8 of a format 2 record,
// 0 for format 1 (and for a blob too short to hold one: it fails later).
uint64_t CounterOf(int format, crypto::ByteView blob);
// The record index stored in the file.
Result<RecordIndex> LoadIndex(sqlite3* db);
// Adds one record's term to `index` (the first error is kept in `status`).
void AddRecordToIndex(const crypto::HmacSha256Key& key, Table table, std::string_view id,
                      uint64_t counter, RecordIndex& index, Status& status);
// Adds the term of every record of `tables` as they are in the file
// (nothing is decrypted).
Status AddToIndex(sqlite3* db, const crypto::HmacSha256Key& key, std::span<const Table> tables,
                  RecordIndex& index);

}  // namespace fieldnotes::core::internal

namespace fieldnotes::core {
struct Journal::Db {
  internal::DbHandle handle;
  sqlite3* get() const { return handle.get(); }
};
}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_JOURNAL_DB_H_
