#include "reports/recurring_detector.h"

#include <algorithm>
#include <array>
#include <map>
#include <span>
#include <thread>
#include <unordered_map>

#include "reports/analysis_cache.h"
#include "reports/loop_groups.h"
#include "core/display.h"
#include "core/i18n.h"
#include "reports/phrase_format.h"
#include "reports/sorted_sets.h"
#include "reports/text_units.h"

namespace fieldnotes::reports {
namespace {

// A sentence is looked up by pairs of its rarest terms: two sentences that
// say the same thing share at least two content terms, and almost always
// two of the rarest, while a pair is far more specific than one term.
constexpr size_t kRarestTerms = 4;
constexpr size_t kKeysPerNode = kRarestTerms * (kRarestTerms - 1) / 2;
constexpr size_t kMaxPosting = 256;
// Nodes of the history to look up before the lookups are shared between
// two threads.
constexpr size_t kParallelNodes = 4096;  // a pair in more sentences than this is too common to look up

// Sentences with exactly the same terms are one node: a loop written the
// same way 40 times is compared once. The nodes are built here
// (Grouper::BuildNodes) or kept between analyses (RecurringHistory); what
// one analysis works out about a node is its NodeState.
struct NodeState {
  std::array<uint64_t, kKeysPerNode> keys{};
  size_t key_count = 0;
  int period_units = 0;
  int cluster = -1;
};

struct Cluster {
  std::vector<uint32_t> exemplars;  // nodes new members are compared with
  std::vector<uint32_t> nodes;
};

uint64_t HashTerms(const AllTermSpan& terms) {
  uint64_t h = 1469598103934665603ull;
  for (uint32_t t : terms) {
    h ^= t;
    h *= 1099511628211ull;
  }
  return h;
}

double AllTermsDice(const TextUnits& units, const Unit& a, const Unit& b) {
  return Dice(units.AllTerms(a), units.AllTerms(b));
}

class Grouper {
 public:
  // Nodes built here from every unit of `units`.
  Grouper(const TextUnits& units, const EntryIndex& index) : units_(units), index_(index) {}
  // Nodes kept in `history`, whose units are those of `index`'s entries.
  Grouper(RecurringHistory& history, const EntryIndex& index)
      : units_(history.units()), index_(index), history_(&history) {}

  void BuildNodes() {
    std::unordered_map<uint64_t, std::vector<uint32_t>> by_hash;
    const auto& all = units_.units();
    for (uint32_t u = 0; u < all.size(); ++u) {
      auto terms = units_.AllTerms(all[u]);
      auto& bucket = by_hash[HashTerms(terms)];
      uint32_t node_id = UINT32_MAX;
      for (uint32_t n : bucket) {
        auto other = units_.AllTerms(all[node_units_[n].front()]);
        if (std::equal(terms.begin(), terms.end(), other.begin(), other.end())) {
          node_id = n;
          break;
        }
      }
      if (node_id == UINT32_MAX) {
        node_id = static_cast<uint32_t>(node_units_.size());
        bucket.push_back(node_id);
        node_units_.emplace_back();
        node_units_.back().push_back(u);
        dense_.emplace_back();
        ChooseKeys(node_id);
      } else {
        node_units_[node_id].push_back(u);
      }
      if (index_.entries()[all[u].entry].in_period) ++dense_[node_id].period_units;
    }
    for (uint32_t n = 0; n < node_units_.size(); ++n)
      if (dense_[n].period_units > 0) period_nodes_.push_back(n);
  }

  // With a history: the nodes of the period's units, their keys.
  void FindPeriodNodes() {
    const auto& entries = index_.entries();
    for (uint32_t e = 0; e < entries.size(); ++e) {
      if (!entries[e].in_period) continue;
      for (uint32_t u = history_->unit_begin(e); u < history_->unit_begin(e + 1); ++u) {
        const uint32_t n = history_->node_of(u);
        if (++State(n).period_units == 1) period_nodes_.push_back(n);
      }
    }
    std::sort(period_nodes_.begin(), period_nodes_.end());
  }

