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

const uint8_t* StatementCache::Use::Blob(int column) const {
  return static_cast<const uint8_t*>(sqlite3_column_blob(stmt_, column));
}

size_t StatementCache::Use::BlobSize(int column) const {
  return static_cast<size_t>(sqlite3_column_bytes(stmt_, column));
}

}  // namespace fieldnotes::server
