#include "bench/journal_bench.h"

#include <malloc.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>

#include "core/clock.h"
#include "core/crypto.h"
#include "core/import_export.h"
#include "core/record_codec.h"
#include "core/text.h"
#include "reports/analysis_cache.h"
#include "reports/pattern_analyzer.h"
#include "reports/period.h"

namespace fieldnotes::bench {
namespace {

using core::Journal;
using core::Status;
using Clock = std::chrono::steady_clock;

double MsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string Count(size_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Mib(double bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / (1024.0 * 1024.0));
  return buf;
}

// The KDF string stored in the journal's key header (docs/journal-format.md),
// read the way any SQLite client could: it is not secret.
core::Result<core::crypto::KdfParams> ReadKdfParams(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, int (*)(sqlite3*)> owner(db, sqlite3_close);
  if (rc != SQLITE_OK) return Status::IoError("cannot open the journal to read its KDF");
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'kdf'", -1, &raw, nullptr) !=
      SQLITE_OK)
    return Status::IoError(sqlite3_errmsg(db));
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> stmt(raw, sqlite3_finalize);
  if (sqlite3_step(raw) != SQLITE_ROW) return Status::Corruption("no KDF in the key header");
  std::string kdf(static_cast<const char*>(sqlite3_column_blob(raw, 0)),
                  static_cast<size_t>(sqlite3_column_bytes(raw, 0)));
  return core::crypto::KdfParams::Parse(kdf);
}

// Linux: writing 5 to clear_refs resets the peak resident size (VmHWM).
void ResetPeakMemory() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
}

double PeakMemoryMib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
  }
  return 0;
}

size_t FileSize(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<size_t>(st.st_size) : 0;
}

// One line a field, tabs and newlines made spaces: what a child process
// added to its copy of the report, sent back through a pipe.
std::string Flat(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n') c = ' ';
  return s;
}

// Runs `step` in a child process and adds to `report` what it added there.
// The generator and the importer hold the whole journal several times
// over; run here, glibc keeps their freed pages scattered through the heap
// and the peak "from unlock on" would count them, where a client's process
// that opens a journal has none of them (docs/performance.md).
Status InChild(Report* report, std::ostream* log, const std::function<Status()>& step) {
  int fds[2];
  if (::pipe(fds) != 0) return Status::IoError("pipe");
  log->flush();
  const pid_t pid = ::fork();
  if (pid < 0) return Status::IoError("fork");
  if (pid == 0) {
    ::close(fds[0]);
    const size_t measured = report->measurements.size(), context = report->context.size();
    const Status status = step();
    std::ostringstream out;
    for (size_t i = context; i < report->context.size(); ++i)
      out << "c\t" << Flat(report->context[i].first) << '\t' << Flat(report->context[i].second)
          << '\n';
    for (size_t i = measured; i < report->measurements.size(); ++i) {
      const Measurement& m = report->measurements[i];
      out << "m\t" << Flat(m.key) << '\t' << Flat(m.label) << '\t' << m.value << '\t'
          << Flat(m.unit) << '\t' << (m.target ? std::to_string(*m.target) : "") << '\t'
          << Flat(m.note) << '\n';
    }
    if (!status.ok()) out << "e\t" << Flat(status.ToString()) << '\n';
    const std::string bytes = out.str();
    size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t n = ::write(fds[1], bytes.data() + sent, bytes.size() - sent);
      if (n <= 0) break;
      sent += static_cast<size_t>(n);
    }
    log->flush();
    ::_exit(status.ok() && sent == bytes.size() ? 0 : 1);
  }
  ::close(fds[1]);
  std::string bytes;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
    bytes.append(buffer, static_cast<size_t>(n));
  ::close(fds[0]);
  int wstatus = 0;
  ::waitpid(pid, &wstatus, 0);
  std::istringstream in(bytes);
  std::string error;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> f;
    std::istringstream fields(line);
    for (std::string x; std::getline(fields, x, '\t');) f.push_back(x);
    if (f.size() == 3 && f[0] == "c") {
      report->context.emplace_back(f[1], f[2]);
    } else if (f.size() >= 6 && f[0] == "m") {
      Measurement m{f[1], f[2],         std::strtod(f[3].c_str(), nullptr),
                    f[4], std::nullopt, f.size() > 6 ? f[6] : ""};
      if (!f[5].empty()) m.target = std::strtod(f[5].c_str(), nullptr);
      report->Add(std::move(m));
    } else if (f.size() == 2 && f[0] == "e") {
      error = f[1];
    }
  }
  if (!error.empty()) return Status::Internal(error);
  if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0)
    return Status::Internal("the generating process failed");
  return Status::Ok();
}

}  // namespace

