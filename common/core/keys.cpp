#include "core/keys.h"
#include "core/openssl_util.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <memory>

namespace fieldnotes::core::crypto {
namespace {

using internal::KdfCtxPtr;
using internal::KdfPtr;
using internal::MdCtxPtr;
using internal::PkeyCtxPtr;
using internal::PkeyPtr;

Status Failure(std::string_view what) { return internal::OpenSslFailure(what); }

Result<PkeyPtr> PrivateKey(int type, ByteView raw) {
  PkeyPtr key(EVP_PKEY_new_raw_private_key(type, nullptr, raw.data(), raw.size()));
  if (!key) return Failure("cannot load a private key");
  return key;
}

Status RawPublic(EVP_PKEY* key, PublicKey* out) {
  size_t len = out->size();
  if (EVP_PKEY_get_raw_public_key(key, out->data(), &len) != 1 || len != out->size())
    return Failure("cannot read a public key");
  return Status::Ok();
}

template <typename Pair>
Result<Pair> FromRaw(int type, ByteView raw) {
  if (raw.size() != 32) return Status::InvalidArgument("a private key must be 32 bytes");
  auto key = PrivateKey(type, raw);
  if (!key.ok()) return key.status();
  Pair pair;
  pair.private_key = SecureBytes(raw);
  FN_RETURN_IF_ERROR(RawPublic(key->get(), &pair.public_key));
  return pair;
}

template <typename Pair>
Result<Pair> GenerateRaw(int type) {
  SecureBytes raw(32);
  FN_RETURN_IF_ERROR(RandomBytes({raw.data(), raw.size()}));
  return FromRaw<Pair>(type, raw.view());
}

}  // namespace

Result<X25519KeyPair> X25519KeyPair::Generate() {
  return GenerateRaw<X25519KeyPair>(EVP_PKEY_X25519);
}

Result<X25519KeyPair> X25519KeyPair::FromPrivate(ByteView private_key) {
  return FromRaw<X25519KeyPair>(EVP_PKEY_X25519, private_key);
}

Result<Ed25519KeyPair> Ed25519KeyPair::Generate() {
  return GenerateRaw<Ed25519KeyPair>(EVP_PKEY_ED25519);
}

Result<Ed25519KeyPair> Ed25519KeyPair::FromPrivate(ByteView seed) {
  return FromRaw<Ed25519KeyPair>(EVP_PKEY_ED25519, seed);
}

Result<Signature> Ed25519KeyPair::Sign(ByteView message) const {
  auto key = PrivateKey(EVP_PKEY_ED25519, private_key.view());
  if (!key.ok()) return key.status();
  MdCtxPtr ctx(EVP_MD_CTX_new());
  Signature sig{};
  size_t len = sig.size();
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key->get()) != 1 ||
      EVP_DigestSign(ctx.get(), sig.data(), &len, message.data(), message.size()) != 1 ||
      len != sig.size())
    return Failure("Ed25519 signing failed");
  return sig;
}

bool Ed25519Verify(ByteView public_key, ByteView message, ByteView signature) {
  if (public_key.size() != kEd25519PublicKeyBytes || signature.size() != kEd25519SignatureBytes)
    return false;
  PkeyPtr key(
      EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, public_key.data(), public_key.size()));
  MdCtxPtr ctx(EVP_MD_CTX_new());
  bool ok = key && ctx &&
            EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
            EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), message.data(),
                             message.size()) == 1;
  ERR_clear_error();
  return ok;
}

Result<SecureBytes> X25519(ByteView private_key, ByteView peer_public_key) {
  if (private_key.size() != kX25519KeyBytes || peer_public_key.size() != kX25519KeyBytes)
    return Status::InvalidArgument("X25519 keys must be 32 bytes");
  auto mine = PrivateKey(EVP_PKEY_X25519, private_key);
  if (!mine.ok()) return mine.status();
  PkeyPtr peer(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, peer_public_key.data(),
                                           peer_public_key.size()));
  if (!peer) return Failure("cannot load the peer's public key");
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new(mine->get(), nullptr));
  SecureBytes shared(kX25519KeyBytes);
  size_t len = shared.size();
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
      EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1) {
    return Failure("X25519 setup failed");
  }
  if (EVP_PKEY_derive(ctx.get(), shared.data(), &len) != 1 || len != kX25519KeyBytes) {
    // OpenSSL itself refuses an all-zero result.
    ERR_clear_error();
    return Status::Corruption("the X25519 shared secret is all zero (a low-order public key)");
  }
  uint8_t acc = 0;
  for (size_t i = 0; i < shared.size(); ++i) acc |= shared.data()[i];
  if (acc == 0)
    return Status::Corruption("the X25519 shared secret is all zero (a low-order public key)");
  return shared;
}

Result<SecureBytes> HkdfSha256(ByteView ikm, ByteView salt, ByteView info, size_t out_len) {
  KdfPtr kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
  if (!kdf) return Failure("HKDF is not available");
  KdfCtxPtr ctx(EVP_KDF_CTX_new(kdf.get()));
  if (!ctx) return Failure("EVP_KDF_CTX_new failed");
  char digest[] = "SHA256";
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<uint8_t*>(ikm.data()),
                                        ikm.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<uint8_t*>(salt.data()),
                                        salt.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<uint8_t*>(info.data()),
                                        info.size()),
      OSSL_PARAM_construct_end(),
  };
  SecureBytes out(out_len);
  if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1)
    return Failure("HKDF derivation failed");
  return out;
}

}  // namespace fieldnotes::core::crypto
