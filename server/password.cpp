#include "server/password.h"

#include <algorithm>
#include <array>
#include <vector>

#include "core/crypto.h"
#include "core/json.h"
#include "sync/api.h"

namespace fieldnotes::server {
namespace {

namespace crypto = core::crypto;
using core::Result;
using core::Status;

constexpr uint32_t kR = 8;
constexpr uint32_t kP = 1;
constexpr size_t kSaltBytes = 16;
constexpr size_t kHashBytes = 32;

size_t CodePoints(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

struct Parsed {
  int log2_n = 0;
  crypto::Bytes salt;
  crypto::Bytes hash;
};

Result<Parsed> ParseHash(const std::string& stored) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    const size_t end = stored.find('$', start);
    parts.push_back(stored.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (parts.size() != 6 || parts[0] != "scrypt" || parts[2] != std::to_string(kR) ||
      parts[3] != std::to_string(kP)) {
    return Status::Corruption("not a password hash");
  }
  Parsed p;
  try {
    p.log2_n = std::stoi(parts[1]);
  } catch (const std::exception&) {
    return Status::Corruption("not a password hash");
  }
  if (p.log2_n < PasswordHasher::kMinLog2N || p.log2_n > PasswordHasher::kMaxLog2N) {
    return Status::Corruption("password hash cost out of range");
  }
  auto salt = crypto::HexDecode(parts[4]);
  auto hash = crypto::HexDecode(parts[5]);
  if (!salt.ok() || !hash.ok() || hash->size() != kHashBytes) {
    return Status::Corruption("not a password hash");
  }
  p.salt = std::move(*salt);
  p.hash = std::move(*hash);
  return p;
}

}  // namespace

Status CheckPasswordPolicy(std::string_view password, std::string_view email) {
  if (!core::json::IsValidUtf8(password)) {
    return Status::InvalidArgument("the password is not valid UTF-8");
  }
  const size_t n = CodePoints(password);
  if (n < sync::kMinPasswordChars || n > sync::kMaxPasswordChars) {
    return Status::InvalidArgument("a password has 12 to 128 characters");
  }
  if (std::all_of(password.begin(), password.end(), [&](char c) { return c == password[0]; })) {
    return Status::InvalidArgument("the password repeats one character");
  }
  if (IsCommonPassword(password)) {
    return Status::InvalidArgument("the password is one of the most common passwords");
  }
  if (!email.empty() && Lower(password) == Lower(email)) {
    return Status::InvalidArgument("the password is the account's email");
  }
  return Status::Ok();
}

PasswordHasher::PasswordHasher(int log2_n, int max_concurrent)
    : log2_n_(std::clamp(log2_n, kMinLog2N, kMaxLog2N)), slots_(std::clamp(max_concurrent, 1, 64)) {
  auto dummy = Hash("fieldnotes dummy password");
  dummy_hash_ = dummy.ok() ? *dummy : std::string();
}

Result<std::string> PasswordHasher::Hash(std::string_view password) {
  std::array<uint8_t, kSaltBytes> salt{};
  FN_RETURN_IF_ERROR(crypto::RandomBytes(salt));
  slots_.acquire();
  auto key = crypto::ScryptRaw(password, salt, uint64_t{1} << log2_n_, kR, kP, kHashBytes);
  slots_.release();
  if (!key.ok()) return key.status();
  return "scrypt$" + std::to_string(log2_n_) + "$" + std::to_string(kR) + "$" + std::to_string(kP) +
         "$" + crypto::HexEncode(salt) + "$" + crypto::HexEncode(key->view());
}

bool PasswordHasher::Verify(std::string_view password, const std::string& stored) {
  auto parsed = ParseHash(stored);
  if (!parsed.ok()) return false;
  slots_.acquire();
  auto key =
      crypto::ScryptRaw(password, parsed->salt, uint64_t{1} << parsed->log2_n, kR, kP, kHashBytes);
  slots_.release();
  return key.ok() && crypto::ConstantTimeEqual(key->view(), parsed->hash);
}

void PasswordHasher::VerifyDummy(std::string_view password) { (void)Verify(password, dummy_hash_); }

}  // namespace fieldnotes::server
