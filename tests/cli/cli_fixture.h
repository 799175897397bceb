// A fresh folder per test (with a non-ASCII name) and a way to run the real
// fieldnotes-cli in it with a known passphrase.
#ifndef FIELDNOTES_TESTS_CLI_CLI_FIXTURE_H_
#define FIELDNOTES_TESTS_CLI_CLI_FIXTURE_H_

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "support/run_process.h"

namespace fieldnotes::testing {

inline constexpr char kPassphrase[] = "correct horse battery staple ünïcode";

class CliFixture {
 public:
  CliFixture();
  ~CliFixture();
  CliFixture(const CliFixture&) = delete;
  CliFixture& operator=(const CliFixture&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  // dir()/journal.db
  std::string journal() const { return (dir_ / "journal.db").string(); }

  // Runs fieldnotes-cli with --journal journal() and FIELDNOTES_PASSPHRASE,
  // HOME and XDG_DATA_HOME pointing into dir() (so nothing outside it is
  // ever touched). `options.env` overrides any of those.
  ProcessResult Cli(const std::vector<std::string>& args, ProcessOptions options = {}) const;
  // The same without --journal.
  ProcessResult CliNoJournal(const std::vector<std::string>& args,
                             ProcessOptions options = {}) const;

  // Cli() on a pseudo-terminal, without FIELDNOTES_PASSPHRASE: each of
  // `prompts` is answered with the matching line of `answers`.
  ProcessResult CliInTerminal(const std::vector<std::string>& args,
                              const std::vector<std::string>& prompts,
                              const std::vector<std::string>& answers) const;

  // `init --kdf-cost 15`, checked to succeed.
  void Init() const;
  // `add ...`, checked to succeed; returns the printed id.
  std::string Add(const std::vector<std::string>& args) const;
  // Entries in the journal, counted by opening it with core.
  size_t EntryCount() const;
  size_t SessionCount() const;

  // Writes a file in dir(); returns its path.
  std::string WriteFile(const std::string& name, const std::string& content) const;
  // True when `needle` is in any file under dir(), at any depth.
  bool AnyFileContains(const std::string& needle) const;

 private:
  std::filesystem::path dir_;
};

// The real binary and the source tree, from CMake.
std::string CliPath();
std::string SourcePath(const std::string& relative);
std::string ReadFile(const std::string& path);

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_CLI_CLI_FIXTURE_H_
