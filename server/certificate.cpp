#include "server/certificate.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "core/crypto.h"

namespace fieldnotes::server {
namespace {

using core::Status;

struct Free {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
  void operator()(X509* p) const { X509_free(p); }
  void operator()(X509_EXTENSION* p) const { X509_EXTENSION_free(p); }
  void operator()(BIO* p) const { BIO_free(p); }
  void operator()(BIGNUM* p) const { BN_free(p); }
};
template <typename T>
using Owned = std::unique_ptr<T, Free>;

constexpr long kValiditySeconds = 825L * 24 * 3600;

Status OpensslError(const std::string& what) {
  return Status::Internal(what + ": " + core::crypto::OpenSslErrors());
}

Status AddExtension(X509* cert, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
  Owned<X509_EXTENSION> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
  if (!ext || X509_add_ext(cert, ext.get(), -1) != 1) return OpensslError("certificate extension");
  return Status::Ok();
}

// Writes `text` to a new file with `mode`; O_EXCL so nothing is overwritten.
Status WriteNewFile(const std::string& path, const std::string& text, mode_t mode) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) {
    if (errno == EEXIST) return Status::AlreadyExists(path + " exists");
    return Status::IoError("cannot create " + path);
  }
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) {
      ::close(fd);
      return Status::IoError("cannot write " + path);
    }
    done += static_cast<size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  if (::close(fd) != 0 || !synced) return Status::IoError("cannot write " + path);
  return Status::Ok();
}

template <typename WriteFn>
core::Result<std::string> ToPem(WriteFn write) {
  Owned<BIO> bio(BIO_new(BIO_s_mem()));
  if (!bio || write(bio.get()) != 1) return OpensslError("PEM encoding");
  char* data = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(len));
}

}  // namespace

Status WriteSelfSignedCertificate(const std::string& key_file, const std::string& certificate_file,
                                  const std::string& ca_file) {
  Owned<EVP_PKEY> key(EVP_EC_gen("P-256"));
  if (!key) return OpensslError("key generation");

  Owned<X509> cert(X509_new());
  if (!cert || X509_set_version(cert.get(), 2) != 1) return OpensslError("certificate");
  std::array<uint8_t, 16> serial{};
  FN_RETURN_IF_ERROR(core::crypto::RandomBytes(serial));
  serial[0] &= 0x7F;  // positive
  Owned<BIGNUM> bn(BN_bin2bn(serial.data(), static_cast<int>(serial.size()), nullptr));
  if (!bn || !BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert.get()))) {
    return OpensslError("certificate serial");
  }
  if (X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) == nullptr ||
      X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValiditySeconds) == nullptr) {
    return OpensslError("certificate validity");
  }
  X509_NAME* name = X509_get_subject_name(cert.get());
  if (X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                                 reinterpret_cast<const unsigned char*>("Fieldnotes server"), -1,
                                 -1, 0) != 1 ||
      X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                                 reinterpret_cast<const unsigned char*>("localhost"), -1, -1,
                                 0) != 1 ||
      X509_set_issuer_name(cert.get(), name) != 1 || X509_set_pubkey(cert.get(), key.get()) != 1) {
    return OpensslError("certificate names");
  }
  // Self-signed and trusted directly by clients (ca.pem), as `openssl req
  // -x509` makes them: a CA certificate that is also the server's.
  FN_RETURN_IF_ERROR(AddExtension(cert.get(), NID_basic_constraints, "critical,CA:TRUE"));
  FN_RETURN_IF_ERROR(
      AddExtension(cert.get(), NID_key_usage, "critical,digitalSignature,keyCertSign"));
  FN_RETURN_IF_ERROR(AddExtension(cert.get(), NID_ext_key_usage, "serverAuth"));
  FN_RETURN_IF_ERROR(AddExtension(cert.get(), NID_subject_key_identifier, "hash"));
  FN_RETURN_IF_ERROR(
      AddExtension(cert.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1"));
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) return OpensslError("signing");

  auto key_pem = ToPem([&](BIO* b) {
    return PEM_write_bio_PrivateKey(b, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  });
  auto cert_pem = ToPem([&](BIO* b) { return PEM_write_bio_X509(b, cert.get()); });
  if (!key_pem.ok()) return key_pem.status();
  if (!cert_pem.ok()) return cert_pem.status();
  FN_RETURN_IF_ERROR(WriteNewFile(key_file, *key_pem, 0600));
  core::crypto::SecureString wipe(std::move(*key_pem));
  FN_RETURN_IF_ERROR(WriteNewFile(certificate_file, *cert_pem, 0644));
  return WriteNewFile(ca_file, *cert_pem, 0644);
}

}  // namespace fieldnotes::server
