#include "core/journal_db.h"

namespace fieldnotes::core::internal {

Status SqliteStatus(sqlite3* db, int rc, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Busy("the journal is busy: another Fieldnotes program is writing to it");
    case SQLITE_NOTADB:
      return Status::Corruption("not a Fieldnotes journal (" + msg + ")");
    case SQLITE_CORRUPT:
      return Status::Corruption(msg);
    case SQLITE_CONSTRAINT:
      return Status::AlreadyExists(msg);
    default:
      return Status::IoError(msg);
  }
}

Result<Stmt> Prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  Stmt stmt(raw);
  if (rc != SQLITE_OK) return SqliteStatus(db, rc, "preparing a statement");
  return stmt;
}

Status Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
  sqlite3_free(err);
  if (rc != SQLITE_OK) return SqliteStatus(db, rc, "executing a statement");
  return Status::Ok();
}

void BindText(sqlite3_stmt* s, int index, std::string_view text) {
  sqlite3_bind_text(s, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

void BindBlob(sqlite3_stmt* s, int index, crypto::ByteView blob) {
  sqlite3_bind_blob(s, index, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC);
}

std::string_view ColumnText(sqlite3_stmt* s, int col) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, col));
  int n = sqlite3_column_bytes(s, col);
  return p ? std::string_view(p, static_cast<size_t>(n)) : std::string_view();
}

crypto::ByteView ColumnBlob(sqlite3_stmt* s, int col) {
  const auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(s, col));
  int n = sqlite3_column_bytes(s, col);
  return p ? crypto::ByteView(p, static_cast<size_t>(n)) : crypto::ByteView();
}

WriteTransaction::~WriteTransaction() {
  if (open_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

Status WriteTransaction::Begin() {
  int rc = sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db_, rc, "starting a write");
  open_ = true;
  return Status::Ok();
}

Status WriteTransaction::Commit() {
  int rc = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return SqliteStatus(db_, rc, "saving");
  open_ = false;
  return Status::Ok();
}

}  // namespace fieldnotes::core::internal
