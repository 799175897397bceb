// Cryptographic primitives against published known-answer vectors.
#include <boost/test/unit_test.hpp>

#include <string>

#include "core/crypto.h"

namespace crypto = fieldnotes::core::crypto;

namespace {

crypto::Bytes Hex(std::string_view h) { return crypto::HexDecode(h).value(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(crypto_kat)

// The GCM specification's test cases 13, 14 and 16 (AES-256), as published
// by NIST with the GCM mode (McGrew & Viega, "The Galois/Counter Mode").
struct GcmVector {
  const char* key;
  const char* iv;
  const char* aad;
  const char* plaintext;
  const char* ciphertext;
  const char* tag;
};

const GcmVector kGcmVectors[] = {
    {"0000000000000000000000000000000000000000000000000000000000000000", "000000000000000000000000",
     "", "", "", "530f8afbc74536b9a963b4f1c4cb738b"},
    {"0000000000000000000000000000000000000000000000000000000000000000", "000000000000000000000000",
     "", "00000000000000000000000000000000", "cea7403d4d606b6e074ec5d3baf39d18",
     "d0d1c8a799996bf0265b98b5d48ab919"},
    {"feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308", "cafebabefacedbaddecaf888",
     "feedfacedeadbeeffeedfacedeadbeefabaddad2",
     "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b"
     "5"
     "25b16aedf5aa0de657ba637b39",
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828"
     "838"
     "c5f61e6393ba7a0abcc9f662",
     "76fc6ece0f4e1768cddf8853bb2d551b"},
};

BOOST_AUTO_TEST_CASE(aes_256_gcm_nist_vectors) {
  for (const auto& v : kGcmVectors) {
    auto sealed = crypto::AesGcmSeal(Hex(v.key), Hex(v.iv), Hex(v.aad), Hex(v.plaintext));
    BOOST_REQUIRE(sealed.ok());
    BOOST_TEST(crypto::HexEncode(*sealed) == std::string(v.ciphertext) + v.tag);

    auto opened = crypto::AesGcmOpen(Hex(v.key), Hex(v.iv), Hex(v.aad), *sealed);
    BOOST_REQUIRE(opened.ok());
    BOOST_TEST(crypto::HexEncode(opened->view()) == v.plaintext);
  }
}

BOOST_AUTO_TEST_CASE(aes_gcm_rejects_any_change) {
  const auto& v = kGcmVectors[2];
  auto sealed = crypto::AesGcmSeal(Hex(v.key), Hex(v.iv), Hex(v.aad), Hex(v.plaintext)).value();
  // Every single-bit flip of ciphertext or tag is refused.
  for (size_t i = 0; i < sealed.size(); ++i) {
    auto bad = sealed;
    bad[i] ^= 0x01;
    auto r = crypto::AesGcmOpen(Hex(v.key), Hex(v.iv), Hex(v.aad), bad);
    BOOST_TEST(!r.ok());
    BOOST_TEST(r.status().IsCorruption());
  }
  auto aad = Hex(v.aad);
  aad[0] ^= 0x80;
  BOOST_TEST(!crypto::AesGcmOpen(Hex(v.key), Hex(v.iv), aad, sealed).ok());
  auto iv = Hex(v.iv);
  iv[11] ^= 0x01;
  BOOST_TEST(!crypto::AesGcmOpen(Hex(v.key), iv, Hex(v.aad), sealed).ok());
  // Truncated below the tag.
  BOOST_TEST(
      !crypto::AesGcmOpen(Hex(v.key), Hex(v.iv), Hex(v.aad), crypto::ByteView(sealed).first(15))
           .ok());
  // Wrong key and nonce sizes are argument errors, not crashes.
  BOOST_TEST(!crypto::AesGcmSeal(Hex("00"), Hex(v.iv), {}, {}).ok());
  BOOST_TEST(!crypto::AesGcmSeal(Hex(v.key), Hex("00"), {}, {}).ok());
}

// RFC 7914 section 12.
BOOST_AUTO_TEST_CASE(hmac_sha256_rfc4231_vectors) {
  // RFC 4231 test cases 1, 2 and 6 (a key longer than the block).
  struct V {
    std::string key, data, mac;
  };
  for (const V& v : std::vector<V>{
           {std::string(20, '\x0b'), "Hi There",
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
           {"Jefe", "what do ya want for nothing?",
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
           {std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First",
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
       }) {
    auto mac = crypto::HmacSha256(crypto::AsBytes(v.key), crypto::AsBytes(v.data));
    BOOST_REQUIRE(mac.ok());
    BOOST_TEST(crypto::HexEncode(*mac) == v.mac);
    // The same under a key set once, twice in a row (the key is kept).
    auto key = crypto::HmacSha256Key::Make(crypto::AsBytes(v.key));
    BOOST_REQUIRE(key.ok());
    for (int i = 0; i < 2; ++i)
      BOOST_TEST(crypto::HexEncode(key->Mac(crypto::AsBytes(v.data)).value()) == v.mac);
  }
}

BOOST_AUTO_TEST_CASE(scrypt_rfc7914_vectors) {
  struct V {
    const char* password;
    const char* salt;
    uint64_t n;
    uint32_t r, p;
    const char* dk;
  };
  const V vectors[] = {
      {"", "", 16, 1, 1,
       "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc"
       "81f"
       "17e8d3e0fb2e0d3628cf35e20c38d18906"},
      {"password", "NaCl", 1024, 8, 16,
       "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9"
       "830"
       "dac727afb94a83ee6d8360cbdfa2cc0640"},
      {"pleaseletmein", "SodiumChloride", 16384, 8, 1,
       "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242"
       "a9a"
       "f9e61e85dc0d651e40dfcf017b45575887"},
  };
  for (const auto& v : vectors) {
    auto dk = crypto::ScryptRaw(v.password, crypto::AsBytes(v.salt), v.n, v.r, v.p, 64);
    BOOST_REQUIRE_MESSAGE(dk.ok(), dk.status().ToString());
    BOOST_TEST(crypto::HexEncode(dk->view()) == v.dk);
  }
}

BOOST_AUTO_TEST_CASE(kdf_params_bounds_are_refused_before_work) {
  crypto::KdfParams p;
  for (int log2n : {0, 1, 14, 21, 30, 63}) {
    p.log2_n = log2n;
    BOOST_TEST(!p.Validate().ok());
    // Refused before any derivation: 2^30 would need 128 GiB and take minutes.
    auto r = crypto::Scrypt("x", p);
    BOOST_TEST(!r.ok());
    BOOST_TEST(r.status().code() == fieldnotes::core::Status::Code::kInvalidArgument);
  }
  p.log2_n = 15;
  p.r = 1;
  BOOST_TEST(!p.Validate().ok());
  p.r = 8;
  p.p = 0;
  BOOST_TEST(!p.Validate().ok());
  p.p = 1;
  BOOST_TEST(p.Validate().ok());

  auto round = crypto::KdfParams::Parse(p.Serialize());
  BOOST_REQUIRE(round.ok());
  BOOST_TEST(round->log2_n == 15);
  BOOST_TEST(crypto::HexEncode(round->salt) == crypto::HexEncode(p.salt));
  for (const char* bad :
       {"", "scrypt", "scrypt:17:8:1:", "scrypt:17:8:1:zz", "bcrypt:17:8:1:00",
        "scrypt:99999999999:8:1:00", "scrypt:-1:8:1:00",
        "scrypt:40:8:1:0000000000000000000000000000000000000000000000000000000000000000"}) {
    BOOST_TEST(!crypto::KdfParams::Parse(bad).ok(), bad);
  }
}

BOOST_AUTO_TEST_CASE(random_bytes_differ_and_hex_round_trips) {
  uint8_t a[32], b[32];
  BOOST_REQUIRE(crypto::RandomBytes(a).ok());
  BOOST_REQUIRE(crypto::RandomBytes(b).ok());
  BOOST_TEST(crypto::HexEncode(a) != crypto::HexEncode(b));
  BOOST_TEST(crypto::HexEncode(crypto::HexDecode("00ff10Ab").value()) == "00ff10ab");
  BOOST_TEST(!crypto::HexDecode("0").ok());
  BOOST_TEST(!crypto::HexDecode("zz").ok());
  // SHA-256("abc"), FIPS 180-2.
  BOOST_TEST(crypto::HexEncode(crypto::Sha256(crypto::AsBytes("abc"))) ==
             "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

BOOST_AUTO_TEST_CASE(secure_bytes_moves_and_clears) {
  crypto::SecureBytes a(crypto::AsBytes("secret"));
  crypto::SecureBytes b(std::move(a));
  BOOST_TEST(a.empty());
  BOOST_TEST(b.size() == 6u);
  b.Clear();
  BOOST_TEST(b.empty());
}

BOOST_AUTO_TEST_SUITE_END()
