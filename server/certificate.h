// The self-signed certificate `fieldnotes-server init` writes so a server can
// start with no other setup: an ECDSA P-256 key, a certificate for
// "localhost" (DNS localhost, IP 127.0.0.1 and ::1) valid for 825 days, and
// a copy named ca.pem, the file clients are told to trust.
#ifndef FIELDNOTES_SERVER_CERTIFICATE_H_
#define FIELDNOTES_SERVER_CERTIFICATE_H_

#include <string>

#include "core/status.h"

namespace fieldnotes::server {

// Writes the key (mode 0600), the certificate and the CA copy. Refuses to
// overwrite an existing key (AlreadyExists). IoError on any write failure.
core::Status WriteSelfSignedCertificate(const std::string& key_file,
                                        const std::string& certificate_file,
                                        const std::string& ca_file);

}  // namespace fieldnotes::server

#endif  // FIELDNOTES_SERVER_CERTIFICATE_H_
