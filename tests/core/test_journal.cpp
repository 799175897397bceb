// The encrypted journal against a real SQLite file.
#include <boost/test/unit_test.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/journal.h"
#include "core/json.h"
#include "support/temp_dir.h"

using namespace fieldnotes::core;
using fieldnotes::testing::AnyFileContains;
using fieldnotes::testing::TempDir;

namespace {

JournalOptions Fast() {
  JournalOptions o;
  o.kdf_log2_n = crypto::KdfParams::kMinLog2N;
  return o;
}

Entry Spike(const std::string& thought, const char* at = "2026-11-03T21:40:00+01:00") {
  Entry e;
  e.kind = EntryKind::kSpike;
  e.written_at = ParseTimestamp(at).value();
  e.emotions = {"anxiety", "my own word"};
  e.intensity = 7;
  e.before = "a message from my manager";
  e.body = "tight chest";
  e.thought = thought;
  e.unsaid = "I need more time";
  e.tags = {"work"};
  e.thread = "notice the thought";
  e.followups = {{"What happened right before?", "the message"}};
  e.mood_before = 3;
  e.mood_after = 5;
  return e;
}

// Runs SQL on the journal file behind the Journal's back, as an attacker or
// a disk error would.
void RawSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  BOOST_REQUIRE_MESSAGE(rc == SQLITE_OK, (err ? err : "?"));
  sqlite3_close(db);
}

