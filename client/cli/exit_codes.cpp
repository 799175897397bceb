#include "cli/exit_codes.h"
#include "core/i18n.h"

namespace fieldnotes::client {

using core::Status;

std::string MessageFor(const CliStatus& status) {
  const Status& s = status.status();
  if (status.usage()) return console::CommonMessageFor(status);
  switch (s.code()) {
    case Status::Code::kWrongPassphrase:
      // One message for every unlock failure: it must not tell a guesser
      // anything more.
      return core::Tr("that passphrase did not open the journal (or the file is not a Fieldnotes "
             "journal). Nothing was changed.");
    case Status::Code::kBusy:
      return core::Tr("the journal is busy: another program is writing to it right now. Nothing was "
             "changed; please try again in a moment.");
    case Status::Code::kCorruption:
      // TRANSLATORS: %1 says what is damaged.
      return core::Format(core::Tr("the journal looks damaged: %1. Nothing was changed."),
                          s.message());
    case Status::Code::kUnsupported:
      // TRANSLATORS: %1 says what is newer.
      return core::Format(core::Tr("this journal was written by a newer version of Fieldnotes: "
                                   "%1. Please update Fieldnotes to open it."),
                          s.message());
    default:
      return console::CommonMessageFor(status);
  }
}

}  // namespace fieldnotes::client
