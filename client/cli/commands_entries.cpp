// add, list, show, edit, delete, search.
#include <cstdio>

#include "cli/commands.h"
#include "cli/entry_options.h"
#include "cli/output.h"
#include "engine/look_back.h"
#include "core/clock.h"
#include "core/i18n.h"

namespace fieldnotes::client {
namespace {

using core::Entry;

// The one positional argument a command takes, or a usage error: `missing`
// when there is none, `extra` when there are more.
CliResult<std::string> OnePositional(const Args& args, const std::string& missing,
                                     const std::string& extra) {
  if (args.positionals().size() == 1) return args.positionals()[0];
  return CliStatus::Usage(args.positionals().empty() ? missing : extra);
}

// The usage errors of show, edit and delete, which take one id.
CliResult<std::string> OneId(const Args& args, std::string_view command) {
  // TRANSLATORS: %1 is a command's name ("show", "edit", "delete"), as typed.
  return OnePositional(args, core::Format(core::Tr("%1 needs the id of an entry."), command),
                       core::Format(core::Tr("%1 takes only the id of an entry."), command));
}

// The entry with this id (or unique prefix), with a plain "not found".
CliResult<Entry> FindEntry(const core::Journal& journal, const std::string& id) {
  auto entry = journal.GetEntry(id);
  if (entry.ok()) return std::move(entry).value();
  if (entry.status().IsNotFound()) return core::Status::NotFound(NoEntryMessage(id));
  if (entry.status().code() == core::Status::Code::kInvalidArgument) {
    // The only way an id is "invalid" here: a prefix shared by several.
    return CliStatus::Usage(core::Tr("more than one entry starts with that id; please give more of it."));
  }
  return entry.status();
}

void PrintEntries(const std::vector<const Entry*>& entries, bool as_json,
                  std::string_view when_none) {
  if (as_json) {
    Print(EntriesJson(entries));
    return;
  }
  if (entries.empty()) {
    Print(std::string(when_none) + "\n");
    return;
  }
  std::string out;
  for (const Entry* e : entries) out += EntryLine(*e) + "\n";
  Print(out);
}

}  // namespace

CliStatus RunAdd(Context& context, const Args& args) {
  auto kind_name = OnePositional(args, core::Tr("add needs a kind: spike, loop, thread or note."),
                                 core::Tr("add takes only a kind: spike, loop, thread or note."));
  if (!kind_name.ok()) return kind_name.status();
  auto kind = core::ParseKind(*kind_name);
  if (!kind) return CliStatus::Usage(core::Tr("the kind must be spike, loop, thread or note."));

  Entry entry;
  entry.kind = *kind;
  entry.written_at = context.clock().Now();
  auto given = ApplyEntryOptions(args, &entry);
  if (!given.ok()) return given.status();
  // Everything is checked before the passphrase is asked for.
  if (core::Status valid = core::Validate(entry); !valid.ok()) return valid;

  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  JournalController controller(std::move(journal).value(), context.clock());
  auto id = controller.AddEntry(std::move(entry));
  if (!id.ok()) return id.status();
  return AfterAdd(controller, *id, args.Has("--ask"), args.Has("--json"));
}

CliStatus RunList(Context& context, const Args& args) {
  if (!args.positionals().empty())
    return CliStatus::Usage(core::Tr("list takes no arguments, only options."));
  core::EntryFilter filter;
  for (auto [option, field] : {std::pair{"--from", &filter.from}, std::pair{"--to", &filter.to}}) {
    if (auto text = args.Value(option)) {
      auto date = core::ParseDate(*text);
      if (!date.ok()) {
        // TRANSLATORS: %1 is an option as typed ("--from"); YYYY-MM-DD is how to type a day.
        return CliStatus::Usage(core::Format(core::Tr("%1 needs a day as YYYY-MM-DD."), option));
      }
      *field = *date;
    }
  }
  if (filter.from && filter.to && *filter.from > *filter.to) {
    return CliStatus::Usage(core::Tr("--from is after --to, so nothing could match."));
  }
  if (auto kind = args.Value("--kind")) {
    filter.kind = core::ParseKind(*kind);
    if (!filter.kind) return CliStatus::Usage(core::Tr("--kind must be spike, loop, thread or note."));
  }

  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  bool filtered = filter.from || filter.to || filter.kind;
  PrintEntries(LookBack(**journal, {}, filter), args.Has("--json"),
               filtered ? core::Tr("No entries match.") : core::Tr("No entries yet."));
  return CliStatus::Ok();
}

CliStatus RunShow(Context& context, const Args& args) {
  auto id = OneId(args, "show");
  if (!id.ok()) return id.status();
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto entry = FindEntry(**journal, *id);
  if (!entry.ok()) return entry.status();
  Print(args.Has("--json") ? EntryJson(*entry) : EntryDetails(*entry));
  return CliStatus::Ok();
}

CliStatus RunEdit(Context& context, const Args& args) {
  auto id = OneId(args, "edit");
  if (!id.ok()) return id.status();
  // Check the options before asking for the passphrase.
  Entry scratch;
  auto given = ApplyEntryOptions(args, &scratch);
  if (!given.ok()) return given.status();
  if (*given == 0) {
    return CliStatus::Usage(core::Tr("edit needs at least one field to change, such as --text \"...\"."));
  }

  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  JournalController controller(std::move(journal).value(), context.clock());
  auto entry = FindEntry(controller.journal(), *id);
  if (!entry.ok()) return entry.status();
  auto applied = ApplyEntryOptions(args, &*entry);
  if (!applied.ok()) return applied.status();
  if (core::Status s = controller.UpdateEntry(*entry); !s.ok()) return s;
  // TRANSLATORS: %1 is the first 8 characters of the entry's id.
  Print(core::Format(core::Tr("Saved the changes to entry %1."), entry->id.substr(0, 8)) + "\n");
  // An edit is read like a new entry; no questions are asked after it.
  auto after = controller.AfterSave(entry->id, /*ask=*/false);
  if (!after.ok()) return after.status();
  ShowCrisisResources(controller, after->safety);
  return CliStatus::Ok();
}

CliStatus RunDelete(Context& context, const Args& args) {
  auto id = OneId(args, "delete");
  if (!id.ok()) return id.status();
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  JournalController controller(std::move(journal).value(), context.clock());
  auto entry = FindEntry(controller.journal(), *id);
  if (!entry.ok()) return entry.status();
  if (core::Status s = controller.DeleteEntry(entry->id); !s.ok()) return s;
  // TRANSLATORS: %1 is the first 8 characters of the entry's id.
  Print(core::Format(core::Tr("Deleted entry %1."), entry->id.substr(0, 8)) + "\n");
  return CliStatus::Ok();
}

CliStatus RunSearch(Context& context, const Args& args) {
  std::string query;
  for (const auto& word : args.positionals()) {
    if (!query.empty()) query += ' ';
    query += word;
  }
  if (!IsSearch(query)) {
    return CliStatus::Usage(core::Tr("search needs something to look for."));
  }
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  PrintEntries(LookBack(**journal, query), args.Has("--json"), core::Tr("No entries contain that."));
  return CliStatus::Ok();
}

}  // namespace fieldnotes::client
