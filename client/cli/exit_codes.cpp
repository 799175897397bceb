#include "cli/exit_codes.h"

namespace fieldnotes::client {

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
      return ExitCode::kBadData;
    case Status::Code::kCorruption:
      return ExitCode::kBadData;
    case Status::Code::kWrongPassphrase:
      return ExitCode::kWrongPassphrase;
    case Status::Code::kBusy:
      return ExitCode::kBusy;
    case Status::Code::kIoError:
      return ExitCode::kError;
    case Status::Code::kUnsupported:
      return ExitCode::kError;
    case Status::Code::kAlreadyExists:
      return ExitCode::kError;
    case Status::Code::kInternal:
      return ExitCode::kError;
    case Status::Code::kUnauthenticated:
    case Status::Code::kUnavailable:
      return ExitCode::kNetwork;
    case Status::Code::kRefused:
      return ExitCode::kRefused;
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
      // One message for every unlock failure: it must not tell a guesser
      // anything more.
      return "that passphrase did not open the journal (or the file is not a Fieldnotes "
             "journal). Nothing was changed.";
    case Status::Code::kBusy:
      return "the journal is busy: another program is writing to it right now. Nothing was "
             "changed; please try again in a moment.";
    case Status::Code::kCorruption:
      return "the journal looks damaged: " + s.message() + ". Nothing was changed.";
    case Status::Code::kUnsupported:
      return "this journal was written by a newer version of Fieldnotes: " + s.message() +
             ". Please update Fieldnotes to open it.";
    case Status::Code::kInternal:
      return "something went wrong inside Fieldnotes (" + s.message() + ").";
    case Status::Code::kNotFound:
    case Status::Code::kInvalidArgument:
    case Status::Code::kIoError:
    case Status::Code::kAlreadyExists:
    case Status::Code::kUnauthenticated:
    case Status::Code::kUnavailable:
    case Status::Code::kRefused:
      return s.message();
  }
  return s.message();
}

}  // namespace fieldnotes::client
