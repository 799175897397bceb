#include "support/server_process.h"

#include <chrono>
#include <regex>

#include "support/run_process.h"
#include "support/temp_dir.h"

namespace fieldnotes::testing {

uint16_t StartServerProcess(const std::string& server_bin, const std::string& folder,
                            const std::string& email, const std::string& password,
                            Subprocess& server, std::string* error) {
  ProcessResult init = RunProcess(server_bin, {"init", "--dir", folder, "--port", "0"});
  if (init.exit_code != 0) {
    *error = "init failed: " + init.err;
    return 0;
  }
  // The production password hash (2^17) costs half a second per login; the
  // tests use the server's test cost, as docs/server.md says.
  const std::string properties = folder + "/fieldnotes-server.properties";
  std::string text = ReadFile(properties);
  const std::string cost = "fieldnotes.auth.scrypt_log2_n = 17";
  const size_t at = text.find(cost);
  if (at == std::string::npos) {
    *error = "no scrypt_log2_n line in " + properties;
    return 0;
  }
  text.replace(at, cost.size(), "fieldnotes.auth.scrypt_log2_n = 10");
  WriteFile(properties, text);

  ProcessOptions add;
  add.stdin_data = password + "\n";
  ProcessResult added =
      RunProcess(server_bin, {"admin", "add-clinician", email, "--dir", folder}, add);
  if (added.exit_code != 0) {
    *error = "add-clinician failed: " + added.err;
    return 0;
  }

  if (!server.Start({server_bin, "run", "--dir", folder}, error)) return 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  const std::regex listening("listening on https://localhost:([0-9]+)/");
  std::smatch m;
  while (std::chrono::steady_clock::now() < deadline) {
    server.PumpUntil(std::chrono::steady_clock::now() + std::chrono::milliseconds(50));
    for (const std::string& line : server.Lines()) {
      if (std::regex_search(line, m, listening)) return static_cast<uint16_t>(std::stoi(m[1]));
    }
    if (!server.running()) {
      *error = "the server stopped: " + server.err();
      return 0;
    }
  }
  *error = "the server did not start: " + server.err();
  return 0;
}

}  // namespace fieldnotes::testing
