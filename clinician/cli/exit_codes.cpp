#include "clinician/cli/exit_codes.h"
#include "core/i18n.h"

namespace fieldnotes::clinician {

using core::Status;

std::string MessageFor(const CliStatus& status) {
  if (!status.usage() && status.status().code() == Status::Code::kWrongPassphrase) {
    // One message for every unlock failure: it tells a guesser nothing.
    return core::Tr(
        "that passphrase did not open the key file (or it is not a Fieldnotes key file). "
        "Nothing was changed.");
  }
  return console::CommonMessageFor(status);
}

void Warn(std::string_view text) { console::PrintError("fieldnotes-clinician", text); }

}  // namespace fieldnotes::clinician
