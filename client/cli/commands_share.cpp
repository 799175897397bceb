// link, link list/verify/remove, share, withdraw, receipts (docs/sharing.md).
// Every decision is the sync library's; this file reads arguments, asks for
// consent, and prints.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>

#include "cli/commands.h"
#include "engine/sharing.h"
#include "cli/output.h"
#include "core/clock.h"
#include "core/display.h"
#include "core/json.h"
#include "core/safety_number.h"
#include "reports/report_store.h"
#include "sync/sharing.h"
#include "core/i18n.h"

namespace fieldnotes::client {
namespace {

using core::json::Array;
using core::json::Object;
using core::json::Value;

constexpr int64_t kDay = 24 * 60 * 60;

void Say(std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); }

// "Nov 24, 2026 at 14:05" in the machine's local time.
std::string When(int64_t unix_seconds) {
  if (unix_seconds == 0) return "-";
  core::SystemClock clock;
  const core::Timestamp now = clock.Now();
  const core::Timestamp t{unix_seconds, now.offset_minutes};
  // TRANSLATORS: a day ("Tuesday 24 November 2026") and a time ("14:05").
  return core::Format(core::TrC("day and time", "%1 at %2"), core::LongDate(t),
                      core::LocalClock(t));
}

Value TimeOrNull(int64_t unix_seconds) {
  if (unix_seconds == 0) return Value(nullptr);
  return Value(core::FormatTimestamp(core::Timestamp{unix_seconds, 0}));
}

// Asks a yes/no question on the terminal. A usage error when there is no
// terminal: scripts say --yes.
CliResult<bool> Confirm(std::string_view question, std::string_view command) {
  const int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    return CliStatus::Usage(core::Format(
        // TRANSLATORS: %1 is a command's name ("share"), as typed; --yes stays as it is.
        core::Tr("%1 asks for your consent on a terminal; in a script, add --yes."), command));
  }
  // TRANSLATORS: after a yes/no question. The answer is read with the
  // locale's own yes (rpmatch(3): j or ja in German, o or oui in French, s
  // or sí in Spanish; y everywhere); anything else is no. Show the letter
  // your language types for yes.
  const std::string prompt = std::string(question) + core::Tr(" [y/N] ");
  (void)!write(fd, prompt.data(), prompt.size());
  std::string answer;
  char c = 0;
  while (read(fd, &c, 1) == 1 && c != '\n') answer.push_back(c);
  close(fd);
  if (!answer.empty() && answer.back() == '\r') answer.pop_back();
  // The language's yes and no (LC_MESSAGES, the language of the question):
  // "j" or "ja" in German, "y" or "yes" in English; an empty or unknown
  // answer is no.
  return rpmatch(answer.c_str()) == 1;
}

std::string Grouped(const std::string& digits) { return core::GroupSafetyNumber(digits); }

std::string LinkState(const sync::TherapistLink& l) {
  switch (StandingOf(l)) {
    case LinkStanding::kKeyChanged:
      return core::Tr("key changed: compare the new number, then verify again");
    case LinkStanding::kVerified:
      // TRANSLATORS: %1 is a day and time ("Tuesday 24 November 2026 at 14:05").
      return core::Format(core::Tr("verified %1"), When(l.verified_at));
    case LinkStanding::kNotVerified:
      break;
  }
  return core::Tr("not verified yet");
}

