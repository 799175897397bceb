#include "server_process.h"

#include <boost/test/unit_test.hpp>

#include "core/crypto.h"
#include "support/server_process.h"

namespace fieldnotes::testing {
namespace {

constexpr char kServer[] = FIELDNOTES_SERVER_BIN;
constexpr char kEmail[] = "dr.rivera@example.org";
constexpr char kPassword[] = "the therapist's long password";

}  // namespace

ServerProcess::ServerProcess(const std::string& folder) : folder_(folder) {
  std::string error;
  port_ = StartServerProcess(kServer, folder_, kEmail, kPassword, server_, &error);
  BOOST_REQUIRE_MESSAGE(port_ != 0, error);

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