  void Group() {
    // Groups form around what the client wrote in the period ...
    for (uint32_t n : period_nodes_) {
      if (!Distinctive(n)) continue;
      int c = FindCluster(n);
      if (c < 0) {
        c = static_cast<int>(clusters_.size());
        clusters_.emplace_back();
      }
      const bool exemplar =
          clusters_[static_cast<size_t>(c)].exemplars.size() < RecurringDetector::kExemplars;
      Join(n, c, exemplar);
    }
    // ... and the rest of the history only joins them, for the totals.
    // Joining adds no exemplar, so every node's group depends only on the
    // period's: they are looked for on both cores, then joined in order.
    std::vector<uint32_t> rest;
    if (history_ == nullptr) {
      for (uint32_t n = 0; n < node_units_.size(); ++n) {
        if (dense_[n].period_units == 0 && Distinctive(n)) rest.push_back(n);
      }
    } else {
      // Only a node with a key of an exemplar can join: one holding both
      // terms of a key that is looked up (the rest would find nothing).
      for (const auto& [key, exemplars] : postings_) {
        if (exemplars.size() > kMaxPosting) continue;
        auto a = history_->nodes_with(static_cast<uint32_t>(key >> 32));
        auto b = history_->nodes_with(static_cast<uint32_t>(key & 0xffffffffu));
        if (a.size() > b.size()) std::swap(a, b);
        for (uint32_t n : a) {
          if (std::binary_search(b.begin(), b.end(), n)) rest.push_back(n);
        }
      }
      SortUnique(rest);
      std::erase_if(rest, [&](uint32_t n) {
        const auto it = sparse_.find(n);
        if (it != sparse_.end() && it->second.period_units > 0) return true;
        return !Distinctive(n);
      });
      for (uint32_t n : rest) State(n);  // its keys, before the threads share the lookups
    }
    std::vector<int> found(rest.size(), -1);
    auto find = [&](size_t from, size_t to, std::vector<uint32_t>& stamp) {
      for (size_t k = from; k < to; ++k) found[k] = FindCluster(rest[k], stamp);
    };
    if (rest.size() >= kParallelNodes && std::thread::hardware_concurrency() > 1) {
      std::vector<uint32_t> other_stamp;
      std::thread other([&] { find(rest.size() / 2, rest.size(), other_stamp); });
      find(0, rest.size() / 2, stamp_);
      other.join();
    } else {
      find(0, rest.size(), stamp_);
    }
    for (size_t k = 0; k < rest.size(); ++k) {
      if (found[k] >= 0) Join(rest[k], found[k], /*exemplar=*/false);
    }
  }

  const std::vector<Cluster>& clusters() const { return clusters_; }
  uint32_t NodeCount() const {
    return history_ ? history_->node_count() : static_cast<uint32_t>(node_units_.size());
  }
  uint32_t Rep(uint32_t n) const { return history_ ? history_->rep(n) : node_units_[n].front(); }
  const std::vector<uint32_t>& UnitsOf(uint32_t n) const {
    return history_ ? history_->node_units(n) : node_units_[n];
  }
  int PeriodUnits(uint32_t n) const {
    if (!history_) return dense_[n].period_units;
    const auto it = sparse_.find(n);
    return it == sparse_.end() ? 0 : it->second.period_units;
  }

 private:
  static void SortUnique(std::vector<uint32_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }

  // What this analysis worked out about node n; with a history, worked out
  // on first use (its representative's weight and its keys).
  NodeState& State(uint32_t n) {
    if (!history_) return dense_[n];
    auto [it, added] = sparse_.try_emplace(n);
    if (added) {
      history_->units().ComputeUnitWeight(Rep(n));
      ChooseKeys(n, it->second);
    }
    return it->second;
  }
  const NodeState& StateOf(uint32_t n) const { return history_ ? sparse_.at(n) : dense_[n]; }

  bool Distinctive(uint32_t n) const { return units_.Distinctive(units_.units()[Rep(n)]); }

