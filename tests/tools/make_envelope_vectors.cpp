// Writes docs/envelope-vectors/: the known-answer envelope, its inputs, and
// every negative vector with the reason it must be refused for. The vectors
// are deterministic (tests/support/envelope_vectors.h); core_tests checks the
// committed files against them.
//   cmake --build build --target make_envelope_vectors
//   build/tests/make_envelope_vectors docs/envelope-vectors
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/i18n.h"
#include "support/envelope_vectors.h"

using namespace fieldnotes::testing;

namespace {
void Write(const std::filesystem::path& p, const crypto::Bytes& b) {
  std::ofstream(p, std::ios::binary)
      .write(reinterpret_cast<const char*>(b.data()), static_cast<std::streamsize>(b.size()));
}
}  // namespace

int main(int argc, char** argv) {
  fieldnotes::core::InitLanguage();
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_envelope_vectors DIR\n");
    return 2;
  }
  std::filesystem::path dir = argv[1];
  std::filesystem::create_directories(dir / "negative");
  VectorKeys k = MakeVectorKeys();
  Write(dir / "kat-1.bin", KnownAnswerEnvelope(k));
  std::ofstream inputs(dir / "kat-1.txt");
  inputs << "clinician_x25519_private " << crypto::HexEncode(k.clinician.private_key.view()) << "\n"
         << "clinician_x25519_public " << crypto::HexEncode(k.clinician.public_key) << "\n"
         << "client_ed25519_seed " << crypto::HexEncode(k.client.private_key.view()) << "\n"
         << "client_ed25519_public " << crypto::HexEncode(k.client.public_key) << "\n"
         << "other_clinician_x25519_private "
         << crypto::HexEncode(k.other_clinician.private_key.view()) << "\n"
         << "other_client_ed25519_seed " << crypto::HexEncode(k.other_client.private_key.view())
         << "\n"
         << "ephemeral_x25519_private " << kEphemeralPrivate << "\n"
         << "nonce " << kNonce << "\n"
         << "envelope_id " << kEnvelopeId << "\n"
         << "created_at " << kCreatedAt << "\n"
         << "content_hex " << crypto::HexEncode(crypto::AsBytes(kContent)) << "\n"
         << "envelope_sha256 " << crypto::HexEncode(crypto::Sha256(KnownAnswerEnvelope(k))) << "\n";
  std::ofstream manifest(dir / "negative" / "MANIFEST.txt");
  manifest << "# name<TAB>size<TAB>part of the reason it is refused for\n";
  for (const NegativeVector& v : NegativeVectors(k)) {
    Write(dir / "negative" / (v.name + ".bin"), v.bytes);
    manifest << v.name << "\t" << v.bytes.size() << "\t" << v.reason << "\n";
  }
  return 0;
}
