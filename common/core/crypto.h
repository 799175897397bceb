// Cryptographic primitives for the journal, all from OpenSSL 3.
//
// Keys live in SecureBytes, wiped with OPENSSL_cleanse when released. Every
// failure carries OpenSSL's whole error queue in its message.
#ifndef FIELDNOTES_CORE_CRYPTO_H_
#define FIELDNOTES_CORE_CRYPTO_H_

#include <array>
#include <memory>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace fieldnotes::core::crypto {

using Bytes = std::vector<uint8_t>;
using ByteView = std::span<const uint8_t>;

inline ByteView AsBytes(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}
inline std::string_view AsChars(ByteView b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

// A byte buffer for secrets: wiped on destruction, on Clear() and before
// reallocation; not copyable.
class SecureBytes {
 public:
  SecureBytes() = default;
  explicit SecureBytes(size_t n);
  explicit SecureBytes(ByteView data);
  ~SecureBytes();
  SecureBytes(SecureBytes&& o) noexcept;
  SecureBytes& operator=(SecureBytes&& o) noexcept;
  SecureBytes(const SecureBytes&) = delete;
  SecureBytes& operator=(const SecureBytes&) = delete;

  uint8_t* data() { return data_; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  ByteView view() const { return {data_, size_}; }
  void Clear();

 private:
  uint8_t* data_ = nullptr;
  size_t size_ = 0;
};

// A string for secrets (passphrases, decrypted records): wiped on
// destruction. Use for short-lived plaintext.
class SecureString {
 public:
  SecureString() = default;
  explicit SecureString(std::string s) : s_(std::move(s)) {}
  ~SecureString();
  SecureString(SecureString&& o) noexcept : s_(std::move(o.s_)) { o.Wipe(); }
  SecureString& operator=(SecureString&& o) noexcept;
  SecureString(const SecureString&) = delete;
  SecureString& operator=(const SecureString&) = delete;
  const std::string& str() const { return s_; }
  std::string& mutable_str() { return s_; }
  void Wipe();

 private:
  std::string s_;
};

// Fills `out` from OpenSSL's CSPRNG.
Status RandomBytes(std::span<uint8_t> out);

// scrypt parameters as stored in a journal or key file (DESIGN.md §4).
struct KdfParams {
  static constexpr int kMinLog2N = 15;
  static constexpr int kMaxLog2N = 20;
  static constexpr int kDefaultLog2N = 17;
  int log2_n = kDefaultLog2N;
  uint32_t r = 8;
  uint32_t p = 1;
  std::array<uint8_t, 32> salt{};

  // Refuses parameters outside the bounds above (r must be 8, p 1-4) before
  // any work is done. InvalidArgument naming the parameter.
  Status Validate() const;
  // "scrypt:17:8:1:<64 hex salt>" and back; Parse validates.
  std::string Serialize() const;
  static Result<KdfParams> Parse(std::string_view text);
  // Fresh random salt, the given cost.
  static Result<KdfParams> Generate(int log2_n = kDefaultLog2N);
};

// scrypt (RFC 7914) via EVP_KDF. Validates `params` first.
Result<SecureBytes> Scrypt(std::string_view passphrase, const KdfParams& params,
                           size_t out_len = 32);
// Raw scrypt for known-answer tests: any N (power of two), r, p.
Result<SecureBytes> ScryptRaw(std::string_view passphrase, ByteView salt, uint64_t n, uint32_t r,
                              uint32_t p, size_t out_len);

inline constexpr size_t kAesKeyBytes = 32;
inline constexpr size_t kGcmNonceBytes = 12;
inline constexpr size_t kGcmTagBytes = 16;

// AES-256-GCM. Seal returns ciphertext || 16-byte tag. Open checks the tag
// and returns Corruption("authentication failed") on any mismatch, writing
// no plaintext out.
Result<Bytes> AesGcmSeal(ByteView key, ByteView nonce, ByteView aad, ByteView plaintext);
Result<SecureBytes> AesGcmOpen(ByteView key, ByteView nonce, ByteView aad,
                               ByteView ciphertext_and_tag);

std::array<uint8_t, 32> Sha256(ByteView data);

// HMAC-SHA256 (RFC 2104); `key` of any length.
Result<std::array<uint8_t, 32>> HmacSha256(ByteView key, ByteView data);

// HMAC-SHA256 under one key for many messages: the key is set once, each
// message costs only its own hashing (the journal's record index hashes
// every record when it opens). Safe to share between threads.
class HmacSha256Key {
 public:
  static Result<HmacSha256Key> Make(ByteView key);
  Result<std::array<uint8_t, 32>> Mac(ByteView data) const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

std::string HexEncode(ByteView data);
Result<Bytes> HexDecode(std::string_view hex);

// Constant-time comparison.
bool ConstantTimeEqual(ByteView a, ByteView b);

// OpenSSL's error queue as one string (and clears it).
std::string OpenSslErrors();

}  // namespace fieldnotes::core::crypto

#endif  // FIELDNOTES_CORE_CRYPTO_H_
