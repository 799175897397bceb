// Private keys at rest outside the journal: the clinician's key file, and
// the client's signing key inside the journal.
//
// The key file (docs/envelope-format.md, "Key file") is one small JSON
// object whose private part is sealed with AES-256-GCM under a key derived
// from the passphrase with the journal's scheme: scrypt, parameters stored
// and bounded, refused before any work when out of bounds.
#ifndef FIELDNOTES_CORE_KEY_FILE_H_
#define FIELDNOTES_CORE_KEY_FILE_H_

#include <string>
#include <string_view>

#include "core/journal.h"
#include "core/keys.h"
#include "core/status.h"

namespace fieldnotes::core {

struct ClinicianKeys {
  crypto::X25519KeyPair sealing;  // reports are sealed to its public key
  crypto::Ed25519KeyPair signing;

  static Result<ClinicianKeys> Generate();
};

// Writes a new key file at `path` (mode 0600; AlreadyExists if anything is
// there, so a key is never overwritten by accident). Written to a temporary
// file in the same folder, synced, then linked into place.
Status WriteKeyFile(const std::string& path, std::string_view passphrase, const ClinicianKeys& keys,
                    int kdf_log2_n = crypto::KdfParams::kDefaultLog2N);

// Reads and unlocks a key file. NotFound, WrongPassphrase (the one generic
// error, also for an edited header), InvalidArgument (KDF parameters out of
// bounds), Corruption (not a key file, or damaged).
Result<ClinicianKeys> ReadKeyFile(const std::string& path, std::string_view passphrase);

// The client's Ed25519 signing key, kept encrypted in the journal's settings
// (record "signing-key"); created on first use.
Result<crypto::Ed25519KeyPair> LoadOrCreateSigningKey(Journal& journal);

}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_KEY_FILE_H_
