#include "engine/journal_overview.h"

#include <algorithm>

#include "core/text.h"

namespace fieldnotes::client {

std::optional<core::Timestamp> LatestSession(const core::Journal& journal) {
  std::optional<core::Timestamp> latest;
  for (const core::Session& session : journal.sessions())
    if (!latest || *latest < session.at) latest = session.at;
  return latest;
}

std::vector<const core::Session*> SessionsNewestFirst(const core::Journal& journal) {
  const auto& sessions = journal.sessions();  // oldest first
  std::vector<const core::Session*> out;
  out.reserve(sessions.size());
  for (auto it = sessions.rbegin(); it != sessions.rend(); ++it) out.push_back(&*it);
  return out;
}

JournalSummary SummarizeJournal(const core::Journal& journal) {
  JournalSummary s;
  std::map<std::string, size_t> emotion_counts;
  for (const auto& e : journal.entries()) {
    ++s.entries;
    ++s.by_kind[e.kind];
    if (!s.first || e.written_at < *s.first) s.first = e.written_at;
    if (!s.last || *s.last < e.written_at) s.last = e.written_at;
    for (const auto& emotion : e.emotions) ++emotion_counts[emotion];
  }
  s.emotions.assign(emotion_counts.begin(), emotion_counts.end());
  // Most named first; equal counts in alphabetical order (the map's), so
  // the output is the same every time.
  std::stable_sort(s.emotions.begin(), s.emotions.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (s.emotions.size() > JournalSummary::kTopEmotions)
    s.emotions.resize(JournalSummary::kTopEmotions);
  s.sessions = journal.sessions().size();
  s.last_session = LatestSession(journal);
  s.threads = journal.threads().size();
  return s;
}

std::vector<std::string> ThreadTitles(const core::Journal& journal) {
  std::vector<std::string> titles;
  titles.reserve(journal.threads().size());
  for (const core::Thread& t : journal.threads()) titles.push_back(t.title);
  return titles;
}

std::map<std::string, size_t> FollowUpCounts(const core::Journal& journal) {
  std::map<std::string, size_t> counts;
  for (const core::Entry& e : journal.entries())
    if (!e.thread.empty()) ++counts[core::text::Fold(e.thread)];
  return counts;
}

std::vector<ThreadRow> ThreadRows(const core::Journal& journal) {
  const auto counts = FollowUpCounts(journal);
  std::map<std::string, core::Timestamp> first;
  for (const core::Entry& e : journal.entries()) {
    if (e.thread.empty()) continue;
    auto [it, added] = first.emplace(core::text::Fold(e.thread), e.written_at);
    if (!added && e.written_at.unix_seconds < it->second.unix_seconds) it->second = e.written_at;
  }
  std::vector<ThreadRow> rows;
  rows.reserve(journal.threads().size());
  for (const core::Thread& t : journal.threads()) {
    const std::string folded = core::text::Fold(t.title);
    ThreadRow row{t.title, t.created_at, 0};
    if (auto f = first.find(folded);
        f != first.end() && f->second.unix_seconds < row.since.unix_seconds)
      row.since = f->second;
    if (auto c = counts.find(folded); c != counts.end()) row.follow_ups = c->second;
    rows.push_back(std::move(row));
  }
  return rows;
}

std::array<const core::CompactString*, 5> OneLineFields(const core::Entry& e) {
  return {&e.thought, &e.text, &e.before, &e.unsaid, &e.body};
}

std::vector<core::Entry> EntriesStillThere(const core::Journal& journal,
                                           std::span<const std::string> ids) {
  std::vector<core::Entry> out;
  for (const std::string& id : ids)
    if (auto e = journal.GetEntry(id); e.ok()) out.push_back(std::move(e).value());
  return out;
}

}  // namespace fieldnotes::client
