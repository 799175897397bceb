#include "core/safety_number.h"
#include "core/openssl_util.h"

#include <openssl/evp.h>

#include <array>
#include <cstdio>

namespace fieldnotes::core {
namespace {

// Iterations of SHA-512, as Signal's numeric fingerprints use: it makes
// searching for a second key with the same number costly.
constexpr int kIterations = 5200;
constexpr uint8_t kFingerprintVersion = 0;

// 30 digits for one party: SHA-512 iterated over version || keys || label,
// then six 5-byte chunks, each reduced mod 100000 to five digits.
std::string Half(crypto::ByteView keys, std::string_view label) {
  std::array<uint8_t, 64> hash{};
  crypto::Bytes input;
  input.push_back(0);
  input.push_back(kFingerprintVersion);
  input.insert(input.end(), keys.begin(), keys.end());
  input.insert(input.end(), label.begin(), label.end());
  crypto::internal::DigestOrDie(EVP_sha512(), input.data(), input.size(), hash.data());
  for (int i = 1; i < kIterations; ++i) {
    crypto::Bytes round(hash.begin(), hash.end());
    round.insert(round.end(), keys.begin(), keys.end());
    crypto::internal::DigestOrDie(EVP_sha512(), round.data(), round.size(), hash.data());
  }
  std::string out;
  for (size_t chunk = 0; chunk < 6; ++chunk) {
    uint64_t v = 0;
    for (size_t b = 0; b < 5; ++b) v = v << 8 | hash[chunk * 5 + b];
    char digits[8];
    std::snprintf(digits, sizeof digits, "%05u", static_cast<unsigned>(v % 100000));
    out += digits;
  }
  return out;
}

}  // namespace

Result<std::string> SafetyNumber(crypto::ByteView client_signing_key,
                                 crypto::ByteView clinician_sealing_key,
                                 crypto::ByteView clinician_signing_key) {
  if (client_signing_key.size() != 32 || clinician_sealing_key.size() != 32 ||
      clinician_signing_key.size() != 32)
    return Status::InvalidArgument("safety numbers need 32-byte public keys");
  crypto::Bytes clinician(clinician_sealing_key.begin(), clinician_sealing_key.end());
  clinician.insert(clinician.end(), clinician_signing_key.begin(), clinician_signing_key.end());
  std::string a = Half(client_signing_key, "fieldnotes/client");
  std::string b = Half(clinician, "fieldnotes/clinician");
  // The lower half first, so both sides print the same digits.
  return a < b ? a + b : b + a;
}

std::string GroupSafetyNumber(const std::string& digits) {
  std::string out;
  for (size_t i = 0; i < digits.size(); i += 5) {
    if (!out.empty()) out += ' ';
    out += digits.substr(i, 5);
  }
  return out;
}

}  // namespace fieldnotes::core
