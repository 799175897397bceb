// Journal::Open with JournalOptions::load_first: the first entries are open
// when Open returns, the rest load on a worker thread. Every reader of the
// entries waits for them (no part of the journal answers as if it were the
// whole), reading while the rest loads is safe on several threads, a write
// waits, a damaged journal is refused once the rest is read, and closing
// the journal while it loads stops the worker. On real journal files.
#include <boost/test/unit_test.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "core/journal.h"
#include "core/text.h"
#include "support/temp_dir.h"

using namespace fieldnotes::core;
using fieldnotes::testing::TempDir;

namespace {

JournalOptions Fast(size_t load_first = 0) {
  JournalOptions o;
  o.kdf_log2_n = crypto::KdfParams::kMinLog2N;
  o.load_first = load_first;
  return o;
}

const char* const kWords[] = {"manager", "Sunday",  "night", "chest",  "café",  "Zoë",
                              "Łukasz",  "worried", "sleep", "walked", "again", "ёлка"};

Entry RandomEntry(std::mt19937_64& rng, int64_t day) {
  Entry e;
  e.kind = EntryKind::kNote;
  e.written_at = ParseTimestamp("2020-01-01T09:00:00Z").value();
  e.written_at.unix_seconds += day * 86400 + static_cast<int64_t>(rng() % 86400);
  const size_t n = 1 + rng() % 8;
  for (size_t i = 0; i < n; ++i) {
    if (i) e.text += ' ';
    e.text += kWords[rng() % std::size(kWords)];
  }
  return e;
}

void RawSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  BOOST_REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* err = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  BOOST_REQUIRE_MESSAGE(rc == SQLITE_OK, (err ? err : "?"));
  sqlite3_close(db);
}

// A journal of `n` entries in a shuffled order on disk (so the entries
// stored last are not all the newest), and a session.
std::string MakeJournal(const TempDir& dir, size_t n) {
  const std::string path = dir.File("j.db");
  auto j = Journal::Create(path, "pw", Fast());
  BOOST_REQUIRE(j.ok());
  std::mt19937_64 rng(11);
  std::vector<ImportItem> items;
  for (size_t i = 0; i < n; ++i) {
    ImportItem item;
    item.entry = RandomEntry(rng, static_cast<int64_t>(rng() % 2000));
    items.push_back(item);
  }
  ImportItem session;
  session.type = ImportItem::Type::kSession;
  session.session.at = ParseTimestamp("2024-05-01T10:00:00Z").value();
  items.push_back(session);
  BOOST_REQUIRE((*j)->Import(items).ok());
  return path;
}

std::vector<std::string> Ids(const std::vector<const Entry*>& v) {
  std::vector<std::string> out;
  for (const Entry* e : v) out.push_back(e->id);
  return out;
}

std::vector<std::string> AllIds(const Journal& j) {
  std::vector<std::string> out;
  for (const Entry& e : j.entries()) out.push_back(e.id);
  return out;
}

const std::vector<std::string> kQueries = {"manager", "sunday night", "cafe", "zoe",
                                           "ELKA",    "a",            "qqq",  "worried sleep"};

}  // namespace

BOOST_AUTO_TEST_SUITE(journal_loading)

