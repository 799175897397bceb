// cli_tests: drives the real fieldnotes-cli binary as a subprocess.
#define BOOST_TEST_MODULE cli
#include <boost/test/unit_test.hpp>