  void ChooseKeys(uint32_t n) { ChooseKeys(n, dense_[n]); }
  void ChooseKeys(uint32_t n, NodeState& node) const {
    const Unit& u = units_.units()[Rep(n)];
    auto content = units_.ContentTerms(u);
    auto terms = content.size() >= TextUnits::kMinContentTerms ? content : units_.AllTerms(u);
    std::array<std::pair<double, uint32_t>, kRarestTerms> best{};
    size_t n_best = 0;
    for (uint32_t t : terms) {
      double share = units_.Share(t);
      if (share > RecurringDetector::kIndexShare) continue;
      std::pair<double, uint32_t> cand{share, t};
      if (n_best < kRarestTerms) {
        best[n_best++] = cand;
      } else {
        auto worst = std::max_element(best.begin(), best.begin() + n_best);
        if (cand < *worst) *worst = cand;
      }
    }
    node.key_count = 0;
    for (size_t i = 0; i < n_best; ++i) {
      for (size_t j = i + 1; j < n_best; ++j) {
        uint64_t a = std::min(best[i].second, best[j].second);
        uint64_t b = std::max(best[i].second, best[j].second);
        node.keys[node.key_count++] = (a << 32) | b;
      }
    }
  }

  int FindCluster(uint32_t n) {
    State(n);
    return FindCluster(n, stamp_);
  }

  // `stamp`: per exemplar node, the node last compared with it (one per
  // thread). Reads only states worked out before (const: the threads share it).
  int FindCluster(uint32_t n, std::vector<uint32_t>& stamp) const {
    const NodeState& node = StateOf(n);
    const Unit& u = units_.units()[Rep(n)];
    int best = -1;
    double best_sim = -1;
    if (stamp.size() < NodeCount()) stamp.resize(NodeCount(), UINT32_MAX);
    for (size_t k = 0; k < node.key_count; ++k) {
      auto it = postings_.find(node.keys[k]);
      if (it == postings_.end() || it->second.size() > kMaxPosting) continue;
      for (uint32_t ex : it->second) {
        if (stamp[ex] == n) continue;  // compared already, through another pair
        stamp[ex] = n;
        const Unit& other = units_.units()[Rep(ex)];
        if (!units_.SameThing(u, other)) continue;
        double sim = units_.ContentSimilarity(u, other);
        if (units_.NearVerbatim(u, other)) sim = std::max(sim, AllTermsDice(units_, u, other));
        if (sim > best_sim) {  // the closest group wins
          best_sim = sim;
          best = StateOf(ex).cluster;
        }
      }
    }
    return best;
  }

  void Join(uint32_t n, int c, bool exemplar) {
    NodeState& node = State(n);
    node.cluster = c;
    Cluster& cluster = clusters_[static_cast<size_t>(c)];
    cluster.nodes.push_back(n);
    if (!exemplar) return;
    cluster.exemplars.push_back(n);
    for (size_t k = 0; k < node.key_count; ++k) postings_[node.keys[k]].push_back(n);
  }

