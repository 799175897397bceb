// report, report list, report show, and settings (docs/report.md). Every
// decision is the reports library's; this file reads arguments, calls it,
// writes files and prints.
#include <cstdio>

#include "core/atomic_file.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "engine/kept_reports.h"
#include "engine/settings.h"
#include "engine/sharing.h"
#include "engine/weekly_report.h"
#include "core/clock.h"
#include "core/display.h"
#include "core/json.h"
#include "reports/phrase_format.h"
#include "reports/report_store.h"
#include "core/i18n.h"

namespace fieldnotes::client {
namespace {

void Warn(std::string_view text) {
  std::string line = "fieldnotes-cli: " + std::string(text) + "\n";
  std::fwrite(line.data(), 1, line.size(), stderr);
}

// "ID=TEXT" options.
CliResult<std::vector<std::pair<std::string, std::string>>> Pairs(const Args& args,
                                                                  std::string_view option) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string& v : args.Values(option)) {
    const size_t eq = v.find('=');
    if (eq == std::string::npos || eq == 0) {
      return CliStatus::Usage(
          // TRANSLATORS: %1 is an option as typed ("--reword"); ID=TEXT is how to type it.
          core::Format(core::Tr("%1 needs a line's id, then =, then your words: ID=TEXT."), option));
    }
    out.emplace_back(v.substr(0, eq), v.substr(eq + 1));
  }
  return out;
}

CliResult<std::optional<reports::Period>> ChosenPeriod(const Args& args) {
  const bool since = args.Has("--since-last-session");
  const auto from_text = args.Value("--from");
  const auto to_text = args.Value("--to");
  if (since && (from_text || to_text))
    return CliStatus::Usage(core::Tr("use either --since-last-session or --from and --to, not both."));
  if (from_text.has_value() != to_text.has_value())
    return CliStatus::Usage(core::Tr("--from and --to go together."));
  if (!from_text) return std::optional<reports::Period>();
  auto from = core::ParseDate(*from_text);
  auto to = core::ParseDate(*to_text);
  if (!from.ok() || !to.ok()) return CliStatus::Usage(core::Tr("--from and --to need days as YYYY-MM-DD."));
  auto period = reports::Period::Between(*from, *to);
  if (!period.ok()) return CliStatus::Usage(core::Tr("--from is after --to."));
  return std::optional<reports::Period>(*period);
}

// What the client sees after --preview, or after the PDF is written: the
// lines with their ids, and how to change them.
std::string Review(const reports::ReportContent& content) {
  std::string out = reports::ContentToText(content);
  if (content.Section(reports::SectionKind::kAgenda)->items.empty() &&
      !content.suggestions.empty()) {
    out += "\n";
    out += core::Tr("To bring one of these, add --pick with its id (one, two at most):");
    out += "\n";
    for (const std::string& id : content.suggestions) out += "  " + id + "\n";
  }
  out += "\n";
  // TRANSLATORS: the options (--reword ID=TEXT …) are typed as they are.
  out += core::Tr(
      "Change a line with --reword ID=TEXT, leave it out with --remove ID, add a line of your\n"
      "own under it with --note ID=TEXT, or carry your own words in full with --quote ID.");
  out += "\n";
  return out;
}

std::string NoReportMessage(const std::string& id) {
  return core::Format(core::Tr("there is no report with the id %1."), id);
}

// A choice that does not fit is the person's to change: a usage error.
CliStatus Refused(const core::Status& status) {
  if (status.code() == core::Status::Code::kInvalidArgument)
    return CliStatus::Usage(status.message());
  return status;
}

}  // namespace

