// The server's TLS policy (docs/server.md, "TLS"): TLS 1.2 and 1.3 only;
// in 1.2 only ECDHE key exchange with AEAD ciphers (AES-GCM, ChaCha20-
// Poly1305); in 1.3 the three AEAD suites, set on the SSL_CTX directly
// because Poco's cipher list only reaches TLS 1.2 and below; no
// renegotiation, no compression, the server's cipher order.
#ifndef FIELDNOTES_SERVER_TLS_H_
#define FIELDNOTES_SERVER_TLS_H_

#include <string>

#include <Poco/Net/Context.h>

#include "core/status.h"

namespace fieldnotes::server {

inline constexpr char kTls12Ciphers[] =
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256:"
    "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305:ECDHE-RSA-AES128-GCM-SHA256";
inline constexpr char kTls13Suites[] =
    "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256";
inline constexpr char kGroups[] = "X25519:P-256:P-384";

// A server Context with the certificate chain and key loaded and the policy
// above applied. InvalidArgument (with OpenSSL's errors) when the files do
// not load or the key does not match.
core::Result<Poco::Net::Context::Ptr> MakeServerContext(const std::string& certificate_file,
                                                        const std::string& private_key_file);

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_TLS_H_
