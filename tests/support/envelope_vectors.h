// Known-answer and negative vectors for the report envelope
// (docs/envelope-format.md). Deterministic: fixed keys, ephemeral key, nonce
// and id. Used by core_tests and by tests/tools/make_envelope_vectors, which
// writes them to docs/envelope-vectors/ for other implementations.
#ifndef FIELDNOTES_TESTS_SUPPORT_ENVELOPE_VECTORS_H_
#define FIELDNOTES_TESTS_SUPPORT_ENVELOPE_VECTORS_H_

#include <cstring>
#include <string>
#include <vector>

#include "core/envelope.h"
#include "core/keys.h"

namespace fieldnotes::testing {

namespace crypto = core::crypto;
namespace envelope = core::envelope;

struct VectorKeys {
  crypto::X25519KeyPair clinician;        // the recipient
  crypto::X25519KeyPair other_clinician;  // someone else
  crypto::Ed25519KeyPair client;          // the paired client
  crypto::Ed25519KeyPair other_client;    // another client of the same clinician
};

inline crypto::Bytes FromHex(std::string_view h) { return crypto::HexDecode(h).value(); }

inline VectorKeys MakeVectorKeys() {
  return {
      crypto::X25519KeyPair::FromPrivate(
          FromHex("a8abababababababababababababababababababababababababababababab6b"))
          .value(),
      crypto::X25519KeyPair::FromPrivate(
          FromHex("c8cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd4d"))
          .value(),
      crypto::Ed25519KeyPair::FromPrivate(
          FromHex("0101010101010101010101010101010101010101010101010101010101010101"))
          .value(),
      crypto::Ed25519KeyPair::FromPrivate(
          FromHex("0202020202020202020202020202020202020202020202020202020202020202"))
          .value(),
  };
}

inline constexpr char kEphemeralPrivate[] =
    "e0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfe7f";
inline constexpr char kNonce[] = "000102030405060708090a0b";
inline constexpr char kEnvelopeId[] = "f0e1d2c3b4a5968778695a4b3c2d1e0f";
inline constexpr int64_t kCreatedAt = 1794000000;  // 2026-11-06
inline const std::string kContent = "%PDF-1.4\n% a tiny stand-in for a weekly report\n%%EOF\n";
// Its length as the envelope's 4-byte length prefix holds it (a few dozen bytes).
inline const uint32_t kContentLength = static_cast<uint32_t>(kContent.size());

// The one known-answer envelope.
inline crypto::Bytes KnownAnswerEnvelope(const VectorKeys& k) {
  auto eph = FromHex(kEphemeralPrivate), nonce = FromHex(kNonce), id = FromHex(kEnvelopeId);
  envelope::FixedRandomness fixed{eph, nonce, id};
  return envelope::Seal(crypto::AsBytes(kContent), k.clinician.public_key, k.client, kCreatedAt,
                        &fixed)
      .value();
}

// Builds an envelope by hand from a header and a padded plaintext, with the
// real primitives, so a vector can lie in ways Seal never would; `signer`
// signs it.
inline crypto::Bytes Forge(envelope::Header h, const crypto::Bytes& padded,
                           const crypto::X25519KeyPair& recipient_for_key,
                           crypto::ByteView eph_private, const crypto::Ed25519KeyPair& signer) {
  crypto::Bytes out = h.Serialize();
  auto shared = crypto::X25519(eph_private, recipient_for_key.public_key);
  crypto::Bytes sealed;
  if (shared.ok()) {
    uint8_t salt[64];
    std::memcpy(salt, h.ephemeral.data(), 32);
    std::memcpy(salt + 32, h.recipient.data(), 32);
    auto key =
        crypto::HkdfSha256(shared->view(), salt, crypto::AsBytes(envelope::kHkdfInfo), 32).value();
    sealed = crypto::AesGcmSeal(key.view(), h.nonce, out, padded).value();
  } else {
    sealed.assign(padded.size() + crypto::kGcmTagBytes, 0x5a);
  }
  out.insert(out.end(), sealed.begin(), sealed.end());
  auto sig = signer.Sign(out).value();
  out.insert(out.end(), sig.begin(), sig.end());
  return out;
}

// Re-signs the first size-64 bytes with `signer` (after an edit).
inline crypto::Bytes Resign(crypto::Bytes env, const crypto::Ed25519KeyPair& signer) {
  env.resize(env.size() - crypto::kEd25519SignatureBytes);
  auto sig = signer.Sign(env).value();
  env.insert(env.end(), sig.begin(), sig.end());
  return env;
}

struct NegativeVector {
  std::string name;
  crypto::Bytes bytes;
  std::string reason;  // a part of the refusal's message
};

inline crypto::Bytes Padded(size_t bucket, uint32_t length_prefix, const std::string& content) {
  crypto::Bytes p(bucket, 0);
  p[0] = static_cast<uint8_t>(length_prefix >> 24);
  p[1] = static_cast<uint8_t>(length_prefix >> 16);
  p[2] = static_cast<uint8_t>(length_prefix >> 8);
  p[3] = static_cast<uint8_t>(length_prefix);
  std::memcpy(p.data() + 4, content.data(), std::min(content.size(), bucket - 4));
  return p;
}

inline std::vector<NegativeVector> NegativeVectors(const VectorKeys& k) {
  const crypto::Bytes good = KnownAnswerEnvelope(k);
  const envelope::Header h = envelope::ParseHeader(good).value();
  const auto eph = FromHex(kEphemeralPrivate);
  std::vector<NegativeVector> v;
  auto edit = [&](std::string name, size_t offset, uint8_t x, std::string reason) {
    crypto::Bytes b = good;
    b[offset] ^= x;
    v.push_back({std::move(name), std::move(b), std::move(reason)});
  };
  auto cut = [&](std::string name, size_t len, std::string reason) {
    v.push_back(
        {std::move(name), crypto::Bytes(good.begin(), good.begin() + len), std::move(reason)});
  };
  const size_t sig_at = good.size() - 64;
  cut("empty", 0, "truncated");
  cut("truncated-in-magic", 3, "truncated");
  cut("truncated-in-header", envelope::kHeaderBytes - 1, "truncated");
  cut("header-only", envelope::kHeaderBytes, "truncated");
  cut("truncated-in-ciphertext", envelope::kHeaderBytes + 1000, "truncated");
  cut("truncated-in-tag", sig_at - 8, "truncated");
  cut("truncated-in-signature", good.size() - 1, "truncated");
  {
    crypto::Bytes b = good;
    b.push_back(0);
    v.push_back({"trailing-byte", b, "trailing bytes"});
    b.insert(b.end(), 1023, 0x41);
    v.push_back({"trailing-kilobyte", b, "trailing bytes"});
  }
  edit("magic", 0, 0x20, "not a Fieldnotes report envelope");
  edit("version-0", 4, 0x01, "unknown version 0");
  edit("version-3", 4, 0x02, "unknown version 3");
  edit("suite", 5, 0x02, "unknown cipher suite");
  edit("flags", 7, 0x01, "reserved flags");
  edit("recipient-edited", 8, 0x01, "sealed to another key");
  edit("sender-edited", 40, 0x01, "signed by a key other than this client's");
  edit("ephemeral-edited", 72, 0x01, "signature does not verify");
  edit("nonce-edited", 104, 0x01, "signature does not verify");
  edit("envelope-id-edited", 116, 0x01, "signature does not verify");
  edit("created-at-edited", 139, 0x01, "signature does not verify");
  edit("padded-length-not-a-bucket", 143, 0x01, "not one of the sizes allowed");
  {
    crypto::Bytes b = good;  // claims 64 KiB where 32 KiB follow
    b[141] = 0x01;
    b[142] = 0x00;
    v.push_back({"padded-length-other-bucket", b, "truncated"});
  }
  edit("ciphertext-bit", envelope::kHeaderBytes + 5, 0x04, "signature does not verify");
  edit("tag-bit", sig_at - 1, 0x80, "signature does not verify");
  edit("signature-bit", sig_at + 3, 0x10, "signature does not verify");
  {
    // Another client of the same clinician re-signs it as their own.
    crypto::Bytes b = good;
    std::memcpy(b.data() + 40, k.other_client.public_key.data(), 32);
    v.push_back({"resigned-by-another-client", Resign(b, k.other_client),
                 "signed by a key other than this client's"});
  }
  {
    // A valid envelope, but sealed to someone else.
    auto e = FromHex(kEphemeralPrivate), n = FromHex(kNonce), i = FromHex(kEnvelopeId);
    envelope::FixedRandomness fixed{e, n, i};
    v.push_back({"sealed-to-another-clinician",
                 envelope::Seal(crypto::AsBytes(kContent), k.other_clinician.public_key, k.client,
                                kCreatedAt, &fixed)
                     .value(),
                 "sealed to another key"});
  }
  {
    // The client's own key signs a header whose ephemeral share is zero.
    envelope::Header z = h;
    z.ephemeral.fill(0);
    v.push_back({"all-zero-x25519-share",
                 Forge(z, Padded(envelope::kMinPadded, kContentLength, kContent), k.clinician,
                       FromHex("0000000000000000000000000000000000000000000000000000000000000000"),
                       k.client),
                 "all zero"});
  }
  {
    // The ciphertext changed and then signed again by the real client: the
    // tag catches it.
    crypto::Bytes b = good;
    b[envelope::kHeaderBytes + 7] ^= 0x01;
    v.push_back({"bad-tag-resigned", Resign(b, k.client), "does not decrypt"});
  }
  {
    // A version 2 envelope, properly signed: refused for its version.
    crypto::Bytes b = good;
    b[4] = 2;
    v.push_back({"unknown-version-resigned", Resign(b, k.client), "unknown version 2"});
  }
  v.push_back({"padding-lie-length-too-large",
               Forge(h, Padded(envelope::kMinPadded, envelope::kMinPadded, kContent), k.clinician,
                     eph, k.client),
               "content length is larger"});
  {
    crypto::Bytes p = Padded(envelope::kMinPadded, kContentLength, kContent);
    p.back() = 0x01;
    v.push_back(
        {"padding-lie-nonzero", Forge(h, p, k.clinician, eph, k.client), "padding is not zero"});
  }
  {
    envelope::Header big = h;
    big.padded_length = envelope::kMinPadded * 2;
    v.push_back({"padding-lie-bucket-too-large",
                 Forge(big, Padded(big.padded_length, kContentLength, kContent), k.clinician, eph,
                       k.client),
                 "larger size than its content needs"});
  }
  return v;
}

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_SUPPORT_ENVELOPE_VECTORS_H_
