#include "server/secrets.h"

#include <array>
#include <cstdlib>

#include "core/crypto.h"

namespace fieldnotes::server {
namespace {

namespace crypto = core::crypto;

constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr size_t kInviteSymbols = 10;

template <size_t N>
std::array<uint8_t, N> RandomArray() {
  std::array<uint8_t, N> bytes{};
  if (!crypto::RandomBytes(bytes).ok()) std::abort();
  return bytes;
}

}  // namespace

std::string NewToken() { return crypto::HexEncode(RandomArray<32>()); }

std::string NewId() { return crypto::HexEncode(RandomArray<16>()); }

std::string NewInviteCode() {
  // 10 symbols of 5 bits from 7 random bytes (56 bits, 50 used).
  const auto bytes = RandomArray<7>();
  uint64_t bits = 0;
  for (uint8_t b : bytes) bits = (bits << 8) | b;
  std::string code;
  for (size_t i = 0; i < kInviteSymbols; ++i) {
    if (i == 5) code.push_back('-');
    code.push_back(kCrockford[(bits >> (5 * i)) & 31]);
  }
  return code;
}

core::Result<std::string> NormalizeInviteCode(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'I' || c == 'L') c = '1';
    if (c == 'O') c = '0';
    bool valid = false;
    for (const char* p = kCrockford; *p != '\0'; ++p) valid = valid || *p == c;
    if (!valid || out.size() >= kInviteSymbols) {
      return core::Status::InvalidArgument("not an invite code");
    }
    out.push_back(c);
  }
  if (out.size() != kInviteSymbols) return core::Status::InvalidArgument("not an invite code");
  return out;
}

std::string HashSecret(std::string_view label, std::string_view secret) {
  std::string text(label);
  text.push_back('\0');
  text.append(secret);
  return crypto::HexEncode(crypto::Sha256(crypto::AsBytes(text)));
}

}  // namespace fieldnotes::server
