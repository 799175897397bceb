// summary: what the journal holds, in counts and dates. It describes; it
// never interprets.
#include "cli/commands.h"
#include "cli/output.h"
#include "core/display.h"
#include "core/i18n.h"
#include "core/json.h"
#include "engine/journal_overview.h"

namespace fieldnotes::client {
namespace {

using Summary = JournalSummary;

std::string KindCount(core::EntryKind kind, size_t n) {
  switch (kind) {
    case core::EntryKind::kSpike:
      return core::Format(core::TrN("%1 spike", "%1 spikes", n), Thousands(n));
    case core::EntryKind::kLoop:
      return core::Format(core::TrN("%1 loop", "%1 loops", n), Thousands(n));
    case core::EntryKind::kThread:
      return core::Format(core::TrN("%1 thread entry", "%1 thread entries", n), Thousands(n));
    case core::EntryKind::kNote:
      return core::Format(core::TrN("%1 note", "%1 notes", n), Thousands(n));
  }
  return "";
}

std::string SummaryText(const Summary& s) {
  std::string out;
  if (s.entries == 0) {
    out += core::Tr("No entries yet.");
    out += "\n";
  } else {
    // TRANSLATORS: %1 is a count, %2 and %3 days ("Tuesday 3 November 2026").
    out += core::Format(core::TrN("%1 entry, written from %2 to %3.",
                                  "%1 entries, written from %2 to %3.", s.entries),
                        Thousands(s.entries), core::LongDate(*s.first), core::LongDate(*s.last)) +
           "\n";
    for (const core::EntryKindInfo& info : core::kEntryKinds) {
      auto it = s.by_kind.find(info.kind);
      out += "  " + KindCount(info.kind, it == s.by_kind.end() ? 0 : it->second) + "\n";
    }
  }
  if (!s.emotions.empty()) {
    out += core::Tr("Feelings named most often:");
    out += "\n";
    for (const auto& [emotion, n] : s.emotions) {
      out += "  " +
             // TRANSLATORS: a feeling ("anxiety") and how many times it was named.
             core::Format(core::TrN("%1: %2 time", "%1: %2 times", n), core::EmotionWord(emotion),
                          Thousands(n)) +
             "\n";
    }
  }
  if (s.sessions == 0) {
    out += core::Tr("No sessions noted yet.");
    out += "\n";
  } else {
    // TRANSLATORS: %1 is a count, %2 a day ("Tuesday 3 November 2026"), %3 a time ("17:00").
    out += core::Format(core::TrN("%1 session noted, the latest on %2 at %3.",
                                  "%1 sessions noted, the latest on %2 at %3.", s.sessions),
                        Thousands(s.sessions), core::LongDate(*s.last_session),
                        core::LocalClock(*s.last_session)) +
           "\n";
  }
  if (s.threads > 0) {
    // TRANSLATORS: %1 is how many suggestions from therapy sessions (the
    // journal's threads) entries have followed up, telling how they went.
    out += core::Format(
               core::TrN("%1 suggestion from a session followed up in the journal.",
                         "%1 suggestions from sessions followed up in the journal.", s.threads),
               Thousands(s.threads)) +
           "\n";
  }
  return out;
}

std::string SummaryJson(const Summary& s) {
  namespace json = core::json;
  json::Object o;
  o.Set("entries", json::Value(static_cast<int64_t>(s.entries)));
  json::Object kinds;
  for (const core::EntryKindInfo& info : core::kEntryKinds) {
    auto it = s.by_kind.find(info.kind);
    kinds.Set(std::string(info.name),
              json::Value(static_cast<int64_t>(it == s.by_kind.end() ? 0 : it->second)));
  }
  o.Set("by_kind", json::Value(std::move(kinds)));
  o.Set("first", s.first ? json::Value(core::FormatTimestamp(*s.first)) : json::Value());
  o.Set("last", s.last ? json::Value(core::FormatTimestamp(*s.last)) : json::Value());
  json::Array emotions;
  for (const auto& [emotion, n] : s.emotions) {
    json::Object e;
    e.Set("emotion", json::Value(emotion));
    e.Set("count", json::Value(static_cast<int64_t>(n)));
    emotions.emplace_back(std::move(e));
  }
  o.Set("top_emotions", json::Value(std::move(emotions)));
  o.Set("sessions", json::Value(static_cast<int64_t>(s.sessions)));
  o.Set("last_session",
        s.last_session ? json::Value(core::FormatTimestamp(*s.last_session)) : json::Value());
  o.Set("threads", json::Value(static_cast<int64_t>(s.threads)));
  return json::WritePretty(json::Value(std::move(o))) + "\n";
}

}  // namespace

CliStatus RunSummary(Context& context, const Args& args) {
  if (!args.positionals().empty()) {
    return CliStatus::Usage(core::Tr("summary takes no arguments, only options."));
  }
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  const Summary summary = SummarizeJournal(**journal);
  Print(args.Has("--json") ? SummaryJson(summary) : SummaryText(summary));
  return CliStatus::Ok();
}

}  // namespace fieldnotes::client
