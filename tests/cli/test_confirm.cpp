// The command line's yes/no questions ("Is this exactly the number on your
// therapist's screen? [y/N]") take the language's own yes: "j" or "ja" in
// German, "y" or "yes" in English (rpmatch(3), the locale's LC_MESSAGES);
// anything else is no. Asked on the terminal (/dev/tty), so the real
// fieldnotes-cli runs on a pseudo-terminal and the answer is typed there.
//
// The question comes from `link verify` on a link written straight into the
// journal, whose server is on port 1 where nothing listens: "no" ends
// there (exit 0, nothing verified), "yes" goes on to ask the server, which
// cannot be reached (exit 7, docs/cli.md). The exit code tells which
// answer was understood, in any language.
#include <boost/test/unit_test.hpp>

#include <string>

#include "cli_fixture.h"
#include "core/journal.h"
#include "core/json.h"

namespace fieldnotes::testing {
namespace {

constexpr char kLinkId[] = "0123456789abcdef0123456789abcdef";
constexpr int kUnreachable = 7;

// A therapist link as the sync library stores it (sync/sharing.cpp,
// format 1), with keys that are 32 bytes each and a server nobody answers.
void WriteLink(const CliFixture& f) {
  auto journal = core::Journal::Open(f.journal(), kPassphrase);
  BOOST_REQUIRE_MESSAGE(journal.ok(), journal.status().ToString());
  core::json::Object o;
  o.Set("format", int64_t{1});
  o.Set("id", std::string(kLinkId));
  o.Set("server_url", std::string("https://127.0.0.1:1"));
  o.Set("ca_file", std::string());
  o.Set("device_credential", std::string(64, 'c'));
  o.Set("label", std::string("Dr Lee"));
  o.Set("linked_at", int64_t{1764000000});
  o.Set("clinician_x25519", std::string(64, 'a'));
  o.Set("clinician_ed25519", std::string(64, 'b'));
  o.Set("keys_version", int64_t{1});
  o.Set("verified_x25519", std::string());
  o.Set("verified_ed25519", std::string());
  o.Set("verified_at", int64_t{0});
  const std::string record = core::json::Write(core::json::Value(std::move(o)));
  BOOST_REQUIRE((*journal)->PutRecord(core::Table::kLinks, kLinkId, record).ok());
}

ProcessOptions In(const std::string& locale, const CliFixture& f) {
  ProcessOptions options;
  options.env["FIELDNOTES_PASSPHRASE"] = kPassphrase;
  options.env["FIELDNOTES_NEW_PASSPHRASE"] = kUnset;
  options.env["HOME"] = (f.dir() / "home").string();
  options.env["XDG_DATA_HOME"] = (f.dir() / "xdg").string();
  // The test catalog (tests/data/i18n): fixed words, whatever po/ holds.
  options.env["FIELDNOTES_LOCALEDIR"] = FIELDNOTES_BINARY_DIR "/tests/locale";
  options.env["LANG"] = locale;
  options.env["LC_ALL"] = kUnset;
  options.env["LC_MESSAGES"] = kUnset;
  options.env["LANGUAGE"] = kUnset;
  options.working_dir = f.dir().string();
  return options;
}

// `link verify` on the pseudo-terminal, answering the question with `answer`.
ProcessResult Verify(const CliFixture& f, const std::string& locale, const std::string& answer) {
  return RunInTerminal(CliPath(), {"--journal", f.journal(), "link", "verify", "01234567"}, {"] "},
                       {answer}, In(locale, f));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(confirm)

BOOST_AUTO_TEST_CASE(german_takes_j_and_ja_for_yes) {
  CliFixture f;
  f.Init();
  WriteLink(f);
  for (const char* yes : {"j", "ja", "J", "Ja"}) {
    ProcessResult r = Verify(f, "de_DE.UTF-8", yes);
    BOOST_TEST(r.out.find("[j/N]") != std::string::npos, r.out);
    BOOST_TEST(r.exit_code == kUnreachable, yes << ": " << r.out);
  }
  for (const char* no : {"n", "nein", "", "vielleicht"}) {
    ProcessResult r = Verify(f, "de_DE.UTF-8", no);
    BOOST_TEST(r.exit_code == 0, no << ": " << r.out);
  }
}

BOOST_AUTO_TEST_CASE(english_takes_y_and_yes_and_not_j) {
  CliFixture f;
  f.Init();
  WriteLink(f);
  for (const char* yes : {"y", "yes", "Y"}) {
    ProcessResult r = Verify(f, "en_US.UTF-8", yes);
    BOOST_TEST(r.out.find("[y/N]") != std::string::npos, r.out);
    BOOST_TEST(r.exit_code == kUnreachable, yes << ": " << r.out);
  }
  for (const char* no : {"n", "j", "ja", ""}) {
    ProcessResult r = Verify(f, "en_US.UTF-8", no);
    BOOST_TEST(r.exit_code == 0, no << ": " << r.out);
    BOOST_TEST(r.out.find("Not verified.") != std::string::npos, r.out);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace fieldnotes::testing
