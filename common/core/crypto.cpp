#include "core/crypto.h"
#include "core/openssl_util.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <cstdio>
#include <cstdlib>

#include <mutex>

#include <climits>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace fieldnotes::core::crypto {
namespace {

using internal::CipherCtxPtr;
using internal::OpenSslFailure;

// Fetched once; EVP_CIPHER_fetch is costly enough to matter at 20,000 records.
const EVP_CIPHER* Aes256Gcm() {
  static const internal::CipherPtr cipher(EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr));
  return cipher.get();
}

bool FitsInt(size_t n) { return n <= static_cast<size_t>(INT_MAX); }

}  // namespace

// ---- SecureBytes / SecureString ----

SecureBytes::SecureBytes(size_t n) : data_(n ? new uint8_t[n]() : nullptr), size_(n) {}

SecureBytes::SecureBytes(ByteView d) : SecureBytes(d.size()) {
  if (!d.empty()) std::memcpy(data_, d.data(), d.size());
}

SecureBytes::~SecureBytes() { Clear(); }

SecureBytes::SecureBytes(SecureBytes&& o) noexcept : data_(o.data_), size_(o.size_) {
  o.data_ = nullptr;
  o.size_ = 0;
}

SecureBytes& SecureBytes::operator=(SecureBytes&& o) noexcept {
  if (this != &o) {
    Clear();
    data_ = o.data_;
    size_ = o.size_;
    o.data_ = nullptr;
    o.size_ = 0;
  }
  return *this;
}

void SecureBytes::Clear() {
  if (data_) {
    OPENSSL_cleanse(data_, size_);
    delete[] data_;
  }
  data_ = nullptr;
  size_ = 0;
}

SecureString::~SecureString() { Wipe(); }

SecureString& SecureString::operator=(SecureString&& o) noexcept {
  if (this != &o) {
    Wipe();
    s_ = std::move(o.s_);
    o.Wipe();
  }
  return *this;
}

void SecureString::Wipe() {
  // Cleanse the whole capacity: a shorter string may have held more before.
  if (s_.capacity() > 0) {
    s_.resize(s_.capacity());
    OPENSSL_cleanse(s_.data(), s_.size());
  }
  s_.clear();
}

// ---- randomness, hashing, encoding ----

Status RandomBytes(std::span<uint8_t> out) {
  if (out.empty()) return Status::Ok();
  if (!FitsInt(out.size())) return Status::InvalidArgument("random request too large");
  if (RAND_bytes(out.data(), static_cast<int>(out.size())) != 1)
    return OpenSslFailure("RAND_bytes failed");
  return Status::Ok();
}

std::array<uint8_t, 32> Sha256(ByteView data) {
  std::array<uint8_t, 32> out{};
  internal::DigestOrDie(EVP_sha256(), data.data(), data.size(), out.data());
  return out;
}

Result<std::array<uint8_t, 32>> HmacSha256(ByteView key, ByteView data) {
  std::array<uint8_t, 32> out{};
  unsigned int len = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), data.data(), data.size(),
           out.data(), &len) == nullptr ||
      len != out.size())
    return Status::Internal("HMAC-SHA256 failed: " + OpenSslErrors());
  return out;
}

struct HmacSha256Key::State {
  std::mutex mu;  // an EVP_MAC_CTX is used by one thread at a time
  std::unique_ptr<EVP_MAC, internal::Deleter<EVP_MAC, EVP_MAC_free>> mac;
  std::unique_ptr<EVP_MAC_CTX, internal::Deleter<EVP_MAC_CTX, EVP_MAC_CTX_free>> ctx;
};

Result<HmacSha256Key> HmacSha256Key::Make(ByteView key) {
  auto state = std::make_shared<State>();
  state->mac.reset(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
  if (!state->mac) return internal::OpenSslFailure("fetching HMAC");
  state->ctx.reset(EVP_MAC_CTX_new(state->mac.get()));
  if (!state->ctx) return internal::OpenSslFailure("creating an HMAC context");
  char digest[] = "SHA256";
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                               OSSL_PARAM_construct_end()};
  if (EVP_MAC_init(state->ctx.get(), key.data(), key.size(), params) != 1)
    return internal::OpenSslFailure("setting the HMAC key");
  HmacSha256Key out;
  out.state_ = std::move(state);
  return out;
}

Result<std::array<uint8_t, 32>> HmacSha256Key::Mac(ByteView data) const {
  std::array<uint8_t, 32> out{};
  size_t len = 0;
  std::lock_guard<std::mutex> lock(state_->mu);
  // A null key keeps the key already set: only the message is hashed.
  if (EVP_MAC_init(state_->ctx.get(), nullptr, 0, nullptr) != 1 ||
      EVP_MAC_update(state_->ctx.get(), data.data(), data.size()) != 1 ||
      EVP_MAC_final(state_->ctx.get(), out.data(), &len, out.size()) != 1 || len != out.size())
    return internal::OpenSslFailure("HMAC-SHA256");
  return out;
}

