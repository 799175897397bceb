// sync::Connection: addresses, strict certificate checks (host name, expiry,
// trust), and the server's answers turned into Status codes.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <thread>

#include "certificates.h"
#include "core/json.h"
#include "server_fixture.h"
#include "support/child_process.h"
#include "sync/connection.h"

namespace fieldnotes::testing {
namespace {

using core::Status;
using sync::Connection;
using sync::ConnectionOptions;

// A port nothing listens on right now.
uint16_t FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  BOOST_REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

std::unique_ptr<Connection> Open(const std::string& url, const std::string& ca_file = "") {
  ConnectionOptions options;
  options.ca_file = ca_file;
  options.timeout_seconds = 5;
  auto c = Connection::Open(url, options);
  BOOST_REQUIRE_MESSAGE(c.ok(), c.status().ToString());
  return std::move(c).value();
}

std::string Url(uint16_t port) { return "https://localhost:" + std::to_string(port); }

// `openssl s_server` with the given certificate: a real TLS peer whose
// certificate the client must refuse.
class TlsPeer {
 public:
  TlsPeer(const std::string& cert, const std::string& key) : port_(FreePort()) {
    std::string error;
    BOOST_REQUIRE(
        process_.Start({"/usr/bin/openssl", "s_server", "-accept",
                        "127.0.0.1:" + std::to_string(port_), "-cert", cert, "-key", key, "-www"},
                       &error));
    // s_server's "ACCEPT" sits in a pipe buffer: wait until it accepts.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    bool up = false;
    while (!up && std::chrono::steady_clock::now() < deadline) {
      const int fd = socket(AF_INET, SOCK_STREAM, 0);
      sockaddr_in addr{};
      addr.sin_family = AF_INET;
      addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      addr.sin_port = htons(port_);
      up = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
      close(fd);
      if (!up) usleep(20000);
    }
    BOOST_REQUIRE_MESSAGE(up, "openssl s_server did not start");
  }
  uint16_t port() const { return port_; }

