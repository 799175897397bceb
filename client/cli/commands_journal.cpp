// init, passwd, check, backup: the journal as a whole.
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "engine/journal_files.h"
#include "engine/unlock.h"
#include "core/i18n.h"

namespace fieldnotes::client {
namespace {

// Where `passwd` looks for the new passphrase before asking.
constexpr char kNewPassphraseEnv[] = "FIELDNOTES_NEW_PASSPHRASE";

// --kdf-cost N: log2 of scrypt's N, within the bounds core accepts.
CliResult<int> KdfCost(const Args& args) {
  using core::crypto::KdfParams;
  auto text = args.Value("--kdf-cost");
  if (!text) return KdfParams::kDefaultLog2N;
  auto cost = ParseInt(*text, KdfParams::kMinLog2N, KdfParams::kMaxLog2N);
  if (!cost) {
    return CliStatus::Usage(core::Format(core::Tr("--kdf-cost must be a whole number from %1 to %2."),
                                         KdfParams::kMinLog2N, KdfParams::kMaxLog2N));
  }
  return *cost;
}

// `command`'s usage error for arguments it does not take.
CliStatus NoArguments(const Args& args, std::string_view command) {
  if (args.positionals().empty()) return CliStatus::Ok();
  // TRANSLATORS: %1 is a command's name ("init"), as typed.
  return CliStatus::Usage(core::Format(core::Tr("%1 takes no arguments, only options."), command));
}

}  // namespace

CliStatus RunInit(Context& context, const Args& args) {
  if (CliStatus s = NoArguments(args, "init"); !s.ok()) return s;
  auto cost = KdfCost(args);
  if (!cost.ok()) return cost.status();
  context.set_kdf_log2_n(*cost);

  const std::string& path = context.journal_path();
  // Refused before a passphrase is asked for.
  if (core::Status s = CheckNewJournalPlace(path); !s.ok()) return s;

  console::SecretSource source;
  source.file = context.passphrase_file();
  source.prompt = core::Tr("Choose a passphrase: ");
  source.confirm = true;
  auto passphrase = console::ReadSecret(source);
  if (!passphrase.ok()) return passphrase.status();
  auto journal = CreateJournal(path, passphrase->str(), context.options());
  if (!journal.ok()) return journal.status();
  // TRANSLATORS: %1 is the journal's file name.
  Print(core::Format(core::Tr("Your new journal is ready at %1.\nKeep your passphrase somewhere "
                              "safe: without it nobody can open the journal, not even you."),
                     path) +
        "\n");
  return CliStatus::Ok();
}

CliStatus RunPasswd(Context& context, const Args& args) {
  if (CliStatus s = NoArguments(args, "passwd"); !s.ok()) return s;
  auto cost = KdfCost(args);
  if (!cost.ok()) return cost.status();

  auto journal = context.OpenJournal(core::Tr("Current passphrase: "));
  if (!journal.ok()) return journal.status();
  console::SecretSource source;
  source.env_var = kNewPassphraseEnv;
  source.file = args.Value("--new-passphrase-file");
  source.file_option = "--new-passphrase-file";
  source.prompt = core::Tr("New passphrase: ");
  source.confirm = true;
  auto passphrase = console::ReadSecret(source);
  if (!passphrase.ok()) return passphrase.status();
  if (core::Status s = ChangePassphrase(**journal, passphrase->str(), *cost); !s.ok()) return s;
  Print(core::Tr("Your passphrase is changed. Use the new one from now on.\n"));
  return CliStatus::Ok();
}

CliStatus RunCheck(Context& context, const Args& args) {
  if (CliStatus s = NoArguments(args, "check"); !s.ok()) return s;
  context.set_skip_damaged_records(true);
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  core::CheckReport report = CheckJournal(**journal);
  std::string out;
  out += report.sqlite_ok ? core::Tr("The file itself is intact.\n")
                          : core::Format(core::Tr("The file itself is damaged: %1"),
                                         report.sqlite_message) +
                                "\n";
  const size_t checked = report.records_checked;
  if (report.damaged.empty()) {
    out += core::Format(core::TrN("%1 record was checked; it opened correctly.",
                                  "%1 records were checked; all of them opened correctly.",
                                  checked),
                        Thousands(checked));
    out += "\n";
  } else {
    out += core::Format(core::TrN("%1 record was checked.", "%1 records were checked.", checked),
                        Thousands(checked));
    out += "\n";
    // TRANSLATORS: %1 is how many of the records checked did not open; a
    // list of them follows, one a line.
    out += core::Format(core::TrN("%1 record is damaged:", "%1 records are damaged:",
                                  report.damaged.size()),
                        Thousands(report.damaged.size()));
    out += "\n";
    for (const auto& name : report.damaged) out += "  " + name + "\n";
  }
  Print(out);
  if (report.ok()) return CliStatus::Ok();
  return core::Status::Corruption(core::Tr("the check above found damage"));
}

CliStatus RunBackup(Context& context, const Args& args) {
  if (CliStatus s = NoArguments(args, "backup"); !s.ok()) return s;
  auto to = args.Value("--to");
  if (!to || to->empty()) return CliStatus::Usage(core::Tr("backup needs --to FILE."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto report = BackUpJournal(**journal, *to);
  if (!report.ok()) {
    if (report.status().code() == core::Status::Code::kAlreadyExists) {
      return core::Status::AlreadyExists(core::Format(
          core::Tr("there is already a file at %1. Nothing was written; choose another name."),
          *to));
    }
    return report.status();
  }
  // TRANSLATORS: %1 is the backup's file name, %2 a count; the last line
  // is a command to type, keep it as it is.
  Print(core::Format(core::TrN("Backed up your journal to %1 (%2 record, checked). It is "
                               "encrypted like your journal and opens with the same passphrase:\n"
                               "  fieldnotes-cli --journal %1 check",
                               "Backed up your journal to %1 (%2 records, each checked). It is "
                               "encrypted like your journal and opens with the same passphrase:\n"
                               "  fieldnotes-cli --journal %1 check",
                               report->records),
                     *to, Thousands(report->records)) +
        "\n");
  return CliStatus::Ok();
}

}  // namespace fieldnotes::client
