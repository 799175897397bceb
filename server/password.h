// Clinician passwords: the policy, and scrypt hashes in a self-describing
// string "scrypt$<log2 N>$<r>$<p>$<salt hex>$<hash hex>", so raising the cost
// in the configuration leaves existing hashes verifiable.
#ifndef FIELDNOTES_SERVER_PASSWORD_H_
#define FIELDNOTES_SERVER_PASSWORD_H_

#include <mutex>
#include <semaphore>
#include <string>
#include <string_view>

#include "core/status.h"

namespace fieldnotes::server {

// Ok, or InvalidArgument saying why: not UTF-8, fewer than 12 or more than
// 128 characters (code points), one character repeated, one of the most
// common passwords, or the account's email.
core::Status CheckPasswordPolicy(std::string_view password, std::string_view email);

// True for passwords on the common-passwords list (case-insensitive).
bool IsCommonPassword(std::string_view password);

class PasswordHasher {
 public:
  // Accepted costs; production default in server/config.h (2^17).
  static constexpr int kMinLog2N = 10;
  static constexpr int kMaxLog2N = 20;

  // `max_concurrent` bounds how many hashes run at once: each takes
  // 128 * 8 * 2^log2_n bytes of memory and a core for its duration.
  PasswordHasher(int log2_n, int max_concurrent);

  core::Result<std::string> Hash(std::string_view password);
  // False for a wrong password or an unparsable hash; constant-time compare.
  bool Verify(std::string_view password, const std::string& stored);
  // The same work as Verify against a real hash, for an unknown account, so
  // the answer takes as long as for a wrong password.
  void VerifyDummy(std::string_view password);

  int log2_n() const { return log2_n_; }

 private:
  const int log2_n_;
  std::counting_semaphore<64> slots_;
  std::once_flag dummy_once_;  // the dummy hash is made at first use
  std::string dummy_hash_;
};

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_PASSWORD_H_