 private:
  uint16_t port_;
  Subprocess process_;
};

}  // namespace

BOOST_AUTO_TEST_CASE(server_addresses_parse_strictly) {
  auto a = sync::ServerAddress::Parse("https://fieldnotes.example.org");
  BOOST_REQUIRE(a.ok());
  BOOST_TEST(a->host == "fieldnotes.example.org");
  BOOST_TEST(a->port == 443);
  auto b = sync::ServerAddress::Parse("https://localhost:8443/");
  BOOST_REQUIRE(b.ok());
  BOOST_TEST(b->port == 8443);
  BOOST_TEST(b->ToUrl() == "https://localhost:8443");
  auto c = sync::ServerAddress::Parse("https://[::1]:9000");
  BOOST_REQUIRE(c.ok());
  BOOST_TEST(c->host == "::1");
  BOOST_TEST(c->ToUrl() == "https://[::1]:9000");
  for (const char* bad :
       {"http://localhost", "localhost:8443", "https://", "https://:443", "https://host:0",
        "https://host:65536", "https://host:8443x", "https://host:", "https://host/path",
        "https://user@host", "https://host?x=1", "https://[::1", "https://[::1]x", "https://ho st",
        "ftp://host", ""}) {
    auto r = sync::ServerAddress::Parse(bad);
    BOOST_TEST(!r.ok(), bad);
    if (!r.ok()) BOOST_TEST(r.status().code() == Status::Code::kInvalidArgument);
  }
  BOOST_TEST(!Connection::Open("https://localhost", {"/nonexistent/ca.pem", 5}).ok());
}

BOOST_AUTO_TEST_CASE(a_trusted_certificate_connects_and_others_are_refused) {
  ServerFixture f;
  const std::string ca = f.dir().File("ca.pem");
  BOOST_TEST(Open(Url(f.port()), ca)->Health().ok());

  // No CA file: the system's authorities do not know a self-signed one.
  Status untrusted = Open(Url(f.port()))->Health();
  BOOST_TEST(untrusted.code() == Status::Code::kRefused);
  BOOST_TEST(untrusted.message().find("self-signed") != std::string::npos, untrusted.message());
  BOOST_TEST(untrusted.message().find("--ca-file") != std::string::npos);

  // Another authority's certificate file.
  WriteTestCertificate({}, f.dir().File("other.pem"), f.dir().File("other.key"));
  Status other = Open(Url(f.port()), f.dir().File("other.pem"))->Health();
  BOOST_TEST(other.code() == Status::Code::kRefused, other.ToString());
}

BOOST_AUTO_TEST_CASE(the_server_says_how_long_it_keeps_a_report) {
  ServerFixture f([](server::ServerConfig& c) { c.max_retention_days = 45; });
  auto limits = Open(Url(f.port()), f.dir().File("ca.pem"))->Limits();
  BOOST_REQUIRE_MESSAGE(limits.ok(), limits.status().ToString());
  BOOST_TEST(limits->max_retention_days == 45);
  BOOST_TEST(limits->max_envelope_bytes == static_cast<int64_t>(f.config().max_envelope_bytes));
  // An older server that says nothing of limits: 0, not an error.
  auto bare = sync::ServerLimits::FromJson(core::json::Parse(R"({"status":"ok"})").value());
  BOOST_REQUIRE(bare.ok());
  BOOST_TEST(bare->max_retention_days == 0);
  BOOST_TEST(!sync::ServerLimits::FromJson(
                  core::json::Parse(R"({"limits":{"max_retention_days":"90"}})").value())
                  .ok());
  BOOST_TEST(!sync::ServerLimits::FromJson(core::json::Parse(R"({"limits":[]})").value()).ok());
}

BOOST_AUTO_TEST_CASE(an_expired_certificate_is_refused_even_when_trusted) {
  ServerFixture f;  // only for its temporary folder
  CertificateSpec expired;
  expired.not_before = -10 * 86400;
  expired.not_after = -86400;
  WriteTestCertificate(expired, f.dir().File("old.pem"), f.dir().File("old.key"));
  TlsPeer peer(f.dir().File("old.pem"), f.dir().File("old.key"));
  Status s = Open(Url(peer.port()), f.dir().File("old.pem"))->Health();
  BOOST_TEST(s.code() == Status::Code::kRefused, s.ToString());
  BOOST_TEST(s.message().find("expired") != std::string::npos, s.message());
}

BOOST_AUTO_TEST_CASE(a_certificate_for_another_host_is_refused_also_on_localhost) {
  ServerFixture f;
  CertificateSpec other_host;
  other_host.host = "fieldnotes.example.org";
  WriteTestCertificate(other_host, f.dir().File("host.pem"), f.dir().File("host.key"));
  TlsPeer peer(f.dir().File("host.pem"), f.dir().File("host.key"));
  Status s = Open(Url(peer.port()), f.dir().File("host.pem"))->Health();
  BOOST_TEST(s.code() == Status::Code::kRefused, s.ToString());
  BOOST_TEST(s.message().find("another host name") != std::string::npos, s.message());
}

BOOST_AUTO_TEST_CASE(an_unreachable_server_is_unavailable) {
  Status s = Open(Url(FreePort()))->Health();
  BOOST_TEST(s.code() == Status::Code::kUnavailable, s.ToString());
  BOOST_TEST(s.message().find("Cannot reach https://localhost:") != std::string::npos);
}

// The desktop viewer keeps one Connection for hours: a kept-alive
// connection the server closed while it was idle must not turn the next
// call into "cannot reach".
BOOST_AUTO_TEST_CASE(a_connection_the_server_closed_while_idle_is_made_again) {
  ServerFixture f([](server::ServerConfig& c) { c.keep_alive_timeout_seconds = 1; });
  auto c = Open(Url(f.port()), f.dir().File("ca.pem"));
  BOOST_REQUIRE(c->Health().ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  const Status again = c->Health();
  BOOST_TEST(again.ok(), again.ToString());
  BOOST_TEST(c->Health().ok());

  // A POST is never sent twice, so a connection idle for long is not used
  // for one at all: signing in after the pause works the first time.
  Clinician dr = f.AddClinician("idle@example.org");
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  auto login = c->Login(dr.email, kPassword);
  BOOST_TEST(login.ok(), login.status().ToString());
}

BOOST_AUTO_TEST_CASE(server_answers_become_plain_statuses) {
  ServerFixture f;
  auto c = Open(Url(f.port()), f.dir().File("ca.pem"));
  Clinician dr = f.AddClinician("dr@example.org");

  auto wrong = c->Login(dr.email, "not the password at all");
  BOOST_TEST(wrong.status().code() == Status::Code::kUnauthenticated);
  BOOST_TEST(wrong.status().message().find("not the password") == std::string::npos);
  auto login = c->Login(dr.email, kPassword);
  BOOST_REQUIRE(login.ok());

  // No keys yet: an invite is a conflict.
  BOOST_TEST(c->CreateInvite(login->token).status().code() == Status::Code::kAlreadyExists);
  sync::KeysRequest keys{std::string(64, 'a'), std::string(64, 'b')};
  auto put = c->PutKeys(login->token, keys);
  BOOST_REQUIRE(put.ok());
  BOOST_TEST(put->version == 1);
  auto invite = c->CreateInvite(login->token);
  BOOST_REQUIRE(invite.ok());

  auto unknown = c->Pair("ZZZZZ-ZZZZZ", kTestClientKey);
  BOOST_TEST(unknown.status().IsNotFound());
  BOOST_TEST(unknown.status().message().find("invite code") != std::string::npos);
  BOOST_TEST(c->Pair(invite->code, "not a key").status().code() == Status::Code::kInvalidArgument);
  auto paired = c->Pair(invite->code, kTestClientKey);
  BOOST_REQUIRE(paired.ok());
  BOOST_TEST(paired->clinician_keys.x25519 == keys.x25519);
  BOOST_TEST(c->Pair(invite->code, kTestClientKey).status().IsNotFound());  // used

  auto links = c->ListLinks(login->token);
  BOOST_REQUIRE(links.ok());
  BOOST_REQUIRE(links->size() == 1u);
  BOOST_TEST((*links)[0].client_key == kTestClientKey);

  // Ids are checked before anything is sent.
  BOOST_TEST(c->DownloadReport(login->token, "../../etc/passwd").status().code() ==
             Status::Code::kInvalidArgument);
  BOOST_TEST(c->DownloadReport(login->token, std::string(32, 'a')).status().IsNotFound());
  BOOST_TEST(c->GetLink("forged-credential").status().code() == Status::Code::kUnauthenticated);
  BOOST_TEST(c->Receipts(login->token).status().code() == Status::Code::kUnauthenticated);

  // A bad period end is the server's 400.
  auto bad = c->Upload(paired->device_credential,
                       core::crypto::ByteView(reinterpret_cast<const uint8_t*>("x"), 1),
                       sync::UploadMeta{"not a date", 0});
  BOOST_TEST(bad.status().code() == Status::Code::kInvalidArgument);

  BOOST_TEST(c->Logout(login->token).ok());
  BOOST_TEST(c->ListLinks(login->token).status().code() == Status::Code::kUnauthenticated);
}

}  // namespace fieldnotes::testing
