// summary: what the journal holds, in counts and dates. It describes; it
// never interprets.
#include <algorithm>
#include <map>

#include "cli/commands.h"
#include "cli/output.h"
#include "core/display.h"
#include "core/json.h"
#include "core/i18n.h"

namespace fieldnotes::client {
namespace {

constexpr size_t kTopEmotions = 5;

struct Summary {
  size_t entries = 0;
  std::map<core::EntryKind, size_t> by_kind;
  std::optional<core::Timestamp> first;
  std::optional<core::Timestamp> last;
  std::vector<std::pair<std::string, size_t>> emotions;  // most named first
  size_t sessions = 0;
  std::optional<core::Timestamp> last_session;
  size_t threads = 0;
};

Summary Summarize(const core::Journal& journal) {
  Summary s;
  std::map<std::string, size_t> emotion_counts;
  for (const auto& e : journal.entries()) {
    ++s.entries;
    ++s.by_kind[e.kind];
    if (!s.first || e.written_at < *s.first) s.first = e.written_at;
    if (!s.last || *s.last < e.written_at) s.last = e.written_at;
    for (const auto& emotion : e.emotions) ++emotion_counts[emotion];
  }
  s.emotions.assign(emotion_counts.begin(), emotion_counts.end());
  // Most named first; equal counts in alphabetical order, so the output is
  // the same every time.
  std::stable_sort(s.emotions.begin(), s.emotions.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (s.emotions.size() > kTopEmotions) s.emotions.resize(kTopEmotions);
  s.sessions = journal.sessions().size();
  for (const auto& session : journal.sessions()) {
    if (!s.last_session || *s.last_session < session.at) s.last_session = session.at;
  }
  s.threads = journal.threads().size();
  return s;
}

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
  Summary summary = Summarize(**journal);
  Print(args.Has("--json") ? SummaryJson(summary) : SummaryText(summary));
  return CliStatus::Ok();
}

}  // namespace fieldnotes::client
