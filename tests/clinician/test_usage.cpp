// The command line: help on every level, usage errors, bad ids and URLs,
// the generic wrong-passphrase error, and exit codes.
#include <boost/test/unit_test.hpp>

#include "clinician_fixture.h"

namespace fieldnotes::testing {
namespace {

BOOST_FIXTURE_TEST_SUITE(usage, ClinicianFixture)

BOOST_AUTO_TEST_CASE(help_on_every_level) {
  ProcessResult overview = Clinician({"--help"});
  BOOST_TEST(overview.exit_code == 0);
  for (const char* name : {"init", "login", "keys publish", "invite", "clients", "label",
                           "safety-number", "reports", "fetch", "logout"}) {
    BOOST_TEST(overview.out.find(std::string("  ") + name) != std::string::npos, name);
    std::vector<std::string> args;
    std::string n = name;
    if (n == "keys publish") {
      args = {"keys", "publish", "--help"};
    } else {
      args = {n, "--help"};
    }
    ProcessResult help = Clinician(args);
    BOOST_TEST(help.exit_code == 0, name);
    BOOST_TEST(help.out.find("Usage: fieldnotes-clinician " + n) != std::string::npos, name);
  }
  ProcessResult keys = Clinician({"keys", "--help"});
  BOOST_TEST(keys.exit_code == 0);
  BOOST_TEST(keys.out.find("keys publish") != std::string::npos);
  BOOST_TEST(Clinician({"--version"}).out.find("fieldnotes-clinician") != std::string::npos);
  // Help needs no key file and no server.
  BOOST_TEST(Clinician({"fetch", "-h"}).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_2) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {},
           {"frobnicate"},
           {"keys"},
           {"keys", "rotate"},
           {"fetch"},
           {"fetch", "0123456789abcdef"},
           {"fetch", "not-an-id", "--out", "x.pdf"},
           {"fetch", "0123", "--out", "x.pdf"},
           {"fetch", "a", "b", "--out", "x.pdf"},
           {"login", "--server", "https://localhost"},
           {"login", "--email", kEmail},
           {"label", "abcdef01"},
           {"safety-number"},
           {"clients", "extra"},
           {"invite", "--label"},
           {"invite", "--label", ""},
           {"invite", "--label", "two\nlines"},
           {"reports", "--nope"},
           {"init", "--kdf-cost", "9"},
       }) {
    ProcessResult r = Clinician(args);
    std::string shown;
    for (const auto& a : args) shown += a + " ";
    BOOST_TEST(r.exit_code == 2, shown << ": " << r.err);
    BOOST_TEST(r.err.rfind("fieldnotes-clinician: ", 0) == 0, shown << ": " << r.err);
  }
}

BOOST_AUTO_TEST_CASE(before_init_and_before_login) {
  ProcessResult no_keys = Clinician({"reports"});
  BOOST_TEST(no_keys.exit_code == 6);
  BOOST_TEST(no_keys.err.find("fieldnotes-clinician init") != std::string::npos, no_keys.err);
  ClinicianJson({"init", "--kdf-cost", "15"});
  ProcessResult twice = Clinician({"init", "--kdf-cost", "15"});
  BOOST_TEST(twice.exit_code == 1);
  BOOST_TEST(twice.err.find("already a key file") != std::string::npos, twice.err);
  ProcessResult no_login = Clinician({"clients"});
  BOOST_TEST(no_login.exit_code == 6);
  // What is missing and what to run, in one message.
  BOOST_TEST(no_login.err.find("you have not signed in to a server yet. Run: fieldnotes-clinician "
                               "login --server URL --email EMAIL") != std::string::npos,
             no_login.err);
  ProcessResult bad_url = Clinician({"login", "--server", "http://localhost", "--email", kEmail});
  BOOST_TEST(bad_url.exit_code == 4, bad_url.err);
  BOOST_TEST(bad_url.err.find("https://") != std::string::npos, bad_url.err);
  ProcessResult bad_url2 =
      Clinician({"login", "--server", "https://localhost/v1/x", "--email", kEmail});
  BOOST_TEST(bad_url2.exit_code == 4, bad_url2.err);
  ProcessResult nobody = Clinician({"login", "--server", "https://127.0.0.1:1", "--email", kEmail});
  BOOST_TEST(nobody.exit_code == 7, nobody.err);
}

BOOST_AUTO_TEST_CASE(wrong_passphrase_and_wrong_password) {
  SetUpClinician();
  ProcessOptions wrong;
  wrong.env["FIELDNOTES_PASSPHRASE"] = "not the passphrase";
  ProcessResult r = Clinician({"reports"}, wrong);
  BOOST_TEST(r.exit_code == 3);
  BOOST_TEST(r.err ==
             "fieldnotes-clinician: that passphrase did not open the key file (or it is "
             "not a Fieldnotes key file). Nothing was changed.\n");
  // The same words for a file that is not a key file at all? No: that is
  // bad data; but an edited header is the generic error (core's contract).
  ProcessOptions no_secret;
  no_secret.env["FIELDNOTES_PASSPHRASE"] = kUnset;
  ProcessResult none = Clinician({"reports"}, no_secret);
  BOOST_TEST(none.exit_code == 2);
  BOOST_TEST(none.err.find("FIELDNOTES_PASSPHRASE") != std::string::npos, none.err);
  const std::string file = dir().File("passphrase.txt");
  WriteFile(file, std::string(kPassphrase) + "\n");
  ProcessResult from_file = Clinician({"reports", "--passphrase-file", file}, no_secret);
  BOOST_TEST(from_file.exit_code == 0, from_file.err);

  ProcessOptions bad_password;
  bad_password.env["FIELDNOTES_PASSWORD"] = "not the password at all";
  ProcessResult login =
      Clinician({"login", "--server", url(), "--email", kEmail, "--ca-file", ca()}, bad_password);
  BOOST_TEST(login.exit_code == 7);
  BOOST_TEST(login.err.find("did not accept that email and password") != std::string::npos,
             login.err);
  BOOST_TEST(login.err.find("not the password") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_ids_are_not_found) {
  SetUpClinician();
  ProcessResult report =
      Clinician({"fetch", std::string(32, 'a'), "--out", dir().File("none.pdf")});
  BOOST_TEST(report.exit_code == 6, report.err);
  ProcessResult client = Clinician({"safety-number", "abcdef0123"});
  BOOST_TEST(client.exit_code == 6, client.err);
  ProcessResult label = Clinician({"label", "Nobody", "Somebody"});
  BOOST_TEST(label.exit_code == 6, label.err);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
