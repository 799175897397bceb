// Public-key primitives for sharing reports (DESIGN.md §4), from OpenSSL 3:
// X25519 for sealing to the clinician, Ed25519 for the client's signature,
// HKDF-SHA256 to turn a shared secret into a key. Private keys live in
// SecureBytes and are wiped when released.
#ifndef FIELDNOTES_CORE_KEYS_H_
#define FIELDNOTES_CORE_KEYS_H_

#include <array>

#include "core/crypto.h"
#include "core/status.h"

namespace fieldnotes::core::crypto {

inline constexpr size_t kX25519KeyBytes = 32;
inline constexpr size_t kEd25519PublicKeyBytes = 32;
inline constexpr size_t kEd25519PrivateKeyBytes = 32;  // the RFC 8032 seed
inline constexpr size_t kEd25519SignatureBytes = 64;

using PublicKey = std::array<uint8_t, 32>;
using Signature = std::array<uint8_t, kEd25519SignatureBytes>;

struct X25519KeyPair {
  SecureBytes private_key;  // 32 bytes
  PublicKey public_key{};

  static Result<X25519KeyPair> Generate();
  // From a 32-byte private key (known-answer tests, key files).
  static Result<X25519KeyPair> FromPrivate(ByteView private_key);
};

struct Ed25519KeyPair {
  SecureBytes private_key;  // the 32-byte seed
  PublicKey public_key{};

  static Result<Ed25519KeyPair> Generate();
  static Result<Ed25519KeyPair> FromPrivate(ByteView seed);
  // Ed25519 (RFC 8032, pure): deterministic for a key and message.
  Result<Signature> Sign(ByteView message) const;
};

// True only for a valid signature of `message` by `public_key`.
bool Ed25519Verify(ByteView public_key, ByteView message, ByteView signature);

// X25519(private_key, peer_public_key). Refuses an all-zero result (a
// low-order peer key: RFC 7748 §6.1) with Corruption, and keys of the wrong
// size with InvalidArgument.
Result<SecureBytes> X25519(ByteView private_key, ByteView peer_public_key);

// HKDF-SHA256 (RFC 5869), extract and expand.
Result<SecureBytes> HkdfSha256(ByteView ikm, ByteView salt, ByteView info, size_t out_len);

}  // namespace fieldnotes::core::crypto

#endif  // FIELDNOTES_CORE_KEYS_H_
