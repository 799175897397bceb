#include "console/cli_status.h"

#include <cstdio>

#include "core/i18n.h"

namespace fieldnotes::console {

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

std::string CommonMessageFor(const CliStatus& status) {
  const Status& s = status.status();
  if (status.usage()) return s.message();
  if (s.ok()) return "";
  if (s.code() == Status::Code::kInternal) {
    // TRANSLATORS: %1 is the technical detail, in English.
    return core::Format(core::Tr("something went wrong inside Fieldnotes (%1)."), s.message());
  }
  return s.message();
}

void Print(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

void PrintError(std::string_view program, std::string_view text) {
  const std::string line = std::string(program) + ": " + std::string(text) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

int Fail(std::string_view program, std::string_view message, const CliStatus& status,
         std::string_view help_command) {
  PrintError(program, message);
  if (status.usage() && !help_command.empty()) {
    const std::string hint =
        // TRANSLATORS: %1 is a command line, such as "fieldnotes-cli add --help".
        core::Format(core::Tr("Try '%1' to see how it is used."), help_command) + "\n";
    std::fwrite(hint.data(), 1, hint.size(), stderr);
  }
  return static_cast<int>(ExitCodeFor(status));
}

}  // namespace fieldnotes::console