JournalBench::JournalBench(BenchOptions options, Report* report, std::ostream* log)
    : options_(std::move(options)), report_(report), log_(log), generator_(options_.seed) {
  journal_path_ = options_.dir + "/journal.db";
  import_path_ = options_.dir + "/ten-years.jsonl";
}

Status JournalBench::Run() {
  const auto generate_and_import = [this] {
    FN_RETURN_IF_ERROR(Generate());
    return MeasureImport();
  };
  FN_RETURN_IF_ERROR(InChild(report_, log_, generate_and_import));
  FN_RETURN_IF_ERROR(MeasureKdf());
  // Peak memory from here on: what a client's process holds with the
  // journal unlocked and in use (the generator and the import are done).
  ::malloc_trim(0);
  ResetPeakMemory();
  FN_RETURN_IF_ERROR(MeasureUnlock());
  FN_RETURN_IF_ERROR(MeasureSearch(*journal_));
  FN_RETURN_IF_ERROR(MeasureSave(*journal_));
  FN_RETURN_IF_ERROR(MeasureCheck(*journal_));
  FN_RETURN_IF_ERROR(MeasurePatterns(*journal_));
  FN_RETURN_IF_ERROR(MeasureReport(*journal_));
  report_->Add({"peak_memory_mib",
                "Peak memory from unlock on (unlock, search, saves, analysis, reports)",
                PeakMemoryMib(), "MiB", std::nullopt, "resident, VmHWM"});
  FN_RETURN_IF_ERROR(MeasureSafety(*journal_));
  FN_RETURN_IF_ERROR(MeasureEnvelope());
  report_->context.emplace_back("journal file after the run",
                                Mib(static_cast<double>(FileSize(journal_path_))));
  return Status::Ok();
}

Status JournalBench::Generate() {
  *log_ << "generating " << Count(options_.entries) << " entries..." << std::endl;
  // Ten years up to a fixed day, so every run generates the same journal.
  const int64_t end = core::DaysFromCivil({2026, 6, 30}) * 86400;
  Corpus corpus = generator_.Generate(options_.entries, end);
  std::ofstream out(import_path_, std::ios::binary | std::ios::trunc);
  for (const core::Session& s : corpus.sessions)
    out << core::json::Write(core::json::Value(core::SessionToJson(s))) << '\n';
  for (const core::Entry& e : corpus.entries)
    out << core::json::Write(core::json::Value(core::EntryToJson(e))) << '\n';
  out.close();
  if (!out) return Status::IoError("cannot write " + import_path_);

  const double n = static_cast<double>(corpus.entries.size());
  char share[32];
  std::snprintf(share, sizeof share, "%.0f%%",
                100.0 * static_cast<double>(corpus.non_ascii_entries) / (n ? n : 1));
  report_->context.emplace_back("entries", Count(corpus.entries.size()) + " over ten years (" +
                                               share + " with non-ASCII text), " +
                                               Count(corpus.sessions.size()) + " sessions");
  report_->context.emplace_back("searchable text",
                                Mib(static_cast<double>(corpus.text_bytes)) + " (mean " +
                                    std::to_string(static_cast<size_t>(
                                        static_cast<double>(corpus.text_bytes) / (n ? n : 1))) +
                                    " bytes per entry)");
  report_->context.emplace_back(
      "import file", Mib(static_cast<double>(FileSize(import_path_))) + " of JSON Lines");
  return Status::Ok();
}

Status JournalBench::MeasureImport() {
  *log_ << "creating the journal (KDF 2^" << core::crypto::KdfParams::kDefaultLog2N
        << ") and importing..." << std::endl;
  auto created = Journal::Create(journal_path_, options_.passphrase, {});
  if (!created.ok()) return created.status().WithContext("creating the journal");

  size_t progress_calls = 0;
  core::ProgressFn progress = [&](size_t, size_t) { ++progress_calls; };
  auto start = Clock::now();
  std::ifstream in(import_path_, std::ios::binary);
  std::string content((std::istreambuf_iterator<char>(in)), {});
  auto items = core::ParseImport(content, progress);
  if (!items.ok()) return items.status().WithContext("parsing the import file");
  const double parse_ms = MsSince(start);
  auto stats = (*created)->Import(*items, progress);
  if (!stats.ok()) return stats.status().WithContext("importing");
  const double total_ms = MsSince(start);
  if (stats->entries_added != options_.entries)
    return Status::Internal("import added " + std::to_string(stats->entries_added) + " entries");

  report_->Add({"import_s", "Import " + Count(options_.entries) + " entries, wall time",
                total_ms / 1000, "s", 10.0,
                "read + parse " + std::to_string(static_cast<int>(parse_ms)) +
                    " ms, encrypt + write " +
                    std::to_string(static_cast<int>(total_ms - parse_ms)) + " ms; " +
                    std::to_string(progress_calls) + " progress reports"});
  return Status::Ok();
}

