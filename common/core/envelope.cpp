#include "core/envelope.h"

#include <cstring>

namespace fieldnotes::core::envelope {
namespace {

using crypto::Bytes;
using crypto::ByteView;

// Offsets of the header fields (docs/envelope-format.md).
constexpr size_t kOffVersion = 4;
constexpr size_t kOffSuite = 5;
constexpr size_t kOffFlags = 6;
constexpr size_t kOffRecipient = 8;
constexpr size_t kOffSender = 40;
constexpr size_t kOffEphemeral = 72;
constexpr size_t kOffNonce = 104;
constexpr size_t kOffEnvelopeId = 116;
constexpr size_t kOffCreatedAt = 132;
constexpr size_t kOffPaddedLength = 140;
static_assert(kOffPaddedLength + 4 == kHeaderBytes);

void PutBe(Bytes& out, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out.push_back(static_cast<uint8_t>(v >> (8 * i)));
}

uint64_t GetBe(ByteView in, size_t off, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = v << 8 | in[off + static_cast<size_t>(i)];
  return v;
}

bool IsBucket(size_t n) {
  for (size_t b = kMinPadded; b <= kMaxPadded; b *= 2)
    if (n == b) return true;
  return false;
}

Status Bad(std::string_view why) {
  return Status::Corruption("envelope refused: " + std::string(why));
}

// The key and the salt of DESIGN.md §4: HKDF-SHA256 over the shared secret,
// salt = ephemeral public key || recipient public key.
Result<crypto::SecureBytes> DeriveKey(ByteView shared, const Header& h) {
  uint8_t salt[64];
  std::memcpy(salt, h.ephemeral.data(), 32);
  std::memcpy(salt + 32, h.recipient.data(), 32);
  return crypto::HkdfSha256(shared, salt, crypto::AsBytes(kHkdfInfo), crypto::kAesKeyBytes);
}

}  // namespace

Bytes Header::Serialize() const {
  Bytes out;
  out.reserve(kHeaderBytes);
  out.insert(out.end(), kMagic.begin(), kMagic.end());
  out.push_back(version);
  out.push_back(suite);
  PutBe(out, flags, 2);
  out.insert(out.end(), recipient.begin(), recipient.end());
  out.insert(out.end(), sender.begin(), sender.end());
  out.insert(out.end(), ephemeral.begin(), ephemeral.end());
  out.insert(out.end(), nonce.begin(), nonce.end());
  out.insert(out.end(), envelope_id.begin(), envelope_id.end());
  PutBe(out, static_cast<uint64_t>(created_at), 8);
  PutBe(out, padded_length, 4);
  return out;
}

size_t PaddedSize(size_t content_length) {
  size_t need = content_length + 4;
  size_t b = kMinPadded;
  while (b < need && b < kMaxPadded) b *= 2;
  return b;
}

Result<Bytes> Seal(ByteView content, ByteView recipient, const crypto::Ed25519KeyPair& sender,
                   int64_t created_at, const FixedRandomness* fixed) {
  if (content.size() > kMaxContent)
    return Status::InvalidArgument("the report is too large to share (over 16 MiB)");
  if (recipient.size() != crypto::kX25519KeyBytes)
    return Status::InvalidArgument("the clinician's key must be 32 bytes");

  Header h;
  std::memcpy(h.recipient.data(), recipient.data(), 32);
  h.sender = sender.public_key;
  h.created_at = created_at;
  h.padded_length = static_cast<uint32_t>(PaddedSize(content.size()));

  crypto::SecureBytes eph_private(32);
  if (fixed) {
    if (fixed->ephemeral_private.size() != 32 || fixed->nonce.size() != h.nonce.size() ||
        fixed->envelope_id.size() != h.envelope_id.size())
      return Status::InvalidArgument("fixed randomness of the wrong size");
    std::memcpy(eph_private.data(), fixed->ephemeral_private.data(), 32);
    std::memcpy(h.nonce.data(), fixed->nonce.data(), h.nonce.size());
    std::memcpy(h.envelope_id.data(), fixed->envelope_id.data(), h.envelope_id.size());
  } else {
    FN_RETURN_IF_ERROR(crypto::RandomBytes({eph_private.data(), eph_private.size()}));
    FN_RETURN_IF_ERROR(crypto::RandomBytes(h.nonce));
    FN_RETURN_IF_ERROR(crypto::RandomBytes(h.envelope_id));
  }
  auto eph = crypto::X25519KeyPair::FromPrivate(eph_private.view());
  if (!eph.ok()) return eph.status();
  h.ephemeral = eph->public_key;

  auto shared = crypto::X25519(eph->private_key.view(), recipient);
  if (!shared.ok()) return shared.status();
  auto key = DeriveKey(shared->view(), h);
  if (!key.ok()) return key.status();

  // Plaintext: length prefix, content, zeros to the bucket.
  crypto::SecureBytes padded(h.padded_length);
  padded.data()[0] = static_cast<uint8_t>(content.size() >> 24);
  padded.data()[1] = static_cast<uint8_t>(content.size() >> 16);
  padded.data()[2] = static_cast<uint8_t>(content.size() >> 8);
  padded.data()[3] = static_cast<uint8_t>(content.size());
  if (!content.empty()) std::memcpy(padded.data() + 4, content.data(), content.size());

  Bytes out = h.Serialize();
  auto sealed = crypto::AesGcmSeal(key->view(), h.nonce, out, padded.view());
  if (!sealed.ok()) return sealed.status();
  out.insert(out.end(), sealed->begin(), sealed->end());
  auto sig = sender.Sign(out);
  if (!sig.ok()) return sig.status();
  out.insert(out.end(), sig->begin(), sig->end());
  return out;
}

Result<Header> ParseHeader(ByteView in) {
  if (in.size() < kHeaderBytes) return Bad("truncated: shorter than its header");
  if (std::memcmp(in.data(), kMagic.data(), kMagic.size()) != 0)
    return Bad("not a Fieldnotes report envelope");
  Header h;
  h.version = in[kOffVersion];
  if (h.version != kVersion)
    return Status::Unsupported("envelope refused: unknown version " + std::to_string(h.version));
  h.suite = in[kOffSuite];
  if (h.suite != kSuite)
    return Status::Unsupported("envelope refused: unknown cipher suite " + std::to_string(h.suite));
  h.flags = static_cast<uint16_t>(GetBe(in, kOffFlags, 2));
  if (h.flags != 0) return Bad("reserved flags are set");
  std::memcpy(h.recipient.data(), in.data() + kOffRecipient, 32);
  std::memcpy(h.sender.data(), in.data() + kOffSender, 32);
  std::memcpy(h.ephemeral.data(), in.data() + kOffEphemeral, 32);
  std::memcpy(h.nonce.data(), in.data() + kOffNonce, h.nonce.size());
  std::memcpy(h.envelope_id.data(), in.data() + kOffEnvelopeId, h.envelope_id.size());
  h.created_at = static_cast<int64_t>(GetBe(in, kOffCreatedAt, 8));
  h.padded_length = static_cast<uint32_t>(GetBe(in, kOffPaddedLength, 4));
  if (!IsBucket(h.padded_length)) return Bad("the padded length is not one of the sizes allowed");
  const size_t expected = kOverheadBytes + h.padded_length;
  if (in.size() < expected) return Bad("truncated");
  if (in.size() > expected) return Bad("trailing bytes after the signature");
  return h;
}

Result<Opened> Open(ByteView in, const crypto::X25519KeyPair& recipient, ByteView expected_sender) {
  auto header = ParseHeader(in);
  if (!header.ok()) return header.status();
  const Header& h = *header;
  if (!crypto::ConstantTimeEqual(h.recipient, recipient.public_key))
    return Bad("it was sealed to another key, not to this clinician");
  if (expected_sender.size() != 32 || !crypto::ConstantTimeEqual(h.sender, expected_sender))
    return Bad("it was signed by a key other than this client's");
  const size_t signed_len = in.size() - crypto::kEd25519SignatureBytes;
  if (!crypto::Ed25519Verify(h.sender, in.first(signed_len), in.subspan(signed_len)))
    return Bad("the signature does not verify: it was changed after the client signed it");

  auto shared = crypto::X25519(recipient.private_key.view(), h.ephemeral);
  if (!shared.ok()) return Bad(shared.status().message());
  auto key = DeriveKey(shared->view(), h);
  if (!key.ok()) return key.status();
  auto padded = crypto::AesGcmOpen(key->view(), h.nonce, in.first(kHeaderBytes),
                                   in.subspan(kHeaderBytes, signed_len - kHeaderBytes));
  if (!padded.ok()) return Bad("it does not decrypt (authentication failed)");
  const uint8_t* p = padded->data();
  const size_t length = static_cast<size_t>(p[0]) << 24 | static_cast<size_t>(p[1]) << 16 |
                        static_cast<size_t>(p[2]) << 8 | p[3];
  if (length > padded->size() - 4) return Bad("the content length is larger than the envelope");
  uint8_t acc = 0;
  for (size_t i = 4 + length; i < padded->size(); ++i) acc |= p[i];
  if (acc != 0) return Bad("the padding is not zero");
  if (PaddedSize(length) != padded->size())
    return Bad("it is padded to a larger size than its content needs");

  Opened out;
  out.header = h;
  out.content = crypto::SecureBytes(ByteView(p + 4, length));
  return out;
}

}  // namespace fieldnotes::core::envelope
