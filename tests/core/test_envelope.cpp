// The report envelope: known answers, round trips, and every negative vector
// refused with its reason (docs/envelope-format.md).
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "core/envelope.h"
#include "support/envelope_vectors.h"
#include "support/temp_dir.h"

using namespace fieldnotes::testing;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(envelope_format)

BOOST_AUTO_TEST_CASE(known_answer_matches_the_committed_vector) {
  VectorKeys k = MakeVectorKeys();
  crypto::Bytes env = KnownAnswerEnvelope(k);
  BOOST_TEST(env.size() == envelope::kOverheadBytes + envelope::kMinPadded);
  // Sealing is deterministic once the randomness is fixed, and the bytes are
  // the ones committed for other implementations to check against.
  BOOST_TEST(crypto::HexEncode(KnownAnswerEnvelope(k)) == crypto::HexEncode(env));
  const std::string committed =
      ReadFile(std::string(FIELDNOTES_SOURCE_DIR) + "/docs/envelope-vectors/kat-1.bin");
  BOOST_TEST(committed.size() == env.size());
  BOOST_TEST((committed == std::string(env.begin(), env.end())));

  auto opened = envelope::Open(env, k.clinician, k.client.public_key);
  BOOST_REQUIRE_MESSAGE(opened.ok(), opened.status().ToString());
  BOOST_TEST(std::string(crypto::AsChars(opened->content.view())) == kContent);
  BOOST_TEST(opened->header.created_at == kCreatedAt);
  BOOST_TEST(crypto::HexEncode(opened->header.envelope_id) == kEnvelopeId);
}

BOOST_AUTO_TEST_CASE(every_negative_vector_is_refused_with_its_reason) {
  VectorKeys k = MakeVectorKeys();
  auto vectors = NegativeVectors(k);
  BOOST_TEST(vectors.size() >= 25u);
  for (const NegativeVector& v : vectors) {
    auto r = envelope::Open(v.bytes, k.clinician, k.client.public_key);
    BOOST_TEST(!r.ok(), v.name);
    BOOST_TEST(r.status().message().find(v.reason) != std::string::npos,
               v.name << ": got '" << r.status().message() << "', wanted '" << v.reason << "'");
    // The committed copy is the same bytes.
    const std::string file =
        std::string(FIELDNOTES_SOURCE_DIR) + "/docs/envelope-vectors/negative/" + v.name + ".bin";
    BOOST_TEST(fs::exists(file), file);
    BOOST_TEST((ReadFile(file) == std::string(v.bytes.begin(), v.bytes.end())), v.name);
  }
}

BOOST_AUTO_TEST_CASE(round_trips_at_every_bucket_edge) {
  VectorKeys k = MakeVectorKeys();
  for (size_t n : {size_t{0}, size_t{1}, envelope::kMinPadded - 4, envelope::kMinPadded - 3,
                   size_t{250 * 1024}, size_t{1024 * 1024}}) {
    std::string content(n, '\0');
    for (size_t i = 0; i < n; ++i) content[i] = static_cast<char>(i * 31 + 7);
    auto env = envelope::Seal(crypto::AsBytes(content), k.clinician.public_key, k.client, 1);
    BOOST_REQUIRE(env.ok());
    BOOST_TEST(env->size() == envelope::kOverheadBytes + envelope::PaddedSize(n));
    auto opened = envelope::Open(*env, k.clinician, k.client.public_key);
    BOOST_REQUIRE_MESSAGE(opened.ok(), opened.status().ToString());
    BOOST_TEST((std::string(crypto::AsChars(opened->content.view())) == content));
  }
  // Two seals of the same content differ (fresh ephemeral key, nonce and id).
  auto a = envelope::Seal(crypto::AsBytes(kContent), k.clinician.public_key, k.client, 1).value();
  auto b = envelope::Seal(crypto::AsBytes(kContent), k.clinician.public_key, k.client, 1).value();
  BOOST_TEST(crypto::HexEncode(a) != crypto::HexEncode(b));
  // Too large to share.
  std::string huge(envelope::kMaxContent + 1, 'x');
  BOOST_TEST(!envelope::Seal(crypto::AsBytes(huge), k.clinician.public_key, k.client, 1).ok());
  // The wrong paired key on the clinician's side.
  BOOST_TEST(!envelope::Open(a, k.clinician, k.other_client.public_key).ok());
}

BOOST_AUTO_TEST_CASE(nothing_of_the_content_is_visible) {
  VectorKeys k = MakeVectorKeys();
  const std::string canary = "CANARY-envelope-4f1e";
  auto env =
      envelope::Seal(crypto::AsBytes("%PDF-1.4 " + canary), k.clinician.public_key, k.client, 1)
          .value();
  std::string bytes(env.begin(), env.end());
  BOOST_TEST(bytes.find(canary) == std::string::npos);
  BOOST_TEST(bytes.find("%PDF") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
