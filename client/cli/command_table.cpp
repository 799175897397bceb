// The command table and every help text. Help is part of the interface:
// keep it truthful when an option changes.
#include <array>

#include "cli/commands.h"
#include "console/command_list.h"
#include "core/i18n.h"
#include "core/model.h"

namespace fieldnotes::client {
namespace {

constexpr OptionSpec kCommon[] = {{"--journal", true}, {"--passphrase-file", true}, {"--help"}};

constexpr OptionSpec kNoOptions[] = {{"--help"}};

constexpr OptionSpec kEntryFields[] = {
    {"--at", true},     {"--emotion", true, true}, {"--intensity", true},   {"--before", true},
    {"--body", true},   {"--thought", true},       {"--unsaid", true},      {"--text", true},
    {"--thread", true}, {"--tag", true, true},     {"--mood-before", true}, {"--mood-after", true}};

// add: the entry fields and --ask.
constexpr OptionSpec kAddOptions[] = {
    {"--at", true},     {"--emotion", true, true}, {"--intensity", true},   {"--before", true},
    {"--body", true},   {"--thought", true},       {"--unsaid", true},      {"--text", true},
    {"--thread", true}, {"--tag", true, true},     {"--mood-before", true}, {"--mood-after", true},
    {"--ask"},          {"--json"}};
constexpr OptionSpec kPatterns[] = {
    {"--since-last-session"}, {"--from", true}, {"--to", true}, {"--json"}};
constexpr OptionSpec kReportTaken[] = {{"--undo"}};
constexpr OptionSpec kAnswer[] = {{"--question", true}, {"--text", true}};
constexpr OptionSpec kReport[] = {{"--since-last-session"},
                                  {"--from", true},
                                  {"--to", true},
                                  {"--pick", true, true},
                                  {"--agenda", true, true},
                                  {"--exclude", true, true},
                                  {"--question", true, true},
                                  {"--quote", true, true},
                                  {"--note", true, true},
                                  {"--reword", true, true},
                                  {"--remove", true, true},
                                  {"--paper", true},
                                  {"--pdf", true},
                                  {"--json", true},
                                  {"--preview"}};
constexpr OptionSpec kReportShow[] = {{"--pdf", true}};
constexpr OptionSpec kLink[] = {
    {"--server", true}, {"--code", true}, {"--ca-file", true}, {"--label", true}, {"--json"}};
constexpr OptionSpec kYesJson[] = {{"--yes"}, {"--json"}};
constexpr OptionSpec kYes[] = {{"--yes"}};
constexpr OptionSpec kShare[] = {{"--with", true}, {"--expires", true}, {"--yes"}, {"--json"}};

constexpr OptionSpec kInit[] = {{"--kdf-cost", true}};
constexpr OptionSpec kList[] = {{"--from", true}, {"--to", true}, {"--kind", true}, {"--json"}};
constexpr OptionSpec kJson[] = {{"--json"}};
constexpr OptionSpec kSessionAdd[] = {{"--at", true}, {"--note", true}};
constexpr OptionSpec kExport[] = {{"--format", true}, {"--out", true}};
constexpr OptionSpec kBackup[] = {{"--to", true}};
constexpr OptionSpec kPasswd[] = {{"--kdf-cost", true}, {"--new-passphrase-file", true}};

constexpr std::string_view kEntryFieldsHelp = N_(R"(
  --at TIME            when it happened: 2026-11-03T21:40 (your local time) or
                       2026-11-03T21:40:00+01:00 (with its UTC offset)
  --emotion WORD       a feeling; repeat for more than one (see the list below)
  --intensity N        how strong it was, 0 to 10
  --before TEXT        what happened right before
  --body TEXT          where you felt it in your body
  --thought TEXT       the exact thought
  --unsaid TEXT        what you almost said
  --text TEXT          anything else; for a loop, the thought word for word
  --thread TITLE       the suggestion from a session that this follows up
  --tag TAG            a tag of your own; repeat for more than one
  --mood-before N      your mood before writing, 0 to 10
  --mood-after N       your mood after writing, 0 to 10
)");

constexpr std::string_view kAddHelp =
    N_(R"(Usage: fieldnotes-cli add KIND [OPTIONS]

Writes a new entry and prints its id. KIND is one of:
  spike    an emotion jumped
  loop     a thought that keeps coming back
  thread   how a suggestion from your last session actually went
  note     anything else

Every field is optional. Without --at, the entry is dated now.

If what you wrote mentions hurting yourself or someone else, or being in
danger, crisis lines are shown (on standard error) before anything else, and
no question is asked. Nothing is sent anywhere. The lines are for your
region: FIELDNOTES_REGION (such as GB or US), else the region setting, else
your locale's country, else a list for anywhere.

Options:
  --ask                right after saving, ask up to two follow-up questions
                       and save your answers: one line each, an empty line
                       skips; an answer that mentions danger ends them
  --json               print {"id": ..., "safety": {"raised": true|false,
                       "categories": [...]}} instead of the id alone)");

constexpr std::string_view kEditHelp =
    N_(R"(Usage: fieldnotes-cli edit ID [OPTIONS]

Changes an entry. ID is the entry's id or its first 8 or more characters.
Only the fields you give change. A value replaces the field; an empty value
("") clears it. --emotion and --tag replace the whole list when given.

Options:)");

constexpr Command kCommands[] = {
    {"init", N_("create a new journal"),
     N_(R"(Usage: fieldnotes-cli init [--kdf-cost N] [--journal PATH]

Creates a new, empty journal, protected by a passphrase. On a terminal you
are asked for the passphrase twice. The folder is created if needed, readable
only by you.

Options:
  --kdf-cost N         how hard the passphrase is to guess by brute force:
                       log2 of scrypt's N, 15 to 20 (default 17). Each step
                       doubles the time and memory needed to open the journal.
)"),
     kInit, RunInit},
    {"add", N_("write an entry (KIND: spike, loop, thread or note)"), kAddHelp, kAddOptions, RunAdd,
     true},
    {"list", N_("list entries, newest first"),
     N_(R"(Usage: fieldnotes-cli list [--from DATE] [--to DATE] [--kind KIND] [--json]

Lists entries, newest first, one line each: the start of the id, the day and
time, the kind, the feelings and how strong, and the first words.

Options:
  --from DATE          only entries on or after this day (YYYY-MM-DD)
  --to DATE            only entries on or before this day (YYYY-MM-DD)
  --kind KIND          only entries of this kind: spike, loop, thread or note
  --json               print the entries as a JSON array instead
)"),
     kList, RunList},
    {"show", N_("show one entry in full"),
     N_(R"(Usage: fieldnotes-cli show ID [--json]

Shows every field of one entry. ID is the entry's id or its first 8 or more
characters.

Options:
  --json               print the entry as JSON instead
)"),
     kJson, RunShow},
    {"edit", N_("change some fields of an entry"), kEditHelp, kEntryFields, RunEdit, true},
    {"delete", N_("delete an entry for good"),
     N_(R"(Usage: fieldnotes-cli delete ID

Deletes one entry. Its record is overwritten in the file, so it cannot be
brought back. ID is the entry's id or its first 8 or more characters.
)"),
     kNoOptions, RunDelete},
    {"search", N_("find entries that contain some words"),
     N_(R"(Usage: fieldnotes-cli search QUERY [--json]

Finds entries whose text contains QUERY, newest first. Capitals and accents
do not matter: "cafe" finds "Café". Every field is searched: feelings, the
text fields, tags, the thread and follow-up answers. Several words are
searched as one phrase.

Options:
  --json               print the entries as a JSON array instead
)"),
     kJson, RunSearch},
    {"patterns", N_("what repeated, when, and what came before: observations with evidence"),
     N_(R"(Usage: fieldnotes-cli patterns [--since-last-session | --from DATE --to DATE] [--json]

Shows what the journal noticed: how your mood moved, how the suggestions
from your sessions went, what you wrote about again and again, times of the
week when spikes came up, and what often came right before a feeling. Each
is an observation with its evidence: how often, and on which days. None of
it says what anything means; that belongs in the room with your therapist.

Without options, it looks at the time since your last session (before your
first session: the last 14 days).

Options:
  --since-last-session since your last session (the default)
  --from DATE          from this day (YYYY-MM-DD) ...
  --to DATE            ... to this day, both included
  --json               print the observations as JSON (see docs/patterns.md)
)"),
     kPatterns, RunPatterns},
    {"questions", N_("the follow-up questions for an entry, and your answers"),
     N_(R"(Usage: fieldnotes-cli questions ID

Shows the follow-up questions for an entry, at most two, chosen by what the
entry leaves out, with your answers so far. The first time they are saved
with the entry, so they stay the same. ID is the entry's id or its first 8
or more characters. Answer them with fieldnotes-cli answer.
)"),
     kNoOptions, RunQuestions},
    {"answer", N_("answer a follow-up question"),
     N_(R"(Usage: fieldnotes-cli answer ID --question N --text TEXT

Saves your answer to question N of an entry, as numbered by
fieldnotes-cli questions ID. A new answer replaces the one before; an empty
one ("") clears it.

Options:
  --question N         which question, from 1
  --text TEXT          your answer
)"),
     kAnswer, RunAnswer},
    {"report", N_("the report to bring to your next session, as a PDF"),
     N_(R"(Usage: fieldnotes-cli report [--since-last-session | --from DATE --to DATE]
         [--pick ID]... [--agenda TEXT]... [--exclude ID]... [--question TEXT]...
         [--quote ID]... [--note ID=TEXT]... [--reword ID=TEXT]... [--remove ID]...
         [--paper a4|letter] (--pdf FILE [--json FILE] | --preview)
       fieldnotes-cli report list [--json]
       fieldnotes-cli report show ID [--pdf FILE]
       fieldnotes-cli report taken ID [--undo]

Turns the time since your last session into a short report, in the order a
session runs: mood, since last session, what I want to bring, what repeated,
and questions I couldn't answer alone. Bring the pattern, not the transcript:
the report never quotes six or more words in a row from your entries unless
you choose that excerpt with --quote. Nothing is sent anywhere.

Look first with --preview: it prints every line with its id. Then make the
PDF with --pdf, choosing and changing lines as you like. The finished report
(its content and the PDF) is kept, encrypted, in your journal. The next
report says what changed since the last one you took to a session or shared
(mark it with: report taken ID); drafts are never compared with. The same
journal and choices give the same PDF, byte for byte.

Options:
  --since-last-session since your last session (the default)
  --from DATE          from this day (YYYY-MM-DD) ...
  --to DATE            ... to this day, both included
  --pick ID            bring this observation (one, two at most, with --agenda)
  --agenda TEXT        something to bring, in your own words
  --exclude ID         leave this observation out of the report
  --question TEXT      a question you couldn't answer alone; up to 5
  --quote ID           carry your own words behind this line in full (a
                       thought word for word, how a thread went)
  --note ID=TEXT       add a line of your own under a line
  --reword ID=TEXT     say a line in your own words instead
  --remove ID          leave a line out
  --paper SIZE         a4 (the default, or the paper setting) or letter
  --pdf FILE           write the PDF here (readable only by you)
  --json FILE          also write its content as JSON, with the report's id
  --preview            print the report with each line's id; write nothing

The PDF uses the DejaVu Sans font (fonts-dejavu-core) and, for scripts it
lacks, the fonts fontconfig finds (such as fonts-noto-core, fonts-noto-cjk);
with FIELDNOTES_FONT_DIR set, only the fonts in that folder. Characters no
installed font has are drawn as a box, and you are told which.
)"),
     kReport, RunReport},
    {"report list", N_("list the reports kept in your journal"),
     N_(R"(Usage: fieldnotes-cli report list [--json]

Lists the reports kept in your journal, oldest first: id, when it was made,
the period, the pages, and whether it was taken to a session or shared.

Options:
  --json               print them as a JSON array instead
)"),
     kJson, RunReportList},
    {"report show", N_("show a kept report"),
     N_(R"(Usage: fieldnotes-cli report show ID [--pdf FILE]

Prints a kept report as JSON: its id, when it was made, the paper, the PDF's
size and SHA-256, and its content (every section and line, and the
observations it was built from). ID is the report's id or its first 8 or
more characters.

Options:
  --pdf FILE           also write the report's PDF, exactly as it was made
)"),
     kReportShow, RunReportShow},
    {"report taken", N_("mark a kept report as taken to a session"),
     N_(R"(Usage: fieldnotes-cli report taken ID [--undo]

Marks a kept report as the one you took to a session, so the next report
says what changed since it. A report you shared counts as taken without
this; drafts you did not take are never compared with. ID is the report's
id or its first 8 or more characters.

Options:
  --undo               take the mark off again
)"),
     kReportTaken, RunReportTaken},
    {"link", N_("link your therapist with an invite code"),
     N_(R"(Usage: fieldnotes-cli link --server URL --code CODE [--ca-file PEM] [--label NAME] [--json]
       fieldnotes-cli link list [--json]
       fieldnotes-cli link verify LINK [--yes]
       fieldnotes-cli link remove LINK [--yes]

Links this journal with your therapist through their practice's server, with
the invite code they gave you, and prints the safety number: 60 digits made
from your key and theirs. Compare it with the number on their screen; if it
matches, run `link verify`. Nothing can be shared on a link until then.

The server never learns your name: it knows this link by a random id.

Options:
  --server URL         the practice's server: https://host or https://host:port
  --code CODE          the invite code (spaces, dashes and case do not matter)
  --ca-file PEM        trust the server's certificate from this file (a
                       practice's own authority); otherwise the system's
  --label NAME         your name for this link, kept only in your journal
  --json               print {"id", "safety_number", ...} as JSON
)"),
     kLink, RunLink},
    {"link list", N_("list your links, their safety numbers and state"),
     N_(R"(Usage: fieldnotes-cli link list [--json]

Lists the therapists this journal is linked with: the link's id, your name
for it, the server, when it was made, whether you verified it, and the
safety number. A link whose keys changed since you verified it says so:
sharing on it stops until you compare the new number and verify again.
)"),
     kJson, RunLinkList},
    {"link verify", N_("mark a link verified after comparing the safety number"),
     N_(R"(Usage: fieldnotes-cli link verify LINK [--yes] [--json]

Shows the safety number and asks whether it is exactly the number on your
therapist's screen; if yes, the link is verified and you can share on it.
If the server reports other keys than the ones you saw, nothing is verified.
LINK is the link's id or its first 4 or more characters.

Options:
  --yes                you compared already: verify without asking
  --json               print the link as JSON
)"),
     kYesJson, RunLinkVerify},
    {"link remove", N_("end a link (the server deletes what you shared on it)"),
     N_(R"(Usage: fieldnotes-cli link remove LINK [--yes]

Ends the link on the server, which deletes every report you shared on it,
and forgets it in this journal. Your consent records stay in your journal.

Options:
  --yes                do not ask first
)"),
     kYes, RunLinkRemove},
    {"share", N_("share a kept report with a linked therapist"),
     N_(R"(Usage: fieldnotes-cli share REPORT --with LINK [--expires 30d] [--yes] [--json]

Shows exactly what will leave this computer (the report's title, period,
sections, size and SHA-256) and asks for your consent. Then the PDF is sealed
so that only your therapist can open it, signed with your key, and sent to
the server; your consent (what, with whom, when, until when, and the SHA-256
of what was sealed) is kept in your journal. No entry is ever sent.

Refused on a link you have not verified, and on a link whose keys changed
since you verified it. REPORT is a report's id (see report list) or its
first 8 or more characters.

Options:
  --with LINK          the link (see link list), its id or first 4+ characters
  --expires TIME       when the server deletes it: 30d (the default), 7d, 12h;
                       at most 365d
  --yes                consent without asking (for scripts)
  --json               print what was shared as JSON
)"),
     kShare, RunShare},
    {"withdraw", N_("take back a shared report"),
     N_(R"(Usage: fieldnotes-cli withdraw REPORT [--json]

Withdraws a report you shared, from every link it went to: the server
deletes it at once, and your consent record shows when you withdrew it.
)"),
     kJson, RunWithdraw},
    {"receipts", N_("what happened to the reports you shared"),
     N_(R"(Usage: fieldnotes-cli receipts [--json]

Asks the server about every report you shared: waiting on the server,
downloaded or opened by your therapist, withdrawn, or expired, with times.
)"),
     kJson, RunReceipts},
    {"settings set", N_("change a setting"),
     N_(R"(Usage: fieldnotes-cli settings set NAME VALUE

Changes a setting, kept encrypted in your journal:
  display-name NAME    the name your reports show; without it they show none
  region CODE          where you are, for crisis lines: GB, US, IE, CA, AU, ...
                       (default: your locale's country)
  paper SIZE           the paper of report PDFs: a4 or letter
  auto-lock MINUTES    the desktop app locks after this many idle minutes
                       (1 to 240; default: 10)
  reminder TIME        a gentle reminder from the desktop app at this time of
                       day (20:30) when nothing was written that day; off
                       (the default) for none
)"),
     kNoOptions, RunSettingsSet},
    {"settings unset", N_("remove a setting"),
     N_(R"(Usage: fieldnotes-cli settings unset NAME

Removes a setting (display-name, region, paper, auto-lock or reminder), back to the
default.
)"),
     kNoOptions, RunSettingsUnset},
    {"settings list", N_("show your settings"),
     N_(R"(Usage: fieldnotes-cli settings list [--json]

Shows every setting and its value.

Options:
  --json               print them as a JSON object instead
)"),
     kJson, RunSettingsList},
    {"loop suggest", N_("loops that may be the same worry in other words"),
     N_(R"(Usage: fieldnotes-cli loop suggest [--json]

Lists pairs of loops you wrote differently that may be the same worry: they
share words (in any form: "worried", "worry") or meanings from a small list
("mum" and "mother", "fired" and "let go"). Only you can say. Nothing is
joined unless you run loop same; loop apart keeps them apart for good.

Options:
  --json               print the suggestions as a JSON array instead
)"),
     kJson, RunLoopSuggest},
    {"loop same", N_("count loops as one worry, in these or other words"),
     N_(R"(Usage: fieldnotes-cli loop same ID ID...

Joins these loops (and any loops already joined with them) into one worry:
patterns and the report then count them together and say "in these or other
words". IDs are entry ids or their first 8 or more characters.
Undo with: fieldnotes-cli loop apart ID...
)"),
     kNoOptions, RunLoopSame},
    {"loop apart", N_("count loops as different worries"),
     N_(R"(Usage: fieldnotes-cli loop apart ID [ID...]

With one loop: it leaves the worry it was joined to and counts on its own.
With two or more: each leaves its worry, and they are never suggested
together again. Undo with: fieldnotes-cli loop same ID ID...
)"),
     kNoOptions, RunLoopApart},
    {"loop list", N_("the loops you joined as one worry"),
     N_(R"(Usage: fieldnotes-cli loop list [--json]

Lists the loops you joined as one worry, with their first words.

Options:
  --json               print the groups (and the pairs kept apart) as JSON
)"),
     kJson, RunLoopList},
    {"session add", N_("note a therapy session"),
     N_(R"(Usage: fieldnotes-cli session add --at TIME [--note TEXT]

Notes a therapy session (an appointment) and prints its id. "Since your last
session" is counted from these.

Options:
  --at TIME            when it is or was: 2026-11-02T17:00 (your local time) or
                       2026-11-02T17:00:00+01:00
  --note TEXT          a note, such as what landed
)"),
     kSessionAdd, RunSessionAdd},
    {"session list", N_("list your sessions"),
     N_(R"(Usage: fieldnotes-cli session list [--json]

Lists your sessions, oldest first.

Options:
  --json               print the sessions as a JSON array instead
)"),
     kJson, RunSessionList},
    {"import", N_("add entries from a Fieldnotes export or another journal app"),
     N_(R"(Usage: fieldnotes-cli import FILE

Adds the entries in FILE (or standard input, with -) to the journal. FILE may
be a Fieldnotes export (JSON Lines, with sessions too), a Day One JSON export
or its zip, a jrnl JSON export, a Daylio CSV export or a Bearable CSV export:
Fieldnotes recognises which by what is inside, not by the file's name. How
each app's entries are brought over is described in docs/import-format.md.

The whole file is checked first: if anything is wrong, nothing is imported and
the line (or entry) and the reason are shown. Entries already in the journal
(same id, or the same entry of the same app) are skipped, so importing a file
twice adds nothing the second time. What Fieldnotes does not keep (photos,
audio, places, weather...) is counted and named, never dropped silently.
Long files show their progress on standard error.
)"),
     kNoOptions, RunImport},
    {"export", N_("write out the whole journal"),
     N_(R"(Usage: fieldnotes-cli export [--format jsonl|markdown] [--out FILE]

Writes every session and entry, oldest first. Careful: the export is not
encrypted; anyone who can read it can read your journal.

Options:
  --format FORMAT      jsonl (default): the import format, so an export can
                       be imported again unchanged; markdown: a document to
                       read, grouped by day
  --out FILE           write to FILE (readable only by you; replaced in one
                       step, so a failure never leaves half a file) instead of
                       standard output
)"),
     kExport, RunExport},
    {"summary", N_("how many entries, over which days, and the feelings named most"),
     N_(R"(Usage: fieldnotes-cli summary [--json]

Counts what is in the journal: entries of each kind, the first and last day
written, the feelings named most often, and your sessions.

Options:
  --json               print the summary as JSON instead
)"),
     kJson, RunSummary},
    {"passwd", N_("change the passphrase"),
     N_(R"(Usage: fieldnotes-cli passwd [--kdf-cost N] [--new-passphrase-file PATH]

Changes the journal's passphrase. On a terminal you are asked for the current
passphrase, then the new one twice. In scripts, the current passphrase comes
from FIELDNOTES_PASSPHRASE (or --passphrase-file) and the new one from
FIELDNOTES_NEW_PASSPHRASE (or --new-passphrase-file). Entries are not
rewritten; only the key that protects them is.

Options:
  --kdf-cost N              log2 of scrypt's N for the new passphrase, 15 to 20
                            (default 17)
  --new-passphrase-file PATH  read the new passphrase from the first line of PATH
)"),
     kPasswd, RunPasswd},
    {"check", N_("check that the journal is intact"),
     N_(R"(Usage: fieldnotes-cli check

Checks the journal file with SQLite's integrity check and opens every record
to make sure none was damaged or changed. Prints what it found. Exits with 4
when something is damaged.
)"),
     kNoOptions, RunCheck},
    {"backup", N_("make a checked, encrypted copy of the journal"),
     N_(R"(Usage: fieldnotes-cli backup --to FILE

Copies the journal into FILE, a new file: one consistent moment of it, even
while the app is writing. The copy stays encrypted like the journal and
opens with the same passphrase. Before it is given its name, every record in
it is opened and checked, so a backup that exists is a backup that works.
An existing FILE is never replaced.

To use a backup, open it where it is:
  fieldnotes-cli --journal FILE list
or, with the app closed, copy it over the journal file.

Options:
  --to FILE            the backup file to make (readable only by you)
)"),
     kBackup, RunBackup},
};

}  // namespace

std::span<const Command> Commands() { return kCommands; }

const Command* FindCommand(std::string_view name) {
  return console::FindCommandIn(Commands(), name);
}

std::span<const OptionSpec> CommonOptions() { return kCommon; }

std::string OverviewHelp() {
  std::string out = core::Tr(
      "fieldnotes-cli: your Fieldnotes journal, from the command line.\n\n"
      "Usage: fieldnotes-cli [--journal PATH] [--passphrase-file PATH] COMMAND [OPTIONS]\n\n"
      "Commands:\n");
  out += console::ListCommands(Commands());
  // TRANSLATORS: keep the option names, the exit code numbers and the
  // layout; only the words after them are yours.
  out += core::Tr(R"(
Options:
  --journal PATH           the journal file; default $XDG_DATA_HOME/fieldnotes/journal.db,
                           or ~/.local/share/fieldnotes/journal.db
  --passphrase-file PATH   read the passphrase from the first line of PATH
  -h, --help               show help; after a command, that command's help
  --version                show the version
--journal and --passphrase-file may also come after the command's name.

The passphrase comes from the FIELDNOTES_PASSPHRASE environment variable if
it is set, else from --passphrase-file, else you are asked on the terminal.

Exit codes:
  0  done
  1  something else went wrong, such as a file that could not be written
  2  the command was not used as described in its --help
  3  the passphrase did not open the journal
  4  bad data: a file that could not be imported, a value out of range,
     or a damaged journal
  5  the journal is busy: another program is writing to it
  6  not found: no such entry, or no journal yet
  7  the server could not be reached, is busy, or did not accept the link
  8  refused to keep you safe: a server certificate that is not trusted, a
     link not verified, or a therapist's key that changed

Exit codes, and what --json prints, are the same in every language; messages
and help follow the language of your locale (LANG).

More in docs/cli.md.
)");
  return out;
}

std::string SessionGroupHelp() {
  return core::Tr(R"(Usage: fieldnotes-cli session add --at TIME [--note TEXT]
       fieldnotes-cli session list [--json]

Your therapy sessions (appointments).
  session add          note a session and print its id
  session list         list your sessions, oldest first

See fieldnotes-cli session add --help and fieldnotes-cli session list --help.
)");
}

std::string LoopGroupHelp() {
  return core::Tr(R"(Usage: fieldnotes-cli loop suggest [--json]
       fieldnotes-cli loop same ID ID...
       fieldnotes-cli loop apart ID [ID...]
       fieldnotes-cli loop list [--json]

The same worry in other words: the journal suggests loops that may be one
worry; you decide.
  loop suggest         loops that may be the same worry
  loop same            count loops as one worry
  loop apart           count loops as different worries
  loop list            the loops you joined

See fieldnotes-cli loop suggest --help.
)");
}

std::string SettingsGroupHelp() {
  return core::Tr(R"(Usage: fieldnotes-cli settings set NAME VALUE
       fieldnotes-cli settings unset NAME
       fieldnotes-cli settings list [--json]

Your settings, kept encrypted in your journal: display-name, region, paper,
auto-lock, reminder.
See fieldnotes-cli settings set --help.
)");
}

std::string CommandHelp(const Command& command) {
  std::string out = console::TrText(command.help);
  if (command.options.data() == kEntryFields || command.options.data() == kAddOptions) {
    out += console::TrText(kEntryFieldsHelp);
  }
  out += core::Tr(R"(
Options for every command:
  --journal PATH       the journal file (see fieldnotes-cli --help)
  --passphrase-file PATH  read the passphrase from the first line of PATH
  -h, --help           show this help
)");
  if (command.lists_emotions) {
    out += "\n";
    out += core::Tr("Feelings you can name (or use your own words):");
    out += "\n ";
    size_t width = 1;
    for (std::string_view e : core::EmotionVocabulary()) {
      if (width + e.size() + 1 > 78) {
        out += "\n ";
        width = 1;
      }
      out += " ";
      out += e;
      width += e.size() + 1;
    }
    out += "\n";
  }
  return out;
}

}  // namespace fieldnotes::client
