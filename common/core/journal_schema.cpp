// The journal's schema and its migrations (docs/journal-format.md).
//
// Version 1: meta (key header), entries, sessions, threads.
// Version 2: adds reports, links, consents and settings for the report,
//            sharing and settings features.
// Every encrypted table has the same shape: the row id, the record format
// version, and the sealed record. Nothing else is stored.
#include <string>

#include "core/journal_db.h"

namespace fieldnotes::core::internal {
namespace {

constexpr const char* kStepToV1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL);
CREATE TABLE entries (id TEXT PRIMARY KEY NOT NULL, format INTEGER NOT NULL, blob BLOB NOT NULL);
CREATE TABLE sessions (id TEXT PRIMARY KEY NOT NULL, format INTEGER NOT NULL, blob BLOB NOT NULL);
CREATE TABLE threads (id TEXT PRIMARY KEY NOT NULL, format INTEGER NOT NULL, blob BLOB NOT NULL);
)sql";

constexpr const char* kStepToV2 = R"sql(
CREATE TABLE reports (id TEXT PRIMARY KEY NOT NULL, format INTEGER NOT NULL, blob BLOB NOT NULL);
CREATE TABLE links (id TEXT PRIMARY KEY NOT NULL, format INTEGER NOT NULL, blob BLOB NOT NULL);
CREATE TABLE consents (id TEXT PRIMARY KEY NOT NULL, format INTEGER NOT NULL, blob BLOB NOT NULL);
CREATE TABLE settings (id TEXT PRIMARY KEY NOT NULL, format INTEGER NOT NULL, blob BLOB NOT NULL);
)sql";

// kSteps[i] takes a journal from version i to version i + 1.
// Version 3 adds the record index (meta "record_index",
// docs/journal-format.md): it needs the data key, so Journal::Open builds it
// from the records in the same transaction.
constexpr const char* kStepToV3 = "-- the record index is built by Journal::Open";

constexpr const char* kSteps[] = {kStepToV1, kStepToV2, kStepToV3};

}  // namespace

Result<int> SchemaVersion(sqlite3* db) {
  auto stmt = Prepare(db, "PRAGMA user_version");
  if (!stmt.ok()) return stmt.status();
  int rc = sqlite3_step(stmt->get());
  if (rc != SQLITE_ROW) return SqliteStatus(db, rc, "reading the schema version");
  return sqlite3_column_int(stmt->get(), 0);
}

Status Migrate(sqlite3* db, int from_version, int to_version) {
  constexpr int kKnown = static_cast<int>(sizeof kSteps / sizeof kSteps[0]);
  if (from_version < 0 || to_version > kKnown || from_version > to_version)
    return Status::Unsupported("no migration from schema version " + std::to_string(from_version) +
                               " to " + std::to_string(to_version));
  for (int v = from_version; v < to_version; ++v) {
    FN_RETURN_IF_ERROR(
        Exec(db, kSteps[v]).WithContext("migrating to schema version " + std::to_string(v + 1)));
    std::string pragma = "PRAGMA user_version = " + std::to_string(v + 1);
    FN_RETURN_IF_ERROR(Exec(db, pragma.c_str()));
  }
  return Status::Ok();
}

}  // namespace fieldnotes::core::internal
