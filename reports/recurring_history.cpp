#include "reports/recurring_history.h"

#include <algorithm>

#include "reports/vector_room.h"

namespace fieldnotes::reports {
namespace {

uint64_t HashTerms(const AllTermSpan& terms) {
  uint64_t h = 1469598103934665603ull;
  for (uint32_t t : terms) {
    h ^= t;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

RecurringHistory::RecurringHistory(const Tokenizer& terms) : terms_(terms), units_(own_) {}

AllTermSpan RecurringHistory::Comparable(const TextUnits& units, const Unit& u) {
  auto content = units.ContentTerms(u);
  return content.size() >= TextUnits::kMinContentTerms ? content : units.AllTerms(u);
}

void RecurringHistory::TruncateTo(size_t entry) {
  if (entry >= serials_.size()) return;
  const uint32_t units_from = unit_begin_[entry];
  const uint32_t nodes_from = node_begin_[entry];
  const uint32_t terms_from = term_begin_[entry];
  // Nodes leave their hash chains and their terms' lists (they are the
  // newest of each), newest first, while their units are still there.
  for (uint32_t n = node_count(); n-- > nodes_from;) {
    auto it = by_hash_.find(node_hash_[n]);
    if (next_same_hash_[n] == kNone) {
      by_hash_.erase(it);
    } else {
      it->second = next_same_hash_[n];
    }
    for (uint32_t t : Comparable(units_, units_.units()[node_rep_[n]])) term_nodes_[t].pop_back();
  }
  // Units leave the older nodes they joined (they are the last of each).
  for (uint32_t u = static_cast<uint32_t>(units_.units().size()); u-- > units_from;) {
    if (unit_node_[u] < nodes_from) node_units_[unit_node_[u]].pop_back();
  }
  unit_node_.resize(units_from);
  units_.TruncateTo(units_from);
  node_units_.resize(nodes_from);
  node_rep_.resize(nodes_from);
  node_hash_.resize(nodes_from);
  next_same_hash_.resize(nodes_from);
  for (uint32_t t = terms_from; t < cache_term_.size(); ++t) history_term_[cache_term_[t]] = kNone;
  cache_term_.resize(terms_from);
  serials_.resize(entry);
  unit_begin_.resize(entry);
  node_begin_.resize(entry);
  term_begin_.resize(entry);
}

void RecurringHistory::Reserve(size_t entries, size_t units, size_t terms) {
  serials_.reserve(serials_.size() + entries);
  unit_begin_.reserve(unit_begin_.size() + entries);
  node_begin_.reserve(node_begin_.size() + entries);
  term_begin_.reserve(term_begin_.size() + entries);
  unit_node_.reserve(unit_node_.size() + units);
  units_.Reserve(units, terms);
}

void RecurringHistory::Trim() {
  TrimRoom(serials_);
  TrimRoom(unit_begin_);
  TrimRoom(node_begin_);
  TrimRoom(term_begin_);
  TrimRoom(unit_node_);
  for (auto& units : node_units_) TrimRoom(units);
  units_.Trim();
}

void RecurringHistory::AddEntry(uint64_t serial, std::span<const uint32_t> order,
                                std::span<const NewUnit> units) {
  Room(serials_, 1);
  Room(unit_begin_, 1);
  Room(node_begin_, 1);
  Room(term_begin_, 1);
  Room(unit_node_, units.size());
  serials_.push_back(serial);
  unit_begin_.push_back(static_cast<uint32_t>(units_.units().size()));
  node_begin_.push_back(node_count());
  term_begin_.push_back(static_cast<uint32_t>(cache_term_.size()));
  // Ids in the order a fresh tokenizer would meet the terms.
  for (uint32_t t : order) {
    if (t >= history_term_.size()) history_term_.resize(t + 1, kNone);
    if (history_term_[t] != kNone) continue;
    history_term_[t] = static_cast<uint32_t>(cache_term_.size());
    cache_term_.push_back(t);
  }
  for (const NewUnit& nu : units) {
    all_scratch_.clear();
    content_scratch_.clear();
    for (uint32_t t : nu.all) all_scratch_.push_back(history_term_[t]);
    for (uint32_t t : nu.content) content_scratch_.push_back(history_term_[t]);
    std::sort(all_scratch_.begin(), all_scratch_.end());
    std::sort(content_scratch_.begin(), content_scratch_.end());
    Unit u = nu.unit;
    u.entry = static_cast<uint32_t>(serials_.size() - 1);
    const auto unit_id = static_cast<uint32_t>(units_.units().size());
    units_.AddCounted(u, all_scratch_, content_scratch_);
    // Its node: the one with exactly these terms, or a new one.
    const Unit& added = units_.units().back();
    const auto terms = units_.AllTerms(added);
    const uint64_t h = HashTerms(terms);
    uint32_t node = kNone;
    auto it = by_hash_.find(h);
    for (uint32_t n = it == by_hash_.end() ? kNone : it->second; n != kNone;
         n = next_same_hash_[n]) {
      const auto other = units_.AllTerms(units_.units()[node_rep_[n]]);
      if (std::equal(terms.begin(), terms.end(), other.begin(), other.end())) {
        node = n;
        break;
      }
    }
    if (node == kNone) {
      node = node_count();
      node_units_.emplace_back();
      node_rep_.push_back(unit_id);
      node_hash_.push_back(h);
      next_same_hash_.push_back(it == by_hash_.end() ? kNone : it->second);
      by_hash_[h] = node;
      for (uint32_t t : Comparable(units_, added)) {
        if (t >= term_nodes_.size()) term_nodes_.resize(t + 1);
        term_nodes_[t].push_back(node);
      }
    }
    Room(node_units_[node], 1);
    node_units_[node].push_back(unit_id);
    unit_node_.push_back(node);
  }
}

void RecurringHistory::Teach(Tokenizer& tokenizer) const {
  for (uint32_t t : cache_term_) tokenizer.TermOfStem(terms_.StemOf(t));
}

}  // namespace fieldnotes::reports