std::string HexEncode(ByteView data) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.resize(data.size() * 2);
  for (size_t i = 0; i < data.size(); ++i) {
    out[2 * i] = kHex[data[i] >> 4];
    out[2 * i + 1] = kHex[data[i] & 0xF];
  }
  return out;
}

Result<Bytes> HexDecode(std::string_view hex) {
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  if (hex.size() % 2 != 0) return Status::InvalidArgument("hex string of odd length");
  Bytes out(hex.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) {
    int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return Status::InvalidArgument("not a hex string");
    out[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return out;
}

bool ConstantTimeEqual(ByteView a, ByteView b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string OpenSslErrors() {
  std::string out;
  unsigned long e;
  char buf[256];
  while ((e = ERR_get_error()) != 0) {
    ERR_error_string_n(e, buf, sizeof buf);
    if (!out.empty()) out += "; ";
    out += buf;
  }
  return out;
}

// ---- scrypt ----

Status KdfParams::Validate() const {
  if (log2_n < kMinLog2N || log2_n > kMaxLog2N)
    return Status::InvalidArgument("scrypt cost N=2^" + std::to_string(log2_n) +
                                   " is outside the allowed range 2^" + std::to_string(kMinLog2N) +
                                   "..2^" + std::to_string(kMaxLog2N));
  if (r != 8)
    return Status::InvalidArgument("scrypt block size r=" + std::to_string(r) +
                                   " is not the allowed value 8");
  if (p < 1 || p > 4)
    return Status::InvalidArgument("scrypt parallelism p=" + std::to_string(p) +
                                   " is outside the allowed range 1..4");
  return Status::Ok();
}

std::string KdfParams::Serialize() const {
  return "scrypt:" + std::to_string(log2_n) + ":" + std::to_string(r) + ":" + std::to_string(p) +
         ":" + HexEncode(salt);
}

Result<KdfParams> KdfParams::Parse(std::string_view text) {
  auto bad = [] { return Status::Corruption("key header: KDF parameters do not parse"); };
  if (text.size() > 200 || text.substr(0, 7) != "scrypt:") return bad();
  text.remove_prefix(7);
  long long fields[3];
  for (long long& f : fields) {
    size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 10) return bad();
    f = 0;
    for (char c : text.substr(0, colon)) {
      if (c < '0' || c > '9') return bad();
      f = f * 10 + (c - '0');
    }
    text.remove_prefix(colon + 1);
  }
  KdfParams p;
  p.log2_n = static_cast<int>(fields[0]);
  p.r = static_cast<uint32_t>(fields[1]);
  p.p = static_cast<uint32_t>(fields[2]);
  if (static_cast<long long>(p.log2_n) != fields[0] || p.r != fields[1] || p.p != fields[2])
    return bad();
  auto salt = HexDecode(text);
  if (!salt.ok() || salt->size() != p.salt.size()) return bad();
  std::memcpy(p.salt.data(), salt->data(), p.salt.size());
  FN_RETURN_IF_ERROR(p.Validate());
  return p;
}

Result<KdfParams> KdfParams::Generate(int log2_n) {
  KdfParams p;
  p.log2_n = log2_n;
  FN_RETURN_IF_ERROR(p.Validate());
  FN_RETURN_IF_ERROR(RandomBytes(p.salt));
  return p;
}

Result<SecureBytes> ScryptRaw(std::string_view passphrase, ByteView salt, uint64_t n, uint32_t r,
                              uint32_t p, size_t out_len) {
  internal::KdfPtr kdf(EVP_KDF_fetch(nullptr, "SCRYPT", nullptr));
  if (!kdf) return OpenSslFailure("scrypt is not available");
  internal::KdfCtxPtr ctx(EVP_KDF_CTX_new(kdf.get()));
  if (!ctx) return OpenSslFailure("EVP_KDF_CTX_new failed");
  // scrypt needs 128*r*N bytes for V plus 128*r*p for B; allow that and a margin.
  uint64_t maxmem = 128ull * r * (n + p + 2) + (1u << 20);
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD,
                                        const_cast<char*>(passphrase.data()), passphrase.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<uint8_t*>(salt.data()),
                                        salt.size()),
      OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
      OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
      OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
      OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
      OSSL_PARAM_construct_end(),
  };
  SecureBytes out(out_len);
  if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1)
    return OpenSslFailure("scrypt derivation failed");
  return out;
}

