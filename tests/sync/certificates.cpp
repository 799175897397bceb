#include "certificates.h"

#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <memory>

namespace fieldnotes::testing {

namespace {

struct FileCloser {
  void operator()(FILE* f) const { std::fclose(f); }
};

}  // namespace

void WriteTestCertificate(const CertificateSpec& spec, const std::string& certificate_file,
                          const std::string& key_file) {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
  BOOST_REQUIRE(key);
  std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
  BOOST_REQUIRE(cert);
  BOOST_REQUIRE(X509_set_version(cert.get(), 2) == 1);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 4242);
  BOOST_REQUIRE(X509_gmtime_adj(X509_getm_notBefore(cert.get()), spec.not_before));
  BOOST_REQUIRE(X509_gmtime_adj(X509_getm_notAfter(cert.get()), spec.not_after));
  BOOST_REQUIRE(X509_set_pubkey(cert.get(), key.get()) == 1);
  X509_NAME* name = X509_get_subject_name(cert.get());
  BOOST_REQUIRE(X509_NAME_add_entry_by_txt(
                    name, "CN", MBSTRING_ASC,
                    reinterpret_cast<const unsigned char*>(spec.host.c_str()), -1, -1, 0) == 1);
  BOOST_REQUIRE(X509_set_issuer_name(cert.get(), name) == 1);
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
  const std::string san = "DNS:" + spec.host;
  for (const auto& [nid, value] : {std::pair<int, std::string>{NID_subject_alt_name, san},
                                   {NID_basic_constraints, "critical,CA:TRUE"}}) {
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    BOOST_REQUIRE(ext != nullptr);
    BOOST_REQUIRE(X509_add_ext(cert.get(), ext, -1) == 1);
    X509_EXTENSION_free(ext);
  }
  BOOST_REQUIRE(X509_sign(cert.get(), key.get(), EVP_sha256()) > 0);

  std::unique_ptr<FILE, FileCloser> c(std::fopen(certificate_file.c_str(), "wb"));
  BOOST_REQUIRE(c);
  BOOST_REQUIRE(PEM_write_X509(c.get(), cert.get()) == 1);
  std::unique_ptr<FILE, FileCloser> k(std::fopen(key_file.c_str(), "wb"));
  BOOST_REQUIRE(k);
  BOOST_REQUIRE(PEM_write_PrivateKey(k.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) ==
                1);
}

}  // namespace fieldnotes::testing
