// StatementCache: prepared statements kept per SQLite connection for the
// queries on the download path.
//
// Poco::Data 1.11 prepares a statement afresh at every execution (measured:
// 12 us for a one-row SELECT, a fifth of a 100 KB download's CPU), so the few
// statements every download runs are prepared once per pooled connection
// here, on the same connection (Poco's sqlite3 handle), inside the same
// transactions. Everything else goes through Poco::Data.
#ifndef FIELDNOTES_SERVER_STATEMENT_CACHE_H_
#define FIELDNOTES_SERVER_STATEMENT_CACHE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;
struct sqlite3_blob;

namespace fieldnotes::server {

class StatementCache {
 public:
  explicit StatementCache(sqlite3* db) : db_(db) {}
  ~StatementCache();
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;

  // One use of a cached statement: bind, step, read; reset on destruction.
  // Failures throw the Poco::Data::SQLite exception for the error code.
  class Use {
   public:
    Use(StatementCache& cache, const char* sql);
    ~Use();
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;
    Use& Bind(std::string_view text);
    Use& Bind(int64_t value);
    // True while there is a row.
    bool Step();
    std::string Text(int column) const;
    int64_t Int(int column) const;

   private:
    StatementCache& cache_;
    sqlite3_stmt* stmt_;
    int next_param_ = 1;
  };

  // Reads the BLOB in `table`.`column` of row `rowid` into the memory
  // `reserve(size)` returns, page by page, without SQLite first copying the
  // whole value into a buffer of its own (sqlite3_blob_read). Call it while
  // a statement of this connection holds the read transaction that found
  // `rowid`. Throws like Use::Step.
  template <typename Reserve>
  void ReadBlob(const char* table, const char* column, int64_t rowid, Reserve&& reserve) {
    BlobHandle blob = OpenBlob(table, column, rowid);
    const size_t size = BlobBytes(blob);
    ReadBlobInto(blob, reserve(size), size);
  }

 private:
  struct BlobCloser {
    void operator()(sqlite3_blob* blob) const;
  };
  using BlobHandle = std::unique_ptr<sqlite3_blob, BlobCloser>;
  BlobHandle OpenBlob(const char* table, const char* column, int64_t rowid);
  static size_t BlobBytes(const BlobHandle& blob);
  void ReadBlobInto(const BlobHandle& blob, uint8_t* out, size_t size);

  sqlite3_stmt* Get(const char* sql);
  void Throw(int rc) const;

  sqlite3* db_;
  std::map<const char*, sqlite3_stmt*> statements_;  // keyed by the literal's address
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_STATEMENT_CACHE_H_
