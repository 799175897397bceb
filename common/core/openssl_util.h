// Internal to core's cryptography: OpenSSL objects owned by unique_ptr, and
// OpenSSL failures as a Status carrying the whole error queue.
#ifndef FIELDNOTES_CORE_OPENSSL_UTIL_H_
#define FIELDNOTES_CORE_OPENSSL_UTIL_H_

#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <memory>
#include <string_view>

#include "core/status.h"

namespace fieldnotes::core::crypto::internal {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};

using CipherPtr = std::unique_ptr<EVP_CIPHER, Deleter<EVP_CIPHER, EVP_CIPHER_free>>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, Deleter<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>>;
using KdfPtr = std::unique_ptr<EVP_KDF, Deleter<EVP_KDF, EVP_KDF_free>>;
using KdfCtxPtr = std::unique_ptr<EVP_KDF_CTX, Deleter<EVP_KDF_CTX, EVP_KDF_CTX_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;

// Internal("<what> (<OpenSSL's error queue>)"), emptying the queue.
Status OpenSslFailure(std::string_view what);

// A one-shot digest of fixed-size input that cannot fail but for a broken
// OpenSSL (no memory, a missing default provider): checked, and on failure
// the process stops with OpenSSL's errors on stderr rather than go on with
// an unset hash. `out` must hold EVP_MD_get_size(md) bytes.
void DigestOrDie(const EVP_MD* md, const void* data, size_t size, unsigned char* out);

}  // namespace fieldnotes::core::crypto::internal

#endif  // FIELDNOTES_CORE_OPENSSL_UTIL_H_
