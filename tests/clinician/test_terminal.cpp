// On a terminal: the passphrase and the password are asked without echo
// and never shown.
#include <boost/test/unit_test.hpp>

#include "clinician_fixture.h"

namespace fieldnotes::testing {
namespace {

BOOST_FIXTURE_TEST_SUITE(terminal, ClinicianFixture)

BOOST_AUTO_TEST_CASE(prompts_without_echo) {
  ProcessOptions options;
  options.env["FIELDNOTES_PASSPHRASE"] = kUnset;
  options.env["FIELDNOTES_PASSWORD"] = kUnset;
  options.env["HOME"] = dir().File("home");
  const std::string passphrase = "typed passphrase 1234";
  ProcessResult init =
      RunInTerminal(FIELDNOTES_CLINICIAN_BIN, {"--keys", keys(), "init", "--kdf-cost", "15"},
                    {"New passphrase for your key file: ", "Once more, to be sure: "},
                    {passphrase, passphrase}, options);
  BOOST_TEST(init.exit_code == 0, init.out);
  BOOST_TEST(init.out.find(passphrase) == std::string::npos);

  ProcessResult mismatch = RunInTerminal(
      FIELDNOTES_CLINICIAN_BIN, {"--keys", dir().File("other-keys"), "init", "--kdf-cost", "15"},
      {"New passphrase for your key file: ", "Once more, to be sure: "}, {"one thing", "another"},
      options);
  BOOST_TEST(mismatch.exit_code == 2, mismatch.out);

  // The global --ca-file before the command counts for login too.
  ProcessResult login = RunInTerminal(
      FIELDNOTES_CLINICIAN_BIN,
      {"--keys", keys(), "--ca-file", ca(), "login", "--server", url(), "--email", kEmail},
      {"Passphrase of your key file: ", std::string("Password for ") + kEmail + ": "},
      {passphrase, kPassword}, options);
  BOOST_TEST(login.exit_code == 0, login.out);
  BOOST_TEST(login.out.find("Signed in") != std::string::npos, login.out);
  BOOST_TEST(login.out.find(passphrase) == std::string::npos);
  BOOST_TEST(login.out.find(kPassword) == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
