#include "clinician/cli/exit_codes.h"

namespace fieldnotes::clinician {

using core::Status;

CliStatus CliStatus::Usage(std::string_view message) {
  CliStatus s(Status::InvalidArgument(message));
  s.usage_ = true;
  return s;
}

ExitCode ExitCodeFor(const CliStatus& status) {
  if (status.ok()) return ExitCode::kOk;
  if (status.usage()) return ExitCode::kUsage;
  switch (status.status().code()) {
    case Status::Code::kOk:
      return ExitCode::kOk;
    case Status::Code::kNotFound:
      return ExitCode::kNotFound;
    case Status::Code::kInvalidArgument:
    case Status::Code::kCorruption:
      return ExitCode::kBadData;
    case Status::Code::kWrongPassphrase:
      return ExitCode::kWrongPassphrase;
    case Status::Code::kBusy:
      return ExitCode::kBusy;
    case Status::Code::kUnauthenticated:
    case Status::Code::kUnavailable:
      return ExitCode::kNetwork;
    case Status::Code::kRefused:
      return ExitCode::kRefused;
    case Status::Code::kIoError:
    case Status::Code::kUnsupported:
    case Status::Code::kAlreadyExists:
    case Status::Code::kInternal:
      return ExitCode::kError;
  }
  return ExitCode::kError;
}

std::string MessageFor(const CliStatus& status) {
  const Status& s = status.status();
  if (status.usage()) return s.message();
  switch (s.code()) {
    case Status::Code::kOk:
      return "";
    case Status::Code::kWrongPassphrase:
      // One message for every unlock failure: it tells a guesser nothing.
      return "that passphrase did not open the key file (or it is not a Fieldnotes key file). "
             "Nothing was changed.";
    case Status::Code::kInternal:
      return "something went wrong inside Fieldnotes (" + s.message() + ").";
    default:
      return s.message();
  }
}

}  // namespace fieldnotes::clinician
