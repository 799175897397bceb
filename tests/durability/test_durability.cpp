// Kill a writer with SIGKILL at random moments; every save it acknowledged
// must be there afterwards, with its content, and the file must pass Check.
//
// Trials (FIELDNOTES_DURABILITY_TRIALS, default 200) mostly reuse one journal
// that grows from trial to trial (a new one every kTrialsPerJournal), killing
// the writer while it opens the journal, during its very first save, or after
// it has run for 2-100 ms. About one trial in ten instead has the writer
// create a fresh journal and kills it during or just after Create. See
// README.md in this folder for long runs.
#include <boost/test/results_collector.hpp>
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <thread>

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
using std::chrono::microseconds;
using std::chrono::milliseconds;

constexpr int kDefaultTrials = 200;
constexpr uint64_t kDefaultSeed = 20261103;
constexpr int kTrialsPerJournal = 100;
constexpr auto kStepDeadline = std::chrono::seconds(30);

uint64_t EnvNumber(const char* name, uint64_t fallback) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  return std::strtoull(v, nullptr, 10);
}

bool CurrentTestPassing() {
  const auto id = boost::unit_test::framework::current_test_case().p_id;
  return boost::unit_test::results_collector.results(id).passed();
}

enum class Mode { kDuringOpen, kFirstWrite, kRunning, kFreshCreate };

const char* ModeName(Mode m) {
  switch (m) {
    case Mode::kDuringOpen:
      return "killed while opening";
    case Mode::kFirstWrite:
      return "killed around the first save";
    case Mode::kRunning:
      return "killed after 2-100 ms of saves";
    case Mode::kFreshCreate:
      return "fresh journal, killed around Create";
  }
  return "?";
}

class KillTrials {
 public:
  explicit KillTrials(uint64_t seed) : rng_(seed) {}

  void Run(int trials) {
    for (int i = 0; i < trials; ++i) {
      if (i % kTrialsPerJournal == 0) NewSharedJournal(i / kTrialsPerJournal);
      const double r = Uniform(0, 1);
      const Mode mode = r < 0.1   ? Mode::kFreshCreate
                        : r < 0.2 ? Mode::kDuringOpen
                        : r < 0.3 ? Mode::kFirstWrite
                                  : Mode::kRunning;
      ++trials_by_mode_[ModeName(mode)];
      if (mode == Mode::kFreshCreate) {
        FreshTrial(i);
      } else {
        SharedTrial(i, mode);
      }
      // One failed trial says what there is to say; don't bury it under 200.
      if (!CurrentTestPassing()) break;
    }
  }

  void Summarize(double seconds) const {
    std::string s = "durability: " + std::to_string(acks_) + " acknowledged saves, " +
                    std::to_string(unacked_committed_) +
                    " committed but killed before acknowledging, " + std::to_string(no_ack_kills_) +
                    " writers killed before any save; ";
    for (const auto& [mode, n] : trials_by_mode_)
      s += std::string(mode) + ": " + std::to_string(n) + ", ";
    s += std::to_string(first_save_kills_) + " of the first-save kills before its ack; ";
    s += "a save took ~" + std::to_string(save_ms_).substr(0, 4) + " ms; ";
    s += "fresh-journal outcomes: ";
    for (const auto& [what, n] : fresh_outcomes_) s += "[" + what + "] x" + std::to_string(n) + " ";
    s += "; largest journal " + std::to_string(largest_) + " entries; " +
         std::to_string(static_cast<int>(seconds)) + " s";
    BOOST_TEST_MESSAGE(s);
  }

 private:
  double Uniform(double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(rng_);
  }

  void NewSharedJournal(int n) {
    shared_path_ = dir_.File("shared-" + std::to_string(n) + ".db");
    JournalOptions options;
    options.kdf_log2_n = kWriterKdfLog2N;
    auto j = Journal::Create(shared_path_, kTestPassphrase, options);
    BOOST_REQUIRE_MESSAGE(j.ok(), "creating the shared journal: " << j.status().ToString());
    expected_.clear();
  }

