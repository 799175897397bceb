// journal_writer: a process for the durability tests to kill.
//
//   journal_writer --journal PATH --tag TAG [--create] [--count N]
//                  [--busy-timeout-ms MS] [--passphrase P]
//
// Opens (or with --create, creates with KDF cost 2^15) the journal, prints
// "ready", then adds ExpectedEntry(TAG, 1), ExpectedEntry(TAG, 2), ... and
// prints "<seq> <id>" after each AddEntry has returned ok: a printed line is
// an acknowledged, durable save. Without --count it writes until killed.
// The passphrase comes from $FIELDNOTES_PASSPHRASE unless given.
// Exit codes: see writer_protocol.h.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "core/i18n.h"
#include "core/journal.h"
#include "writer_protocol.h"

namespace {

using fieldnotes::core::Journal;
using fieldnotes::core::JournalOptions;
using fieldnotes::core::Status;
namespace durability = fieldnotes::durability;

constexpr char kUsage[] =
    "usage: journal_writer --journal PATH --tag TAG [--create] [--count N]\n"
    "                      [--busy-timeout-ms MS] [--passphrase P]\n";

// One write(2) per line, so a kill never leaves half a line behind a full one.
void PrintLine(const std::string& line) {
  std::string out = line + "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fflush(stdout);
}

int Fail(const Status& s) {
  std::fprintf(stderr, "journal_writer: %s\n", s.ToString().c_str());
  return s.IsBusy() ? durability::kExitBusy : durability::kExitError;
}

bool ParseNumber(const char* text, long long* out) {
  char* end = nullptr;
  long long v = std::strtoll(text, &end, 10);
  if (end == text || *end != '\0' || v < 0) return false;
  *out = v;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  fieldnotes::core::InitLanguage();
  std::string path;
  std::string tag;
  bool create = false;
  long long count = -1;
  JournalOptions options;
  options.kdf_log2_n = durability::kWriterKdfLog2N;
  const char* env = std::getenv(durability::kPassphraseEnv);
  std::string passphrase = env ? env : "";

  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    long long n = 0;
    if (arg == "--create") {
      create = true;
    } else if (arg == "--journal" && has_value) {
      path = argv[++i];
    } else if (arg == "--tag" && has_value) {
      tag = argv[++i];
    } else if (arg == "--passphrase" && has_value) {
      passphrase = argv[++i];
    } else if (arg == "--count" && has_value && ParseNumber(argv[i + 1], &n)) {
      count = n;
      ++i;
    } else if (arg == "--busy-timeout-ms" && has_value && ParseNumber(argv[i + 1], &n)) {
      options.busy_timeout_ms = static_cast<int>(n);
      ++i;
    } else {
      std::fprintf(stderr, "journal_writer: bad argument '%s'\n%s", argv[i], kUsage);
      return durability::kExitUsage;
    }
  }
  if (path.empty() || tag.empty() || passphrase.empty()) {
    std::fprintf(stderr, "journal_writer: --journal, --tag and a passphrase are required\n%s",
                 kUsage);
    return durability::kExitUsage;
  }

  auto journal = create ? Journal::Create(path, passphrase, options)
                        : Journal::Open(path, passphrase, options);
  if (!journal.ok()) return Fail(journal.status());
  PrintLine(durability::kReadyLine);

  for (uint64_t seq = 1; count < 0 || seq <= static_cast<uint64_t>(count); ++seq) {
    auto id = (*journal)->AddEntry(durability::ExpectedEntry(tag, seq));
    if (!id.ok()) return Fail(id.status());
    PrintLine(std::to_string(seq) + " " + *id);
  }
  PrintLine(durability::kDoneLine);
  return durability::kExitOk;
}