Status JournalBench::MeasureKdf() {
  *log_ << "timing the KDF..." << std::endl;
  auto params = ReadKdfParams(journal_path_);
  if (!params.ok()) return params.status();
  std::vector<double> ms;
  for (int i = 0; i < options_.kdf_runs; ++i) {
    auto start = Clock::now();
    auto key = core::crypto::Scrypt(options_.passphrase, *params);
    ms.push_back(MsSince(start));
    if (!key.ok()) return key.status();
  }
  report_->context.emplace_back(
      "KDF", "scrypt N=2^" + std::to_string(params->log2_n) + ", r=" + std::to_string(params->r) +
                 ", p=" + std::to_string(params->p) + " (the default for new journals)");
  report_->Add({"kdf_ms", "Key derivation alone (scrypt)", Median(ms), "ms", std::nullopt,
                "median of " + std::to_string(options_.kdf_runs)});
  return Status::Ok();
}

Status JournalBench::MeasureUnlock() {
  *log_ << "timing unlock..." << std::endl;
  // As the desktop app opens a journal (core::kFirstScreenEntries): Open
  // returns with the first screen's part, the rest loads on a worker.
  core::JournalOptions options;
  options.load_first = core::kFirstScreenEntries;
  std::vector<double> first_screen;
  std::vector<double> all_loaded;
  std::vector<double> total;
  for (int i = 0; i < options_.unlock_runs; ++i) {
    journal_.reset();  // one unlocked journal in memory at a time
    auto start = Clock::now();
    auto j = Journal::Open(journal_path_, options_.passphrase, options);
    const double ms = MsSince(start);
    if (!j.ok()) return j.status().WithContext("unlocking");
    const double kdf_ms = (*j)->last_kdf_seconds() * 1000;
    FN_RETURN_IF_ERROR((*j)->WaitLoaded().WithContext("loading the entries"));
    const double all_ms = MsSince(start);
    total.push_back(ms);
    first_screen.push_back(ms - kdf_ms);
    all_loaded.push_back(all_ms - kdf_ms);
    journal_ = std::move(*j);
  }
  const std::string runs = "median of " + std::to_string(options_.unlock_runs);
  report_->Add({"unlock_after_kdf_ms", "Unlock after the key derivation, first screen usable",
                Median(first_screen), "ms", 300.0,
                runs + ": sessions, threads and the " + std::to_string(core::kFirstScreenEntries) +
                    " entries stored last; the rest load on a worker"});
  report_->Add({"unlock_all_entries_ms", "Unlock after the key derivation, every entry loaded",
                Median(all_loaded), "ms", std::nullopt,
                runs + ": decrypt, parse and fold every record, check the record index, "
                       "sort, index the words"});
  report_->Add(
      {"unlock_total_ms", "Unlock, total (KDF included)", Median(total), "ms", std::nullopt, runs});
  return Status::Ok();
}

Status JournalBench::MeasureSearch(const Journal& journal) {
  *log_ << "timing search and the brute-force baseline..." << std::endl;
  const auto& queries = SearchQueries();
  std::vector<double> search_ms;
  std::vector<double> brute_ms;
  for (int round = 0; round < options_.search_rounds; ++round) {
    for (const std::string& q : queries) {
      auto start = Clock::now();
      auto found = journal.Search(q);
      search_ms.push_back(MsSince(start));

      // The baseline: no precomputed index at all; fold every entry's text
      // on the fly and look for the folded query in it.
      start = Clock::now();
      const std::string needle = core::text::Fold(q);
      size_t hits = 0;
      for (const core::Entry& e : journal.entries()) {
        if (core::text::Fold(e.SearchableText()).find(needle) != std::string::npos) ++hits;
      }
      brute_ms.push_back(MsSince(start));
      if (hits != found.size())
        return Status::Internal("search for \"" + q + "\" found " + std::to_string(found.size()) +
                                " entries, the brute-force scan " + std::to_string(hits));
    }
  }
  const std::string over =
      std::to_string(queries.size()) + " queries × " + std::to_string(options_.search_rounds);
  const double p95 = Quantile(search_ms, 0.95);
  const double brute_p95 = Quantile(brute_ms, 0.95);
  report_->Add({"search_p50_ms", "Search, p50", Median(search_ms), "ms", std::nullopt, over});
  report_->Add({"search_p95_ms", "Search, p95", p95, "ms", 50.0, over});
  report_->Add({"brute_p50_ms", "Brute-force scan (fold each entry per query), p50",
                Median(brute_ms), "ms", std::nullopt, "baseline"});
  report_->Add(
      {"brute_p95_ms", "Brute-force scan, p95", brute_p95, "ms", std::nullopt, "baseline"});
  report_->Add(
      {"search_vs_brute_p95", "Search p95 / brute-force p95", p95 / brute_p95, "×", 2.0, ""});
  return Status::Ok();
}

