#include "server/statement_cache.h"

#include <sqlite3.h>

#include <Poco/Data/SQLite/Utility.h>

namespace fieldnotes::server {

StatementCache::~StatementCache() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
}

sqlite3_stmt* StatementCache::Get(const char* sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return it->second;
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) Throw(rc);
  statements_.emplace(sql, stmt);
  return stmt;
}

void StatementCache::Throw(int rc) const { Poco::Data::SQLite::Utility::throwException(db_, rc); }

StatementCache::Use::Use(StatementCache& cache, const char* sql)
    : cache_(cache), stmt_(cache.Get(sql)) {}

StatementCache::Use::~Use() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

StatementCache::Use& StatementCache::Use::Bind(std::string_view text) {
  const int rc = sqlite3_bind_text(stmt_, next_param_++, text.data(), static_cast<int>(text.size()),
                                   SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) cache_.Throw(rc);
  return *this;
}

StatementCache::Use& StatementCache::Use::Bind(int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, next_param_++, value);
  if (rc != SQLITE_OK) cache_.Throw(rc);
  return *this;
}

bool StatementCache::Use::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  cache_.Throw(rc);
  return false;
}

std::string StatementCache::Use::Text(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  return text == nullptr ? std::string()
                         : std::string(reinterpret_cast<const char*>(text),
                                       static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

int64_t StatementCache::Use::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

void StatementCache::BlobCloser::operator()(sqlite3_blob* blob) const { sqlite3_blob_close(blob); }

StatementCache::BlobHandle StatementCache::OpenBlob(const char* table, const char* column,
                                                    int64_t rowid) {
  sqlite3_blob* blob = nullptr;
  const int rc = sqlite3_blob_open(db_, "main", table, column, rowid, 0, &blob);
  BlobHandle handle(blob);  // closed even when the open failed half way
  if (rc != SQLITE_OK) Throw(rc);
  return handle;
}

size_t StatementCache::BlobBytes(const BlobHandle& blob) {
  return static_cast<size_t>(sqlite3_blob_bytes(blob.get()));
}

void StatementCache::ReadBlobInto(const BlobHandle& blob, uint8_t* out, size_t size) {
  if (size == 0) return;
  const int rc = sqlite3_blob_read(blob.get(), out, static_cast<int>(size), 0);
  if (rc != SQLITE_OK) Throw(rc);
}

}  // namespace fieldnotes::server