CliStatus RunReport(Context& context, const Args& args) {
  if (!args.positionals().empty())
    return CliStatus::Usage(
        core::Tr("report takes no arguments, only options (or: report list, report show ID, report taken "
        "ID)."));
  const bool preview = args.Has("--preview");
  const auto pdf_path = args.Value("--pdf");
  const auto json_path = args.Value("--json");
  if (!preview && !pdf_path)
    return CliStatus::Usage(core::Tr("report needs --pdf FILE (or --preview to look first)."));
  auto chosen = ChosenPeriod(args);
  if (!chosen.ok()) return chosen.status();
  reports::ReportOptions options;
  options.picks = args.Values("--pick");
  options.agenda = args.Values("--agenda");
  options.excludes = args.Values("--exclude");
  options.questions = args.Values("--question");
  options.quotes = args.Values("--quote");
  options.removes = args.Values("--remove");
  auto notes = Pairs(args, "--note");
  if (!notes.ok()) return notes.status();
  options.notes = *notes;
  auto rewords = Pairs(args, "--reword");
  if (!rewords.ok()) return rewords.status();
  options.rewords = *rewords;

  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  core::Journal& j = **journal;
  // The same pipeline as the app's report page (engine/weekly_report.h).
  auto snapshot = TakeSnapshot(j);
  if (!snapshot.ok()) return snapshot.status();
  if (const auto paper_name = args.Value("--paper")) {
    const auto paper = reports::ParsePaper(*paper_name);
    if (!paper) return CliStatus::Usage(core::Tr("--paper is a4 or letter."));
    snapshot->paper = *paper;
  }

  const core::Clock& clock = context.clock();
  if (preview) {
    auto content = BuildReportContent(*snapshot, options, clock, *chosen);
    if (!content.ok()) return Refused(content.status());
    Print(Review(*content));
    return CliStatus::Ok();
  }
  auto made = MakeReport(*snapshot, options, clock, *chosen);
  if (!made.ok()) return Refused(made.status());
  for (const std::string& w : made->pdf.warnings) Warn(w);

  const reports::StoredReport report = ToStoredReport(*made, clock);
  if (core::Status s = CreateParentFolders(*pdf_path); !s.ok()) return s;
  if (core::Status s = WriteReportPdf(*made, *pdf_path); !s.ok()) return s;
  if (json_path) {
    const std::string json = core::json::WritePretty(reports::ReportStore::ToJson(report)) + "\n";
    if (core::Status s = core::WriteFileAtomically(*json_path, json); !s.ok()) return s;
  }
  if (core::Status s = KeepStoredReport(j, report); !s.ok()) {
    return s.WithContext(core::Tr("the PDF was written, but the report could not be kept in the journal"));
  }
  Print(Review(report.content));
  Print("\n" +
        // TRANSLATORS: %1 is the number of pages, %2 the size in kilobytes, %3 a file name.
        core::Format(core::TrN("Saved the report (%1 page, %2 KB) to %3.",
                               "Saved the report (%1 pages, %2 KB) to %3.",
                               static_cast<unsigned long>(report.pages)),
                     report.pages, Thousands(report.pdf.size() / 1024), *pdf_path) +
        "\n");
  // TRANSLATORS: %1 is a file name.
  if (json_path) Print(core::Format(core::Tr("Its content is in %1."), *json_path) + "\n");
  // TRANSLATORS: %1 is the report's id.
  Print(core::Format(core::Tr("It is kept in your journal as report %1."), report.id) + "\n");
  return CliStatus::Ok();
}

