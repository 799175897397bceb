#include "core/status.h"

#include <ostream>

namespace fieldnotes::core {

std::string_view CodeName(Status::Code code) {
  switch (code) {
    case Status::Code::kOk:
      return "OK";
    case Status::Code::kNotFound:
      return "Not found";
    case Status::Code::kInvalidArgument:
      return "Invalid argument";
    case Status::Code::kCorruption:
      return "Corruption";
    case Status::Code::kIoError:
      return "IO error";
    case Status::Code::kWrongPassphrase:
      return "Wrong passphrase";
    case Status::Code::kBusy:
      return "Busy";
    case Status::Code::kUnsupported:
      return "Unsupported";
    case Status::Code::kAlreadyExists:
      return "Already exists";
    case Status::Code::kInternal:
      return "Internal error";
    case Status::Code::kUnauthenticated:
      return "Unauthenticated";
    case Status::Code::kUnavailable:
      return "Unavailable";
    case Status::Code::kRefused:
      return "Refused";
  }
  return "Unknown";
}

std::ostream& operator<<(std::ostream& os, Status::Code code) { return os << CodeName(code); }

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out(CodeName(code_));
  if (!message_.empty()) {
    out += ": ";
    out += message_;
  }
  return out;
}

Status Status::WithContext(std::string_view context) const {
  if (ok()) return *this;
  std::string msg(context);
  msg += ": ";
  msg += message_;
  return Status(code_, msg);
}

}  // namespace fieldnotes::core
