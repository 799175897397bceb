// No plaintext on disk: a unique canary written into an entry is in none of
// the journal's files (db, -wal, -shm) nor anywhere in the test folder after
// add, edit, delete and an export to standard output.
#include <boost/test/unit_test.hpp>

#include "cli_fixture.h"

namespace fieldnotes::testing {

BOOST_AUTO_TEST_SUITE(no_plaintext_on_disk)

BOOST_AUTO_TEST_CASE(canary_never_reaches_the_disk) {
  CliFixture f;
  f.Init();
  const std::string canary = "CANARY-fieldnotes-9d41c7e0-ünï";
  const std::string second = "SECOND-canary-3b7f";
  auto check_clean = [&](const std::string& step) {
    BOOST_TEST_CONTEXT(step) {
      BOOST_TEST(!f.AnyFileContains(canary));
      BOOST_TEST(!f.AnyFileContains(second));
      BOOST_TEST(!f.AnyFileContains(kPassphrase));
    }
  };

  std::string id = f.Add({"spike", "--emotion", canary, "--thought", canary, "--tag", canary,
                          "--thread", canary, "--mood-before", "3"});
  f.Add({"note", "--text", "something else"});
  check_clean("after add");

  ProcessResult edit = f.Cli({"edit", id, "--text", second, "--unsaid", canary});
  BOOST_REQUIRE_MESSAGE(edit.exit_code == 0, edit.err);
  check_clean("after edit");

  ProcessResult exported = f.Cli({"export"});
  BOOST_REQUIRE_EQUAL(exported.exit_code, 0);
  BOOST_TEST(exported.out.find(canary) != std::string::npos);
  BOOST_TEST(exported.out.find(second) != std::string::npos);
  ProcessResult markdown = f.Cli({"export", "--format", "markdown"});
  BOOST_TEST(markdown.out.find(second) != std::string::npos);
  check_clean("after export to stdout");

  ProcessResult search = f.Cli({"search", "canary-fieldnotes"});
  BOOST_TEST(search.out.find(id.substr(0, 8)) != std::string::npos);
  check_clean("after search");

  ProcessResult del = f.Cli({"delete", id});
  BOOST_REQUIRE_MESSAGE(del.exit_code == 0, del.err);
  check_clean("after delete");
  BOOST_TEST(f.Cli({"export"}).out.find(canary) == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
