// The durability suite: writers killed with SIGKILL, and two writers at once.
#define BOOST_TEST_MODULE durability
#include <boost/test/unit_test.hpp>
