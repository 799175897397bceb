// link, share, withdraw and receipts through the real binary, for what can
// be decided without a server: usage, bad addresses, an unreachable server,
// unknown reports and links. The flows against a real server are in
// tests/sync (the library) and tests/e2e (every program as a process).
#include <boost/test/unit_test.hpp>

#include "cli_fixture.h"

namespace fieldnotes::testing {

BOOST_AUTO_TEST_SUITE(share)

BOOST_AUTO_TEST_CASE(link_and_share_refuse_bad_input_with_the_documented_codes) {
  CliFixture f;
  f.Init();
  BOOST_TEST(f.Cli({"link", "--help"}).exit_code == 0);
  BOOST_TEST(f.Cli({"share", "--help"}).out.find("--expires") != std::string::npos);

  ProcessResult missing = f.Cli({"link", "--server", "https://localhost:8443"});
  BOOST_TEST(missing.exit_code == 2);
  BOOST_TEST(missing.err.find("--code") != std::string::npos);

  ProcessResult http = f.Cli({"link", "--server", "http://localhost", "--code", "ABCDE-FGHJK"});
  BOOST_TEST(http.exit_code == 4);
  BOOST_TEST(http.err.find("https://") != std::string::npos, http.err);

  // Port 1: nothing listens there.
  ProcessResult down = f.Cli({"link", "--server", "https://localhost:1", "--code", "ABCDE-FGHJK"});
  BOOST_TEST(down.exit_code == 7, down.err);
  BOOST_TEST(down.err.find("Cannot reach https://localhost:1") != std::string::npos, down.err);

  ProcessResult ca = f.Cli({"link", "--server", "https://localhost:1", "--code", "ABCDE-FGHJK",
                            "--ca-file", (f.dir() / "missing.pem").string()});
  BOOST_TEST(ca.exit_code == 4, ca.err);

  BOOST_TEST(f.Cli({"link", "verify", "abc", "--yes"}).exit_code == 4);
  BOOST_TEST(f.Cli({"link", "verify", "abcdef", "--yes"}).exit_code == 6);
  BOOST_TEST(f.Cli({"link", "remove"}).exit_code == 2);

  BOOST_TEST(f.Cli({"share", "deadbeef", "--with", "abcd", "--yes"}).exit_code == 6);
  BOOST_TEST(f.Cli({"share", "deadbeef", "--yes"}).exit_code == 2);
  for (const char* expires : {"0d", "366d", "30", "d", "-1d", "1w", "99999999999999h"}) {
    ProcessResult r = f.Cli({"share", "deadbeef", "--with", "abcd", "--expires", expires});
    BOOST_TEST(r.exit_code == 2, expires << ": " << r.err);
  }
  BOOST_TEST(f.Cli({"withdraw", "deadbeef"}).exit_code == 6);
  BOOST_TEST(f.Cli({"withdraw"}).exit_code == 2);
}

BOOST_AUTO_TEST_CASE(with_nothing_linked_the_lists_say_what_to_do) {
  CliFixture f;
  f.Init();
  ProcessResult links = f.Cli({"link", "list"});
  BOOST_TEST(links.exit_code == 0);
  BOOST_TEST(links.out.find("invite code") != std::string::npos);
  BOOST_TEST(f.Cli({"link", "list", "--json"}).out == "[]\n");
  ProcessResult receipts = f.Cli({"receipts"});
  BOOST_TEST(receipts.exit_code == 0);
  BOOST_TEST(receipts.out.find("not shared") != std::string::npos);
  BOOST_TEST(f.Cli({"receipts", "--json"}).out == "[]\n");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
