#include "server_process.h"

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <regex>

#include "core/crypto.h"
#include "support/run_process.h"
#include "support/temp_dir.h"

namespace fieldnotes::testing {
namespace {

constexpr char kServer[] = FIELDNOTES_SERVER_BIN;
constexpr char kEmail[] = "dr.rivera@example.org";
constexpr char kPassword[] = "the therapist's long password";

}  // namespace

ServerProcess::ServerProcess(const std::string& folder) : folder_(folder) {
  ProcessResult init = RunProcess(kServer, {"init", "--dir", folder_, "--port", "0"});
  BOOST_REQUIRE_MESSAGE(init.exit_code == 0, init.err);
  const std::string properties = folder_ + "/fieldnotes-server.properties";
  std::string text = ReadFile(properties);
  const std::string cost = "fieldnotes.auth.scrypt_log2_n = 17";
  const size_t at = text.find(cost);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, "no scrypt_log2_n line in " + properties);
  text.replace(at, cost.size(), "fieldnotes.auth.scrypt_log2_n = 10");
  WriteFile(properties, text);
  ProcessOptions add;
  add.stdin_data = std::string(kPassword) + "\n";
  ProcessResult added =
      RunProcess(kServer, {"admin", "add-clinician", kEmail, "--dir", folder_}, add);
  BOOST_REQUIRE_MESSAGE(added.exit_code == 0, added.err);

  std::string error;
  BOOST_REQUIRE_MESSAGE(server_.Start({kServer, "run", "--dir", folder_}, &error), error);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  const std::regex listening("listening on https://localhost:([0-9]+)/");
  std::smatch m;
  while (std::chrono::steady_clock::now() < deadline && port_ == 0) {
    server_.PumpUntil(std::chrono::steady_clock::now() + std::chrono::milliseconds(50));
    for (const std::string& line : server_.Lines())
      if (std::regex_search(line, m, listening)) port_ = static_cast<uint16_t>(std::stoi(m[1]));
    BOOST_REQUIRE_MESSAGE(server_.running() || port_ != 0, "the server stopped: " + server_.err());
  }
  BOOST_REQUIRE_MESSAGE(port_ != 0, "the server did not start: " + server_.err());

  sync::ConnectionOptions options;
  options.ca_file = ca();
  auto connection = sync::Connection::Open(url(), options);
  BOOST_REQUIRE_MESSAGE(connection.ok(), connection.status().ToString());
  connection_ = std::move(connection).value();
  auto login = connection_->Login(kEmail, kPassword);
  BOOST_REQUIRE_MESSAGE(login.ok(), login.status().ToString());
  token_ = login->token;
  PublishNewKeys();
}

ServerProcess::~ServerProcess() = default;  // the Subprocess kills the server

const core::ClinicianKeys& ServerProcess::PublishNewKeys() {
  auto keys = core::ClinicianKeys::Generate();
  BOOST_REQUIRE(keys.ok());
  keys_ = std::move(keys).value();
  auto put = connection_->PutKeys(
      token_, sync::KeysRequest{core::crypto::HexEncode(keys_.sealing.public_key),
                                core::crypto::HexEncode(keys_.signing.public_key)});
  BOOST_REQUIRE_MESSAGE(put.ok(), put.status().ToString());
  return keys_;
}

std::string ServerProcess::Invite() {
  auto invite = connection_->CreateInvite(token_);
  BOOST_REQUIRE_MESSAGE(invite.ok(), invite.status().ToString());
  return invite->code;
}

}  // namespace fieldnotes::testing
