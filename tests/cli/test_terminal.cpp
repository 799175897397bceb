// On a terminal the passphrase is asked for, without echo; a new one is
// asked for twice.
#include <boost/test/unit_test.hpp>
#include <filesystem>

#include "cli_fixture.h"

namespace fieldnotes::testing {
namespace {

const std::string kTyped = "typed at the terminal, ünïcode";
const std::string kNew = "a newer passphrase";

}  // namespace

BOOST_AUTO_TEST_SUITE(terminal)

BOOST_AUTO_TEST_CASE(init_asks_twice_and_never_echoes) {
  CliFixture f;
  ProcessResult r =
      f.CliInTerminal({"init", "--kdf-cost", "15"},
                      {"Choose a passphrase: ", "Once more, to be sure: "}, {kTyped, kTyped});
  BOOST_TEST(r.exit_code == 0, r.out);
  BOOST_TEST(r.out.find(kTyped) == std::string::npos);

  ProcessResult list =
      f.CliInTerminal({"add", "note", "--text", "hello"}, {"Passphrase: "}, {kTyped});
  BOOST_TEST(list.exit_code == 0, list.out);
  BOOST_TEST(list.out.find(kTyped) == std::string::npos);

  ProcessResult wrong = f.CliInTerminal({"list"}, {"Passphrase: "}, {"not it"});
  BOOST_TEST(wrong.exit_code == 3, wrong.out);
}

BOOST_AUTO_TEST_CASE(init_refuses_two_different_answers) {
  CliFixture f;
  ProcessResult r =
      f.CliInTerminal({"init", "--kdf-cost", "15"},
                      {"Choose a passphrase: ", "Once more, to be sure: "}, {kTyped, kTyped + "x"});
  BOOST_TEST(r.exit_code == 2, r.out);
  BOOST_TEST(r.out.find("not the same") != std::string::npos);
  BOOST_TEST(!std::filesystem::exists(f.journal()));
}

BOOST_AUTO_TEST_CASE(passwd_asks_for_the_current_then_the_new_twice) {
  CliFixture f;
  f.Init();
  ProcessResult r =
      f.CliInTerminal({"passwd", "--kdf-cost", "15"},
                      {"Current passphrase: ", "New passphrase: ", "Once more, to be sure: "},
                      {kPassphrase, kNew, kNew});
  BOOST_TEST(r.exit_code == 0, r.out);
  BOOST_TEST(f.CliInTerminal({"list"}, {"Passphrase: "}, {kNew}).exit_code == 0);
  BOOST_TEST(f.CliInTerminal({"list"}, {"Passphrase: "}, {kPassphrase}).exit_code == 3);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
