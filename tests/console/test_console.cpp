// The command-line pieces both CLIs share: the parser's answers to good and
// bad command lines, the exit codes, and where a secret comes from.
#define BOOST_TEST_MODULE console
#include <stdlib.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "console/args.h"
#include "console/cli_status.h"
#include "console/command_list.h"
#include "console/secret_prompt.h"

namespace fieldnotes::console {
namespace {

constexpr OptionSpec kSpecs[] = {{"--at", true}, {"--tag", true, true}, {"--json"}, {"--help"}};
constexpr OptionSpec kGlobal[] = {{"--journal", true}};

CliResult<Args> Parse(std::vector<std::string> argv, bool stop = false) {
  return ParseArgs(argv, kSpecs, kGlobal, stop);
}

std::string UsageMessage(std::vector<std::string> argv) {
  auto args = Parse(std::move(argv));
  BOOST_REQUIRE(!args.ok());
  BOOST_REQUIRE(args.status().usage());
  BOOST_CHECK(ExitCodeFor(args.status()) == ExitCode::kUsage);
  return args.status().status().message();
}

BOOST_AUTO_TEST_CASE(parses_values_flags_repeats_and_positionals) {
  auto args = Parse({"one", "--at=2026-11-24", "--tag", "a", "--tag=b", "--json", "--journal",
                     "j.db", "-", "--", "--not-an-option"});
  BOOST_REQUIRE(args.ok());
  BOOST_TEST(args->Value("--at").value() == "2026-11-24");
  BOOST_TEST(args->Values("--tag") == (std::vector<std::string>{"a", "b"}),
             boost::test_tools::per_element());
  BOOST_TEST(args->Has("--json"));
  BOOST_TEST(args->Value("--journal").value() == "j.db");
  BOOST_TEST(args->positionals() == (std::vector<std::string>{"one", "-", "--not-an-option"}),
             boost::test_tools::per_element());
  BOOST_TEST(!args->Value("--missing").has_value());
  BOOST_TEST(args->Values("--missing").empty());
}

BOOST_AUTO_TEST_CASE(stops_at_the_first_positional_when_asked) {
  auto args = Parse({"--journal", "j.db", "add", "--at", "x"}, /*stop=*/true);
  BOOST_REQUIRE(args.ok());
  BOOST_TEST(args->rest() == (std::vector<std::string>{"add", "--at", "x"}),
             boost::test_tools::per_element());
  BOOST_TEST(!args->Has("--at"));
}

BOOST_AUTO_TEST_CASE(bad_command_lines_are_usage_errors_that_name_the_option) {
  BOOST_TEST(UsageMessage({"--nope"}) == "unknown option '--nope'.");
  BOOST_TEST(UsageMessage({"--at"}) == "option '--at' needs a value.");
  BOOST_TEST(UsageMessage({"--json=yes"}) == "option '--json' does not take a value.");
  BOOST_TEST(UsageMessage({"--at", "1", "--at", "2"}) == "option '--at' was given more than once.");
}

BOOST_AUTO_TEST_CASE(an_argument_that_could_be_writing_is_never_echoed) {
  // A passphrase or a sentence typed where an option was expected.
  const std::string secret = "--MySecret Passphrase!";
  const std::string message = UsageMessage({secret});
  BOOST_TEST(message.find("MySecret") == std::string::npos);
  BOOST_TEST(message == "unknown option.");
  BOOST_TEST(!ShownName(std::string(50, 'a')).has_value());
  BOOST_TEST(ShownName("report").value_or("") == "report");
  BOOST_TEST(!ShownName("").has_value());
}

BOOST_AUTO_TEST_CASE(help_is_found_before_the_end_of_options) {
  BOOST_TEST(AsksForHelp(std::vector<std::string>{"add", "-h"}));
  BOOST_TEST(AsksForHelp(std::vector<std::string>{"--help"}));
  BOOST_TEST(!AsksForHelp(std::vector<std::string>{"--", "--help"}));
  auto args = Parse({"-h"});
  BOOST_REQUIRE(args.ok());
  BOOST_TEST(args->Has("--help"));
}

BOOST_AUTO_TEST_CASE(integers_are_whole_and_in_range) {
  BOOST_TEST(ParseInt("7", 0, 10).value() == 7);
  BOOST_TEST(!ParseInt("", 0, 10).has_value());
  BOOST_TEST(!ParseInt("7x", 0, 10).has_value());
  BOOST_TEST(!ParseInt(" 7", 0, 10).has_value());
  BOOST_TEST(!ParseInt("11", 0, 10).has_value());
  BOOST_TEST(!ParseInt("-1", 0, 10).has_value());
  BOOST_TEST(!ParseInt("99999999999999999999", 0, 10).has_value());
}

BOOST_AUTO_TEST_CASE(every_status_has_its_exit_code) {
  using core::Status;
  BOOST_TEST(static_cast<int>(ExitCodeFor(CliStatus::Ok())) == 0);
  BOOST_TEST(static_cast<int>(ExitCodeFor(Status::IoError("x"))) == 1);
  BOOST_TEST(static_cast<int>(ExitCodeFor(Status::WrongPassphrase())) == 3);
  BOOST_TEST(static_cast<int>(ExitCodeFor(Status::Corruption("x"))) == 4);
  BOOST_TEST(static_cast<int>(ExitCodeFor(Status::InvalidArgument("x"))) == 4);
  BOOST_TEST(static_cast<int>(ExitCodeFor(Status::Busy("x"))) == 5);
  BOOST_TEST(static_cast<int>(ExitCodeFor(Status::NotFound("x"))) == 6);
  BOOST_TEST(static_cast<int>(ExitCodeFor(Status::Unavailable("x"))) == 7);
  BOOST_TEST(static_cast<int>(ExitCodeFor(Status::Unauthenticated("x"))) == 7);
  BOOST_TEST(static_cast<int>(ExitCodeFor(Status::Refused("x"))) == 8);
  BOOST_TEST(CommonMessageFor(Status::Internal("a bug")) ==
             "something went wrong inside Fieldnotes (a bug).");
}

struct TestCommand {
  std::string_view name;
  std::string_view summary;
};

BOOST_AUTO_TEST_CASE(commands_are_found_by_their_whole_name_and_listed_in_order) {
  constexpr TestCommand kCommands[] = {{"add", "write an entry"},
                                       {"session add", "note a session"},
                                       {"a-very-long-command-name", "still listed whole"}};
  const std::span<const TestCommand> commands(kCommands);
  BOOST_TEST(FindCommandIn(commands, "session add") == &kCommands[1]);
  BOOST_TEST(FindCommandIn(commands, "session") == nullptr);
  BOOST_TEST(FindCommandIn(commands, "") == nullptr);
  BOOST_TEST(ListCommands(commands) ==
             "  add             write an entry\n"
             "  session add     note a session\n"
             "  a-very-long-command-name  still listed whole\n");
}

struct SecretFixture {
  SecretFixture() {
    dir = std::filesystem::temp_directory_path() /
          ("fieldnotes-console-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    unsetenv("FIELDNOTES_TEST_SECRET");
    source.env_var = "FIELDNOTES_TEST_SECRET";
  }
  ~SecretFixture() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    unsetenv("FIELDNOTES_TEST_SECRET");
  }
  std::filesystem::path Write(const std::string& name, const std::string& bytes) {
    auto path = dir / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::filesystem::path dir;
  SecretSource source;
};

BOOST_FIXTURE_TEST_CASE(a_secret_comes_from_the_variable_first_then_the_file, SecretFixture) {
  source.file = Write("pass", "from the file\r\nsecond line\n").string();
  auto from_file = ReadSecret(source);
  BOOST_REQUIRE(from_file.ok());
  BOOST_TEST(from_file->str() == "from the file");
  setenv("FIELDNOTES_TEST_SECRET", "from the variable", 1);
  auto from_env = ReadSecret(source);
  BOOST_REQUIRE(from_env.ok());
  BOOST_TEST(from_env->str() == "from the variable");
}

BOOST_FIXTURE_TEST_CASE(empty_or_missing_secrets_are_refused_without_echo, SecretFixture) {
  setenv("FIELDNOTES_TEST_SECRET", "", 1);
  auto empty_env = ReadSecret(source);
  BOOST_REQUIRE(!empty_env.ok());
  BOOST_TEST(empty_env.status().usage());
  unsetenv("FIELDNOTES_TEST_SECRET");

  source.file = Write("empty", "\n").string();
  auto empty_file = ReadSecret(source);
  BOOST_REQUIRE(!empty_file.ok());
  BOOST_TEST(empty_file.status().usage());

  source.file = (dir / "no such file").string();
  auto missing = ReadSecret(source);
  BOOST_REQUIRE(!missing.ok());
  BOOST_TEST(missing.status().status().code() == core::Status::Code::kIoError);
  BOOST_TEST(missing.status().status().message().find("--passphrase-file") != std::string::npos);

  // A file that is a folder, not a secret.
  source.file = dir.string();
  BOOST_TEST(!ReadSecret(source).ok());
}

}  // namespace
}  // namespace fieldnotes::console
