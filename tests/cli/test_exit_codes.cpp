// Exit codes (0 ok, 1 other, 2 usage, 3 wrong passphrase, 4 bad data,
// 5 busy, 6 not found) and --help on every level.
#include <sqlite3.h>

#include <boost/test/unit_test.hpp>
#include <map>
#include <memory>

#include "cli_fixture.h"

namespace fieldnotes::testing {
namespace {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using SqliteDb = std::unique_ptr<sqlite3, SqliteCloser>;

SqliteDb OpenSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  SqliteDb owned(db);
  BOOST_REQUIRE_EQUAL(rc, SQLITE_OK);
  return owned;
}

void Exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  BOOST_REQUIRE_MESSAGE(rc == SQLITE_OK, sql + ": " + message);
}

// Flips one bit in the first blob of `table`, whatever its column is called.
void FlipABitIn(sqlite3* db, const std::string& table) {
  sqlite3_stmt* raw = nullptr;
  BOOST_REQUIRE_EQUAL(sqlite3_prepare_v2(db, ("SELECT rowid, * FROM " + table + " LIMIT 1").c_str(),
                                         -1, &raw, nullptr),
                      SQLITE_OK);
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
  BOOST_REQUIRE_EQUAL(sqlite3_step(stmt.get()), SQLITE_ROW);
  int64_t rowid = sqlite3_column_int64(stmt.get(), 0);
  for (int col = 1; col < sqlite3_column_count(stmt.get()); ++col) {
    if (sqlite3_column_type(stmt.get(), col) != SQLITE_BLOB) continue;
    std::string column = sqlite3_column_name(stmt.get(), col);
    const auto* bytes = static_cast<const unsigned char*>(sqlite3_column_blob(stmt.get(), col));
    std::string blob(reinterpret_cast<const char*>(bytes),
                     static_cast<size_t>(sqlite3_column_bytes(stmt.get(), col)));
    BOOST_REQUIRE(blob.size() > 20);
    blob[blob.size() / 2] = static_cast<char>(blob[blob.size() / 2] ^ 0x01);
    stmt.reset();
    sqlite3_stmt* update_raw = nullptr;
    BOOST_REQUIRE_EQUAL(
        sqlite3_prepare_v2(db,
                           ("UPDATE " + table + " SET " + column + " = ? WHERE rowid = ?").c_str(),
                           -1, &update_raw, nullptr),
        SQLITE_OK);
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> update(update_raw, sqlite3_finalize);
    sqlite3_bind_blob(update.get(), 1, blob.data(), static_cast<int>(blob.size()),
                      SQLITE_TRANSIENT);
    sqlite3_bind_int64(update.get(), 2, rowid);
    BOOST_REQUIRE_EQUAL(sqlite3_step(update.get()), SQLITE_DONE);
    return;
  }
  BOOST_FAIL("no blob column in " + table);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(exit_codes)

BOOST_AUTO_TEST_CASE(usage_errors_exit_2) {
  CliFixture f;
  f.Init();
  const std::vector<std::vector<std::string>> wrong = {
      {},
      {"frobnicate"},
      {"--no-such-option", "list"},
      {"list", "--no-such-option"},
      {"add"},
      {"add", "poem"},
      {"add", "spike", "--intensity", "11"},
      {"add", "spike", "--intensity", "seven"},
      {"add", "note", "--at", "yesterday"},
      {"add", "note", "--at"},
      {"add", "note", "--at", "2026-11-03T21:40:00Z", "--at", "2026-11-04T21:40:00Z"},
      {"list", "--from", "2026-02-30"},
      {"list", "--kind", "poem"},
      {"list", "--json=yes"},
      {"show"},
      {"edit", "12345678"},
      {"search"},
      {"session"},
      {"session", "remove"},
      {"import"},
      {"export", "--format", "pdf"},
      {"init", "--kdf-cost", "10"},
  };
  for (const auto& args : wrong) {
    std::string shown;
    for (const auto& a : args) shown += a + " ";
    BOOST_TEST_CONTEXT(shown) {
      ProcessResult r = f.Cli(args);
      BOOST_TEST(r.exit_code == 2);
      BOOST_TEST(r.err.rfind("fieldnotes-cli: ", 0) == 0u, r.err);
      BOOST_TEST(r.out.empty());
    }
  }
  BOOST_TEST(f.EntryCount() == 0u);
}

BOOST_AUTO_TEST_CASE(wrong_passphrase_exits_3_with_one_generic_message) {
  CliFixture f;
  f.Init();
  const std::string canary = "canary-wrong-pass-5e1b9";
  f.Add({"note", "--text", canary});
  ProcessOptions wrong;
  wrong.env["FIELDNOTES_PASSPHRASE"] = "not the passphrase";
  std::string first_message;
  for (const auto& command : std::vector<std::vector<std::string>>{
           {"list"}, {"search", "canary"}, {"export"}, {"add", "note"}, {"check"}}) {
    ProcessResult r = f.Cli(command, wrong);
    BOOST_TEST(r.exit_code == 3);
    BOOST_TEST(r.out.empty());
    BOOST_TEST(r.err.find(canary) == std::string::npos);
    BOOST_TEST(r.err.find("not the passphrase") == std::string::npos);
    BOOST_TEST(r.err.find(kPassphrase) == std::string::npos);
    if (first_message.empty()) first_message = r.err;
    BOOST_TEST(r.err == first_message);
  }
  BOOST_TEST(f.EntryCount() == 1u);
}

BOOST_AUTO_TEST_CASE(not_found_exits_6) {
  CliFixture f;
  ProcessResult no_journal = f.Cli({"list"});
  BOOST_TEST(no_journal.exit_code == 6);
  BOOST_TEST(no_journal.err.find("init") != std::string::npos);
  f.Init();
  const std::string missing = "00000000-0000-4000-8000-000000000000";
  BOOST_TEST(f.Cli({"show", missing}).exit_code == 6);
  BOOST_TEST(f.Cli({"edit", missing, "--text", "x"}).exit_code == 6);
  BOOST_TEST(f.Cli({"delete", missing}).exit_code == 6);
  BOOST_TEST(f.Cli({"import", (f.dir() / "no-such-file.jsonl").string()}).exit_code == 6);
}

BOOST_AUTO_TEST_CASE(bad_data_exits_4) {
  CliFixture f;
  f.Init();
  // A value too large for a field: refused, and the message names the field
  // but never repeats its content.
  std::string huge = "canary-huge-c41d" + std::string(70 * 1024, 'x');
  ProcessResult r = f.Cli({"add", "note", "--text", huge});
  BOOST_TEST(r.exit_code == 4);
  BOOST_TEST(r.err.find("canary-huge") == std::string::npos);
  BOOST_TEST(r.err.find("text") != std::string::npos);

  // A damaged record: `check` says so and exits 4.
  f.Add({"note", "--text", "one"});
  BOOST_TEST(f.Cli({"check"}).exit_code == 0);
  {
    SqliteDb db = OpenSqlite(f.journal());
    FlipABitIn(db.get(), "entries");
  }
  ProcessResult check = f.Cli({"check"});
  BOOST_TEST(check.exit_code == 4, check.out + check.err);
  BOOST_TEST(check.err.find("damaged") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_deleted_entry_is_noticed_by_check_and_export_refuses) {
  CliFixture f;
  f.Init();
  f.Add({"note", "--text", "canary-kept-91f2"});
  const std::string id = f.Add({"note", "--text", "canary-deleted-5e0a"});
  {
    SqliteDb db = OpenSqlite(f.journal());
    Exec(db.get(), ("DELETE FROM entries WHERE id = '" + id + "'").c_str());
  }
  ProcessResult check = f.Cli({"check"});
  BOOST_TEST(check.exit_code == 4, check.out + check.err);
  BOOST_TEST(check.out.find("entries: 1 record is missing") != std::string::npos, check.out);
  // Export opens the journal normally: it refuses rather than leave it out.
  ProcessResult exported = f.Cli({"export"});
  BOOST_TEST(exported.exit_code != 0);
  BOOST_TEST(exported.out.find("canary-kept") == std::string::npos);
  BOOST_TEST(exported.err.find("not as it was last saved") != std::string::npos, exported.err);
  BOOST_TEST(exported.err.find("canary") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(busy_journal_exits_5_and_changes_nothing) {
  CliFixture f;
  f.Init();
  f.Add({"note", "--text", "first"});
  ProcessOptions quick;
  quick.env["FIELDNOTES_BUSY_TIMEOUT_MS"] = "200";
  {
    SqliteDb db = OpenSqlite(f.journal());
    Exec(db.get(), "BEGIN IMMEDIATE");
    ProcessResult r = f.Cli({"add", "note", "--text", "second"}, quick);
    BOOST_TEST(r.exit_code == 5, r.err);
    BOOST_TEST(r.err.find("busy") != std::string::npos);
    Exec(db.get(), "ROLLBACK");
  }
  BOOST_TEST(f.Cli({"add", "note", "--text", "third"}, quick).exit_code == 0);
  BOOST_TEST(f.EntryCount() == 2u);
  ProcessOptions nonsense;
  nonsense.env["FIELDNOTES_BUSY_TIMEOUT_MS"] = "soon";
  BOOST_TEST(f.Cli({"list"}, nonsense).exit_code == 2);
}

BOOST_AUTO_TEST_CASE(help_on_every_level) {
  CliFixture f;
  // Every command's help, and the options it must mention.
  const std::map<std::string, std::vector<std::string>> commands = {
      {"init", {"--kdf-cost"}},
      {"add",
       {"--at", "--emotion", "--intensity", "--before", "--body", "--thought", "--unsaid", "--text",
        "--thread", "--tag", "--mood-before", "--mood-after", "spike", "loop", "anxiety"}},
      {"list", {"--from", "--to", "--kind", "--json"}},
      {"show", {"--json"}},
      {"edit", {"--at", "--emotion", "--intensity", "--text", "--tag", "--mood-after"}},
      {"delete", {"ID"}},
      {"search", {"--json", "accents"}},
      {"session add", {"--at", "--note"}},
      {"session list", {"--json"}},
      {"import", {"FILE", "-"}},
      {"export", {"--format", "jsonl", "markdown", "--out"}},
      {"summary", {"--json"}},
      {"passwd", {"--kdf-cost", "FIELDNOTES_NEW_PASSPHRASE", "--new-passphrase-file"}},
      {"check", {"4"}},
  };
  for (const auto& [command, options] : commands) {
    for (const char* flag : {"--help", "-h"}) {
      std::vector<std::string> args;
      if (command.rfind("session ", 0) == 0) {
        args = {"session", command.substr(8), flag};
      } else {
        args = {command, flag};
      }
      BOOST_TEST_CONTEXT(command << " " << flag) {
        ProcessResult r = f.Cli(args);
        BOOST_TEST(r.exit_code == 0);
        BOOST_TEST(r.out.find("Usage: fieldnotes-cli " + command) != std::string::npos);
        BOOST_TEST(r.out.find("--journal") != std::string::npos);
        for (const auto& option : options) {
          BOOST_TEST(r.out.find(option) != std::string::npos, option);
        }
      }
    }
  }
  ProcessResult top = f.CliNoJournal({"--help"});
  BOOST_TEST(top.exit_code == 0);
  for (const auto& [command, options] : commands) {
    BOOST_TEST(top.out.find("  " + command + " ") != std::string::npos, command);
  }
  for (const char* code : {"  2  ", "  3  ", "  4  ", "  5  ", "  6  "}) {
    BOOST_TEST(top.out.find(code) != std::string::npos);
  }
  BOOST_TEST(f.CliNoJournal({"-h"}).out == top.out);
  ProcessResult session = f.CliNoJournal({"session", "--help"});
  BOOST_TEST(session.exit_code == 0);
  BOOST_TEST(session.out.find("session add") != std::string::npos);
  ProcessResult version = f.CliNoJournal({"--version"});
  BOOST_TEST(version.exit_code == 0);
  BOOST_TEST(version.out.rfind("fieldnotes-cli ", 0) == 0u);
  // Help never needs a journal or a passphrase.
  BOOST_TEST(!std::filesystem::exists(f.journal()));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