  // Starts the writer and kills it at the moment `mode` asks for.
  WriterOutput RunAndKill(const std::vector<std::string>& args, Mode mode, int trial) {
    Subprocess writer;
    std::string error;
    BOOST_REQUIRE_MESSAGE(writer.Start(args, &error), "starting journal_writer: " << error);
    const auto start = SteadyClock::now();
    double run_ms = 0;  // how long it was saving before the kill (kRunning)
    switch (mode) {
      case Mode::kDuringOpen:
        writer.PumpUntil(start + milliseconds(static_cast<int>(Uniform(0, 1.2 * open_ms_))));
        break;
      case Mode::kFreshCreate:
        writer.PumpUntil(start + milliseconds(static_cast<int>(Uniform(0, 1.3 * open_ms_ + 20))));
        break;
      case Mode::kFirstWrite:
      case Mode::kRunning: {
        bool ready = writer.WaitForLine(kReadyLine, start + kStepDeadline);
        BOOST_REQUIRE_MESSAGE(
            ready, "trial " << trial << ": the writer never got ready: " << writer.err());
        const double ready_ms =
            std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
        open_ms_ = 0.8 * open_ms_ + 0.2 * ready_ms;
        if (mode == Mode::kFirstWrite) {
          // Kill somewhere inside the first save: its length (about one
          // fsync, which varies a lot between disks) is learned below.
          std::this_thread::sleep_for(microseconds(static_cast<int>(Uniform(0, 1500 * save_ms_))));
        } else {
          const double ms = std::exp(Uniform(std::log(2.0), std::log(100.0)));
          writer.PumpUntil(SteadyClock::now() + microseconds(static_cast<int>(ms * 1000)));
          run_ms = ms;
        }
        break;
      }
    }
    writer.Kill();
    int status = 0;
    BOOST_REQUIRE_MESSAGE(writer.Wait(SteadyClock::now() + kStepDeadline, &status),
                          "trial " << trial << ": the writer did not end after SIGKILL");
    BOOST_REQUIRE_MESSAGE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
                          "trial " << trial << ": the writer ended by itself ("
                                   << DescribeWaitStatus(status) << "): " << writer.err());
    WriterOutput out = ParseWriterOutput(writer.Lines());
    BOOST_REQUIRE_MESSAGE(out.problem.empty(), "trial " << trial << ": " << out.problem);
    acks_ += out.acks.size();
    if (run_ms > 0 && !out.acks.empty())
      save_ms_ = 0.8 * save_ms_ + 0.2 * (run_ms / static_cast<double>(out.acks.size()));
    if (out.acks.empty()) ++no_ack_kills_;
    if (mode == Mode::kFirstWrite && out.acks.empty()) ++first_save_kills_;
    return out;
  }

  // Checks `journal` holds everything in `expected` plus this trial's acks;
  // at most the one save in flight may be there unacknowledged.
  void Verify(const Journal& journal, const WriterOutput& out, const std::string& tag,
              ExpectedMap* expected, int trial) {
    for (const Ack& ack : out.acks) (*expected)[ack.id] = {tag, ack.seq};
    auto extra = Unacknowledged(journal, *expected, tag);
    BOOST_CHECK_MESSAGE(extra.size() <= 1, "trial " << trial << ": " << extra.size()
                                                    << " unacknowledged entries, expected <= 1");
    if (extra.size() == 1) {
      // The save the kill interrupted after its commit: it must be the next
      // one, complete; from now on it is expected like the others.
      BOOST_CHECK_EQUAL(WriterSeqOf(*extra[0]), out.acks.size() + 1);
      (*expected)[extra[0]->id] = {tag, out.acks.size() + 1};
      ++unacked_committed_;
    }
    std::string missing = FindMissing(journal, *expected);
    BOOST_CHECK_MESSAGE(missing.empty(), "trial " << trial << ": " << missing);
    BOOST_CHECK_MESSAGE(journal.entries().size() == expected->size(),
                        "trial " << trial << ": the journal has " << journal.entries().size()
                                 << " entries, expected " << expected->size());
    CheckReport check = journal.Check();
    BOOST_CHECK_MESSAGE(check.ok(),
                        "trial " << trial << ": check failed: " << DescribeCheck(check));
    largest_ = std::max(largest_, journal.entries().size());
  }

  void SharedTrial(int trial, Mode mode) {
    const std::string tag = "t" + std::to_string(trial);
    WriterOutput out = RunAndKill(WriterArgs(shared_path_, tag), mode, trial);
    auto journal = Journal::Open(shared_path_, kTestPassphrase);
    BOOST_REQUIRE_MESSAGE(
        journal.ok(), "trial " << trial << " (" << ModeName(mode)
                               << "): reopening after the kill: " << journal.status().ToString());
    Verify(**journal, out, tag, &expected_, trial);
  }

  void FreshTrial(int trial) {
    const std::string tag = "t" + std::to_string(trial);
    const std::string path = dir_.File("fresh-" + std::to_string(trial) + ".db");
    WriterOutput out = RunAndKill(WriterArgs(path, tag, {"--create"}), Mode::kFreshCreate, trial);
    std::string outcome;
    if (!std::filesystem::exists(path)) {
      outcome = "no file yet";
      BOOST_CHECK(!out.ready);
    } else {
      auto journal = Journal::Open(path, kTestPassphrase);
      if (journal.ok()) {
        outcome = out.ready ? "opens; created and acknowledged" : "opens; created, not yet ready";
        ExpectedMap expected;
        Verify(**journal, out, tag, &expected, trial);
      } else {
        // Create had not committed: the file must be refused with a clear
        // error, and nothing can have been acknowledged from it.
        // The message names the file; the outcome is counted without it.
        std::string message = journal.status().ToString();
        outcome = "refused: " + message.substr(0, message.find(": /"));
        BOOST_CHECK_MESSAGE(!out.ready, "trial " << trial << ": Create returned ok but the file "
                                                 << "does not open: " << outcome);
        BOOST_CHECK_MESSAGE(journal.status().code() == Status::Code::kCorruption,
                            "trial " << trial << ": unexpected error " << outcome);
      }
    }
    ++fresh_outcomes_[outcome];
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }

  std::mt19937_64 rng_;
  TempDir dir_;
  std::string shared_path_;
  ExpectedMap expected_;  // for the shared journal
  double open_ms_ = 200;  // how long the writer takes to get ready, learned
  double save_ms_ = 4;    // how long one save takes, learned
  size_t acks_ = 0;
  size_t unacked_committed_ = 0;
  size_t no_ack_kills_ = 0;
  size_t first_save_kills_ = 0;  // kFirstWrite trials killed before the first ack
  size_t largest_ = 0;
  std::map<std::string, int> trials_by_mode_;
  std::map<std::string, int> fresh_outcomes_;
};

}  // namespace

BOOST_AUTO_TEST_CASE(acknowledged_saves_survive_sigkill) {
  ExportPassphrase();
  const int trials = static_cast<int>(EnvNumber("FIELDNOTES_DURABILITY_TRIALS", kDefaultTrials));
  const uint64_t seed = EnvNumber("FIELDNOTES_DURABILITY_SEED", kDefaultSeed);
  BOOST_TEST_MESSAGE("durability: " << trials << " trials, seed " << seed);
  const auto start = SteadyClock::now();
  KillTrials runner(seed);
  runner.Run(trials);
  runner.Summarize(std::chrono::duration<double>(SteadyClock::now() - start).count());
}
