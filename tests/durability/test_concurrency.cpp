// Two writer processes on the same journal at once: nothing acknowledged is
// lost, and a writer that cannot get the lock says so instead of corrupting.
#include <boost/test/unit_test.hpp>

#include <sys/wait.h>

#include <chrono>
#include <set>
#include <string>

#include "harness.h"
#include "support/child_process.h"
#include "support/temp_dir.h"
#include "writer_protocol.h"

using namespace fieldnotes::core;
using namespace fieldnotes::durability;
using fieldnotes::testing::DescribeWaitStatus;
using fieldnotes::testing::Subprocess;
using fieldnotes::testing::TempDir;

namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr int kEntriesPerWriter = 300;

struct Finished {
  int status = 0;
  WriterOutput output;
  std::string err;
};

// Runs two writers with `extra` arguments on `path` to the end.
std::pair<Finished, Finished> RunTwoWriters(const std::string& path,
                                            const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"--count", std::to_string(kEntriesPerWriter)};
  args.insert(args.end(), extra.begin(), extra.end());
  Subprocess a;
  Subprocess b;
  std::string error;
  BOOST_REQUIRE_MESSAGE(a.Start(WriterArgs(path, "A", args), &error), error);
  BOOST_REQUIRE_MESSAGE(b.Start(WriterArgs(path, "B", args), &error), error);
  const auto deadline = SteadyClock::now() + std::chrono::seconds(120);
  Subprocess::PumpAll({&a, &b}, deadline);
  Finished fa;
  Finished fb;
  BOOST_REQUIRE_MESSAGE(a.Wait(deadline, &fa.status), "writer A did not finish: " << a.err());
  BOOST_REQUIRE_MESSAGE(b.Wait(deadline, &fb.status), "writer B did not finish: " << b.err());
  fa.output = ParseWriterOutput(a.Lines());
  fb.output = ParseWriterOutput(b.Lines());
  fa.err = a.err();
  fb.err = b.err();
  BOOST_REQUIRE_MESSAGE(fa.output.problem.empty(), "writer A: " << fa.output.problem);
  BOOST_REQUIRE_MESSAGE(fb.output.problem.empty(), "writer B: " << fb.output.problem);
  return {std::move(fa), std::move(fb)};
}

std::string CreateJournal(const TempDir& dir, const std::string& name) {
  std::string path = dir.File(name);
  JournalOptions options;
  options.kdf_log2_n = kWriterKdfLog2N;
  auto j = Journal::Create(path, kTestPassphrase, options);
  BOOST_REQUIRE_MESSAGE(j.ok(), j.status().ToString());
  return path;
}

// Every acknowledged entry of both writers is in the journal, nothing else
// is, and the file passes Check.
void VerifyBoth(const std::string& path, const Finished& a, const Finished& b) {
  auto journal = Journal::Open(path, kTestPassphrase);
  BOOST_REQUIRE_MESSAGE(journal.ok(), journal.status().ToString());
  ExpectedMap expected;
  for (const Ack& ack : a.output.acks) expected[ack.id] = {"A", ack.seq};
  for (const Ack& ack : b.output.acks) expected[ack.id] = {"B", ack.seq};
  std::string missing = FindMissing(**journal, expected);
  BOOST_CHECK_MESSAGE(missing.empty(), missing);
  // Both writers ended on their own, so a save that failed was rolled back:
  // there is no "in flight" entry to allow for.
  BOOST_CHECK_EQUAL((*journal)->entries().size(), expected.size());
  CheckReport check = (*journal)->Check();
  BOOST_CHECK_MESSAGE(check.ok(), DescribeCheck(check));
  // Each writer creates the thread records its entries name, and neither
  // sees the other's until it reloads: note how often both made one.
  std::set<std::string> titles;
  for (const Thread& t : (*journal)->threads()) titles.insert(t.title);
  BOOST_TEST_MESSAGE((*journal)->threads().size()
                     << " thread records for " << titles.size() << " distinct titles");
}

}  // namespace

BOOST_AUTO_TEST_CASE(two_writers_at_once_lose_nothing) {
  ExportPassphrase();
  TempDir dir;
  const std::string path = CreateJournal(dir, "two-writers.db");
  auto [a, b] = RunTwoWriters(path, {});
  for (const Finished* f : {&a, &b}) {
    BOOST_CHECK_MESSAGE(WIFEXITED(f->status) && WEXITSTATUS(f->status) == kExitOk,
                        "a writer failed (" << DescribeWaitStatus(f->status) << "): " << f->err);
    BOOST_CHECK(f->output.done);
    BOOST_CHECK_EQUAL(f->output.acks.size(), static_cast<size_t>(kEntriesPerWriter));
  }
  VerifyBoth(path, a, b);
}

BOOST_AUTO_TEST_CASE(a_writer_that_cannot_get_the_lock_reports_busy) {
  ExportPassphrase();
  TempDir dir;
  // With a 1 ms busy timeout one writer nearly always finds the other
  // holding the lock; try a few times before calling that a failure.
  bool busy_seen = false;
  for (int attempt = 0; attempt < 5 && !busy_seen; ++attempt) {
    const std::string path = CreateJournal(dir, "busy-" + std::to_string(attempt) + ".db");
    auto [a, b] = RunTwoWriters(path, {"--busy-timeout-ms", "1"});
    for (const Finished* f : {&a, &b}) {
      BOOST_REQUIRE_MESSAGE(WIFEXITED(f->status), DescribeWaitStatus(f->status) << ": " << f->err);
      const int code = WEXITSTATUS(f->status);
      BOOST_CHECK_MESSAGE(code == kExitOk || code == kExitBusy,
                          "unexpected " << DescribeWaitStatus(f->status) << ": " << f->err);
      if (code == kExitBusy) {
        busy_seen = true;
        BOOST_CHECK_MESSAGE(f->err.find("busy") != std::string::npos,
                            "a busy writer must say so, it said: " << f->err);
        BOOST_CHECK(!f->output.done);
      } else if (code == kExitOk) {
        BOOST_CHECK_EQUAL(f->output.acks.size(), static_cast<size_t>(kEntriesPerWriter));
      }
    }
    VerifyBoth(path, a, b);
    BOOST_TEST_MESSAGE("busy attempt " << attempt << ": A acknowledged " << a.output.acks.size()
                                       << " (" << DescribeWaitStatus(a.status) << "), B "
                                       << b.output.acks.size() << " ("
                                       << DescribeWaitStatus(b.status) << ") " << a.err << b.err);
  }
  BOOST_CHECK_MESSAGE(busy_seen, "no writer got Busy in 5 attempts with a 1 ms busy timeout");
}
