// Random secrets and identifiers, and the hashes the server keeps instead.
//
// Tokens and device credentials carry 256 random bits, ids 128 bits, invite
// codes 50 bits (10 symbols of Crockford base32, read aloud as XXXXX-XXXXX;
// guessing is held off by expiry, single use and throttling). The database
// keeps only SHA-256 of each secret: these are random, so a fast hash is
// enough, and a copy of the database lets no one in.
#ifndef FIELDNOTES_SERVER_SECRETS_H_
#define FIELDNOTES_SERVER_SECRETS_H_

#include <string>
#include <string_view>

#include "core/status.h"

namespace fieldnotes::server {

// 64 lowercase hex characters. Aborts only if the CSPRNG fails, which
// OpenSSL reports for a broken system: there is nothing safe to do then.
std::string NewToken();
// 32 lowercase hex characters.
std::string NewId();
// "XXXXX-XXXXX" in Crockford base32 (no I, L, O, U).
std::string NewInviteCode();

// Uppercases, drops spaces and dashes and reads I/L as 1 and O as 0. Ok only
// for exactly 10 base32 symbols; the result is the canonical code without dash.
core::Result<std::string> NormalizeInviteCode(std::string_view code);

// SHA-256 of the secret, 64 lowercase hex characters, with a label so a hash
// of one kind of secret can never match another kind.
std::string HashSecret(std::string_view label, std::string_view secret);

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_SECRETS_H_
