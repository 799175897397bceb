// Status and Result<T>: expected failures are values (the LevelDB shape).
//
// A Status is either ok or carries a Code and a message meant for a log or a
// developer; turning it into words for a person is the UI's job. Messages
// never contain entry text, passphrases or keys.
#ifndef FIELDNOTES_CORE_STATUS_H_
#define FIELDNOTES_CORE_STATUS_H_

#include <cstdio>
#include <cstdlib>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace fieldnotes::core {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk = 0,
    kNotFound,
    kInvalidArgument,  // the caller's input is wrong (usage, bad import)
    kCorruption,       // stored data failed authentication or does not parse
    kIoError,          // the OS or SQLite could not do what was asked
    kWrongPassphrase,  // the one generic unlock failure
    kBusy,             // another process holds the journal
    kUnsupported,      // a format version this build does not know
    kAlreadyExists,
    kInternal,
    kUnauthenticated,  // the server did not accept a sign-in, token or credential
    kUnavailable,      // the server cannot be reached, is busy, or throttles us
    kRefused,          // refused to keep the client safe: an untrusted certificate,
                       // an unverified or changed key, a report that fails its checks
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status NotFound(std::string_view msg) { return Status(Code::kNotFound, msg); }
  static Status InvalidArgument(std::string_view msg) {
    return Status(Code::kInvalidArgument, msg);
  }
  static Status Corruption(std::string_view msg) { return Status(Code::kCorruption, msg); }
  static Status IoError(std::string_view msg) { return Status(Code::kIoError, msg); }
  static Status WrongPassphrase() {
    return Status(Code::kWrongPassphrase, "wrong passphrase, or not a Fieldnotes journal");
  }
  static Status Busy(std::string_view msg) { return Status(Code::kBusy, msg); }
  static Status Unsupported(std::string_view msg) { return Status(Code::kUnsupported, msg); }
  static Status AlreadyExists(std::string_view msg) { return Status(Code::kAlreadyExists, msg); }
  static Status Internal(std::string_view msg) { return Status(Code::kInternal, msg); }
  static Status Unauthenticated(std::string_view msg) {
    return Status(Code::kUnauthenticated, msg);
  }
  static Status Unavailable(std::string_view msg) { return Status(Code::kUnavailable, msg); }
  static Status Refused(std::string_view msg) { return Status(Code::kRefused, msg); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  bool IsNotFound() const { return code_ == Code::kNotFound; }
  bool IsCorruption() const { return code_ == Code::kCorruption; }
  bool IsBusy() const { return code_ == Code::kBusy; }

  // "Corruption: record entries/1234 failed authentication"
  std::string ToString() const;

  // Prefixes the message with context: "while importing line 3: ...".
  Status WithContext(std::string_view context) const;

 private:
  Status(Code code, std::string_view msg) : code_(code), message_(msg) {}
  Code code_ = Code::kOk;
  std::string message_;
};

std::string_view CodeName(Status::Code code);
std::ostream& operator<<(std::ostream& os, Status::Code code);

// Result<T> holds either a T or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit on purpose
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    if (status_.ok()) status_ = Status::Internal("Result constructed from an ok Status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  // Reading the value of a failed Result is a bug: debug builds stop there
  // with the status on stderr (release builds keep the optional's rules).
  T& value() & { return (CheckOk(), *value_); }
  const T& value() const& { return (CheckOk(), *value_); }
  T&& value() && { return (CheckOk(), std::move(*value_)); }
  T* operator->() { return (CheckOk(), &*value_); }
  const T* operator->() const { return (CheckOk(), &*value_); }
  T& operator*() & { return (CheckOk(), *value_); }
  const T& operator*() const& { return (CheckOk(), *value_); }

 private:
  void CheckOk() const {
#ifndef NDEBUG
    if (!value_) {
      std::fprintf(stderr, "Fieldnotes: the value of a failed Result was read: %s\n",
                   status_.ToString().c_str());
      std::abort();
    }
#endif
  }

  std::optional<T> value_;
  Status status_;
};

}  // namespace fieldnotes::core

// Returns early from a function returning Status or Result<T>.
#define FN_RETURN_IF_ERROR(expr)                    \
  do {                                              \
    ::fieldnotes::core::Status fn_status_ = (expr); \
    if (!fn_status_.ok()) return fn_status_;        \
  } while (0)

#endif  // FIELDNOTES_CORE_STATUS_H_
