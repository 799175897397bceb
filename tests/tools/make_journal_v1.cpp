// Writes tests/data/journal-v1.db: a journal as schema version 1 left it.
//
// Version 1 differs from version 2 only by the four tables version 2 adds
// (common/core/journal_schema.cpp), and the record and key formats are the
// same, so a version 1 file is a version 2 file without those tables and with
// user_version = 1. Run once when the fixture needs to be made again:
//   cmake --build build --target make_journal_v1 && build/tests/make_journal_v1
//   tests/data/journal-v1.db
#include <sqlite3.h>

#include <cstdio>
#include <filesystem>

#include "core/i18n.h"
#include "core/journal.h"

using namespace fieldnotes::core;

int main(int argc, char** argv) {
  fieldnotes::core::InitLanguage();
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_journal_v1 OUT.db\n");
    return 2;
  }
  std::string path = argv[1];
  std::filesystem::remove(path);
  JournalOptions options;
  options.kdf_log2_n = 15;
  {
    auto j = Journal::Create(path, "fixture passphrase", options);
    if (!j.ok()) return std::fprintf(stderr, "%s\n", j.status().ToString().c_str()), 1;
    Session s;
    s.at = ParseTimestamp("2025-03-03T17:00:00+01:00").value();
    s.note = "first session";
    (void)(*j)->AddSession(s).value();
    const char* texts[] = {"a plain note", "the fixture loop, word for word", "a spike"};
    EntryKind kinds[] = {EntryKind::kNote, EntryKind::kLoop, EntryKind::kSpike};
    for (int i = 0; i < 3; ++i) {
      Entry e;
      e.kind = kinds[i];
      e.written_at =
          ParseTimestamp("2025-03-0" + std::to_string(4 + i) + "T21:00:00+01:00").value();
      e.text = texts[i];
      if (i == 2) {
        e.emotions = {"anxiety"};
        e.intensity = 6;
        e.thread = "breathe first";
      }
      (void)(*j)->AddEntry(e).value();
    }
  }
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  const char* sql =
      "DROP TABLE reports; DROP TABLE links; DROP TABLE consents; DROP TABLE settings;"
      "PRAGMA user_version = 1; PRAGMA journal_mode = DELETE; VACUUM;";
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::fprintf(stderr, "%s\n", err);
    return 1;
  }
  sqlite3_close(db);
  return 0;
}