std::string ReadBlob(const std::string& path, const std::string& table, const std::string& id,
                     const char* column = "blob") {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  std::string sql = "SELECT " + std::string(column) + " FROM " + table + " WHERE " +
                    (table == "meta" ? "key" : "id") + " = ?1";
  BOOST_REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  sqlite3_bind_text(st, 1, id.c_str(), -1, SQLITE_TRANSIENT);
  BOOST_REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  std::string out(static_cast<const char*>(sqlite3_column_blob(st, 0)),
                  static_cast<size_t>(sqlite3_column_bytes(st, 0)));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

void WriteBlob(const std::string& path, const std::string& table, const std::string& id,
               const std::string& bytes, const char* column = "blob") {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  std::string sql = "UPDATE " + table + " SET " + column + " = ?2 WHERE " +
                    (table == "meta" ? "key" : "id") + " = ?1";
  BOOST_REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK);
  sqlite3_bind_text(st, 1, id.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob(st, 2, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  BOOST_REQUIRE(sqlite3_step(st) == SQLITE_DONE);
  BOOST_REQUIRE(sqlite3_changes(db) == 1);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(journal)

BOOST_AUTO_TEST_CASE(create_add_reopen_round_trips_every_field) {
  TempDir dir;
  std::string path = dir.File("journal.db");
  Entry original = Spike("everyone will find out ünïcödé 日本");
  std::string id;
  {
    auto j = Journal::Create(path, "correct horse", Fast());
    BOOST_REQUIRE_MESSAGE(j.ok(), j.status().ToString());
    auto added = (*j)->AddEntry(original);
    BOOST_REQUIRE(added.ok());
    id = *added;
    Session s;
    s.at = ParseTimestamp("2026-11-02T17:00:00+01:00").value();
    s.note = "what landed";
    BOOST_REQUIRE((*j)->AddSession(s).ok());
  }
  auto j = Journal::Open(path, "correct horse", Fast());
  BOOST_REQUIRE_MESSAGE(j.ok(), j.status().ToString());
  BOOST_REQUIRE((*j)->entries().size() == 1u);
  Entry stored = (*j)->entries()[0];
  original.id = id;
  BOOST_TEST((stored == original));
  BOOST_TEST(stored.written_at.offset_minutes == 60);
  BOOST_TEST((*j)->sessions().size() == 1u);
  BOOST_TEST((*j)->sessions()[0].note == "what landed");
  BOOST_REQUIRE((*j)->threads().size() == 1u);
  BOOST_TEST((*j)->threads()[0].title == "notice the thought");
  BOOST_TEST((*j)->Check().ok());
  BOOST_TEST((std::filesystem::status(path).permissions() ==
              (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write)));
}

BOOST_AUTO_TEST_CASE(sqlite_runs_wal_full_secure_delete) {
  TempDir dir;
  std::string path = dir.File("j.db");
  auto j = Journal::Create(path, "pw", Fast());
  BOOST_REQUIRE(j.ok());
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr);
  BOOST_REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  BOOST_TEST(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "wal");
  sqlite3_finalize(st);
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
  BOOST_REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  BOOST_TEST(sqlite3_column_int(st, 0) == kSchemaVersion);
  sqlite3_finalize(st);
  sqlite3_close(db);
}

BOOST_AUTO_TEST_CASE(wrong_passphrase_is_one_generic_error) {
  TempDir dir;
  std::string path = dir.File("j.db");
  {
    auto j = Journal::Create(path, "right one", Fast());
    BOOST_REQUIRE(j.ok());
    BOOST_REQUIRE((*j)->AddEntry(Spike("CANARY-wrongpass-7f3a")).ok());
  }
  for (const char* pw : {"wrong one", "right on", "right one ", "", "Right one"}) {
    auto j = Journal::Open(path, pw, Fast());
    BOOST_REQUIRE(!j.ok());
    BOOST_TEST(j.status().code() == Status::Code::kWrongPassphrase);
    BOOST_TEST(j.status().message() == Status::WrongPassphrase().message());
    BOOST_TEST(j.status().ToString().find("CANARY") == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(nothing_in_clear_on_disk) {
  TempDir dir;
  std::string path = dir.File("j.db");
  const std::string canary = "CANARY-disk-91c2e0d4";
  auto j = Journal::Create(path, "pw", Fast());
  BOOST_REQUIRE(j.ok());
  Entry e = Spike(canary + " thought");
  e.tags = {canary + "-tag"};
  e.thread = canary + "-thread";
  auto id = (*j)->AddEntry(e);
  BOOST_REQUIRE(id.ok());
  BOOST_TEST(!AnyFileContains(dir.path(), canary));
  e.id = *id;
  e.text = canary + " edited";
  BOOST_REQUIRE((*j)->UpdateEntry(e).ok());
  BOOST_TEST(!AnyFileContains(dir.path(), canary));
  BOOST_REQUIRE((*j)->DeleteEntry(*id).ok());
  BOOST_TEST(!AnyFileContains(dir.path(), canary));
  // No timestamps in clear either: the year of the entry is not in the file.
  BOOST_TEST(!AnyFileContains(dir.path(), "2026-11-03"));
}

// A journal with two entries, and a way back to it after each attack.
struct TamperFixture {
  TempDir dir;
  std::string path = dir.File("j.db");
  std::string backup = dir.File("backup.db");
  std::string a, b;
  TamperFixture() {
    {
      auto j = Journal::Create(path, "pw", Fast());
      BOOST_REQUIRE(j.ok());
      a = (*j)->AddEntry(Spike("first")).value();
      b = (*j)->AddEntry(Spike("second", "2026-11-04T08:00:00+01:00")).value();
    }
    RawSql(path, "PRAGMA wal_checkpoint(TRUNCATE)");
    std::filesystem::copy_file(path, backup);
  }
  void Restore() {
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    std::filesystem::copy_file(backup, path, std::filesystem::copy_options::overwrite_existing);
  }
  Status OpenStatus() {
    auto j = Journal::Open(path, "pw", Fast());
    return j.ok() ? Status::Ok() : j.status();
  }
};

BOOST_FIXTURE_TEST_CASE(flipped_bits_are_detected, TamperFixture) {
  const std::string blob = ReadBlob(path, "entries", a);
  // Every 7th byte after the format byte, each flipped in a copy of the
  // journal of its own. The copies are opened two at a time: the key
  // derivation of each open is most of this test's time. (Boost.Test's
  // checks stay on this thread.)
  std::vector<size_t> bytes;
  std::vector<std::string> copies;
  for (size_t i = 1; i < blob.size(); i += 7) {
    const std::string copy = dir.File("flipped-" + std::to_string(i) + ".db");
    std::filesystem::copy_file(backup, copy);
    std::string bad = blob;
    bad[i] = static_cast<char>(bad[i] ^ 0x10);
    WriteBlob(copy, "entries", a, bad);
    bytes.push_back(i);
    copies.push_back(copy);
  }
  std::vector<Status> opened(copies.size(), Status::Ok());
  const auto open_every_other = [&](size_t first) {
    for (size_t k = first; k < copies.size(); k += 2) {
      auto j = Journal::Open(copies[k], "pw", Fast());
      opened[k] = j.ok() ? Status::Ok() : j.status();
    }
  };
  std::thread second(open_every_other, size_t{1});
  open_every_other(0);
  second.join();
  for (size_t k = 0; k < copies.size(); ++k) {
    const Status& s = opened[k];
    BOOST_TEST(s.code() == Status::Code::kCorruption, "byte " << bytes[k] << ": " << s.ToString());
    BOOST_TEST(s.message().find("entries/" + a) != std::string::npos);
    BOOST_TEST(s.message().find("first") == std::string::npos);
  }
  Restore();
  BOOST_TEST(OpenStatus().ok());
}

BOOST_FIXTURE_TEST_CASE(truncated_and_unknown_format_records_are_detected, TamperFixture) {
  std::string blob = ReadBlob(path, "entries", a);
  for (size_t len : {size_t{0}, size_t{1}, size_t{12}, size_t{28}, blob.size() - 1}) {
    Restore();
    WriteBlob(path, "entries", a, blob.substr(0, len));
    BOOST_TEST(!OpenStatus().ok(), "length " << len);
  }
  Restore();
  std::string v9 = blob;
  v9[0] = 9;
  WriteBlob(path, "entries", a, v9);
  BOOST_TEST(OpenStatus().code() == Status::Code::kUnsupported);
}

BOOST_FIXTURE_TEST_CASE(swapped_records_are_detected, TamperFixture) {
  std::string blob_a = ReadBlob(path, "entries", a);
  std::string blob_b = ReadBlob(path, "entries", b);
  WriteBlob(path, "entries", a, blob_b);
  WriteBlob(path, "entries", b, blob_a);
  Status s = OpenStatus();
  BOOST_TEST(s.code() == Status::Code::kCorruption);
  BOOST_TEST(s.message().find("failed authentication") != std::string::npos);

  // A record moved to another table is refused too.
  Restore();
  RawSql(path,
         "INSERT INTO sessions (id, format, blob) SELECT id, format, blob FROM entries "
         "WHERE id = '" +
             a + "'");
  BOOST_TEST(OpenStatus().code() == Status::Code::kCorruption);
}

BOOST_FIXTURE_TEST_CASE(a_deleted_record_is_detected_and_named, TamperFixture) {
  RawSql(path, "DELETE FROM entries WHERE id = '" + a + "'");
  Status s = OpenStatus();
  BOOST_TEST(s.code() == Status::Code::kCorruption, s.ToString());
  BOOST_TEST(s.message().find("entries: 1 record is missing") != std::string::npos, s.message());
  BOOST_TEST(s.message().find("first") == std::string::npos);  // no entry text in errors
  // check names it; export (which opens normally) refuses rather than leave it out.
  JournalOptions o = Fast();
  o.skip_damaged_records = true;
  auto j = Journal::Open(path, "pw", o);
  BOOST_REQUIRE(j.ok());
  CheckReport r = (*j)->Check();
  BOOST_TEST(!r.ok());
  BOOST_REQUIRE_EQUAL(r.damaged.size(), 1u);
  BOOST_TEST(r.damaged[0] == "entries: 1 record is missing since the journal was last saved");
  // A whole table emptied, and a thread deleted too.
  Restore();
  RawSql(path, "DELETE FROM entries; DELETE FROM threads");
  s = OpenStatus();
  BOOST_TEST(s.message().find("entries: 2 records are missing") != std::string::npos, s.message());
  BOOST_TEST(s.message().find("threads: 1 record is missing") != std::string::npos, s.message());
}

BOOST_FIXTURE_TEST_CASE(a_record_rolled_back_to_an_older_copy_is_detected, TamperFixture) {
  const std::string old_a = ReadBlob(path, "entries", a);
  {
    auto j = Journal::Open(path, "pw", Fast());
    BOOST_REQUIRE(j.ok());
    Entry e = (*j)->GetEntry(a).value();
    e.thought = "changed later";
    BOOST_REQUIRE((*j)->UpdateEntry(e).ok());
  }
  BOOST_REQUIRE(OpenStatus().ok());
  // The older copy authenticates on its own, but it is not the one last saved.
  WriteBlob(path, "entries", a, old_a);
  Status s = OpenStatus();
  BOOST_TEST(s.code() == Status::Code::kCorruption, s.ToString());
  BOOST_TEST(s.message().find("entries: a record is not the one last saved") != std::string::npos,
             s.message());
  // A record that Fieldnotes never wrote there: a copy under a second row
  // fails authentication (the id is bound); the index counts rows too.
  Restore();
  RawSql(path, "UPDATE meta SET value = zeroblob(length(value)) WHERE key = 'record_index'");
  BOOST_TEST(OpenStatus().code() == Status::Code::kCorruption);
  Restore();
  RawSql(path, "UPDATE meta SET value = x'00' WHERE key = 'record_index'");  // wrong size
  BOOST_TEST(OpenStatus().code() == Status::Code::kCorruption);
  Restore();
  RawSql(path, "DELETE FROM meta WHERE key = 'record_index'");
  BOOST_TEST(OpenStatus().code() == Status::Code::kCorruption);
  Restore();
  BOOST_TEST(OpenStatus().ok());
}

BOOST_FIXTURE_TEST_CASE(writes_and_deletes_keep_the_index_in_step, TamperFixture) {
  auto j = Journal::Open(path, "pw", Fast());
  BOOST_REQUIRE(j.ok());
  for (int i = 0; i < 20; ++i)
    BOOST_REQUIRE((*j)->AddEntry(Spike("more " + std::to_string(i))).ok());
  BOOST_REQUIRE((*j)->DeleteEntry(a).ok());
  BOOST_REQUIRE((*j)->PutRecord(Table::kSettings, "region", "GB").ok());
  BOOST_REQUIRE((*j)->PutRecord(Table::kSettings, "region", "DE").ok());
  BOOST_REQUIRE((*j)->DeleteRecord(Table::kSettings, "region").ok());
  BOOST_TEST((*j)->Check().ok());
  j = Journal::Open(path, "pw", Fast());
  BOOST_REQUIRE_MESSAGE(j.ok(), j.status().ToString());
  BOOST_TEST((*j)->entries().size() == 21u);
}

BOOST_FIXTURE_TEST_CASE(edited_kdf_parameters_are_detected, TamperFixture) {
  std::string kdf = ReadBlob(path, "meta", "kdf", "value");
  BOOST_TEST(kdf.rfind("scrypt:15:8:1:", 0) == 0);
  // Out of bounds: refused before any work, naming the parameter.
  for (const char* edited :
       {"scrypt:30:8:1:", "scrypt:14:8:1:", "scrypt:15:1:1:", "scrypt:15:8:9:"}) {
    Restore();
    WriteBlob(path, "meta", "kdf", std::string(edited) + kdf.substr(14), "value");
    Status s = OpenStatus();
    BOOST_TEST(s.code() == Status::Code::kInvalidArgument, edited << ": " << s.ToString());
    BOOST_TEST(s.message().find("scrypt") != std::string::npos);
  }
  // In bounds but different (cost or salt): the key header no longer
  // authenticates, which is reported as the one unlock error.
  Restore();
  WriteBlob(path, "meta", "kdf", "scrypt:16:8:1:" + kdf.substr(14), "value");
  BOOST_TEST(OpenStatus().code() == Status::Code::kWrongPassphrase);
  Restore();
  std::string salt_edit = kdf;
  salt_edit.back() = salt_edit.back() == '0' ? '1' : '0';
  WriteBlob(path, "meta", "kdf", salt_edit, "value");
  BOOST_TEST(OpenStatus().code() == Status::Code::kWrongPassphrase);
  // Garbage: a clear corruption message.
  Restore();
  WriteBlob(path, "meta", "kdf", "not a header", "value");
  BOOST_TEST(OpenStatus().code() == Status::Code::kCorruption);
  // The wrapped key cut short.
  Restore();
  WriteBlob(path, "meta", "wrapped_key",
            ReadBlob(path, "meta", "wrapped_key", "value").substr(0, 40), "value");
  BOOST_TEST(OpenStatus().code() == Status::Code::kCorruption);
}

BOOST_FIXTURE_TEST_CASE(check_reports_every_damaged_record, TamperFixture) {
  std::string blob_a = ReadBlob(path, "entries", a);
  std::string blob_b = ReadBlob(path, "entries", b);
  {
    // Check works on an open journal; damage it underneath.
    auto j = Journal::Open(path, "pw", Fast());
    BOOST_REQUIRE(j.ok());
    BOOST_TEST((*j)->Check().ok());
    WriteBlob(path, "entries", a, blob_b);
    WriteBlob(path, "entries", b, blob_a);
    CheckReport r = (*j)->Check();
    BOOST_TEST(!r.ok());
    BOOST_TEST(r.sqlite_ok);
    BOOST_TEST(r.damaged.size() == 2u);
    BOOST_TEST(r.records_checked >= 3u);  // two entries and their thread
  }
}

BOOST_FIXTURE_TEST_CASE(check_open_lists_all_damage, TamperFixture) {
  std::string blob_a = ReadBlob(path, "entries", a);
  std::string blob_b = ReadBlob(path, "entries", b);
  WriteBlob(path, "entries", a, blob_b);
  WriteBlob(path, "entries", b, blob_a);
  BOOST_TEST(OpenStatus().IsCorruption());  // normal use refuses
  JournalOptions o = Fast();
  o.skip_damaged_records = true;
  auto j = Journal::Open(path, "pw", o);
  BOOST_REQUIRE(j.ok());
  BOOST_TEST((*j)->entries().empty());
  CheckReport r = (*j)->Check();
  BOOST_TEST(r.damaged.size() == 2u);
}

BOOST_AUTO_TEST_CASE(two_journal_objects_share_one_thread_record) {
  TempDir dir;
  std::string path = dir.File("j.db");
  auto first = Journal::Create(path, "pw", Fast());
  BOOST_REQUIRE(first.ok());
  auto second = Journal::Open(path, "pw", Fast());
  BOOST_REQUIRE(second.ok());
  BOOST_REQUIRE((*first)->AddEntry(Spike("from the first")).ok());
  BOOST_REQUIRE((*second)->AddEntry(Spike("from the second")).ok());  // same thread title
  auto third = Journal::Open(path, "pw", Fast());
  BOOST_REQUIRE(third.ok());
  BOOST_TEST((*third)->entries().size() == 2u);
  BOOST_TEST((*third)->threads().size() == 1u);
}

BOOST_AUTO_TEST_CASE(interrupted_create_leaves_nothing_at_the_path) {
  TempDir dir;
  std::string path = dir.File("j.db");
  // What a create killed half-way leaves behind: a temporary, not the journal.
  fieldnotes::testing::WriteFile(path + ".creating-0123456789ab", "half");
  auto j = Journal::Create(path, "pw", Fast());
  BOOST_REQUIRE(j.ok());
  BOOST_REQUIRE((*j)->AddEntry(Spike("works")).ok());
  size_t files = 0;
  for (const auto& f : std::filesystem::directory_iterator(dir.path()))
    if (f.path().filename().string().find(".creating-") != std::string::npos) ++files;
  BOOST_TEST(files == 1u);  // only the old leftover; ours was removed
  BOOST_TEST(Journal::Create(path, "pw", Fast()).status().code() == Status::Code::kAlreadyExists);
}

BOOST_AUTO_TEST_CASE(not_a_journal) {
  TempDir dir;
  std::string text = dir.File("notes.txt");
  fieldnotes::testing::WriteFile(text, std::string(5000, 'x'));
  auto j = Journal::Open(text, "pw", Fast());
  BOOST_TEST(j.status().code() == Status::Code::kCorruption);
  std::string other = dir.File("other.sqlite");
  RawSql(other, "CREATE TABLE t (x)");
  j = Journal::Open(other, "pw", Fast());
  BOOST_TEST(j.status().code() == Status::Code::kCorruption);
  j = Journal::Open(dir.File("missing.db"), "pw", Fast());
  BOOST_TEST(j.status().code() == Status::Code::kNotFound);
  // Create refuses to overwrite anything.
  BOOST_TEST(Journal::Create(text, "pw", Fast()).status().code() == Status::Code::kAlreadyExists);
  BOOST_TEST(fieldnotes::testing::ReadFile(text) == std::string(5000, 'x'));
  BOOST_TEST(!Journal::Create(dir.File("new.db"), "", Fast()).ok());
}

BOOST_AUTO_TEST_CASE(newer_schema_is_refused) {
  TempDir dir;
  std::string path = dir.File("j.db");
  BOOST_REQUIRE(Journal::Create(path, "pw", Fast()).ok());
  RawSql(path, "PRAGMA user_version = 99");
  BOOST_TEST(Journal::Open(path, "pw", Fast()).status().code() == Status::Code::kUnsupported);
}

BOOST_AUTO_TEST_CASE(passphrase_change_rewraps_the_key_only) {
  TempDir dir;
  std::string path = dir.File("j.db");
  std::string id;
  {
    auto j = Journal::Create(path, "old passphrase", Fast());
    BOOST_REQUIRE(j.ok());
    id = (*j)->AddEntry(Spike("kept")).value();
  }
  RawSql(path, "PRAGMA wal_checkpoint(TRUNCATE)");
  std::string record_before = ReadBlob(path, "entries", id);
  {
    auto j = Journal::Open(path, "old passphrase", Fast());
    BOOST_REQUIRE(j.ok());
    BOOST_REQUIRE((*j)->ChangePassphrase("new passphrase", 16).ok());
    BOOST_TEST(!(*j)->ChangePassphrase("", 16).ok());
    BOOST_TEST(!(*j)->ChangePassphrase("x", 25).ok());
  }
  BOOST_TEST(ReadBlob(path, "entries", id) == record_before);  // records untouched
  BOOST_TEST(ReadBlob(path, "meta", "kdf", "value").rfind("scrypt:16:", 0) == 0);
  BOOST_TEST(Journal::Open(path, "old passphrase", Fast()).status().code() ==
             Status::Code::kWrongPassphrase);
  auto j = Journal::Open(path, "new passphrase", Fast());
  BOOST_REQUIRE(j.ok());
  BOOST_TEST((*j)->GetEntry(id).value().thought == "kept");
}

BOOST_AUTO_TEST_CASE(opens_and_migrates_a_version_1_file) {
  // tests/data/journal-v1.db was written by schema version 1 (see
  // tests/data/README.md); passphrase "fixture passphrase".
  TempDir dir;
  std::string path = dir.File("old.db");
  std::filesystem::copy_file(std::string(FIELDNOTES_SOURCE_DIR) + "/tests/data/journal-v1.db",
                             path);
  sqlite3* raw = nullptr;
  sqlite3_open(path.c_str(), &raw);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &st, nullptr);
  sqlite3_step(st);
  BOOST_REQUIRE(sqlite3_column_int(st, 0) == 1);
  sqlite3_finalize(st);
  sqlite3_close(raw);

  auto j = Journal::Open(path, "fixture passphrase", Fast());
  BOOST_REQUIRE_MESSAGE(j.ok(), j.status().ToString());
  BOOST_TEST((*j)->entries().size() == 3u);
  BOOST_TEST((*j)->sessions().size() == 1u);
  BOOST_TEST((*j)->Search("fixture loop").size() == 1u);
  // The version 2 tables now exist and work.
  BOOST_REQUIRE((*j)->PutRecord(Table::kReports, "r1", "{}").ok());
  BOOST_TEST((*j)->GetRecord(Table::kReports, "r1").value().str() == "{}");
  BOOST_TEST((*j)->Check().ok());
  j = Journal::Open(path, "fixture passphrase", Fast());
  BOOST_REQUIRE(j.ok());
  // Upgraded in place to the record index: an old-format record deleted
  // from the file is now noticed.
  j->reset();
  RawSql(path, "DELETE FROM sessions");
  auto refused = Journal::Open(path, "fixture passphrase", Fast());
  BOOST_TEST(refused.status().message().find("sessions: 1 record is missing") != std::string::npos,
             refused.status().ToString());
}

BOOST_AUTO_TEST_CASE(search_is_case_and_accent_insensitive_newest_first) {
  TempDir dir;
  auto j = Journal::Create(dir.File("j.db"), "pw", Fast());
  BOOST_REQUIRE(j.ok());
  Entry e1 = Spike("Un CAFÉ avec Zoë", "2026-11-01T10:00:00Z");
  Entry e2 = Spike("nothing here", "2026-11-02T10:00:00Z");
  e2.tags = {"cafe"};
  Entry e3 = Spike("Ελληνικά and ЁЛКА", "2026-11-03T10:00:00Z");
  e3.followups = {{"Where did you feel it?", "in my Shoulders"}};
  for (auto* e : {&e1, &e2, &e3}) e->id = (*j)->AddEntry(*e).value();
  auto hits = (*j)->Search("cafe");
  BOOST_REQUIRE(hits.size() == 2u);
  BOOST_TEST(hits[0]->id == e2.id);  // newest first
  BOOST_TEST(hits[1]->id == e1.id);
  BOOST_TEST((*j)->Search("ZOE").size() == 1u);
  BOOST_TEST((*j)->Search("ελληνικα").size() == 1u);
  BOOST_TEST((*j)->Search("елка").size() == 1u);
  BOOST_TEST((*j)->Search("shoulders").size() == 1u);
  BOOST_TEST((*j)->Search("").empty());
  BOOST_TEST((*j)->Search("absent").empty());
}

BOOST_AUTO_TEST_CASE(edit_delete_and_lookup_by_prefix) {
  TempDir dir;
  auto j = Journal::Create(dir.File("j.db"), "pw", Fast());
  BOOST_REQUIRE(j.ok());
  std::string id = (*j)->AddEntry(Spike("one")).value();
  auto e = (*j)->GetEntry(id.substr(0, 8));
  BOOST_REQUIRE(e.ok());
  BOOST_TEST(!(*j)->GetEntry(id.substr(0, 4)).ok());  // too short to be a prefix
  e->intensity = 11;
  BOOST_TEST(!(*j)->UpdateEntry(*e).ok());  // validated
  e->intensity = 2;
  BOOST_REQUIRE((*j)->UpdateEntry(*e).ok());
  BOOST_TEST((*j)->GetEntry(id).value().intensity.value() == 2);
  Entry ghost = *e;
  ghost.id = NewUuid();
  BOOST_TEST((*j)->UpdateEntry(ghost).IsNotFound());
  BOOST_REQUIRE((*j)->DeleteEntry(id).ok());
  BOOST_TEST((*j)->DeleteEntry(id).IsNotFound());
  BOOST_TEST((*j)->entries().empty());
  BOOST_TEST((*j)->Search("one").empty());
}

BOOST_AUTO_TEST_CASE(import_is_all_or_nothing_and_skips_known_ids) {
  TempDir dir;
  auto j = Journal::Create(dir.File("j.db"), "pw", Fast());
  BOOST_REQUIRE(j.ok());
  std::vector<ImportItem> items;
  for (int i = 0; i < 5; ++i) {
    ImportItem it;
    it.entry = Spike("imported " + std::to_string(i));
    it.entry.id = NewUuid();
    it.line = i + 1;
    items.push_back(it);
  }
  ImportItem session;
  session.type = ImportItem::Type::kSession;
  session.session.at = ParseTimestamp("2026-11-02T17:00:00+01:00").value();
  session.line = 6;
  items.push_back(session);
  size_t progress_calls = 0;
  auto stats = (*j)->Import(items, [&](size_t, size_t) { ++progress_calls; });
  BOOST_REQUIRE(stats.ok());
  BOOST_TEST(stats->entries_added == 5u);
  BOOST_TEST(stats->sessions_added == 1u);
  BOOST_TEST(progress_calls >= 1u);
  stats = (*j)->Import(items);
  BOOST_REQUIRE(stats.ok());
  BOOST_TEST(stats->entries_added == 0u);
  BOOST_TEST(stats->entries_skipped == 5u);
  BOOST_TEST(stats->sessions_skipped == 1u);
  // One invalid item rolls back the whole batch.
  std::vector<ImportItem> bad = items;
  for (auto& it : bad) it.entry.id = NewUuid();
  bad[3].entry.intensity = 42;
  auto r = (*j)->Import(bad);
  BOOST_TEST(!r.ok());
  BOOST_TEST(r.status().message() ==
             "Line 4: the field “intensity” should be a whole number from 0 to 10.");
  BOOST_TEST((*j)->entries().size() == 5u);
  auto reopened = Journal::Open(dir.File("j.db"), "pw", Fast());
  BOOST_REQUIRE_MESSAGE(reopened.ok(), reopened.status().ToString());
  BOOST_TEST((*reopened)->entries().size() == 5u);
}

BOOST_AUTO_TEST_CASE(generic_records) {
  TempDir dir;
  auto j = Journal::Create(dir.File("j.db"), "pw", Fast());
  BOOST_REQUIRE(j.ok());
  BOOST_REQUIRE((*j)->PutRecord(Table::kSettings, "region", "{\"region\":\"uk\"}").ok());
  BOOST_TEST((*j)->GetRecord(Table::kSettings, "region").value().str() == "{\"region\":\"uk\"}");
  BOOST_TEST((*j)->ListRecordIds(Table::kSettings).value().size() == 1u);
  BOOST_TEST((*j)->GetRecord(Table::kLinks, "region").status().IsNotFound());
  BOOST_REQUIRE((*j)->DeleteRecord(Table::kSettings, "region").ok());
  BOOST_TEST((*j)->DeleteRecord(Table::kSettings, "region").IsNotFound());
  BOOST_TEST(!(*j)->PutRecord(Table::kSettings, "", "x").ok());
}

BOOST_AUTO_TEST_CASE(second_writer_gets_busy_not_corruption) {
  TempDir dir;
  std::string path = dir.File("j.db");
  JournalOptions quick = Fast();
  quick.busy_timeout_ms = 100;
  auto j = Journal::Create(path, "pw", quick);
  BOOST_REQUIRE(j.ok());
  sqlite3* other = nullptr;
  sqlite3_open(path.c_str(), &other);
  BOOST_REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  auto r = (*j)->AddEntry(Spike("waits"));
  BOOST_TEST(r.status().IsBusy());
  BOOST_TEST((*j)->entries().empty());
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  BOOST_REQUIRE((*j)->AddEntry(Spike("now")).ok());
  BOOST_TEST((*j)->Check().ok());
}

BOOST_AUTO_TEST_CASE(an_edit_moves_the_entry_and_search_sees_only_its_new_words) {
  TempDir dir;
  auto j = Journal::Create(dir.File("j.db"), "pw", Fast());
  BOOST_REQUIRE(j.ok());
  const std::string a = (*j)->AddEntry(Spike("lighthouse", "2026-11-01T10:00:00+01:00")).value();
  const std::string b = (*j)->AddEntry(Spike("harbour", "2026-11-02T10:00:00+01:00")).value();
  const std::string c = (*j)->AddEntry(Spike("meadow", "2026-11-03T10:00:00+01:00")).value();
  Entry e = (*j)->GetEntry(a).value();
  e.written_at = ParseTimestamp("2026-11-04T10:00:00+01:00").value();  // now the newest
  e.thought = "Ötztal";
  BOOST_REQUIRE((*j)->UpdateEntry(e).ok());
  const auto& entries = (*j)->entries();
  BOOST_REQUIRE_EQUAL(entries.size(), 3u);
  BOOST_TEST(entries[0].id == a);  // newest first
  BOOST_TEST(entries[1].id == c);
  BOOST_TEST(entries[2].id == b);
  BOOST_TEST((*j)->Search("lighthouse").empty());
  BOOST_REQUIRE_EQUAL((*j)->Search("otztal").size(), 1u);
  BOOST_TEST((*j)->Search("otztal")[0]->id == a);
  BOOST_REQUIRE_EQUAL((*j)->Search("harbour").size(), 1u);
  BOOST_TEST((*j)->Search("harbour")[0]->id == b);
  BOOST_TEST((*j)->Search("meadow")[0]->id == c);
}

BOOST_AUTO_TEST_CASE(an_encrypted_backup_opens_with_the_passphrase_and_restores) {
  TempDir dir;
  const std::string path = dir.File("journal.db");
  const std::string backup = dir.File("backup.fieldnotes");
  std::string first_id;
  {
    auto j = Journal::Create(path, "correct horse", Fast()).value();
    first_id = j->AddEntry(Spike("the first thought")).value();
    BOOST_REQUIRE(j->Backup(backup).ok());
    // Nothing is overwritten.
    BOOST_TEST(j->Backup(backup).status().code() == Status::Code::kAlreadyExists);
    BOOST_REQUIRE(j->AddEntry(Spike("a later thought")).ok());
  }
  // The owner's alone, and nothing of the journal in clear.
  BOOST_TEST(((std::filesystem::status(backup).permissions() & std::filesystem::perms::all) ==
              (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write)));
  BOOST_TEST(!fieldnotes::testing::AnyFileContains(dir.path(), "the first thought"));
  BOOST_TEST(!std::filesystem::exists(backup + ".partial"));
  {
    auto copy = Journal::Open(backup, "correct horse", Fast());
    BOOST_REQUIRE(copy.ok());
    BOOST_TEST((*copy)->entries().size() == 1u);
    BOOST_TEST(Journal::Open(backup, "wrong horse", Fast()).status().code() ==
               Status::Code::kWrongPassphrase);
  }
  // A wrong passphrase restores nothing.
  std::string aside;
  BOOST_TEST(RestoreJournalFrom(backup, path, "wrong horse", Fast(), &aside).code() ==
             Status::Code::kWrongPassphrase);
  BOOST_TEST(Journal::Open(path, "correct horse", Fast()).value()->entries().size() == 2u);
  // Restored: the journal as it was backed up; the one it replaced beside it.
  BOOST_REQUIRE(RestoreJournalFrom(backup, path, "correct horse", Fast(), &aside).ok());
  BOOST_TEST(aside == path + ".before-restore");
  auto restored = Journal::Open(path, "correct horse", Fast()).value();
  BOOST_REQUIRE(restored->entries().size() == 1u);
  BOOST_TEST(restored->entries()[0].id == first_id);
  BOOST_TEST(Journal::Open(aside, "correct horse", Fast()).value()->entries().size() == 2u);
}

BOOST_AUTO_TEST_CASE(every_change_to_the_entries_takes_a_new_revision) {
  // The analysis' cache skips comparing the entries at a revision it has
  // seen (reports::JournalData::revision): every change must take a new one.
  TempDir dir;
  auto j = Journal::Create(dir.File("j.db"), "pw", Fast());
  BOOST_REQUIRE(j.ok());
  auto other = Journal::Create(dir.File("k.db"), "pw", Fast());
  BOOST_REQUIRE(other.ok());
  std::set<uint64_t> seen = {(*other)->revision()};
  auto changed = [&] { return seen.insert((*j)->revision()).second; };
  BOOST_TEST(changed());  // never another journal's
  auto id = (*j)->AddEntry(Spike("first"));
  BOOST_REQUIRE(id.ok());
  BOOST_TEST(changed());
  // Reading changes nothing.
  BOOST_TEST((*j)->Search("first").size() == 1u);
  BOOST_REQUIRE((*j)->GetEntry(*id).ok());
  BOOST_TEST(
      (*j)->AddSession(Session{"", ParseTimestamp("2026-11-02T17:00:00+01:00").value(), ""}).ok());
  BOOST_TEST(!changed());
  Entry e = (*j)->GetEntry(*id).value();
  e.thought = "edited";
  BOOST_REQUIRE((*j)->UpdateEntry(e).ok());
  BOOST_TEST(changed());
  ImportItem item;
  item.entry = Spike("imported");
  item.entry.id = NewUuid();
  item.line = 1;
  BOOST_REQUIRE((*j)->Import({item}).ok());
  BOOST_TEST(changed());
  BOOST_REQUIRE((*j)->Reload().ok());
  BOOST_TEST(changed());
  BOOST_REQUIRE((*j)->DeleteEntry(*id).ok());
  BOOST_TEST(changed());
  // A change refused leaves it.
  BOOST_TEST(!(*j)->DeleteEntry(*id).ok());
  e.intensity = 42;
  BOOST_TEST(!(*j)->UpdateEntry(e).ok());
  BOOST_TEST(!changed());
  BOOST_TEST((*j)->entries().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
