#include "cli_fixture.h"

#include <stdlib.h>

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>

#include "core/journal.h"

namespace fieldnotes::testing {
namespace fs = std::filesystem;

std::string CliPath() { return FIELDNOTES_CLI; }

std::string SourcePath(const std::string& relative) {
  return std::string(FIELDNOTES_SOURCE_DIR) + "/" + relative;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

CliFixture::CliFixture() {
  std::string pattern = (fs::temp_directory_path() / "Fieldnotes-tëst-日記-XXXXXX").string();
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  BOOST_REQUIRE_MESSAGE(mkdtemp(buf.data()) != nullptr, "mkdtemp failed");
  dir_ = buf.data();
}

CliFixture::~CliFixture() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

ProcessResult CliFixture::CliNoJournal(const std::vector<std::string>& args,
                                       ProcessOptions options) const {
  options.env.try_emplace("FIELDNOTES_PASSPHRASE", kPassphrase);
  options.env.try_emplace("HOME", (dir_ / "home").string());
  options.env.try_emplace("XDG_DATA_HOME", (dir_ / "xdg").string());
  options.env.try_emplace("FIELDNOTES_NEW_PASSPHRASE", kUnset);
  if (options.working_dir.empty()) options.working_dir = dir_.string();
  return RunProcess(CliPath(), args, options);
}

ProcessResult CliFixture::Cli(const std::vector<std::string>& args, ProcessOptions options) const {
  std::vector<std::string> all = {"--journal", journal()};
  all.insert(all.end(), args.begin(), args.end());
  return CliNoJournal(all, std::move(options));
}

ProcessResult CliFixture::CliInTerminal(const std::vector<std::string>& args,
                                        const std::vector<std::string>& prompts,
                                        const std::vector<std::string>& answers) const {
  ProcessOptions options;
  options.env["FIELDNOTES_PASSPHRASE"] = kUnset;
  options.env["FIELDNOTES_NEW_PASSPHRASE"] = kUnset;
  options.env["HOME"] = (dir_ / "home").string();
  options.env["XDG_DATA_HOME"] = (dir_ / "xdg").string();
  options.working_dir = dir_.string();
  std::vector<std::string> all = {"--journal", journal()};
  all.insert(all.end(), args.begin(), args.end());
  return RunInTerminal(CliPath(), all, prompts, answers, options);
}

void CliFixture::Init() const {
  ProcessResult r = Cli({"init", "--kdf-cost", "15"});
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, "init failed: " + r.err);
}

std::string CliFixture::Add(const std::vector<std::string>& args) const {
  std::vector<std::string> all = {"add"};
  all.insert(all.end(), args.begin(), args.end());
  ProcessResult r = Cli(all);
  BOOST_REQUIRE_MESSAGE(r.exit_code == 0, "add failed: " + r.err);
  std::string id = r.out.substr(0, r.out.find('\n'));
  BOOST_REQUIRE_EQUAL(id.size(), 36u);
  return id;
}

size_t CliFixture::EntryCount() const {
  auto journal = core::Journal::Open(this->journal(), kPassphrase);
  BOOST_REQUIRE_MESSAGE(journal.ok(), journal.status().ToString());
  return (*journal)->entries().size();
}

size_t CliFixture::SessionCount() const {
  auto journal = core::Journal::Open(this->journal(), kPassphrase);
  BOOST_REQUIRE_MESSAGE(journal.ok(), journal.status().ToString());
  return (*journal)->sessions().size();
}

std::string CliFixture::WriteFile(const std::string& name, const std::string& content) const {
  std::string path = (dir_ / name).string();
  std::ofstream out(path, std::ios::binary);
  out << content;
  return path;
}

bool CliFixture::AnyFileContains(const std::string& needle) const {
  for (const auto& item : fs::recursive_directory_iterator(dir_)) {
    if (!item.is_regular_file()) continue;
    if (ReadFile(item.path().string()).find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace fieldnotes::testing
