// Slow and idle clients hold no worker (docs/server.md, "Connections,
// deadlines and caps"): a new client is answered while hundreds of slow
// heads and idle connections are held; a head trickled past its deadline is
// cut, and so is a handshake that never comes; connections over the
// per-address cap are closed at once; a body trickled after an early 401
// does not hold the server; a body slower than the minimum rate is cut.
//
// FIELDNOTES_TEST_SLOW_HEADS and FIELDNOTES_TEST_IDLE_CONNECTIONS change the
// numbers of the first test (200 and 300 by default).
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include <Poco/Exception.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>

#include "server_fixture.h"

namespace fieldnotes::testing {
namespace {

using Clock = std::chrono::steady_clock;
using Poco::Net::SecureStreamSocket;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

int EnvInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::atoi(v) : fallback;
}

// A plain TCP connection from `source` (an address on the loopback) to the
// server, that never starts TLS. -1 when it cannot be made.
int TcpFrom(const char* source, uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in from{};
  from.sin_family = AF_INET;
  inet_pton(AF_INET, source, &from.sin_addr);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
      ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Whether the server closed `fd` within `ms` (EOF or reset).
bool ClosedWithin(int fd, int ms) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, ms) <= 0) return false;
  char byte;
  return ::recv(fd, &byte, 1, MSG_DONTWAIT) <= 0;
}

struct Fds {
  std::vector<int> fds;
  ~Fds() {
    for (int fd : fds) ::close(fd);
  }
};

std::unique_ptr<SecureStreamSocket> Tls(ServerFixture& f) {
  return std::make_unique<SecureStreamSocket>(Poco::Net::SocketAddress("127.0.0.1", f.port()),
                                              "localhost", f.client_context());
}

void Send(SecureStreamSocket& s, const std::string& bytes) {
  s.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
}

double HealthSeconds(ServerFixture& f) {
  const auto start = Clock::now();
  const int status = f.Get("/v1/health").status;
  const double seconds = SecondsSince(start);
  BOOST_TEST(status == 200);
  return seconds;
}

// Room for this many descriptors (both ends of every connection live here).
int RaiseFileLimit(int wanted) {
  rlimit r{};
  if (getrlimit(RLIMIT_NOFILE, &r) != 0) return 1024;
  if (r.rlim_cur < static_cast<rlim_t>(wanted) && r.rlim_cur < r.rlim_max) {
    r.rlim_cur = std::min<rlim_t>(r.rlim_max, static_cast<rlim_t>(wanted));
    (void)setrlimit(RLIMIT_NOFILE, &r);
    (void)getrlimit(RLIMIT_NOFILE, &r);
  }
  return static_cast<int>(std::min<rlim_t>(r.rlim_cur, 1 << 20));
}

constexpr char kSlowHead[] = "GET /v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ";

void NoAddressCap(server::ServerConfig& c) { c.max_connections_per_address = 0; }

void ShortDeadlines(server::ServerConfig& c) {
  c.header_timeout_seconds = 1;
  c.handshake_timeout_seconds = 1;
}

void FourPerAddress(server::ServerConfig& c) { c.max_connections_per_address = 4; }

void FourWorkers(server::ServerConfig& c) { c.max_threads = 4; }

void OneSecondBodyGrace(server::ServerConfig& c) {
  c.body_timeout_seconds = 1;
  c.body_min_bytes_per_second = 1000;
}

BOOST_AUTO_TEST_SUITE(slow_clients)

