// backup: a checked copy of the journal, encrypted like it, made while
// another process writes; never over an existing file.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <thread>

#include "cli_fixture.h"

namespace fieldnotes::testing {
namespace {

namespace fs = std::filesystem;

size_t FilesIn(const fs::path& dir) {
  return static_cast<size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(backup)

BOOST_AUTO_TEST_CASE(a_backup_is_checked_encrypted_and_opens_with_the_passphrase) {
  CliFixture f;
  f.Init();
  f.Add({"note", "--text", "backup canary zebrafinch"});
  f.Add({"spike", "--emotion", "anxiety", "--intensity", "6", "--before", "a long meeting"});
  const std::string copy = (f.dir() / "copy.fieldnotes").string();
  ProcessResult r = f.Cli({"backup", "--to", copy});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  BOOST_TEST(r.out.find("Backed up your journal to " + copy) == 0, r.out);
  BOOST_TEST(r.out.find("each checked") != std::string::npos);

  struct stat st {};
  BOOST_REQUIRE(::stat(copy.c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 0777) == 0600u);
  // One file: no -wal beside it, no temporary left.
  BOOST_TEST(!fs::exists(copy + "-wal"));
  for (const auto& e : fs::directory_iterator(f.dir()))
    BOOST_TEST(e.path().filename().string().find(".backup-") == std::string::npos);
  // Encrypted: the entry's words are nowhere in it.
  BOOST_TEST(ReadFile(copy).find("zebrafinch") == std::string::npos);

  // It opens with the same passphrase and holds the same entries.
  ProcessResult check = f.CliNoJournal({"--journal", copy, "check"});
  BOOST_TEST(check.exit_code == 0, check.err);
  ProcessResult list = f.CliNoJournal({"--journal", copy, "search", "zebrafinch"});
  BOOST_TEST(list.exit_code == 0, list.err);
  BOOST_TEST(list.out.find("zebrafinch") != std::string::npos, list.out);
  ProcessOptions wrong;
  wrong.env["FIELDNOTES_PASSPHRASE"] = "not the passphrase";
  BOOST_TEST(f.CliNoJournal({"--journal", copy, "list"}, wrong).exit_code == 3);
}

BOOST_AUTO_TEST_CASE(a_backup_while_another_process_writes_is_whole) {
  CliFixture f;
  f.Init();
  f.Add({"note", "--text", "first"});
  // Boost.Test's checks are for the main thread: the writer only counts.
  int written = 0;
  std::thread writer([&] {
    for (int i = 0; i < 8; ++i)
      written += f.Cli({"add", "note", "--text", "written during the backup"}).exit_code == 0;
  });
  std::vector<std::string> copies;
  for (int i = 0; i < 4; ++i) {
    copies.push_back((f.dir() / ("copy-" + std::to_string(i))).string());
    ProcessResult r = f.Cli({"backup", "--to", copies.back()});
    BOOST_TEST(r.exit_code == 0, r.err);
  }
  writer.join();
  BOOST_TEST(written == 8);
  for (const std::string& copy : copies) {
    ProcessResult check = f.CliNoJournal({"--journal", copy, "check"});
    BOOST_TEST(check.exit_code == 0, copy << ": " << check.out << check.err);
  }
}

BOOST_AUTO_TEST_CASE(a_backup_never_replaces_a_file_and_says_so) {
  CliFixture f;
  f.Init();
  f.Add({"note", "--text", "something"});
  const std::string existing = f.WriteFile("existing", "keep me");
  const size_t before = FilesIn(f.dir());
  ProcessResult r = f.Cli({"backup", "--to", existing});
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(r.err.find("already a file at") != std::string::npos, r.err);
  BOOST_TEST(ReadFile(existing) == "keep me");
  BOOST_TEST(FilesIn(f.dir()) == before);

  // A folder that does not exist: nothing made.
  ProcessResult nowhere = f.Cli({"backup", "--to", (f.dir() / "no" / "such").string()});
  BOOST_TEST(nowhere.exit_code == 1, nowhere.err);
  BOOST_TEST(FilesIn(f.dir()) == before);
  // Usage: no --to, or an argument.
  BOOST_TEST(f.Cli({"backup"}).exit_code == 2);
  BOOST_TEST(f.Cli({"backup", "somewhere"}).exit_code == 2);
  // The wrong passphrase makes nothing.
  ProcessOptions wrong;
  wrong.env["FIELDNOTES_PASSPHRASE"] = "not the passphrase";
  BOOST_TEST(f.Cli({"backup", "--to", (f.dir() / "b").string()}, wrong).exit_code == 3);
  BOOST_TEST(!fs::exists(f.dir() / "b"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