// What the server says of a shared report, for one line of `receipts`.
std::string ReceiptState(const sync::ReceiptLine& r) {
  const ReceiptStatus status = StatusOf(r);
  switch (status.stage) {
    case ReceiptStage::kPending:
      return core::Tr("delivered to the server, not downloaded yet");
    case ReceiptStage::kDownloaded:
      // TRANSLATORS: %1 is a day and time ("Tuesday 24 November 2026 at 14:05").
      return core::Format(core::Tr("downloaded by your therapist %1"), When(status.at));
    case ReceiptStage::kOpened:
      // TRANSLATORS: %1 is a day and time.
      return core::Format(core::Tr("opened by your therapist %1"), When(status.at));
    case ReceiptStage::kWithdrawn:
      // TRANSLATORS: %1 is a day and time.
      return core::Format(core::Tr("withdrawn %1"), When(status.at));
    case ReceiptStage::kExpired:
      // TRANSLATORS: %1 is a day and time.
      return core::Format(core::Tr("expired %1; the server deleted it"), When(status.at));
    case ReceiptStage::kUnknown:
      break;
  }
  return core::Tr("unknown (the server could not be asked)");
}

Value LinkJson(const sync::TherapistLink& l, const std::string& safety_number) {
  Object o;
  o.Set("id", l.id);
  o.Set("label", l.label);
  o.Set("server", l.server_url);
  o.Set("linked_at", TimeOrNull(l.linked_at));
  o.Set("safety_number", safety_number);
  o.Set("verified", l.verified());
  o.Set("verified_at", TimeOrNull(l.verified_at));
  o.Set("key_changed", l.key_changed());
  o.Set("can_share", l.can_share());
  return Value(std::move(o));
}

void PrintSafetyNumber(const std::string& digits) {
  Say(std::string(core::Tr("Safety number:")) + "\n\n  " + Grouped(digits).substr(0, 35) + "\n  " + Grouped(digits).substr(36) +
      "\n\n");
}

// --expires 30d / 12h: a time from now, at most a year.
CliResult<int64_t> ExpiresAt(const Args& args, int64_t now) {
  const std::string text =
      args.Value("--expires").value_or(std::to_string(kDefaultShareDays) + "d");
  if (text.size() < 2 || (text.back() != 'd' && text.back() != 'h')) {
    return CliStatus::Usage(core::Tr("--expires takes a number of days or hours: 30d, 7d, 12h."));
  }
  const int max = text.back() == 'd' ? kMaxShareDays : kMaxShareDays * 24;
  auto n = ParseInt(std::string_view(text).substr(0, text.size() - 1), 1, max);
  if (!n) return CliStatus::Usage(core::Tr("--expires is from 1 hour to 365 days: 30d, 7d, 12h."));
  return now + int64_t{*n} * (text.back() == 'd' ? kDay : kDay / 24);
}

}  // namespace

