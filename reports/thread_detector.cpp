#include "reports/thread_detector.h"

#include <algorithm>
#include <map>

#include "core/text.h"
#include "core/display.h"
#include "core/i18n.h"
#include "reports/phrase_format.h"

namespace fieldnotes::reports {
namespace {

struct ThreadInfo {
  std::string title;
  std::vector<const IndexedEntry*> entries;  // oldest first
  int total = 0;                             // in all, up to the period's end
  std::optional<core::Date> first;
};

std::string Key(std::string_view title) {
  std::string folded = core::text::Fold(ClientPhrase(title, SIZE_MAX));
  return folded;
}

}  // namespace

std::vector<Observation> ThreadDetector::Detect(const EntryIndex& index) {
  const Period& period = index.period();
  std::map<std::string, ThreadInfo> threads;
  for (const core::Thread& t : index.data().threads) {
    core::Entry probe;
    probe.written_at = t.created_at;
    if (!period.Contains(probe)) continue;
    ThreadInfo& info = threads[Key(t.title)];
    if (info.title.empty()) info.title = ClientPhrase(t.title, SIZE_MAX);
  }
  for (const IndexedEntry& e : index.entries()) {
    if (!e.in_period || e.entry->thread.empty()) continue;
    ThreadInfo& info = threads[Key(e.entry->thread)];
    if (info.title.empty()) info.title = ClientPhrase(e.entry->thread, SIZE_MAX);
    info.entries.push_back(&e);
  }
  // The memory across sessions: every follow-up up to the period's end.
  for (const IndexedEntry& e : index.entries()) {
    if (e.entry->thread.empty() || e.day > index.last_day()) continue;
    auto it = threads.find(Key(e.entry->thread));
    if (it == threads.end()) continue;
    ++it->second.total;
    if (!it->second.first || e.date < *it->second.first) it->second.first = e.date;
  }
  // Prefer the title as the thread record spells it.
  for (const core::Thread& t : index.data().threads) {
    auto it = threads.find(Key(t.title));
    if (it != threads.end()) it->second.title = ClientPhrase(t.title, SIZE_MAX);
  }

  std::vector<const ThreadInfo*> ordered;
  for (const auto& [key, info] : threads) {
    if (!info.title.empty()) ordered.push_back(&info);
  }
  std::stable_sort(ordered.begin(), ordered.end(), [](const ThreadInfo* a, const ThreadInfo* b) {
    return a->entries.size() > b->entries.size();
  });

  const int year = period.to().year;
  std::vector<Observation> out;
  for (const ThreadInfo* info : ordered) {
    Observation o;
    ThreadDetail d;
    d.thread = info->title;
    o.evidence.Reserve(info->entries.size());
    for (const IndexedEntry* e : info->entries) o.evidence.Add(e->entry->id, e->date);
    o.count = static_cast<int>(info->entries.size());
    d.total = info->total;
    d.first_date = info->first;
    o.id = "thread-" + ShortHash(Key(info->title));
    if (info->entries.empty()) {
      // TRANSLATORS: %1 is a suggestion from a session, in quotes (the
      // client's words); %2 the period ("since your last session").
      o.summary = core::Format(core::Tr("%1: no entries followed it up %2."), Quoted(info->title),
                               period.Phrase());
    } else {
      const IndexedEntry* latest = info->entries.back();
      const core::Entry& le = *latest->entry;
      const core::CompactString& words = !le.text.empty()      ? le.text
                                         : !le.thought.empty() ? le.thought
                                                               : le.before;
      d.latest_entry_id = le.id;
      d.latest_date = latest->date;
      d.latest = ClientPhrase(words, kLatestWords);
      // TRANSLATORS: %1 is a suggestion from a session, in quotes; %2 how
      // often ("twice", "3 times"); %3 the period ("since your last session").
      o.summary = core::Format(core::Tr("%1: you followed it up %2 %3."), Quoted(info->title),
                               Times(o.count), period.Phrase());
      if (d.total > o.count && d.first_date) {
        o.summary += InAllSince(d.total, *d.first_date, year);
      }
      if (!d.latest.empty()) {
        // TRANSLATORS: the latest entry about a suggestion: %1 its date, %2
        // the client's words, in quotes.
        o.summary += " " + core::Format(core::Tr("The latest, on %1: %2"),
                                        ShortDate(latest->date, year), Quoted(d.latest));
      }
    }
    o.detail = std::move(d);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace fieldnotes::reports
