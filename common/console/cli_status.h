// The outcome of a command of fieldnotes-cli or fieldnotes-clinician, their
// shared exit codes (docs/cli.md, docs/clinician.md), and the one mapping
// from a failure to a code.
#ifndef FIELDNOTES_CONSOLE_CLI_STATUS_H_
#define FIELDNOTES_CONSOLE_CLI_STATUS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/status.h"

namespace fieldnotes::console {

enum class ExitCode : int {
  kOk = 0,
  kError = 1,            // anything else: the disk, the OS, an unknown failure
  kUsage = 2,            // the command line was wrong
  kWrongPassphrase = 3,  // the passphrase did not open the journal or key file
  kBadData = 4,          // an invalid file or answer, damaged data, a value out of range
  kBusy = 5,             // another program is writing to the same file
  kNotFound = 6,         // no such file, entry, client or report (or it is gone)
  kNetwork = 7,          // the server could not be reached, is busy, or did not accept us
  kRefused = 8,          // refused for safety: an untrusted server, an unverified or
                         // changed key, a report that failed its checks, a replay
};

// A core Status, or an error in how the command was called (which core has
// no code for).
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

// A value or a CliStatus that is not ok.
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

// The words both programs use for a failure: a usage error's own message,
// an internal error framed as such, and otherwise the Status's message.
// Each program words its own store's failures (a wrong passphrase, a busy
// or damaged file) before falling back on this.
std::string CommonMessageFor(const CliStatus& status);

// Writes "program: message" to standard error and, for a usage error with a
// `help_command`, "Try 'help_command' to see how it is used."; returns the
// exit code for `status`.
int Fail(std::string_view program, std::string_view message, const CliStatus& status,
         std::string_view help_command);

// Writes "program: text" and a newline to standard error.
void PrintError(std::string_view program, std::string_view text);

// Writes `text` to standard output as it is.
void Print(std::string_view text);

}  // namespace fieldnotes::console

// Returns early from a function returning CliStatus, keeping a usage error
// a usage error.
#define FN_CLI_RETURN_IF_ERROR(expr)                          \
  do {                                                        \
    ::fieldnotes::console::CliStatus fn_cli_status_ = (expr); \
    if (!fn_cli_status_.ok()) return fn_cli_status_;          \
  } while (0)

#endif  // FIELDNOTES_CONSOLE_CLI_STATUS_H_
