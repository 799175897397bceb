// summary: what the journal holds, in counts and dates. It describes; it
// never interprets.
#include <algorithm>
#include <map>

#include "cli/commands.h"
#include "cli/output.h"
#include "core/json.h"

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
      return CountOf(n, "spike", "spikes");
    case core::EntryKind::kLoop:
      return CountOf(n, "loop", "loops");
    case core::EntryKind::kThread:
      return CountOf(n, "thread entry", "thread entries");
    case core::EntryKind::kNote:
      return CountOf(n, "note", "notes");
  }
  return "";
}

std::string SummaryText(const Summary& s) {
  std::string out;
  if (s.entries == 0) {
    out += "No entries yet.\n";
  } else {
    out += CountOf(s.entries, "entry", "entries") + ", written from " + core::LongDate(*s.first) +
           " to " + core::LongDate(*s.last) + ".\n";
    for (const core::EntryKindInfo& info : core::kEntryKinds) {
      auto it = s.by_kind.find(info.kind);
      out += "  " + KindCount(info.kind, it == s.by_kind.end() ? 0 : it->second) + "\n";
    }
  }
  if (!s.emotions.empty()) {
    out += "Feelings named most often:\n";
    for (const auto& [emotion, n] : s.emotions) {
      out += "  " + emotion + ": " + CountOf(n, "time", "times") + "\n";
    }
  }
  if (s.sessions == 0) {
    out += "No sessions noted yet.\n";
  } else {
    out += CountOf(s.sessions, "session", "sessions") + " noted, the latest on " +
           core::LongDate(*s.last_session) + " at " + core::LocalClock(*s.last_session) + ".\n";
  }
  if (s.threads > 0) {
    out += CountOf(s.threads, "thread", "threads") + " followed up.\n";
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
    return CliStatus::Usage("summary takes no arguments, only options.");
  }
  auto journal = context.OpenJournal();
  if (!journal.ok()) return journal.status();
  Summary summary = Summarize(**journal);
  Print(args.Has("--json") ? SummaryJson(summary) : SummaryText(summary));
  return CliStatus::Ok();
}

}  // namespace fieldnotes::client