  const TextUnits& units_;
  const EntryIndex& index_;
  RecurringHistory* history_ = nullptr;
  // Without a history: the nodes, and their states.
  std::vector<std::vector<uint32_t>> node_units_;
  std::vector<NodeState> dense_;
  // With one: the states of the nodes this analysis looked at.
  std::unordered_map<uint32_t, NodeState> sparse_;
  std::vector<uint32_t> period_nodes_;  // ascending
  std::vector<Cluster> clusters_;
  // term pair -> exemplars keyed by it
  std::unordered_map<uint64_t, std::vector<uint32_t>> postings_;
  std::vector<uint32_t> stamp_;  // per exemplar node: the node last compared with it
};

struct Group {
  std::vector<const Cluster*> clusters;  // none for a confirmed group of loops alone
  std::vector<uint32_t> period_entries;  // index into EntryIndex::entries(), ascending
  std::vector<uint32_t> all_entries;
  // A loop of the period said word for word at least kMinCount times in
  // all, up to the period's end: the memory across sessions.
  bool loop = false;
  // The client confirmed these as the same worry in other words.
  bool confirmed = false;
};

// Sorted, each once, and no larger than that: the lists are filled a unit
// at a time, and over the whole history the groups' lists held 1.7 times
// their entries (several MiB) until the analysis ended.
void SortUnique(std::vector<uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  v.shrink_to_fit();
}

std::vector<Observation> Observe(const EntryIndex& index, const TextUnits& units,
                                 const Grouper& grouper);

}  // namespace

std::vector<Observation> RecurringDetector::Detect(const EntryIndex& index) {
  // With a cache, and a tokenizer that knows no term yet (so that its ids
  // would be the history's), the history kept between analyses is read:
  // only what changed since the last analysis, and the period.
  if (index.data().cache != nullptr && tokenizer_.term_count() == 0) {
    std::vector<Observation> out;
    index.data().cache->WithHistory(
        index.entries(), index.data().revision, [&](RecurringHistory& history) {
      history.units().ComputeTermWeights();
      Grouper grouper(history, index);
      grouper.FindPeriodNodes();
      grouper.Group();
      out = Observe(index, history.units(), grouper);
      // The tokenizer as reading every entry would have left it.
      history.Teach(tokenizer_);
    });
    return out;
  }
  TextUnits units(tokenizer_);
  const auto& entries = index.entries();
  if (index.data().cache != nullptr) {
    // The same units, tokenized once per entry and kept between analyses.
    index.data().cache->FillUnits(entries, tokenizer_, units);
  } else {
    for (uint32_t i = 0; i < entries.size(); ++i) units.Add(i, *entries[i].entry);
  }
  units.ComputeWeights();

  Grouper grouper(units, index);
  grouper.BuildNodes();
  grouper.Group();
  return Observe(index, units, grouper);
}

namespace {

std::vector<Observation> Observe(const EntryIndex& index, const TextUnits& units,
                                 const Grouper& grouper) {
  const auto& entries = index.entries();
  const int kMinCount = RecurringDetector::kMinCount;
  const size_t kMaxObservations = RecurringDetector::kMaxObservations;
  const size_t kLabelWords = RecurringDetector::kLabelWords;
  const size_t kWholeWords = RecurringDetector::kWholeWords;
  // The memory across sessions: a loop (a worry written word for word, as
  // the guide asks) that came up since the last session and at least
  // kMinCount times in all, word for word, up to the period's end (never
  // what was written after it), shows; its count in the period alone
  // decides nothing. Anything else (reworded, notes, spikes) shows when
  // said kMinCount times in the period itself; rewordings across sessions
  // are the client's to group.
  const int64_t last_day = index.last_day();
  // Every entry of a group up to the period's end (its total): read only
  // for the groups that can be shown, since a group's history can be
  // thousands of sentences and most groups hold one sentence of the period.
  auto add_totals = [&](Group& g) {
    for (const Cluster* c : g.clusters) {
      for (uint32_t n : c->nodes) {
        for (uint32_t u : grouper.UnitsOf(n)) {
          const uint32_t e = units.units()[u].entry;
          if (entries[e].day <= last_day) g.all_entries.push_back(e);
        }
      }
    }
    SortUnique(g.all_entries);
  };
  // The entries of the period lie between these two (entries are in time
  // order; local dates with other UTC offsets may interleave, so each is
  // still checked). A node's units come in the entries' order, so its units
  // of the period are found without reading its whole history.
  uint32_t period_first = UINT32_MAX, period_last = 0;
  for (uint32_t e = 0; e < entries.size(); ++e) {
    if (!entries[e].in_period) continue;
    period_first = std::min(period_first, e);
    period_last = e;
  }
  auto units_from_period = [&](uint32_t n) {
    const auto& all = grouper.UnitsOf(n);
    auto it = std::lower_bound(all.begin(), all.end(), period_first, [&](uint32_t u, uint32_t e) {
      return units.units()[u].entry < e;
    });
    return std::span<const uint32_t>(all).subspan(static_cast<size_t>(it - all.begin()));
  };
  std::vector<Group> groups;
  for (const Cluster& c : grouper.clusters()) {
    Group g;
    g.clusters.push_back(&c);
    // Only a node with a unit in the period has entries of the period, or
    // a loop of the period (every entry of the period is on or before its
    // last day).
    for (uint32_t n : c.nodes) {
      if (grouper.PeriodUnits(n) == 0) continue;
      bool period_loop = false;
      for (uint32_t u : units_from_period(n)) {
        const uint32_t e = units.units()[u].entry;
        if (e > period_last) break;
        if (!entries[e].in_period) continue;
        period_loop |= units.units()[u].loop;
        g.period_entries.push_back(e);
      }
      if (!period_loop || g.loop) continue;
      // Word for word (one node: the same words, up to case, punctuation,
      // contractions and inflection), with a loop of the period among them,
      // in at least kMinCount entries up to the period's end. A node's units
      // come in the entries' order, so distinct entries are changes.
      size_t same_words = 0;
      uint32_t previous = UINT32_MAX;
      for (uint32_t u : grouper.UnitsOf(n)) {
        const uint32_t e = units.units()[u].entry;
        if (entries[e].day > last_day || e == previous) continue;
        previous = e;
        if (++same_words >= static_cast<size_t>(kMinCount)) {
          g.loop = true;
          break;
        }
      }
    }
    SortUnique(g.period_entries);
    groups.push_back(std::move(g));
  }
  // The totals: of every group when the client's confirmed worries may
  // join some (a group joins by any of its entries), else of those shown.
  const bool confirmed_worries = !index.data().same_worry.empty();
  for (Group& g : groups) {
    if (confirmed_worries || g.loop || g.period_entries.size() >= static_cast<size_t>(kMinCount))
      add_totals(g);
  }
  // Loops the client confirmed as the same worry count together, with
  // every group of their words, as one loop: the memory rule holds for them.
  if (!index.data().same_worry.empty()) {
    std::unordered_map<std::string_view, uint32_t> by_id;
    for (uint32_t i = 0; i < entries.size(); ++i) by_id[entries[i].entry->id] = i;
    for (const auto& same : index.data().same_worry) {
      std::vector<uint32_t> members;
      for (const std::string& id : same) {
        auto it = by_id.find(id);
        if (it != by_id.end() && entries[it->second].day <= last_day)
          members.push_back(it->second);
      }
      if (members.size() < 2) continue;
      SortUnique(members);
      Group merged;
      merged.confirmed = true;
      merged.all_entries = members;
      std::vector<Group> rest;
      for (Group& g : groups) {
        const bool touches = std::any_of(g.all_entries.begin(), g.all_entries.end(), [&](uint32_t e) {
          return std::binary_search(members.begin(), members.end(), e);
        });
        if (!touches) {
          rest.push_back(std::move(g));
          continue;
        }
        merged.clusters.insert(merged.clusters.end(), g.clusters.begin(), g.clusters.end());
        merged.all_entries.insert(merged.all_entries.end(), g.all_entries.begin(),
                                  g.all_entries.end());
      }
      SortUnique(merged.all_entries);
      for (uint32_t e : merged.all_entries)
        if (entries[e].in_period) merged.period_entries.push_back(e);
      merged.loop = !merged.period_entries.empty() &&
                    merged.all_entries.size() >= static_cast<size_t>(kMinCount);
      rest.push_back(std::move(merged));
      groups = std::move(rest);
    }
  }
  std::erase_if(groups, [](const Group& g) {
    return g.period_entries.size() < static_cast<size_t>(kMinCount) && !g.loop;
  });
  std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
    if (a.period_entries.size() != b.period_entries.size())
      return a.period_entries.size() > b.period_entries.size();
    if (a.all_entries.size() != b.all_entries.size())
      return a.all_entries.size() > b.all_entries.size();
    return a.period_entries.front() < b.period_entries.front();
  });
  if (groups.size() > kMaxObservations) groups.resize(kMaxObservations);

