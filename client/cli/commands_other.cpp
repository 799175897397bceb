// session add/list, import, export.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "cli/commands.h"
#include "cli/entry_options.h"
#include "cli/output.h"
#include "cli/progress.h"
#include "engine/import.h"
#include "engine/journal_files.h"
#include "engine/settings.h"
#include "importers/import_file.h"
#include "reports/crisis_resources.h"
#include "core/i18n.h"

namespace fieldnotes::client {
namespace {

// The whole of FILE, or of standard input for "-".
CliResult<std::string> ReadAll(const std::string& name) {
  if (name == "-") {
    std::string content((std::istreambuf_iterator<char>(std::cin)),
                        std::istreambuf_iterator<char>());
    if (std::cin.bad()) return core::Status::IoError(core::Tr("could not read standard input."));
    return content;
  }
  std::ifstream in(name, std::ios::binary);
  if (!in) {
    int err = errno;
    // TRANSLATORS: %1 is a file name, %2 the system's reason ("No such file or directory").
    std::string message = core::Format(core::Tr("could not open %1 (%2)."), name, std::strerror(err));
    if (err == ENOENT) return core::Status::NotFound(message);
    return core::Status::IoError(message);
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return core::Status::IoError(core::Format(core::Tr("could not read %1."), name));
  return std::move(buffer).str();
}

// "Checked 4,000 of 20,000 lines…": %1 is the work done, %2 the whole.
std::string ProgressMessage(ImportObserver::Stage stage, ImportObserver::Unit unit, size_t total) {
  const bool lines = unit == ImportObserver::Unit::kLines;
  if (stage == ImportObserver::Stage::kChecking) {
    return lines ? core::TrN("Checked %1 of %2 line…", "Checked %1 of %2 lines…", total)
                 : core::TrN("Checked %1 of %2 entry…", "Checked %1 of %2 entries…", total);
  }
  return lines ? core::TrN("Imported %1 of %2 line…", "Imported %1 of %2 lines…", total)
               : core::TrN("Imported %1 of %2 entry…", "Imported %1 of %2 entries…", total);
}

// The engine's import progress as a line on stderr.
struct ProgressLineObserver : ImportObserver {
  ProgressLine line;
  void ImportProgress(Stage stage, size_t done, size_t total, Unit unit) override {
    line.Update(ProgressMessage(stage, unit, total), done, total);
  }
};

// What an import did, in whole sentences: what was added, then what was
// already in the journal (only when something was).
std::string ImportedLine(const core::ImportStats& stats, bool own_format,
                         importers::Source source) {
  std::string out;
  if (own_format) {
    out = core::Format(core::TrN("Imported %1 entry.", "Imported %1 entries.", stats.entries_added),
                       Thousands(stats.entries_added)) +
          " " +
          core::Format(
              core::TrN("Imported %1 session.", "Imported %1 sessions.", stats.sessions_added),
              Thousands(stats.sessions_added));
    const size_t skipped = stats.entries_skipped + stats.sessions_skipped;
    if (skipped > 0) {
      out += " " + core::Format(
                       // TRANSLATORS: %1 counts entries and therapy sessions together.
                       core::TrN("%1 entry or session was already in the journal and was left as "
                                 "it is.",
                                 "%1 entries or sessions were already in the journal and were "
                                 "left as they are.",
                                 skipped),
                       Thousands(skipped));
    }
    return out;
  }
  // TRANSLATORS: %1 is a number of entries, %2 the app they came from ("Day One").
  out = core::Format(
      core::TrN("Imported %1 entry from %2.", "Imported %1 entries from %2.", stats.entries_added),
      Thousands(stats.entries_added), importers::SourceTitle(source));
  if (stats.entries_skipped > 0) {
    out +=
        " " + core::Format(core::TrN("%1 entry was already in the journal and was left as it is.",
                                     "%1 entries were already in the journal and were left as "
                                     "they are.",
                                     stats.entries_skipped),
                           Thousands(stats.entries_skipped));
  }
  return out;
}

}  // namespace

CliStatus RunSessionAdd(Context& context, const Args& args) {
  if (!args.positionals().empty()) {
    return CliStatus::Usage(core::Tr("session add takes no arguments, only options."));
  }
  auto at = args.Value("--at");
  if (!at) return CliStatus::Usage(core::Tr("session add needs --at, the date and time of the session."));
  auto when = ParseWhen(*at, "--at");
  if (!when.ok()) return when.status();
  core::Session session;
  session.at = *when;
  session.note = args.Value("--note").value_or("");
  if (core::Status valid = core::Validate(session); !valid.ok()) return valid;

  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  JournalController controller(std::move(journal).value(), context.clock());
  auto id = controller.AddSession(std::move(session));
  if (!id.ok()) return id.status();
  Print(*id + "\n");
  return CliStatus::Ok();
}

CliStatus RunSessionList(Context& context, const Args& args) {
  if (!args.positionals().empty()) {
    return CliStatus::Usage(core::Tr("session list takes no arguments, only options."));
  }
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  const auto& sessions = (*journal)->sessions();
  if (args.Has("--json")) {
    Print(SessionsJson(sessions));
  } else if (sessions.empty()) {
    Print(core::Tr("No sessions yet.\n"));
  } else {
    std::string out;
    for (const auto& s : sessions) out += SessionLine(s) + "\n";
    Print(out);
  }
  return CliStatus::Ok();
}

CliStatus RunImport(Context& context, const Args& args) {
  if (args.positionals().size() != 1) {
    return CliStatus::Usage(core::Tr("import needs one file (or - for standard input)."));
  }
  auto content = ReadAll(args.positionals()[0]);
  if (!content.ok()) return content.status();

  // The whole file is checked before the journal is opened: a bad file
  // never asks for the passphrase and never touches the journal. What the
  // file is comes from its content, not its name.
  ProgressLineObserver progress;
  auto checked = CheckImport(*content, &progress);
  progress.line.Finish();
  if (!checked.ok()) {
    return core::Status::InvalidArgument(core::Format(
        // TRANSLATORS: %1 is what was wrong with the file, on a line of its own.
        core::Tr("the file was not imported, so nothing changed in the journal:\n  %1"),
        checked.status().message()));
  }
  content->clear();
  const importers::SourceImport& parsed = checked->found;
  if (!checked->own_format()) {
    Print(importers::FoundSentence(parsed) + "\n");
  }

  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto outcome = ImportChecked(**journal, *checked, &progress);
  progress.line.Finish();
  if (!outcome.ok()) return outcome.status();
  const core::ImportStats& stats = outcome->stats;

  Print(ImportedLine(stats, checked->own_format(), parsed.source) + "\n");
  if (!checked->own_format()) Print(importers::DescribeLeftovers(parsed));

  // Imported entries are read for safety like new ones; said once, not per entry.
  const size_t raised = outcome->safety_raised;
  if (raised > 0) {
    Print(core::Format(core::TrN("%1 imported entry mentions hurting yourself or someone else, "
                                 "or being in danger.",
                                 "%1 imported entries mention hurting yourself or someone else, "
                                 "or being in danger.",
                                 raised),
                       Thousands(raised)) +
          "\n");
    const auto& resources = reports::CrisisResources::Default();
    std::fputs(("\n" +
                resources.Format(resources.ForRegion(CrisisRegionFor(journal->get())),
                                 outcome->harm_from_others) +
                "\n")
                   .c_str(),
               stderr);
  }
  return CliStatus::Ok();
}

CliStatus RunExport(Context& context, const Args& args) {
  if (!args.positionals().empty()) {
    return CliStatus::Usage(core::Tr("export takes no arguments, only options."));
  }
  const auto format = ExportFormatNamed(args.Value("--format").value_or("jsonl"));
  if (!format) return CliStatus::Usage(core::Tr("--format must be jsonl or markdown."));
  auto out_path = args.Value("--out");
  if (out_path && out_path->empty()) return CliStatus::Usage(core::Tr("--out needs a file name."));

  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  if (!out_path) {
    Print(ExportText(**journal, *format));
    return CliStatus::Ok();
  }
  auto counts = ExportToFile(**journal, *format, *out_path);
  if (!counts.ok()) return counts.status();
  const std::string entries = core::Format(
      // TRANSLATORS: %1 is a number of entries, %2 a file name.
      core::TrN("Exported %1 entry to %2.", "Exported %1 entries to %2.", counts->entries),
      Thousands(counts->entries), *out_path);
  const std::string sessions = core::Format(
      // TRANSLATORS: %1 is a number of therapy sessions, written to the same file.
      core::TrN("The file holds %1 session too.", "The file holds %1 sessions too.",
                counts->sessions),
      Thousands(counts->sessions));
  Print(entries + " " + sessions + "\n" +
        core::Tr("This file is not encrypted: keep it somewhere only you can read.") + "\n");
  return CliStatus::Ok();
}

}  // namespace fieldnotes::client
