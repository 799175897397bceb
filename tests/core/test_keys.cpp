// X25519, Ed25519 and HKDF against their RFCs' known answers; safety numbers
// and the clinician's key file.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "core/key_file.h"
#include "core/keys.h"
#include "core/safety_number.h"
#include "support/temp_dir.h"

namespace crypto = fieldnotes::core::crypto;
using fieldnotes::core::ClinicianKeys;
using fieldnotes::core::Status;

namespace {
crypto::Bytes Hex(std::string_view h) { return crypto::HexDecode(h).value(); }
}  // namespace

BOOST_AUTO_TEST_SUITE(keys)

// RFC 7748 §6.1.
BOOST_AUTO_TEST_CASE(x25519_rfc7748) {
  auto alice = crypto::X25519KeyPair::FromPrivate(
      Hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
  auto bob = crypto::X25519KeyPair::FromPrivate(
      Hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
  BOOST_REQUIRE(alice.ok() && bob.ok());
  BOOST_TEST(crypto::HexEncode(alice->public_key) ==
             "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
  BOOST_TEST(crypto::HexEncode(bob->public_key) ==
             "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
  auto ab = crypto::X25519(alice->private_key.view(), bob->public_key);
  auto ba = crypto::X25519(bob->private_key.view(), alice->public_key);
  BOOST_REQUIRE(ab.ok() && ba.ok());
  BOOST_TEST(crypto::HexEncode(ab->view()) ==
             "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
  BOOST_TEST(crypto::HexEncode(ba->view()) == crypto::HexEncode(ab->view()));
}

BOOST_AUTO_TEST_CASE(x25519_refuses_low_order_points) {
  auto mine = crypto::X25519KeyPair::Generate().value();
  // The all-zero point and the point of order 8 both give an all-zero secret.
  for (const char* point : {"0000000000000000000000000000000000000000000000000000000000000000",
                            "0100000000000000000000000000000000000000000000000000000000000000",
                            "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"}) {
    auto r = crypto::X25519(mine.private_key.view(), Hex(point));
    BOOST_TEST(!r.ok(), point);
    BOOST_TEST(r.status().IsCorruption());
  }
  BOOST_TEST(!crypto::X25519(mine.private_key.view(), Hex("00")).ok());
}

// RFC 8032 §7.1, test 1 (empty message) and test 2 (one byte).
BOOST_AUTO_TEST_CASE(ed25519_rfc8032) {
  auto k1 = crypto::Ed25519KeyPair::FromPrivate(
      Hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
  BOOST_REQUIRE(k1.ok());
  BOOST_TEST(crypto::HexEncode(k1->public_key) ==
             "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  auto s1 = k1->Sign({});
  BOOST_REQUIRE(s1.ok());
  BOOST_TEST(crypto::HexEncode(*s1) ==
             "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
             "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
  BOOST_TEST(crypto::Ed25519Verify(k1->public_key, {}, *s1));

  auto k2 = crypto::Ed25519KeyPair::FromPrivate(
      Hex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb"));
  BOOST_REQUIRE(k2.ok());
  BOOST_TEST(crypto::HexEncode(k2->public_key) ==
             "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
  auto msg = Hex("72");
  auto s2 = k2->Sign(msg);
  BOOST_REQUIRE(s2.ok());
  BOOST_TEST(crypto::HexEncode(*s2) ==
             "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
             "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
  // A wrong key, a changed message or a changed signature do not verify.
  BOOST_TEST(!crypto::Ed25519Verify(k1->public_key, msg, *s2));
  BOOST_TEST(!crypto::Ed25519Verify(k2->public_key, Hex("73"), *s2));
  auto bad = *s2;
  bad[10] ^= 1;
  BOOST_TEST(!crypto::Ed25519Verify(k2->public_key, msg, bad));
  BOOST_TEST(!crypto::Ed25519Verify(k2->public_key, msg, crypto::ByteView(*s2).first(63)));
}

// RFC 5869 A.1.
BOOST_AUTO_TEST_CASE(hkdf_sha256_rfc5869) {
  auto okm = crypto::HkdfSha256(Hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                                Hex("000102030405060708090a0b0c"), Hex("f0f1f2f3f4f5f6f7f8f9"), 42);
  BOOST_REQUIRE(okm.ok());
  BOOST_TEST(
      crypto::HexEncode(okm->view()) ==
      "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
}

BOOST_AUTO_TEST_CASE(safety_number_is_the_same_on_both_sides_and_tracks_every_key) {
  auto client = crypto::Ed25519KeyPair::Generate().value();
  auto clinician = ClinicianKeys::Generate().value();
  auto n = fieldnotes::core::SafetyNumber(client.public_key, clinician.sealing.public_key,
                                          clinician.signing.public_key);
  BOOST_REQUIRE(n.ok());
  BOOST_TEST(n->size() == 60u);
  BOOST_TEST(n->find_first_not_of("0123456789") == std::string::npos);
  BOOST_TEST(*n == fieldnotes::core::SafetyNumber(client.public_key, clinician.sealing.public_key,
                                                  clinician.signing.public_key)
                       .value());
  auto other = ClinicianKeys::Generate().value();
  BOOST_TEST(*n != fieldnotes::core::SafetyNumber(client.public_key, other.sealing.public_key,
                                                  clinician.signing.public_key)
                       .value());
  BOOST_TEST(*n != fieldnotes::core::SafetyNumber(client.public_key, clinician.sealing.public_key,
                                                  other.signing.public_key)
                       .value());
  std::string grouped = fieldnotes::core::GroupSafetyNumber(*n);
  BOOST_TEST(grouped.size() == 71u);  // 12 groups of 5 and 11 spaces
  BOOST_TEST(grouped[5] == ' ');
  BOOST_TEST(!fieldnotes::core::SafetyNumber(Hex("00"), clinician.sealing.public_key,
                                             clinician.signing.public_key)
                  .ok());
}

BOOST_AUTO_TEST_CASE(key_file_round_trip_and_refusals) {
  fieldnotes::testing::TempDir dir;
  const std::string path = dir.File("keys.json");
  auto keys = ClinicianKeys::Generate().value();
  BOOST_REQUIRE(fieldnotes::core::WriteKeyFile(path, "clinician passphrase", keys, 15).ok());
  BOOST_TEST((std::filesystem::status(path).permissions() ==
              (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write)));
  BOOST_TEST(fieldnotes::core::WriteKeyFile(path, "x", keys, 15).code() ==
             Status::Code::kAlreadyExists);
  auto back = fieldnotes::core::ReadKeyFile(path, "clinician passphrase");
  BOOST_REQUIRE(back.ok());
  BOOST_TEST(crypto::HexEncode(back->sealing.public_key) ==
             crypto::HexEncode(keys.sealing.public_key));
  BOOST_TEST(crypto::HexEncode(back->signing.public_key) ==
             crypto::HexEncode(keys.signing.public_key));
  // No private key in clear in the file.
  const std::string text = fieldnotes::testing::ReadFile(path);
  BOOST_TEST(text.find(crypto::HexEncode(keys.sealing.private_key.view())) == std::string::npos);
  BOOST_TEST(text.find(crypto::HexEncode(keys.signing.private_key.view())) == std::string::npos);

  BOOST_TEST(fieldnotes::core::ReadKeyFile(path, "wrong").status().code() ==
             Status::Code::kWrongPassphrase);
  BOOST_TEST(fieldnotes::core::ReadKeyFile(dir.File("none"), "x").status().IsNotFound());
  // KDF parameters out of bounds: refused before any work.
  std::string edited = text;
  edited.replace(edited.find("scrypt:15:"), 10, "scrypt:40:");
  fieldnotes::testing::WriteFile(path + ".edited", edited);
  BOOST_TEST(
      fieldnotes::core::ReadKeyFile(path + ".edited", "clinician passphrase").status().code() ==
      Status::Code::kInvalidArgument);
  // In bounds but changed: the header is authenticated.
  edited = text;
  edited.replace(edited.find("scrypt:15:"), 10, "scrypt:16:");
  fieldnotes::testing::WriteFile(path + ".edited2", edited);
  BOOST_TEST(
      fieldnotes::core::ReadKeyFile(path + ".edited2", "clinician passphrase").status().code() ==
      Status::Code::kWrongPassphrase);
  for (const std::string& junk : {std::string(), std::string("{}"), std::string("not json"),
                                  text.substr(0, text.size() / 2), std::string(20000, '{')}) {
    fieldnotes::testing::WriteFile(path + ".junk", junk);
    auto r = fieldnotes::core::ReadKeyFile(path + ".junk", "clinician passphrase");
    BOOST_TEST(!r.ok());
    BOOST_TEST(r.status().code() != Status::Code::kOk);
  }
}

BOOST_AUTO_TEST_SUITE_END()
