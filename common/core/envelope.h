// The report envelope: a report sealed to one clinician and signed by one
// client (DESIGN.md §4). The byte layout is docs/envelope-format.md; the
// constants here point to it. The server only ever sees envelopes.
#ifndef FIELDNOTES_CORE_ENVELOPE_H_
#define FIELDNOTES_CORE_ENVELOPE_H_

#include <array>
#include <cstdint>
#include <optional>

#include "core/crypto.h"
#include "core/keys.h"
#include "core/status.h"

namespace fieldnotes::core::envelope {

inline constexpr std::array<uint8_t, 4> kMagic = {'F', 'N', 'R', 'E'};
inline constexpr uint8_t kVersion = 1;
// X25519 + HKDF-SHA256 + AES-256-GCM + Ed25519.
inline constexpr uint8_t kSuite = 1;
inline constexpr char kHkdfInfo[] = "fieldnotes/report/v1";
inline constexpr size_t kHeaderBytes = 144;
inline constexpr size_t kEnvelopeIdBytes = 16;
// Padded plaintext sizes: 32 KiB, 64 KiB, ... doubling up to kMaxPadded.
inline constexpr size_t kMinPadded = size_t{32} * 1024;
inline constexpr size_t kMaxPadded = size_t{16} * 1024 * 1024;
// The most content one envelope carries: the largest bucket less the 4-byte
// length prefix.
inline constexpr size_t kMaxContent = kMaxPadded - 4;
inline constexpr size_t kOverheadBytes =
    kHeaderBytes + crypto::kGcmTagBytes + crypto::kEd25519SignatureBytes;

struct Header {
  uint8_t version = kVersion;
  uint8_t suite = kSuite;
  uint16_t flags = 0;             // reserved, must be 0
  crypto::PublicKey recipient{};  // the clinician's X25519 public key
  crypto::PublicKey sender{};     // the client's Ed25519 public key
  crypto::PublicKey ephemeral{};  // this envelope's X25519 public key
  std::array<uint8_t, crypto::kGcmNonceBytes> nonce{};
  std::array<uint8_t, kEnvelopeIdBytes> envelope_id{};  // random, for replay checks
  int64_t created_at = 0;                               // unix seconds, as the client's clock said
  uint32_t padded_length = 0;

  // The 144 header bytes.
  crypto::Bytes Serialize() const;
};

// The padded size for `content_length` bytes of content: the smallest
// bucket that holds them and the 4-byte length prefix.
size_t PaddedSize(size_t content_length);

// For known-answer tests only: the values Seal otherwise draws at random.
struct FixedRandomness {
  crypto::ByteView ephemeral_private;  // 32 bytes
  crypto::ByteView nonce;              // 12 bytes
  crypto::ByteView envelope_id;        // 16 bytes
};

// Seals `content` (a report PDF, at most kMaxContent bytes) to the
// clinician's X25519 `recipient` key and signs it with the client's
// `sender` key. InvalidArgument for content too large or keys of the wrong
// size; Corruption for a low-order recipient key.
Result<crypto::Bytes> Seal(crypto::ByteView content, crypto::ByteView recipient,
                           const crypto::Ed25519KeyPair& sender, int64_t created_at,
                           const FixedRandomness* fixed = nullptr);

// Reads the header without checking anything but its form: for listing
// and for the server's size checks. Corruption with the reason.
Result<Header> ParseHeader(crypto::ByteView envelope);

struct Opened {
  Header header;
  crypto::SecureBytes content;
};

// Checks everything and returns the content: the form and size (no trailing
// bytes), the version and suite, the recipient (must be `recipient`'s public
// key), the sender (must be `expected_sender`, the paired client's Ed25519
// key), the signature (before any decryption), the shared secret (not all
// zero), the AEAD tag over the header, and the padding (the length prefix in
// range, every padding byte zero, the bucket the smallest that fits). Each failure is Corruption or
// Unsupported with a reason a person can read; no content is returned on
// any failure.
Result<Opened> Open(crypto::ByteView envelope, const crypto::X25519KeyPair& recipient,
                    crypto::ByteView expected_sender);

}  // namespace fieldnotes::core::envelope

#endif  // FIELDNOTES_CORE_ENVELOPE_H_
