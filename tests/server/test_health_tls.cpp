// The skeleton: health over verified TLS, and the TLS policy.
#include <openssl/ssl.h>

#include <boost/test/unit_test.hpp>

#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SecureStreamSocket.h>

#include "server/certificate.h"
#include "server/tls.h"
#include "server_fixture.h"

namespace fieldnotes::testing {
namespace {

// A TLS handshake with OpenSSL directly, limited to `min`..`max` and, when
// given, the TLS 1.2 `ciphers`. Returns the negotiated cipher or "" when the
// handshake failed.
std::string Handshake(uint16_t port, int min, int max, const char* ciphers = nullptr,
                      const char* suites = nullptr) {
  std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> ctx(SSL_CTX_new(TLS_client_method()),
                                                        SSL_CTX_free);
  SSL_CTX_set_security_level(ctx.get(), 0);  // let the client offer old protocols
  SSL_CTX_set_min_proto_version(ctx.get(), min);
  SSL_CTX_set_max_proto_version(ctx.get(), max);
  if (ciphers != nullptr) SSL_CTX_set_cipher_list(ctx.get(), ciphers);
  if (suites != nullptr) SSL_CTX_set_ciphersuites(ctx.get(), suites);
  std::unique_ptr<BIO, decltype(&BIO_free_all)> bio(BIO_new_ssl_connect(ctx.get()), BIO_free_all);
  const std::string host = "127.0.0.1:" + std::to_string(port);
  BIO_set_conn_hostname(bio.get(), host.c_str());
  if (BIO_do_handshake(bio.get()) != 1) return "";
  SSL* ssl = nullptr;
  BIO_get_ssl(bio.get(), &ssl);
  return SSL_get_cipher_name(ssl);
}

BOOST_AUTO_TEST_CASE(health_answers_over_verified_tls) {
  ServerFixture f;
  Response r = f.Get("/v1/health");
  BOOST_TEST(r.status == 200);
  auto json = r.Json();
  BOOST_TEST(json.as_object().Find("status")->as_string() == "ok");
  BOOST_TEST(json.as_object().Find("api_version")->as_int() == 1);
  BOOST_TEST(r.headers.count("Server") == 0);
}

BOOST_AUTO_TEST_CASE(tls_1_0_and_1_1_are_refused) {
  ServerFixture f;
  BOOST_TEST(Handshake(f.port(), TLS1_VERSION, TLS1_1_VERSION).empty());
  BOOST_TEST(Handshake(f.port(), TLS1_VERSION, TLS1_VERSION).empty());
}

BOOST_AUTO_TEST_CASE(tls_1_2_only_with_ecdhe_aead) {
  ServerFixture f;
  BOOST_TEST(Handshake(f.port(), TLS1_2_VERSION, TLS1_2_VERSION) ==
             "ECDHE-ECDSA-AES256-GCM-SHA384");
  // CBC, static RSA/ECDH and non-ECDHE suites are refused.
  BOOST_TEST(Handshake(f.port(), TLS1_2_VERSION, TLS1_2_VERSION, "ECDHE-ECDSA-AES128-SHA").empty());
  BOOST_TEST(
      Handshake(f.port(), TLS1_2_VERSION, TLS1_2_VERSION, "ECDHE-ECDSA-AES256-SHA384").empty());
  BOOST_TEST(Handshake(f.port(), TLS1_2_VERSION, TLS1_2_VERSION, "AES128-GCM-SHA256").empty());
  BOOST_TEST(Handshake(f.port(), TLS1_2_VERSION, TLS1_2_VERSION, "ECDHE-ECDSA-CHACHA20-POLY1305") ==
             "ECDHE-ECDSA-CHACHA20-POLY1305");
}

BOOST_AUTO_TEST_CASE(tls_1_3_uses_the_configured_suites) {
  ServerFixture f;
  BOOST_TEST(Handshake(f.port(), TLS1_3_VERSION, TLS1_3_VERSION) == "TLS_AES_256_GCM_SHA384");
  // Each suite of server/tls.h alone is taken; the TLS 1.3 suites outside
  // it (CCM) are refused, so the list is the one the server sets.
  for (const char* suite :
       {"TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256"}) {
    BOOST_TEST(Handshake(f.port(), TLS1_3_VERSION, TLS1_3_VERSION, nullptr, suite) == suite);
  }
  for (const char* suite : {"TLS_AES_128_CCM_SHA256", "TLS_AES_128_CCM_8_SHA256"}) {
    BOOST_TEST(Handshake(f.port(), TLS1_3_VERSION, TLS1_3_VERSION, nullptr, suite).empty());
  }
  BOOST_TEST(std::string(server::kTls13Suites) ==
             "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256");
}

BOOST_AUTO_TEST_CASE(a_client_that_does_not_trust_the_certificate_fails) {
  ServerFixture f;
  TempDir other;
  BOOST_REQUIRE(server::WriteSelfSignedCertificate(other.File("k.pem"), other.File("c.pem"),
                                                   other.File("ca.pem"))
                    .ok());
  Poco::Net::Context::Params params;
  params.caLocation = other.File("ca.pem");
  params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
  params.loadDefaultCAs = false;
  Poco::Net::Context::Ptr context =
      new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
  bool refused = false;
  try {
    Poco::Net::SecureStreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", f.port()),
                                         "localhost", context);
    socket.completeHandshake();
  } catch (const Poco::Exception&) {
    refused = true;
  }
  BOOST_TEST(refused);
  BOOST_TEST(f.Get("/v1/health").status == 200);  // and the server is still up
}

}  // namespace
}  // namespace fieldnotes::testing