Result<SecureBytes> Scrypt(std::string_view passphrase, const KdfParams& params, size_t out_len) {
  FN_RETURN_IF_ERROR(params.Validate());
  return ScryptRaw(passphrase, params.salt, uint64_t{1} << params.log2_n, params.r, params.p,
                   out_len);
}

// ---- AES-256-GCM ----

Result<Bytes> AesGcmSeal(ByteView key, ByteView nonce, ByteView aad, ByteView plaintext) {
  if (key.size() != kAesKeyBytes || nonce.size() != kGcmNonceBytes)
    return Status::InvalidArgument("AES-GCM: wrong key or nonce size");
  if (!FitsInt(plaintext.size()) || !FitsInt(aad.size()))
    return Status::InvalidArgument("AES-GCM: input too large");
  CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (!ctx || EVP_EncryptInit_ex2(ctx.get(), Aes256Gcm(), key.data(), nonce.data(), nullptr) != 1)
    return OpenSslFailure("AES-GCM: init failed");
  int len = 0;
  if (!aad.empty() &&
      EVP_EncryptUpdate(ctx.get(), nullptr, &len, aad.data(), static_cast<int>(aad.size())) != 1)
    return OpenSslFailure("AES-GCM: aad failed");
  Bytes out(plaintext.size() + kGcmTagBytes);
  int total = 0;
  if (!plaintext.empty()) {
    if (EVP_EncryptUpdate(ctx.get(), out.data(), &len, plaintext.data(),
                          static_cast<int>(plaintext.size())) != 1)
      return OpenSslFailure("AES-GCM: encrypt failed");
    total = len;
  }
  if (EVP_EncryptFinal_ex(ctx.get(), out.data() + total, &len) != 1)
    return OpenSslFailure("AES-GCM: final failed");
  total += len;
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, kGcmTagBytes, out.data() + total) != 1)
    return OpenSslFailure("AES-GCM: tag failed");
  out.resize(static_cast<size_t>(total) + kGcmTagBytes);
  return out;
}

Result<SecureBytes> AesGcmOpen(ByteView key, ByteView nonce, ByteView aad, ByteView sealed) {
  if (key.size() != kAesKeyBytes || nonce.size() != kGcmNonceBytes)
    return Status::InvalidArgument("AES-GCM: wrong key or nonce size");
  if (sealed.size() < kGcmTagBytes) return Status::Corruption("authentication failed (truncated)");
  if (!FitsInt(sealed.size()) || !FitsInt(aad.size()))
    return Status::InvalidArgument("AES-GCM: input too large");
  const size_t ct_len = sealed.size() - kGcmTagBytes;
  CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (!ctx || EVP_DecryptInit_ex2(ctx.get(), Aes256Gcm(), key.data(), nonce.data(), nullptr) != 1)
    return OpenSslFailure("AES-GCM: init failed");
  int len = 0;
  if (!aad.empty() &&
      EVP_DecryptUpdate(ctx.get(), nullptr, &len, aad.data(), static_cast<int>(aad.size())) != 1)
    return OpenSslFailure("AES-GCM: aad failed");
  SecureBytes out(ct_len);
  int total = 0;
  if (ct_len > 0) {
    if (EVP_DecryptUpdate(ctx.get(), out.data(), &len, sealed.data(), static_cast<int>(ct_len)) !=
        1)
      return OpenSslFailure("AES-GCM: decrypt failed");
    total = len;
  }
  if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, kGcmTagBytes,
                          const_cast<uint8_t*>(sealed.data() + ct_len)) != 1)
    return OpenSslFailure("AES-GCM: set tag failed");
  if (EVP_DecryptFinal_ex(ctx.get(), out.data() + total, &len) != 1) {
    ERR_clear_error();
    out.Clear();  // never hand out unauthenticated plaintext
    return Status::Corruption("authentication failed");
  }
  return out;
}

namespace internal {

Status OpenSslFailure(std::string_view what) {
  std::string msg(what);
  std::string errs = OpenSslErrors();
  if (!errs.empty()) msg += " (" + errs + ")";
  return Status::Internal(msg);
}

void DigestOrDie(const EVP_MD* md, const void* data, size_t size, unsigned char* out) {
  unsigned int len = 0;
  if (EVP_Digest(data, size, out, &len, md, nullptr) != 1 ||
      static_cast<int>(len) != EVP_MD_get_size(md)) {
    std::fprintf(stderr, "Fieldnotes: OpenSSL could not compute a digest (%s); stopping.\n",
                 OpenSslErrors().c_str());
    std::abort();
  }
}

}  // namespace internal
}  // namespace fieldnotes::core::crypto