  const Period& period = index.period();
  const int year = period.to().year;
  std::vector<Observation> out;
  for (const Group& g : groups) {
    // The label: the period's most repeated wording, then the shortest, then the earliest.
    uint32_t label = UINT32_MAX;
    for (const Cluster* c : g.clusters) {
      for (uint32_t n : c->nodes) {
        const int period_units = grouper.PeriodUnits(n);
        if (period_units == 0) continue;
        if (label == UINT32_MAX || period_units > grouper.PeriodUnits(label) ||
            (period_units == grouper.PeriodUnits(label) &&
             units.units()[grouper.Rep(n)].words < units.units()[grouper.Rep(label)].words)) {
          label = n;
        }
      }
    }
    bool verbatim = !g.confirmed && label != UINT32_MAX;
    for (const Cluster* c : g.clusters) {
      if (!verbatim) break;
      for (uint32_t n : c->nodes) {
        if (grouper.PeriodUnits(n) == 0) continue;
        if (AllTermsDice(units, units.units()[grouper.Rep(n)], units.units()[grouper.Rep(label)]) <
            TextUnits::kVerbatimDice)
          verbatim = false;
      }
    }

    Observation o;
    RecurringDetail d;
    // The label: among the sentences with those words, the period's most
    // frequent spelling, then the latest; for a confirmed group without a
    // repeated wording, the latest loop of the period.
    const core::Entry* source = nullptr;
    std::string source_sentence;
    if (label != UINT32_MAX) {
      std::map<std::string, std::pair<int, uint32_t>> spellings;
      for (uint32_t u : units_from_period(label)) {
        const Unit& unit = units.units()[u];
        if (unit.entry > period_last) break;
        if (!entries[unit.entry].in_period) continue;
        auto& s = spellings[ClientPhrase(TextUnits::SourceText(unit, *entries[unit.entry].entry),
                                         kLabelWords)];
        ++s.first;
        s.second = std::max(s.second, u);
      }
      auto best = std::max_element(spellings.begin(), spellings.end(), [](const auto& a,
                                                                           const auto& b) {
        return a.second < b.second;
      });
      d.label = best->first;
      const Unit& unit = units.units()[best->second.second];
      source = entries[unit.entry].entry;
      source_sentence = TextUnits::SourceText(unit, *source);
    } else {
      source = entries[g.period_entries.back()].entry;
      source_sentence = LoopText(*source);
      d.label = ClientPhrase(source_sentence, kLabelWords);
    }
    // Whole, for when the client chooses to show it word for word: a loop
    // entry's whole thought, else the sentence uncut.
    {
      const std::string_view loop_text = LoopText(*source);
      d.whole = source->kind == core::EntryKind::kLoop && !loop_text.empty()
                    ? ClientPhrase(loop_text, kWholeWords)
                    : ClientPhrase(source_sentence, kWholeWords);
    }
    if (period.session()) d.since = period.from();
    d.total = static_cast<int>(g.all_entries.size());
    d.verbatim = verbatim;
    o.evidence.Reserve(g.period_entries.size());
    std::vector<core::Date> dates;
    for (uint32_t e : g.period_entries) {
      o.evidence.Add(entries[e].entry->id, entries[e].date);
      dates.push_back(entries[e].date);
    }
    o.count = static_cast<int>(g.period_entries.size());
    o.id = "recurring-" + ShortHash(entries[g.period_entries.front()].entry->id + "|" + d.label);
    // TRANSLATORS: a thought written again and again: %1 the client's
    // words, in quotes; %2 how often ("twice", "3 times"); %3 the period
    // ("since your last session"); %4 the dates ("Nov 3, 5, 8").
    o.summary = verbatim ? core::Format(core::Tr("You wrote %1 %2 %3 (%4)."), Quoted(d.label),
                                        Times(o.count), period.Phrase(), DateList(dates, year))
                         // TRANSLATORS: as "You wrote %1 %2 %3 (%4).", when the
                         // entries said the same thing in different words.
                         : core::Format(core::Tr("You wrote about %1, in these or other words, "
                                                 "%2 %3 (%4)."),
                                        Quoted(d.label), Times(o.count), period.Phrase(),
                                        DateList(dates, year));
    if (d.total > o.count) {
      o.summary += InAllSince(d.total, entries[g.all_entries.front()].date, year);
    }
    o.detail = std::move(d);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

int RecurringDetector::CountSimilar(const core::Entry& entry, const EntryIndex& index) {
  TextUnits units(tokenizer_);
  const auto& entries = index.entries();
  for (uint32_t i = 0; i < entries.size(); ++i) {
    if (entries[i].entry->id != entry.id || entry.id.empty()) units.Add(i, *entries[i].entry);
  }
  const size_t first_own = units.units().size();
  const uint32_t own_index = static_cast<uint32_t>(entries.size());
  units.Add(own_index, entry);
  units.ComputeWeights();

  const auto& all = units.units();
  std::vector<uint32_t> matched;
  for (size_t i = 0; i < first_own; ++i) {
    if (!entries[all[i].entry].in_period) continue;
    if (!matched.empty() && matched.back() == all[i].entry) continue;
    for (size_t j = first_own; j < all.size(); ++j) {
      if (units.Distinctive(all[j]) && units.SameThing(all[i], all[j])) {
        matched.push_back(all[i].entry);
        break;
      }
    }
  }
  std::sort(matched.begin(), matched.end());
  matched.erase(std::unique(matched.begin(), matched.end()), matched.end());
  return 1 + static_cast<int>(matched.size());
}

}  // namespace fieldnotes::reports
