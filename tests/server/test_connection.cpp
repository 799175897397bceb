// The connection loop (server/http/connection.h): requests already buffered
// are answered without waiting, keep-alive limits and timeouts hold, and a
// stop closes idle connections at once while the request in flight finishes.
#include <cctype>
#include <chrono>
#include <future>
#include <thread>

#include <boost/test/unit_test.hpp>

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/StreamCopier.h>

#include "server_fixture.h"

namespace fieldnotes::testing {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string HealthRequest(bool close) {
  return std::string("GET /v1/health HTTP/1.1\r\nHost: localhost\r\n") +
         (close ? "Connection: close\r\n" : "") + "\r\n";
}

void LongKeepAlive(server::ServerConfig& c) { c.keep_alive_timeout_seconds = 60; }
void TwoRequestsPerConnection(server::ServerConfig& c) { c.max_keep_alive_requests = 2; }
void OneSecondKeepAlive(server::ServerConfig& c) { c.keep_alive_timeout_seconds = 1; }

BOOST_AUTO_TEST_SUITE(connection)

BOOST_AUTO_TEST_CASE(requests_sent_together_are_all_answered_at_once) {
  // Sent in one TLS write, the second and third requests sit decrypted in
  // the server's buffers while the first is answered: nothing may wait for
  // the socket to become readable again (it would not, until the client
  // gave up). The keep-alive timeout is a minute, so a wait would show.
  ServerFixture f(LongKeepAlive);
  const auto start = Clock::now();
  const std::string answer =
      f.RawExchange(HealthRequest(false) + HealthRequest(false) + HealthRequest(true), 10000);
  BOOST_TEST(Count(answer, "HTTP/1.1 200") == 3u, answer.substr(0, 200));
  BOOST_TEST(Count(answer, "\"status\":\"ok\"") == 3u);
  // The server closed after the third, long before the client's 10 s.
  BOOST_TEST(SecondsSince(start) < 5.0);
}

BOOST_AUTO_TEST_CASE(a_connection_serves_at_most_the_configured_requests) {
  ServerFixture f(TwoRequestsPerConnection);
  std::string answer =
      f.RawExchange(HealthRequest(false) + HealthRequest(false) + HealthRequest(false), 5000);
  BOOST_TEST(Count(answer, "HTTP/1.1 200") == 2u, answer);
  // Header names and these values are case-insensitive.
  for (char& c : answer) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const size_t second = answer.rfind("http/1.1 200");
  BOOST_REQUIRE(second != std::string::npos);
  BOOST_TEST(answer.find("connection: close", second) != std::string::npos, answer);
  BOOST_TEST(answer.substr(0, second).find("connection: close") == std::string::npos);
  BOOST_TEST(answer.substr(0, second).find("connection: keep-alive") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_idle_connection_is_closed_after_the_keep_alive_timeout) {
  ServerFixture f(OneSecondKeepAlive);
  const auto start = Clock::now();
  const std::string answer = f.RawExchange(HealthRequest(false), 10000);
  const double seconds = SecondsSince(start);
  BOOST_TEST(Count(answer, "HTTP/1.1 200") == 1u, answer);
  BOOST_TEST(seconds >= 0.9, seconds);
  BOOST_TEST(seconds < 5.0, seconds);
}

BOOST_AUTO_TEST_CASE(stop_closes_idle_connections_at_once_and_finishes_the_request_in_flight) {
  ServerFixture f(LongKeepAlive);
  // Idle kept-alive connections, each having made one request.
  std::vector<std::unique_ptr<Poco::Net::HTTPSClientSession>> idle;
  for (int i = 0; i < 8; ++i) {
    idle.push_back(
        std::make_unique<Poco::Net::HTTPSClientSession>("localhost", f.port(), f.client_context()));
    idle.back()->setKeepAlive(true);
    Poco::Net::HTTPRequest request("GET", "/v1/health", Poco::Net::HTTPMessage::HTTP_1_1);
    request.setKeepAlive(true);
    idle.back()->sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::string body;
    Poco::StreamCopier::copyToString(idle.back()->receiveResponse(response), body);
    BOOST_REQUIRE(response.getStatus() == 200);
  }
  // A login whose body is half sent when the server is told to stop.
  const std::string body = JsonBody({{"email", "nobody@example.org"}, {"password", kPassword}});
  Poco::Net::SecureStreamSocket in_flight(Poco::Net::SocketAddress("127.0.0.1", f.port()),
                                          "localhost", f.client_context());
  in_flight.setReceiveTimeout(Poco::Timespan(10, 0));
  const std::string head =
      "POST /v1/login HTTP/1.1\r\nHost: localhost\r\n"
      "Content-Type: application/json\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 10);
  in_flight.sendBytes(head.data(), static_cast<int>(head.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));

  const auto start = Clock::now();
  auto stopped = std::async(std::launch::async, [&] {
    f.server().Stop();
    return SecondsSince(start);
  });
  // Still finishing the login, so Stop() has not returned.
  BOOST_TEST((stopped.wait_for(std::chrono::milliseconds(500)) == std::future_status::timeout));
  const std::string rest = body.substr(10);
  in_flight.sendBytes(rest.data(), static_cast<int>(rest.size()));
  std::string answer;
  char buffer[4096];
  try {
    int n;
    while ((n = in_flight.receiveBytes(buffer, sizeof buffer)) > 0) answer.append(buffer, n);
  } catch (const Poco::Exception&) {
  }
  // The uniform answer for an unknown account, then the connection closed.
  BOOST_TEST(answer.rfind("HTTP/1.1 401", 0) == 0, answer.substr(0, 80));
  const double seconds = stopped.get();
  // Far less than the minute the idle connections could otherwise be kept.
  BOOST_TEST(seconds < 10.0, seconds);

  // The idle connections were closed: a request on one fails.
  for (auto& session : idle) {
    bool failed = false;
    try {
      Poco::Net::HTTPRequest request("GET", "/v1/health", Poco::Net::HTTPMessage::HTTP_1_1);
      session->sendRequest(request);
      Poco::Net::HTTPResponse response;
      session->receiveResponse(response);
    } catch (const Poco::Exception&) {
      failed = true;
    }
    BOOST_TEST(failed);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
