// Certificates made for tests with OpenSSL: expired ones, ones for another
// host name, ones from an authority the client was not told to trust.
#ifndef FIELDNOTES_TESTS_SYNC_CERTIFICATES_H_
#define FIELDNOTES_TESTS_SYNC_CERTIFICATES_H_

#include <cstdint>
#include <string>

namespace fieldnotes::testing {

struct CertificateSpec {
  std::string host = "localhost";  // the subject and the only DNS name
  int64_t not_before = -3600;      // seconds from now
  int64_t not_after = 86400;       // seconds from now
};

// Writes a self-signed ECDSA P-256 certificate and its key as PEM files.
void WriteTestCertificate(const CertificateSpec& spec, const std::string& certificate_file,
                          const std::string& key_file);

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_SYNC_CERTIFICATES_H_
