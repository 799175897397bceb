#include "server/tls.h"

#include <openssl/ssl.h>

#include <Poco/Exception.h>

#include "core/crypto.h"

namespace fieldnotes::server {

core::Result<Poco::Net::Context::Ptr> MakeServerContext(const std::string& certificate_file,
                                                        const std::string& private_key_file) {
  Poco::Net::Context::Params params;
  params.certificateFile = certificate_file;
  params.privateKeyFile = private_key_file;
  params.verificationMode = Poco::Net::Context::VERIFY_NONE;  // clients authenticate by token
  params.loadDefaultCAs = false;
  params.cipherList = kTls12Ciphers;
  Poco::Net::Context::Ptr context;
  try {
    context = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
  } catch (const Poco::Exception& e) {
    return core::Status::InvalidArgument("TLS: cannot load " + certificate_file + " / " +
                                         private_key_file + ": " + e.displayText());
  }
  SSL_CTX* ctx = context->sslContext();
  if (SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) != 1 ||
      SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION) != 1 ||
      SSL_CTX_set_ciphersuites(ctx, kTls13Suites) != 1 ||
      SSL_CTX_set_cipher_list(ctx, kTls12Ciphers) != 1 ||
      SSL_CTX_set1_groups_list(ctx, kGroups) != 1) {
    return core::Status::Internal("TLS: cannot apply the policy: " + core::crypto::OpenSslErrors());
  }
  SSL_CTX_set_options(
      ctx, SSL_OP_NO_RENEGOTIATION | SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE);
  if (SSL_CTX_check_private_key(ctx) != 1) {
    return core::Status::InvalidArgument("TLS: the private key does not match the certificate");
  }
  return context;
}

}  // namespace fieldnotes::server