CliStatus RunLink(Context& context, const Args& args) {
  if (!args.positionals().empty()) {
    return CliStatus::Usage(core::Tr("link takes options (or: link list, link verify ID, link remove ID)."));
  }
  const auto server = args.Value("--server");
  const auto code = args.Value("--code");
  if (!server || !code) return CliStatus::Usage(core::Tr("link needs --server URL and --code CODE."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  sync::LinkRequest request{*server, *code, args.Value("--ca-file").value_or(""),
                            args.Value("--label").value_or("")};
  // The same step as the app's link dialog (engine/sharing.h).
  auto linked = LinkTherapist(**journal, request, context.clock());
  if (!linked.ok()) return linked.status();
  const sync::TherapistLink* link = &linked->link;
  const std::string* number = &linked->safety_number;
  if (args.Has("--json")) {
    Value v = LinkJson(*link, *number);
    Print(core::json::Write(v) + "\n");
    return CliStatus::Ok();
  }
  // TRANSLATORS: %1 is the first 8 characters of the link's id.
  Say(core::Format(core::Tr("Linked. This link's id is %1."), link->id.substr(0, 8)) + "\n\n");
  PrintSafetyNumber(*number);
  Say(core::Format(
          // TRANSLATORS: the commands are typed as they are; %1 is the link's id.
          core::Tr("Compare this number with the one on your therapist's screen, in person or on "
                   "a call.\nIf every digit matches, run:  fieldnotes-cli link verify %1\n"
                   "Nothing can be shared until you do. If it does not match, do not verify: "
                   "remove the\nlink (fieldnotes-cli link remove %1) and tell your therapist."),
          link->id.substr(0, 8)) +
      "\n");
  return CliStatus::Ok();
}

CliStatus RunLinkList(Context& context, const Args& args) {
  if (!args.positionals().empty()) return CliStatus::Usage(core::Tr("link list takes no arguments."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto links = ListTherapists(**journal);
  if (!links.ok()) return links.status();
  Array out;
  std::string text;
  for (const sync::TherapistLink& l : *links) {
    auto number = SafetyNumberOf(**journal, l);
    if (!number.ok()) return number.status();
    out.push_back(LinkJson(l, *number));
    text += l.id.substr(0, 8) + "  " + (l.label.empty() ? core::Tr("(no name)") : l.label) + "  " +
            l.server_url + "\n    " +
            // TRANSLATORS: %1 is a day and time, %2 the link's state ("not verified yet").
            core::Format(core::Tr("linked %1; %2"), When(l.linked_at), LinkState(l)) +
            "\n    " +
            // TRANSLATORS: %1 is the safety number, groups of digits.
            core::Format(core::Tr("safety number %1"), Grouped(*number)) + "\n";
  }
  if (args.Has("--json")) {
    Print(core::json::Write(Value(std::move(out))) + "\n");
  } else if (links->empty()) {
    Say(core::Tr("No therapist linked yet. Ask your therapist for an invite code, then run\n"
        "fieldnotes-cli link --server URL --code CODE.\n"));
  } else {
    Say(text);
  }
  return CliStatus::Ok();
}

CliStatus RunLinkVerify(Context& context, const Args& args) {
  if (args.positionals().size() != 1) return CliStatus::Usage(core::Tr("link verify needs a link's id."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto link = FindTherapist(**journal, args.positionals()[0]);
  if (!link.ok()) return link.status();
  auto number = SafetyNumberOf(**journal, *link);
  if (!number.ok()) return number.status();
  if (!args.Has("--yes")) {
    PrintSafetyNumber(*number);
    std::fflush(stdout);
    auto same = Confirm(core::Tr("Is this exactly the number on your therapist's screen?"), "link verify");
    if (!same.ok()) return same.status();
    if (!*same) {
      Say(core::Tr("Not verified. If the numbers differ, remove the link and tell your therapist.\n"));
      return CliStatus::Ok();
    }
  }
  auto verified = VerifyTherapist(**journal, *link, context.clock());
  if (!verified.ok()) return verified.status();
  if (args.Has("--json")) {
    Print(core::json::Write(LinkJson(verified->link, *number)) + "\n");
  } else {
    Say(core::Tr("Verified. You can share reports with this link now.\n"));
  }
  return CliStatus::Ok();
}

CliStatus RunLinkRemove(Context& context, const Args& args) {
  if (args.positionals().size() != 1) return CliStatus::Usage(core::Tr("link remove needs a link's id."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto link = FindTherapist(**journal, args.positionals()[0]);
  if (!link.ok()) return link.status();
  if (!args.Has("--yes")) {
    auto sure = Confirm(core::Tr("End this link? Reports you shared on it are deleted from the server."),
                        "link remove");
    if (!sure.ok()) return sure.status();
    if (!*sure) {
      Say(core::Tr("Nothing was changed.\n"));
      return CliStatus::Ok();
    }
  }
  FN_RETURN_IF_ERROR(UnlinkTherapist(**journal, *link));
  Say(core::Tr("The link is ended; the server deleted the reports you shared on it.\n"));
  return CliStatus::Ok();
}

CliStatus RunShare(Context& context, const Args& args) {
  if (args.positionals().size() != 1) return CliStatus::Usage(core::Tr("share needs a report's id."));
  const auto with = args.Value("--with");
  if (!with) return CliStatus::Usage(core::Tr("share needs --with LINK (see fieldnotes-cli link list)."));
  const core::Clock& clock = context.clock();
  const int64_t now = clock.Now().unix_seconds;
  auto expires_at = ExpiresAt(args, now);
  if (!expires_at.ok()) return expires_at.status();

  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto report = FindKeptReport(**journal, args.positionals()[0]);
  if (!report.ok()) return report.status();
  auto link = FindTherapist(**journal, *with);
  if (!link.ok()) return link.status();
  if (const ShareBlock block = WhyNotShare(*link); block != ShareBlock::kNone) {
    return core::Status::Refused(
        block == ShareBlock::kKeyChanged
            ? core::Tr("your therapist's keys have changed since you verified them. Nothing was sent. "
              "Compare the new safety number (link list) and verify the link again")
            : core::Format(core::Tr("this link is not verified yet. Compare the safety number "
                                    "with your therapist, then run fieldnotes-cli link verify %1"),
                           link->id.substr(0, 8)));
  }

  if (!args.Has("--yes")) {
    const ShareSummary summary = SummarizeShare(*report);
    std::string what = core::Tr("This is exactly what will leave this computer:\n\n");
    // TRANSLATORS: %1 is the report's title.
    what += "  " + core::Format(core::Tr("the PDF of \"%1\""), summary.title) + "\n";
    // TRANSLATORS: %1 is the days the report covers.
    what += "  " + core::Format(core::Tr("period: %1"), summary.subtitle) + "\n";
    what += "  " + std::string(core::Tr("sections:")) + "\n";
    for (const ShareSummary::Section& s : summary.sections) {
      what += "    " +
              // TRANSLATORS: a section's title ("What I want to bring") and its number of lines.
              core::Format(core::TrN("%1: %2 line", "%1: %2 lines", s.lines),
                           reports::SectionTitle(s.kind), Thousands(s.lines)) +
              "\n";
    }
    what += "  " +
            // TRANSLATORS: %1 is the size in bytes ("48,213"), %2 the number of pages.
            core::Format(core::TrN("size: %1 bytes, %2 page", "size: %1 bytes, %2 pages",
                                   static_cast<unsigned long>(summary.pages)),
                         Thousands(summary.bytes), summary.pages) +
            "\n";
    what += "  sha256: " + summary.sha256 + "\n\n";
    what += (link->label.empty()
                 ? std::string(core::Tr("It is sealed so that only your therapist can open it, and "
                                        "signed by you."))
                 // TRANSLATORS: %1 is the name the client gave their therapist's link.
                 : core::Format(core::Tr("It is sealed so that only %1 can open it, and signed "
                                         "by you."),
                                link->label)) +
            "\n";
    // TRANSLATORS: %1 is a day and time; the command is typed as it is (%2 is the report's id).
    what += core::Format(core::Tr("The server deletes it on %1, or as soon as you withdraw it\n"
                                  "(fieldnotes-cli withdraw %2).\nNo entry of your journal is "
                                  "sent."),
                         When(*expires_at), report->id.substr(0, 8)) +
            "\n\n";
    Say(what);
    std::fflush(stdout);
    auto yes = Confirm(core::Tr("Share it?"), "share");
    if (!yes.ok()) return yes.status();
    if (!*yes) {
      Say(core::Tr("Nothing was sent.\n"));
      return CliStatus::Ok();
    }
  }
  auto consent = ShareKeptReport(**journal, *link, *report, *expires_at, clock);
  if (!consent.ok()) return consent.status();
  if (args.Has("--json")) {
    Object o;
    o.Set("report", report->id);
    o.Set("link", link->id);
    o.Set("server_report_id", consent->server_report_id);
    o.Set("sha256", consent->sha256);
    o.Set("envelope_sha256", consent->envelope_sha256);
    o.Set("envelope_bytes", consent->envelope_size);
    o.Set("granted_at", TimeOrNull(consent->granted_at));
    o.Set("expires_at", TimeOrNull(consent->expires_at));
    Print(core::json::Write(Value(std::move(o))) + "\n");
  } else {
    // TRANSLATORS: %1 is a day and time; the command is typed as it is.
    Say(core::Format(core::Tr("Shared. The server keeps it until %1.\nSee whether it was opened "
                              "with: fieldnotes-cli receipts"),
                     When(consent->expires_at)) +
        "\n");
  }
  return CliStatus::Ok();
}

CliStatus RunWithdraw(Context& context, const Args& args) {
  if (args.positionals().size() != 1) return CliStatus::Usage(core::Tr("withdraw needs a report's id."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto report = FindKeptReport(**journal, args.positionals()[0]);
  if (!report.ok()) return report.status();
  auto withdrawn = WithdrawShared(**journal, report->id, context.clock());
  if (!withdrawn.ok()) return withdrawn.status();
  if (args.Has("--json")) {
    Array out;
    for (const sync::Consent& c : *withdrawn) {
      Object o;
      o.Set("report", c.report_id);
      o.Set("link", c.link_id);
      o.Set("withdrawn_at", TimeOrNull(c.withdrawn_at));
      out.push_back(Value(std::move(o)));
    }
    Print(core::json::Write(Value(std::move(out))) + "\n");
  } else {
    Say(core::Tr("Withdrawn: the server deleted it. Your therapist can no longer download it.\n"));
  }
  return CliStatus::Ok();
}

CliStatus RunReceipts(Context& context, const Args& args) {
  if (!args.positionals().empty()) return CliStatus::Usage(core::Tr("receipts takes no arguments."));
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  auto receipts = FetchReceipts(**journal);
  if (!receipts.ok()) return receipts.status();
  for (const std::string& why : receipts->unreachable) {
    const std::string line = "fieldnotes-cli: " + why + "\n";
    std::fputs(line.c_str(), stderr);
  }
  // What is known is still shown; the exit code says a server was refused.
  const auto refused = [&](CliStatus shown) -> CliStatus {
    if (!shown.ok() || !receipts->refused) return shown;
    return core::Status::Refused(
        core::Tr("a server was not trusted, so it was not asked and nothing was sent to it."));
  };
  if (args.Has("--json")) {
    Array out;
    for (const sync::ReceiptLine& r : receipts->lines) {
      Object o;
      o.Set("report", r.consent.report_id);
      o.Set("link", r.consent.link_id);
      o.Set("state", r.state);
      o.Set("sha256", r.consent.sha256);
      o.Set("shared_at", TimeOrNull(r.consent.granted_at));
      o.Set("expires_at", TimeOrNull(r.consent.expires_at));
      o.Set("downloaded_at", TimeOrNull(r.downloaded_at));
      o.Set("opened_at", TimeOrNull(r.opened_at));
      o.Set("withdrawn_at", TimeOrNull(r.withdrawn_at));
      o.Set("expired_at", TimeOrNull(r.expired_at));
      out.push_back(Value(std::move(o)));
    }
    Print(core::json::Write(Value(std::move(out))) + "\n");
    return refused(CliStatus::Ok());
  }
  if (receipts->lines.empty()) {
    Say(core::Tr("You have not shared a report yet.\n"));
    return refused(CliStatus::Ok());
  }
  for (const sync::ReceiptLine& r : receipts->lines) {
    const std::string state = ReceiptState(r);
    // TRANSLATORS: one line of `receipts`: %1 is a report's id, %2 who it
    // went to (a name, or "link 5d0c7e2a"), %3 when it was shared, %4 its
    // state ("opened by your therapist …").
    Say(core::Format(core::Tr("report %1 to %2, shared %3: %4"), r.consent.report_id.substr(0, 8),
                     r.link_label.empty()
                         ? core::Format(core::Tr("link %1"), r.consent.link_id.substr(0, 8))
                         : r.link_label,
                     When(r.consent.granted_at), state) +
        "\n");
  }
  return refused(CliStatus::Ok());
}

}  // namespace fieldnotes::client
