#define BOOST_TEST_MODULE sync
#include <signal.h>

#include <boost/test/unit_test.hpp>

namespace {

struct IgnoreSigpipe {
  IgnoreSigpipe() { signal(SIGPIPE, SIG_IGN); }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(IgnoreSigpipe);