Status JournalBench::MeasureSave(Journal& journal) {
  *log_ << "timing " << options_.saves << " durable saves..." << std::endl;
  core::Timestamp now = core::SystemClock::Instance().Now();
  std::vector<core::Entry> entries;
  for (int i = 0; i < options_.saves; ++i) {
    core::Timestamp at = now;
    at.unix_seconds += i * 60;
    entries.push_back(generator_.MakeEntry(at));
  }
  std::vector<double> ms;
  for (core::Entry& e : entries) {
    auto start = Clock::now();
    auto id = journal.AddEntry(std::move(e));
    ms.push_back(MsSince(start));
    if (!id.ok()) return id.status().WithContext("saving an entry");
  }
  const std::string over = std::to_string(options_.saves) + " saves";
  report_->Add({"save_p50_ms", "Save an entry durably, p50", Median(ms), "ms", std::nullopt,
                over + ", WAL + synchronous=FULL"});
  report_->Add({"save_p99_ms", "Save an entry durably, p99", Quantile(ms, 0.99), "ms", 20.0, over});
  return Status::Ok();
}

Status JournalBench::MeasureCheck(const Journal& journal) {
  *log_ << "timing the integrity check..." << std::endl;
  auto start = Clock::now();
  core::CheckReport check = journal.Check();
  const double ms = MsSince(start);
  if (!check.ok()) return Status::Corruption("the journal failed its check after the run");
  report_->Add({"check_ms", "Check (SQLite integrity + authenticate every record)", ms, "ms",
                std::nullopt, std::to_string(check.records_checked) + " records"});
  return Status::Ok();
}

// The pattern analysis of issue 3 (docs/patterns.md) over the whole
// history, and over the period since the last session, on the journal as
// unlocked: the work the weekly report and the patterns view do first.
Status JournalBench::MeasurePatterns(const Journal& journal) {
  *log_ << "timing the pattern analysis..." << std::endl;
  // "Now" is the day after the generated journal ends, so the last session
  // is a real one and the period since it holds a typical two weeks.
  core::FakeClock clock(core::Timestamp{core::DaysFromCivil({2026, 7, 1}) * 86400 + 9 * 3600, 0});
  // The analysis keeps what it worked out per entry between calls, as the
  // app does from unlock to lock (reports/analysis_cache.h): worked out once
  // on a worker thread after unlock, then brought up to date by each call.
  cache_ = std::make_unique<reports::AnalysisCache>();
  {
    auto start = Clock::now();
    cache_->Warm(journal.entries(), journal.revision());
    report_->Add({"analysis_cache_warm_ms", "Analysis cache, worked out once after unlock",
                  MsSince(start), "ms", std::nullopt, "on a worker thread in the app"});
  }
  reports::JournalData data{journal.entries(), journal.sessions(), journal.threads()};
  data.cache = cache_.get();
  data.revision = journal.revision();  // unchanged between these runs, as the app would say
  const reports::Period whole =
      reports::Period::WholeHistory(journal.entries().oldest_first(), clock);
  const reports::Period recent = reports::Period::SinceLastSession(journal.sessions(), clock);
  std::vector<double> whole_ms, recent_ms;
  size_t observations = 0;
  for (int i = 0; i < options_.pattern_runs; ++i) {
    auto start = Clock::now();
    reports::Patterns p = reports::PatternAnalyzer::Analyze(data, whole, clock);
    whole_ms.push_back(MsSince(start));
    observations = p.observations.size();
    start = Clock::now();
    (void)reports::PatternAnalyzer::Analyze(data, recent, clock);
    recent_ms.push_back(MsSince(start));
  }
  const std::string runs = "median of " + std::to_string(options_.pattern_runs);
  report_->Add({"patterns_whole_ms", "Pattern analysis, whole history", Median(whole_ms), "ms",
                1000.0, runs + "; " + std::to_string(observations) + " observations"});
  report_->Add({"patterns_since_session_ms", "Pattern analysis, since the last session",
                Median(recent_ms), "ms", 200.0, runs});
  return Status::Ok();
}

}  // namespace fieldnotes::bench
