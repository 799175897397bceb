// fieldnotes-bench: the numbers of DESIGN.md §7 for the journal, measured on
// a generated journal of ten years of heavy use. See docs/performance.md.
//
//   fieldnotes-bench [--entries N] [--json] [--seed S]
//
// Prints a Markdown table (or JSON with --json) on stdout and progress on
// stderr. Exit code 0 when every target is met, 1 when one is missed, 2 on a
// usage error, 3 when the journal itself failed.
#include <openssl/crypto.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/vfs.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <thread>

#include "core/i18n.h"
#include "bench/journal_bench.h"

namespace {

using fieldnotes::bench::BenchOptions;
using fieldnotes::bench::JournalBench;
using fieldnotes::bench::Report;

constexpr std::string_view kUsage =
    "usage: fieldnotes-bench [--entries N] [--json] [--seed S]\n"
    "  --entries N  entries in the generated journal (default 20000)\n"
    "  --json       machine-readable output instead of a Markdown table\n"
    "  --seed S     seed of the generated journal (default 20261103)\n"
    "The journal is created in a temporary directory under $TMPDIR and removed.\n";

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      auto colon = line.find(':');
      if (colon != std::string::npos) return line.substr(colon + 2);
    }
  }
  return "unknown";
}

std::string FilesystemOf(const std::string& dir) {
  struct statfs fs {};
  if (::statfs(dir.c_str(), &fs) != 0) return "unknown";
  switch (static_cast<unsigned long>(fs.f_type)) {
    case 0xEF53:
      return "ext4";
    case 0x01021994:
      return "tmpfs (fsync is free: save times are not representative)";
    case 0x794C7630:
      return "overlayfs";
    case 0x58465342:
      return "xfs";
    case 0x9123683E:
      return "btrfs";
    default:
      return "other";
  }
}

void AddMachine(Report* report, const std::string& dir) {
  utsname u{};
  ::uname(&u);
  report->context.emplace_back(
      "CPU", CpuModel() + ", " + std::to_string(std::thread::hardware_concurrency()) + " cores");
  report->context.emplace_back("system", std::string(u.sysname) + " " + u.release);
  report->context.emplace_back("storage", FilesystemOf(dir));
  report->context.emplace_back("libraries", std::string("SQLite ") + sqlite3_libversion() + ", " +
                                                OpenSSL_version(OPENSSL_VERSION));
#ifdef FIELDNOTES_BUILD_TYPE
  report->context.emplace_back("build", FIELDNOTES_BUILD_TYPE);
#endif
}

bool ParseSize(const char* text, size_t* out) {
  char* end = nullptr;
  unsigned long long v = std::strtoull(text, &end, 10);
  if (!end || *end != '\0' || v == 0) return false;
  *out = static_cast<size_t>(v);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  fieldnotes::core::InitLanguage();
  BenchOptions options;
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    size_t value = 0;
    if (arg == "--json") {
      json = true;
    } else if (arg == "--entries" && i + 1 < argc && ParseSize(argv[i + 1], &value)) {
      options.entries = value;
      ++i;
    } else if (arg == "--seed" && i + 1 < argc && ParseSize(argv[i + 1], &value)) {
      options.seed = value;
      ++i;
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else {
      std::cerr << "fieldnotes-bench: bad argument '" << arg << "'\n" << kUsage;
      return 2;
    }
  }

  const char* tmp = std::getenv("TMPDIR");
  std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/fieldnotes-bench-XXXXXX";
  if (!::mkdtemp(tmpl.data())) {
    std::cerr << "fieldnotes-bench: cannot create a temporary directory under " << tmpl << "\n";
    return 3;
  }
  options.dir = tmpl;

  Report report;
  AddMachine(&report, options.dir);
  JournalBench bench(options, &report, &std::cerr);
  fieldnotes::core::Status status = bench.Run();
  std::error_code ec;
  std::filesystem::remove_all(options.dir, ec);

  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  report.context.emplace_back("peak memory", std::to_string(usage.ru_maxrss / 1024) + " MiB");
  if (!status.ok()) {
    std::cerr << "fieldnotes-bench: " << status.ToString() << "\n";
    return 3;
  }
  if (json) {
    report.PrintJson(std::cout);
  } else {
    report.PrintMarkdown(std::cout);
  }
  return report.AllPass() ? 0 : 1;
}
