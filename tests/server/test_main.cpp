#define BOOST_TEST_MODULE server
#include <signal.h>

#include <boost/test/unit_test.hpp>

#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SSLManager.h>

namespace {

// OpenSSL for Poco once per process; a certificate the client context does
// not trust is rejected, never asked about on a console.
struct PocoSsl {
  PocoSsl() {
    signal(SIGPIPE, SIG_IGN);
    Poco::Net::initializeSSL();
    Poco::Net::SSLManager::InvalidCertificateHandlerPtr reject(
        new Poco::Net::RejectCertificateHandler(false));
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, Poco::Net::Context::Params());
    Poco::Net::SSLManager::instance().initializeClient(nullptr, reject, context);
  }
  ~PocoSsl() { Poco::Net::uninitializeSSL(); }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(PocoSsl);