BOOST_AUTO_TEST_CASE(a_new_client_is_answered_while_slow_heads_and_idle_connections_are_held) {
  int slow_count = EnvInt("FIELDNOTES_TEST_SLOW_HEADS", 200);
  int idle_count = EnvInt("FIELDNOTES_TEST_IDLE_CONNECTIONS", 300);
  const int room = RaiseFileLimit(2 * (slow_count + idle_count) + 256);
  if (2 * (slow_count + idle_count) + 256 > room) {
    const double scale = (room - 256) / (2.0 * (slow_count + idle_count));
    slow_count = static_cast<int>(slow_count * scale);
    idle_count = static_cast<int>(idle_count * scale);
    BOOST_TEST_MESSAGE("open-file limit " << room << ": " << slow_count << " slow, " << idle_count
                                          << " idle");
  }
  // All from 127.0.0.1: no cap, so only the design keeps the door open.
  ServerFixture f(NoAddressCap);

  // Idle: TCP connections that never say a word (not even a ClientHello).
  Fds idle;
  for (int i = 0; i < idle_count; ++i) {
    const int fd = TcpFrom("127.0.0.1", f.port());
    BOOST_REQUIRE(fd >= 0);
    idle.fds.push_back(fd);
  }
  // Slow: TLS connections that send a head a byte at a time and never end it.
  std::vector<std::unique_ptr<SecureStreamSocket>> slow;
  for (int i = 0; i < slow_count; ++i) {
    slow.push_back(Tls(f));
    Send(*slow.back(), kSlowHead);
  }
  std::atomic<bool> stop{false};
  std::thread trickle([&] {
    while (!stop) {
      for (auto& s : slow) {
        try {
          Send(*s, "a");
        } catch (const Poco::Exception&) {
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  double worst = 0;
  for (int i = 0; i < 3; ++i) worst = std::max(worst, HealthSeconds(f));
  stop = true;
  trickle.join();
  BOOST_TEST_MESSAGE("new client with " << slow_count << " slow heads and " << idle_count
                                        << " idle connections held: " << worst
                                        << " s (worst of 3)");
  BOOST_TEST(worst < 1.0);
  // None of the slow ones was answered or dropped: they are all still held.
  int held = 0;
  for (auto& s : slow) held += ClosedWithin(s->impl()->sockfd(), 0) ? 0 : 1;
  BOOST_TEST(held == slow_count);
}

BOOST_AUTO_TEST_CASE(a_head_trickled_past_its_deadline_is_cut_and_so_is_a_silent_handshake) {
  ServerFixture f(ShortDeadlines);
  Fds silent;
  silent.fds.push_back(TcpFrom("127.0.0.1", f.port()));
  BOOST_REQUIRE(silent.fds[0] >= 0);
  const auto start = Clock::now();

  auto s = Tls(f);
  s->setReceiveTimeout(Poco::Timespan(0, 100 * 1000));
  Send(*s, kSlowHead);
  std::string answer;
  double cut = 0;
  while (SecondsSince(start) < 5.0) {
    try {
      Send(*s, "a");  // well within any per-read timeout
      char buffer[512];
      const int n = s->receiveBytes(buffer, sizeof buffer);
      if (n <= 0) break;
      answer.append(buffer, n);
      cut = SecondsSince(start);
    } catch (const Poco::TimeoutException&) {
    } catch (const Poco::Exception&) {
      break;  // closed
    }
  }
  BOOST_TEST(answer.rfind("HTTP/1.1 408 Request Timeout\r\n", 0) == 0, answer);
  BOOST_TEST(cut >= 0.9, cut);
  BOOST_TEST(cut < 2.0, cut);

  // The connection that never sent a ClientHello was closed too.
  BOOST_TEST(ClosedWithin(silent.fds[0], static_cast<int>(1000 * (2.0 - SecondsSince(start)))));
  BOOST_TEST(SecondsSince(start) < 2.5);
}

BOOST_AUTO_TEST_CASE(connections_over_the_per_address_cap_are_closed_at_once) {
  ServerFixture f(FourPerAddress);
  // 127.0.0.2 is on the loopback too: a second address to hold the cap.
  Fds held;
  for (int i = 0; i < 4; ++i) {
    const int fd = TcpFrom("127.0.0.2", f.port());
    BOOST_REQUIRE_MESSAGE(fd >= 0, "cannot connect from 127.0.0.2");
    held.fds.push_back(fd);
  }
  BOOST_TEST(!ClosedWithin(held.fds[3], 200));  // held: waiting for a ClientHello
  Fds over;
  over.fds.push_back(TcpFrom("127.0.0.2", f.port()));
  const auto start = Clock::now();
  BOOST_TEST(ClosedWithin(over.fds[0], 1000));
  BOOST_TEST(SecondsSince(start) < 0.5);

  // Another address is served as usual.
  BOOST_TEST(HealthSeconds(f) < 1.0);

  // One of the four goes; a new one from that address is held again.
  ::close(held.fds.back());
  held.fds.pop_back();
  bool admitted = false;
  for (int i = 0; i < 20 && !admitted; ++i) {
    Fds again;
    again.fds.push_back(TcpFrom("127.0.0.2", f.port()));
    admitted = !ClosedWithin(again.fds[0], 100);
  }
  BOOST_TEST(admitted);
}

BOOST_AUTO_TEST_CASE(a_body_trickled_after_an_early_401_does_not_hold_the_server) {
  ServerFixture f(FourWorkers);
  // Twice as many as there are workers, each refused before its body.
  const std::string head =
      "POST /v1/reports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer forged\r\n"
      "Fieldnotes-Period-End: 2026-11-01\r\nContent-Type: application/octet-stream\r\n"
      "Content-Length: 100000\r\n\r\nFNRE";
  struct Trickler {
    std::unique_ptr<SecureStreamSocket> socket;
    std::string answer;
    double closed_at = -1;  // when a send first failed
  };
  std::vector<Trickler> tricklers(8);
  const auto start = Clock::now();
  for (auto& t : tricklers) {
    t.socket = Tls(f);
    t.socket->setReceiveTimeout(Poco::Timespan(0, 10 * 1000));
    Send(*t.socket, head);
  }
  std::atomic<bool> stop{false};
  std::thread trickle([&] {
    while (!stop && SecondsSince(start) < 4.0) {
      if (std::all_of(tricklers.begin(), tricklers.end(),
                      [](const Trickler& t) { return t.closed_at >= 0; })) {
        break;
      }
      for (auto& t : tricklers) {
        if (t.closed_at >= 0) continue;
        try {
          Send(*t.socket, "x");
          char buffer[1024];
          const int n = t.socket->receiveBytes(buffer, sizeof buffer);
          if (n > 0) t.answer.append(buffer, n);
        } catch (const Poco::TimeoutException&) {
        } catch (const Poco::Exception&) {
          t.closed_at = SecondsSince(start);
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // Every trickler is still sending; a new client does not wait for them.
  const double probe = HealthSeconds(f);
  trickle.join();
  BOOST_TEST_MESSAGE("new client while 8 bodies trickle after 401 (4 workers): " << probe << " s");
  BOOST_TEST(probe < 1.0);
  for (auto& t : tricklers) {
    BOOST_TEST(t.answer.rfind("HTTP/1.1 401 Unauthorized\r\n", 0) == 0, t.answer.substr(0, 60));
    // Closed for good about a second after the answer (the lingering close).
    BOOST_TEST(t.closed_at >= 0);
    BOOST_TEST(t.closed_at < 3.0, t.closed_at);
  }
}

BOOST_AUTO_TEST_CASE(a_body_slower_than_the_minimum_rate_is_cut) {
  // 1 s of grace, then 1,000 bytes a second: a byte every 100 ms is far
  // too slow, and the login ends about a second in, 400 and closed.
  ServerFixture f(OneSecondBodyGrace);
  auto s = Tls(f);
  s->setReceiveTimeout(Poco::Timespan(0, 100 * 1000));
  const auto start = Clock::now();
  Send(*s,
       "POST /v1/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
       "Content-Length: 1000\r\n\r\n{\"email\":");
  std::string answer;
  double cut = -1;
  while (SecondsSince(start) < 5.0 && cut < 0) {
    try {
      Send(*s, " ");
      char buffer[1024];
      const int n = s->receiveBytes(buffer, sizeof buffer);
      if (n <= 0) break;
      answer.append(buffer, n);
      cut = SecondsSince(start);
    } catch (const Poco::TimeoutException&) {
    } catch (const Poco::Exception&) {
      break;
    }
  }
  BOOST_TEST(answer.rfind("HTTP/1.1 400 Bad Request\r\n", 0) == 0, answer.substr(0, 80));
  BOOST_TEST(cut >= 0.9, cut);
  BOOST_TEST(cut < 2.0, cut);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
