// DeferredAudit (server/deferred_audit.h) on its own: records are written in
// order, in batches, a failed batch is tried again, Drain and Stop write
// what is queued.
#include <atomic>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "server/deferred_audit.h"

namespace fieldnotes::testing {
namespace {

using server::AuditEvent;
using server::DeferredAudit;

AuditEvent Event(int i) { return AuditEvent{i, "clinician:x", "download", std::to_string(i)}; }

struct Recorder {
  std::mutex mu;
  std::vector<std::string> written;
  int batches = 0;
  int failures_left = 0;
  void Write(const std::vector<AuditEvent>& events) {
    std::lock_guard<std::mutex> lock(mu);
    if (failures_left > 0) {
      --failures_left;
      throw std::runtime_error("database away");
    }
    ++batches;
    for (const auto& e : events) written.push_back(e.object);
  }
  std::vector<std::string> Written() {
    std::lock_guard<std::mutex> lock(mu);
    return written;
  }
};

std::vector<std::string> Numbers(int n) {
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) out.push_back(std::to_string(i));
  return out;
}

BOOST_AUTO_TEST_SUITE(deferred_audit)

BOOST_AUTO_TEST_CASE(refuses_before_start_and_after_stop) {
  Recorder r;
  DeferredAudit audit([&](const std::vector<AuditEvent>& e) { r.Write(e); });
  BOOST_TEST(!audit.Add(Event(0)));
  audit.Start();
  BOOST_TEST(audit.Add(Event(0)));
  audit.Stop();
  BOOST_TEST(!audit.Add(Event(1)));
  BOOST_TEST(r.Written() == std::vector<std::string>{"0"});
}

BOOST_AUTO_TEST_CASE(writes_in_order_in_few_batches_and_drain_waits_for_them) {
  Recorder r;
  DeferredAudit audit([&](const std::vector<AuditEvent>& e) { r.Write(e); });
  audit.Start();
  for (int i = 0; i < 500; ++i) BOOST_REQUIRE(audit.Add(Event(i)));
  audit.Drain();
  BOOST_TEST(r.Written() == Numbers(500));
  BOOST_TEST(r.batches < 50);  // gathered, not one transaction each
}

BOOST_AUTO_TEST_CASE(a_failed_batch_is_tried_again_in_order) {
  Recorder r;
  r.failures_left = 1;
  DeferredAudit audit([&](const std::vector<AuditEvent>& e) { r.Write(e); });
  audit.Start();
  for (int i = 0; i < 10; ++i) BOOST_REQUIRE(audit.Add(Event(i)));
  audit.Drain();  // returns at the failure
  BOOST_TEST(r.Written().empty());
  for (int i = 10; i < 20; ++i) BOOST_REQUIRE(audit.Add(Event(i)));
  for (int i = 0; i < 300 && r.Written().size() < 20; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  BOOST_TEST(r.Written() == Numbers(20));
}

BOOST_AUTO_TEST_CASE(stop_writes_what_is_queued_and_many_threads_add_at_once) {
  Recorder r;
  {
    DeferredAudit audit([&](const std::vector<AuditEvent>& e) { r.Write(e); });
    audit.Start();
    std::vector<std::thread> threads;
    std::atomic<int> refused{0};
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < 100; ++i) {
          if (!audit.Add(Event(t * 100 + i))) ++refused;
        }
      });
    }
    for (auto& th : threads) th.join();
    BOOST_TEST(refused.load() == 0);
  }  // the destructor stops: everything queued is written
  BOOST_TEST(r.Written().size() == 800u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
