// Exit codes of fieldnotes-cli (docs/cli.md) and the one place a failure
// turns into a code and into words for a person.
#ifndef FIELDNOTES_CLIENT_CLI_EXIT_CODES_H_
#define FIELDNOTES_CLIENT_CLI_EXIT_CODES_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "core/status.h"

namespace fieldnotes::client {

enum class ExitCode : int {
  kOk = 0,
  kError = 1,            // anything else: the disk, the OS, an unknown failure
  kUsage = 2,            // the command line was wrong
  kWrongPassphrase = 3,  // the passphrase did not open the journal
  kBadData = 4,          // an invalid import file, a damaged journal, a value out of range
  kBusy = 5,             // another program is writing to the journal
  kNotFound = 6,         // no such entry, session or journal
  kNetwork = 7,          // the server could not be reached, is busy, or did not accept us
  kRefused = 8,          // refused for safety: an untrusted server, an unverified or
                         // changed key, a report that failed its checks
};

// The outcome of a command: a core Status, or an error in how the command
// was called (which core has no code for).
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

// A short message for a person, without the program name. It never holds
// entry text or a passphrase (core messages name fields, not content).
std::string MessageFor(const CliStatus& status);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_CLI_EXIT_CODES_H_