CliStatus RunReportList(Context& context, const Args& args) {
  if (!args.positionals().empty()) return CliStatus::Usage(core::Tr("report list takes no arguments."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto reports = ListKeptReports(**journal);
  if (!reports.ok()) return reports.status();
  auto brought_reports = ReportsBrought(**journal);
  if (!brought_reports.ok()) return brought_reports.status();
  auto brought = [&](const std::string& id) -> std::string {
    switch (brought_reports->Of(id)) {
      case Brought::kShared:
        return "shared";
      case Brought::kTaken:
        return "taken";
      case Brought::kNo:
        break;
    }
    return "";
  };
  // The same, in words for people.
  auto brought_words = [&](const std::string& id) -> std::string {
    const Brought b = brought_reports->Of(id);
    // TRANSLATORS: in `report list`, a report the client shared with their therapist.
    if (b == Brought::kShared) return core::TrC("report list", "shared");
    // TRANSLATORS: in `report list`, a report the client took to a session.
    return b == Brought::kTaken ? core::TrC("report list", "taken") : "";
  };
  if (args.Has("--json")) {
    core::json::Array out;
    for (const auto& r : *reports) {
      core::json::Object o;
      o.Set("id", r.id);
      o.Set("created_at", core::FormatTimestamp(r.created_at));
      core::json::Object period;
      period.Set("from", core::FormatDate(r.content.from));
      period.Set("to", core::FormatDate(r.content.to));
      o.Set("period", std::move(period));
      o.Set("pages", r.pages);
      o.Set("pdf_sha256", reports::PdfSha256(r.pdf));
      const std::string b = brought(r.id);
      o.Set("brought", b.empty() ? core::json::Value() : core::json::Value(b));
      out.emplace_back(std::move(o));
    }
    Print(core::json::WritePretty(out) + "\n");
    return CliStatus::Ok();
  }
  if (reports->empty()) {
    Print(core::Tr("No reports yet. Make one with: fieldnotes-cli report --pdf FILE\n"));
    return CliStatus::Ok();
  }
  for (const auto& r : *reports) {
    std::string line = core::Format(
        // TRANSLATORS: one line of `report list`: the report's id, the day (%2,
        // "6 December 2026") and time (%3) it was made, the days it covers (%4,
        // "2 November 2026 to 9 November 2026"), its pages (%5).
        core::TrN("%1  made %2 %3  %4  %5 page", "%1  made %2 %3  %4  %5 pages",
                  static_cast<unsigned long>(r.pages)),
        r.id, core::DayMonthYear(r.created_at.LocalDate()), core::LocalClock(r.created_at),
        // TRANSLATORS: the days a report covers, both as "2 November 2026".
        core::Format(core::Tr("%1 to %2"), core::DayMonthYear(r.content.from),
                     core::DayMonthYear(r.content.to)),
        r.pages);
    const std::string b = brought_words(r.id);
    Print(line + (b.empty() ? "" : "  " + b) + "\n");
  }
  return CliStatus::Ok();
}

CliStatus RunReportTaken(Context& context, const Args& args) {
  if (args.positionals().size() != 1)
    return CliStatus::Usage(core::Tr("report taken needs the id of one report."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  const bool undo = args.Has("--undo");
  auto id = MarkReportTaken(**journal, args.positionals()[0], !undo);
  if (!id.ok()) {
    if (id.status().IsNotFound())
      return core::Status::NotFound(NoReportMessage(args.positionals()[0]));
    if (id.status().code() == core::Status::Code::kInvalidArgument)
      return CliStatus::Usage(core::Tr("more than one report starts with that id; please give more of it."));
    return id.status();
  }
  // TRANSLATORS: %1 is a report's id; the command after "Undo with:" is
  // typed as it is (%2 is the id's first 8 characters).
  Print(core::Format(undo ? core::Tr("Report %1 is no longer marked as taken to a session.")
                          : core::Tr("Report %1 is marked as taken to a session: the next report "
                                     "says what changed since it. Undo with: fieldnotes-cli report "
                                     "taken %2 --undo"),
                     *id, id->substr(0, 8)) +
        "\n");
  return CliStatus::Ok();
}

CliStatus RunReportShow(Context& context, const Args& args) {
  if (args.positionals().size() != 1)
    return CliStatus::Usage(core::Tr("report show needs the id of one report."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto report = FindKeptReport(**journal, args.positionals()[0]);
  if (!report.ok()) {
    if (report.status().IsNotFound())
      return core::Status::NotFound(NoReportMessage(args.positionals()[0]));
    if (report.status().code() == core::Status::Code::kInvalidArgument)
      return CliStatus::Usage(core::Tr("more than one report starts with that id; please give more of it."));
    return report.status();
  }
  if (const auto pdf_path = args.Value("--pdf")) {
    if (core::Status s = core::WriteFileAtomically(*pdf_path, report->pdf); !s.ok()) return s;
    Warn(core::Format(core::Tr("wrote the report's PDF to %1."), *pdf_path));
  }
  Print(core::json::WritePretty(reports::ReportStore::ToJson(*report)) + "\n");
  return CliStatus::Ok();
}

CliStatus RunSettingsSet(Context& context, const Args& args) {
  if (args.positionals().size() != 2)
    return CliStatus::Usage(
        core::Tr("settings set needs a name and a value, such as: settings set region GB."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  // An unknown name or a value its check refuses is the person's to change.
  if (core::Status s = SaveSetting(**journal, args.positionals()[0], args.positionals()[1]);
      !s.ok())
    return Refused(s);
  // TRANSLATORS: %1 is the name of a setting ("region"), as typed.
  Print(core::Format(core::Tr("Saved %1."), args.positionals()[0]) + "\n");
  return CliStatus::Ok();
}

CliStatus RunSettingsUnset(Context& context, const Args& args) {
  if (args.positionals().size() != 1)
    return CliStatus::Usage(core::Tr("settings unset needs the name of one setting."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  if (core::Status s = RemoveSetting(**journal, args.positionals()[0]); !s.ok()) return Refused(s);
  // TRANSLATORS: %1 is the name of a setting ("region"), as typed.
  Print(core::Format(core::Tr("Removed %1."), args.positionals()[0]) + "\n");
  return CliStatus::Ok();
}

CliStatus RunSettingsList(Context& context, const Args& args) {
  if (!args.positionals().empty()) return CliStatus::Usage(core::Tr("settings list takes no arguments."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto settings = StoredSettings(**journal);
  if (!settings.ok()) return settings.status();
  if (args.Has("--json")) {
    core::json::Object o;
    for (const SettingSpec& spec : SettingSpecs()) {
      auto it = settings->find(std::string(spec.key));
      o.Set(std::string(spec.key),
            it == settings->end() ? core::json::Value() : core::json::Value(it->second));
    }
    Print(core::json::WritePretty(o) + "\n");
    return CliStatus::Ok();
  }
  for (const SettingSpec& spec : SettingSpecs()) {
    auto it = settings->find(std::string(spec.key));
    std::string name(spec.key);
    name.resize(14, ' ');
    Print(name + (it == settings->end() ? core::Tr("(not set)") : it->second) + "\n");
  }
  return CliStatus::Ok();
}

}  // namespace fieldnotes::client
