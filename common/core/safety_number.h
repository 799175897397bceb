// Safety numbers: 60 digits that the client and the clinician read to each
// other to know that the keys on both screens are the same (DESIGN.md §4,
// after Signal's). docs/envelope-format.md, "Safety numbers".
#ifndef FIELDNOTES_CORE_SAFETY_NUMBER_H_
#define FIELDNOTES_CORE_SAFETY_NUMBER_H_

#include <string>

#include "core/crypto.h"
#include "core/status.h"

namespace fieldnotes::core {

// The same 60 digits on both sides for the client's Ed25519 public key and
// the clinician's X25519 and Ed25519 public keys (each 32 bytes); a change of
// any key changes it. InvalidArgument for keys of the wrong size.
Result<std::string> SafetyNumber(crypto::ByteView client_signing_key,
                                 crypto::ByteView clinician_sealing_key,
                                 crypto::ByteView clinician_signing_key);

// "12345 67890 ..." : twelve groups of five, separated by spaces.
std::string GroupSafetyNumber(const std::string& digits);

}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_SAFETY_NUMBER_H_
