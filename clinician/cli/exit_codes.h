// Exit codes of fieldnotes-clinician (docs/clinician.md), the same numbers
// as fieldnotes-cli's, and the one place a failure turns into a code and
// into words for a person.
#ifndef FIELDNOTES_CLINICIAN_CLI_EXIT_CODES_H_
#define FIELDNOTES_CLINICIAN_CLI_EXIT_CODES_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/status.h"

namespace fieldnotes::clinician {

enum class ExitCode : int {
  kOk = 0,
  kError = 1,            // anything else: the disk, the OS, an unknown failure
  kUsage = 2,            // the command line was wrong
  kWrongPassphrase = 3,  // the passphrase did not open the key file
  kBadData = 4,          // a value out of range, a damaged file, an answer not understood
  kBusy = 5,             // another program is using the state file
  kNotFound = 6,         // no key file, no such client or report (or it is gone)
  kNetwork = 7,          // the server could not be reached, is busy, or did not accept us
  kRefused = 8,          // refused for safety: an untrusted server, a report that failed
                         // its checks, a replayed report, a changed client key
};

// The outcome of a command: a core Status, or an error in how the command
// was called.
class [[nodiscard]] CliStatus {
 public:
  CliStatus() = default;
  CliStatus(core::Status status) : status_(std::move(status)) {}  // NOLINT: implicit on purpose
  static CliStatus Ok() { return CliStatus(); }
  static CliStatus Usage(std::string_view message);

  bool ok() const { return status_.ok(); }
  bool usage() const { return usage_; }
  const core::Status& status() const { return status_; }

 private:
  core::Status status_;
  bool usage_ = false;
};

template <typename T>
class [[nodiscard]] CliResult {
 public:
  CliResult(T value) : value_(std::move(value)) {}                // NOLINT
  CliResult(CliStatus status) : status_(std::move(status)) {}     // NOLINT
  CliResult(core::Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return value_.has_value(); }
  const CliStatus& status() const { return status_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  T& operator*() & { return *value_; }

 private:
  std::optional<T> value_;
  CliStatus status_;
};

// The only mapping from a failure to an exit code.
ExitCode ExitCodeFor(const CliStatus& status);

// A short message for a person, without the program name. Never holds a
// password, a passphrase, a token or anything from a report.
std::string MessageFor(const CliStatus& status);

}  // namespace fieldnotes::clinician

// Returns early from a function returning CliStatus, keeping a usage error
// a usage error.
#define FN_CLI_RETURN_IF_ERROR(expr)                            \
  do {                                                          \
    ::fieldnotes::clinician::CliStatus fn_cli_status_ = (expr); \
    if (!fn_cli_status_.ok()) return fn_cli_status_;            \
  } while (0)

#endif  // FIELDNOTES_CLINICIAN_CLI_EXIT_CODES_H_