BOOST_AUTO_TEST_CASE(reading_while_the_rest_loads_gives_the_whole_journal) {
  TempDir dir;
  const std::string path = MakeJournal(dir, 6000);  // past one batch, so the workers run
  std::vector<std::string> want_all;
  std::vector<std::vector<std::string>> want;
  {
    auto full = Journal::Open(path, "pw", Fast());
    BOOST_REQUIRE(full.ok());
    want_all = AllIds(**full);
    for (const std::string& q : kQueries) want.push_back(Ids((*full)->Search(q)));
  }
  BOOST_REQUIRE_EQUAL(want_all.size(), 6000u);
  for (int round = 0; round < 3; ++round) {
    auto j = Journal::Open(path, "pw", Fast(100));
    BOOST_REQUIRE(j.ok());
    // Sessions and threads are there at once.
    BOOST_TEST((*j)->sessions().size() == 1u);
    // Two threads read at once while the rest may still be loading: each
    // waits for it and sees the whole journal.
    std::vector<std::vector<std::string>> got_a(kQueries.size()), got_b(kQueries.size());
    std::vector<std::string> all_b;
    std::thread other([&] {
      for (size_t k = kQueries.size(); k-- > 0;) got_b[k] = Ids((*j)->Search(kQueries[k]));
      all_b = AllIds(**j);
    });
    for (size_t k = 0; k < kQueries.size(); ++k) got_a[k] = Ids((*j)->Search(kQueries[k]));
    other.join();
    BOOST_TEST(!(*j)->StillLoading());
    BOOST_TEST((*j)->WaitLoaded().ok());
    BOOST_TEST(AllIds(**j) == want_all, boost::test_tools::per_element());
    BOOST_TEST(all_b == want_all, boost::test_tools::per_element());
    for (size_t k = 0; k < kQueries.size(); ++k) {
      BOOST_TEST_INFO("query " << kQueries[k]);
      BOOST_TEST(got_a[k] == want[k], boost::test_tools::per_element());
      BOOST_TEST(got_b[k] == want[k], boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(a_write_right_after_open_waits_for_the_rest_and_is_kept) {
  TempDir dir;
  const std::string path = MakeJournal(dir, 3000);
  std::mt19937_64 rng(5);
  std::string added;
  {
    auto j = Journal::Open(path, "pw", Fast(50));
    BOOST_REQUIRE(j.ok());
    auto id = (*j)->AddEntry(RandomEntry(rng, 3000));  // the newest
    BOOST_REQUIRE(id.ok());
    added = *id;
    BOOST_TEST((*j)->entries().size() == 3001u);
    BOOST_TEST((*j)->entries().front().id == added);
    auto other = (*j)->GetEntry(AllIds(**j).back());
    BOOST_REQUIRE(other.ok());
    BOOST_TEST((*j)->DeleteEntry(other->id).ok());
    BOOST_TEST((*j)->entries().size() == 3000u);
  }
  auto again = Journal::Open(path, "pw", Fast());
  BOOST_REQUIRE(again.ok());  // the record index holds: nothing written in the read snapshot
  BOOST_TEST((*again)->entries().size() == 3000u);
  BOOST_TEST((*again)->GetEntry(added).ok());
}

BOOST_AUTO_TEST_CASE(a_deleted_record_is_refused_once_the_rest_is_read) {
  TempDir dir;
  const std::string path = MakeJournal(dir, 3000);
  std::string oldest_stored;
  {
    // The first entry stored: loaded on the worker, not before Open returns.
    sqlite3* db = nullptr;
    BOOST_REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    BOOST_REQUIRE(sqlite3_prepare_v2(db, "SELECT id FROM entries ORDER BY rowid LIMIT 1", -1, &st,
                                     nullptr) == SQLITE_OK);
    BOOST_REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    oldest_stored = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(db);
  }
  RawSql(path, "DELETE FROM entries WHERE id = '" + oldest_stored + "'");
  BOOST_TEST(Journal::Open(path, "pw", Fast()).status().code() == Status::Code::kCorruption);
  auto j = Journal::Open(path, "pw", Fast(100));
  BOOST_REQUIRE(j.ok());  // the first screen opened; the check comes with the rest
  const Status loaded = (*j)->WaitLoaded();
  BOOST_TEST(loaded.code() == Status::Code::kCorruption);
  BOOST_TEST(loaded.message().find("not as it was last saved") != std::string::npos);
  // Nothing half loaded answers as if it were the journal, and nothing is written.
  BOOST_TEST((*j)->entries().empty());
  BOOST_TEST((*j)->Search("manager").empty());
  std::mt19937_64 rng(3);
  BOOST_TEST((*j)->AddEntry(RandomEntry(rng, 1)).status().code() == Status::Code::kCorruption);
  BOOST_TEST((*j)->PutRecord(Table::kSettings, "x", "y").code() == Status::Code::kCorruption);
}

BOOST_AUTO_TEST_CASE(closing_the_journal_while_the_rest_loads_stops_the_worker) {
  TempDir dir;
  const std::string path = MakeJournal(dir, 6000);
  for (int i = 0; i < 5; ++i) {
    auto j = Journal::Open(path, "pw", Fast(10));
    BOOST_REQUIRE(j.ok());
    j->reset();  // at once, mid-load
  }
  auto j = Journal::Open(path, "pw", Fast());
  BOOST_REQUIRE(j.ok());
  BOOST_TEST((*j)->entries().size() == 6000u);
  // A write after a closed load: the read transaction was ended.
  std::mt19937_64 rng(9);
  BOOST_TEST((*j)->AddEntry(RandomEntry(rng, 5)).ok());
}

BOOST_AUTO_TEST_SUITE_END()
