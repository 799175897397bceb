#include "reports/loop_groups.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <unordered_map>

#include "core/json.h"
#include "core/json_binding.h"
#include "core/text.h"
#include "reports/embedded_data.h"
#include "reports/phrase_format.h"
#include "reports/sorted_sets.h"

namespace fieldnotes::reports {
namespace {

namespace json = core::json;

constexpr char kRecord[] = "loop_groups";
constexpr char kJoin = '\x1f';
// A concept in more loops than this is not used to find candidates (it
// still counts in the score).
constexpr size_t kMaxPosting = 400;

std::pair<std::string, std::string> Sorted(std::string a, std::string b) {
  if (b < a) std::swap(a, b);
  return {std::move(a), std::move(b)};
}

// Union-find over loop indices.
class Sets {
 public:
  explicit Sets(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Root(size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void Unite(size_t a, size_t b) {
    a = Root(a);
    b = Root(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

// The first sentence of a loop's words, as written, at most 14 words.
std::string Label(std::string_view text) {
  size_t end = text.size();
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == '!' || c == '?' || c == '\n') && i > 0) {
      end = i;
      break;
    }
  }
  std::string out = ClientPhrase(text.substr(0, end), 14);
  return out.empty() ? ClientPhrase(text, 14) : out;
}

}  // namespace

// ---- the client's decisions ----

void LoopGroups::Join(std::span<const std::string> ids) {
  std::set<std::string> merged(ids.begin(), ids.end());
  std::vector<std::vector<std::string>> kept;
  for (auto& group : same) {
    const bool touches = std::any_of(group.begin(), group.end(),
                                     [&](const std::string& id) { return merged.contains(id); });
    if (touches) {
      merged.insert(group.begin(), group.end());
    } else {
      kept.push_back(std::move(group));
    }
  }
  if (merged.size() >= 2) kept.emplace_back(merged.begin(), merged.end());
  same = std::move(kept);
  std::erase_if(apart, [&](const auto& p) {
    return merged.contains(p.first) && merged.contains(p.second);
  });
}

void LoopGroups::Separate(std::span<const std::string> ids) {
  for (const std::string& id : ids) {
    for (auto& group : same) std::erase(group, id);
  }
  std::erase_if(same, [](const auto& g) { return g.size() < 2; });
  for (size_t i = 0; i < ids.size(); ++i) {
    for (size_t j = i + 1; j < ids.size(); ++j) {
      if (ids[i] == ids[j] || Declined(ids[i], ids[j])) continue;
      apart.push_back(Sorted(ids[i], ids[j]));
    }
  }
  std::sort(apart.begin(), apart.end());
}

const std::vector<std::string>* LoopGroups::GroupOf(std::string_view id) const {
  for (const auto& group : same) {
    if (std::find(group.begin(), group.end(), id) != group.end()) return &group;
  }
  return nullptr;
}

bool LoopGroups::Declined(std::string_view a, std::string_view b) const {
  const auto key = Sorted(std::string(a), std::string(b));
  return std::find(apart.begin(), apart.end(), key) != apart.end();
}

std::string LoopGroupsToJson(const LoopGroups& groups) {
  json::Object o;
  o.Set("format", 1);
  json::Array same;
  for (const auto& group : groups.same) {
    json::Array ids;
    for (const std::string& id : group) ids.emplace_back(id);
    same.emplace_back(std::move(ids));
  }
  o.Set("same", std::move(same));
  json::Array apart;
  for (const auto& [a, b] : groups.apart) {
    json::Array pair;
    pair.emplace_back(a);
    pair.emplace_back(b);
    apart.emplace_back(std::move(pair));
  }
  o.Set("apart", std::move(apart));
  return json::Write(json::Value(std::move(o)));
}

core::Result<LoopGroups> LoopGroupsFromJson(std::string_view text) {
  constexpr char kName[] = "the record of grouped loops";
  auto parsed = json::Parse(text);
  if (!parsed.ok()) return core::Status::Corruption(std::string(kName) + " does not parse");
  json::Reader r(std::move(parsed).value(), kName);
  int64_t format = 0;
  r.Required("format", format);
  if (r.ok() && format != 1)
    return core::Status::Unsupported("the grouped loops were kept by a newer Fieldnotes");
  std::vector<std::vector<std::string>> same;
  std::vector<std::vector<std::string>> apart;
  r.Required("same", same).Required("apart", apart);
  const auto all_ids = [](const std::vector<std::vector<std::string>>& lists) {
    return std::all_of(lists.begin(), lists.end(), [](const std::vector<std::string>& ids) {
      return std::all_of(ids.begin(), ids.end(),
                         [](const std::string& id) { return core::IsUuid(id); });
    });
  };
  r.Check("same", all_ids(same), "is not a list of lists of entry ids")
      .Check("same",
             std::all_of(same.begin(), same.end(), [](const auto& ids) { return ids.size() >= 2; }),
             "has a group of fewer than two loops")
      .Check("apart", all_ids(apart), "is not a list of pairs of entry ids")
      .Check("apart",
             std::all_of(apart.begin(), apart.end(), [](const auto& ids) { return ids.size() == 2; }),
             "is not a list of pairs of entry ids");
  if (!r.ok()) return r.status();
  LoopGroups groups;
  groups.same = std::move(same);
  for (const std::vector<std::string>& p : apart) groups.apart.push_back(Sorted(p[0], p[1]));
  return groups;
}

core::Result<LoopGroups> LoadLoopGroups(const core::Journal& journal) {
  auto record = journal.GetRecord(core::Table::kSettings, kRecord);
  if (!record.ok()) {
    if (record.status().IsNotFound()) return LoopGroups{};
    return record.status();
  }
  return LoopGroupsFromJson(record->str());
}

core::Status SaveLoopGroups(core::Journal& journal, const LoopGroups& groups) {
  return journal.PutRecord(core::Table::kSettings, kRecord, LoopGroupsToJson(groups));
}

// ---- synonyms ----

core::Result<SynonymTable> SynonymTable::FromEmbedded(Tokenizer& tokenizer) {
  SynonymTable table;
  for (const EmbeddedFile& f : EmbeddedFilesIn("synonyms")) {
    FN_RETURN_IF_ERROR(table.AddList(f.content, f.name, tokenizer));
  }
  table.Finish();
  return table;
}

core::Result<SynonymTable> SynonymTable::FromText(std::string_view text, std::string_view name,
                                                  Tokenizer& tokenizer) {
  SynonymTable table;
  FN_RETURN_IF_ERROR(table.AddList(text, name, tokenizer));
  table.Finish();
  return table;
}

std::string_view SynonymTable::Root(std::string_view name) const {
  for (auto it = merged_.find(name); it != merged_.end(); it = merged_.find(name))
    name = it->second;
  return name;
}

void SynonymTable::Finish() {
  for (auto& [key, name] : phrases_) name = std::string(Root(name));
  merged_.clear();
}

core::Status SynonymTable::AddList(std::string_view text, std::string_view name,
                                   Tokenizer& tokenizer) {
  size_t line_no = 0;
  std::vector<Token> tokens;
  // A list of one language ("synonyms/de.txt") is read with that language's
  // stems and stop words, as a loop written in it is; any other (a test's)
  // as Tokenize decides.
  const std::optional<Language> language =
      LanguageFromCode(name.substr(name.find_last_of('/') + 1));
  while (!text.empty()) {
    ++line_no;
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    const size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const auto fail = [&](const std::string& what) {
      return core::Status::InvalidArgument(std::string(name) + " line " + std::to_string(line_no) +
                                           ": " + what);
    };
    std::string concept_name;
    size_t alternatives = 0;
    while (!line.empty()) {
      const size_t comma = line.find(',');
      std::string_view alt = line.substr(0, comma);
      line = comma == std::string_view::npos ? std::string_view() : line.substr(comma + 1);
      tokens.clear();
      if (language) {
        tokenizer.Tokenize(alt, tokens, *language);
      } else {
        tokenizer.Tokenize(alt, tokens);
      }
      if (tokens.empty()) return fail("an empty alternative");
      if (tokens.size() > kMaxPhraseWords) return fail("an alternative of more than 8 words");
      if (tokens.size() == 1 && tokens[0].stop) continue;  // a stop word never matches alone
      std::string key;
      for (const Token& t : tokens) {
        if (!key.empty()) key += kJoin;
        key.append(tokenizer.StemOf(t.term));
      }
      if (concept_name.empty()) concept_name = std::string(Root(key));
      auto [it, added] = phrases_.emplace(key, concept_name);
      if (!added) {
        // The same word in two concepts (of two lists: "chef" in German
        // and "boss" in English): the concepts are one.
        const std::string_view other = Root(it->second);
        if (other != Root(concept_name)) merged_[std::string(Root(concept_name))] = other;
        concept_name = std::string(other);
      }
      ++alternatives;
    }
    if (alternatives < 2) return fail("a concept needs two alternatives or more");
    ++concepts_;
  }
  return core::Status::Ok();
}

std::pair<std::string_view, size_t> SynonymTable::Match(
    std::span<const std::string_view> stems) const {
  std::string key;
  std::pair<std::string_view, size_t> best{"", 0};
  for (size_t n = 1; n <= kMaxPhraseWords && n <= stems.size(); ++n) {
    if (n > 1) key += kJoin;
    key.append(stems[n - 1]);
    auto it = phrases_.find(key);
    if (it != phrases_.end()) best = {it->second, n};
  }
  return best;
}

// ---- suggestions ----

std::string_view LoopText(const core::Entry& e) {
  return !e.text.empty() ? std::string_view(e.text) : std::string_view(e.thought);
}

std::vector<std::string> LoopSuggester::Concepts(std::string_view text, bool synonyms) {
  std::vector<Token> tokens;
  tokenizer_.Tokenize(text, tokens);
  std::vector<std::string_view> stems;
  stems.reserve(tokens.size());
  for (const Token& t : tokens) stems.push_back(tokenizer_.StemOf(t.term));
  std::vector<std::string> out;
  for (size_t i = 0; i < tokens.size();) {
    auto [concept_name, n] =
        synonyms ? synonyms_.Match(std::span(stems).subspan(i)) : std::pair<std::string_view, size_t>{};
    // A stop word never means a concept alone: English "not" is not the
    // German "Noten" (grades), though both stem to "not".
    if (n > 0 && !(n == 1 && tokens[i].stop)) {
      out.push_back("=" + std::string(concept_name));
      i += n;
      continue;
    }
    if (!tokens[i].stop && stems[i].size() > 1)
      out.emplace_back(stems[i]);
    ++i;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double LoopSuggester::Similarity(const std::vector<std::string>& a,
                                 const std::vector<std::string>& b,
                                 const std::map<std::string, int, std::less<>>& df, size_t loops,
                                 size_t* shared_count) {
  auto weight = [&](const std::string& c) {
    auto it = df.find(c);
    const double n = it == df.end() ? 1.0 : std::max(1, it->second);
    return std::log(1.0 + (static_cast<double>(loops) + 1.0) / n);
  };
  double shared = 0, total = 0;
  size_t count = 0;
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (j >= b.size() || (i < a.size() && a[i] < b[j])) {
      total += weight(a[i++]);
    } else if (i >= a.size() || b[j] < a[i]) {
      total += weight(b[j++]);
    } else {
      const double w = weight(a[i]);
      shared += 2 * w;
      total += 2 * w;
      ++count;
      ++i;
      ++j;
    }
  }
  if (shared_count != nullptr) *shared_count = count;
  if (count == 0 || total == 0) return 0;
  return shared / total;
}

bool LoopSuggester::Suggests(double score, size_t shared) {
  return shared >= 2 ? score >= kThreshold : shared == 1 && score >= kThresholdOneShared;
}

std::vector<LoopSuggestion> LoopSuggester::Suggest(std::span<const core::Entry> entries,
                                                   const LoopGroups& groups) {
  std::vector<const core::Entry*> loops;
  for (const core::Entry& e : entries) {
    if (e.kind == core::EntryKind::kLoop && !LoopText(e).empty()) loops.push_back(&e);
  }
  std::sort(loops.begin(), loops.end(), [](const core::Entry* a, const core::Entry* b) {
    return a->written_at != b->written_at ? a->written_at > b->written_at : a->id > b->id;
  });
  if (loops.size() > kMaxLoops) loops.resize(kMaxLoops);
  const size_t n = loops.size();

  std::vector<std::vector<std::string>> concepts(n);
  std::vector<std::vector<std::string>> words(n);  // stems only, for "the same words"
  std::map<std::string, int, std::less<>> df;
  std::unordered_map<std::string, std::vector<size_t>> postings;
  for (size_t i = 0; i < n; ++i) {
    concepts[i] = Concepts(LoopText(*loops[i]));
    words[i] = Concepts(LoopText(*loops[i]), false);
    for (const std::string& c : concepts[i]) {
      ++df[c];
      postings[c].push_back(i);
    }
  }

  // Worries: loops the client joined, and loops written the same way.
  Sets worry(n);
  std::unordered_map<std::string, size_t> index_of;
  for (size_t i = 0; i < n; ++i) index_of[loops[i]->id] = i;
  for (const auto& group : groups.same) {
    size_t first = SIZE_MAX;
    for (const std::string& id : group) {
      auto it = index_of.find(id);
      if (it == index_of.end()) continue;
      if (first == SIZE_MAX) {
        first = it->second;
      } else {
        worry.Unite(first, it->second);
      }
    }
  }
  // Candidate pairs share a concept; each is scored once.
  std::map<std::pair<size_t, size_t>, double> scores;
  for (size_t i = 0; i < n; ++i) {
    std::set<size_t> seen;
    for (const std::string& c : concepts[i]) {
      const auto& list = postings[c];
      if (list.size() > kMaxPosting) continue;
      for (size_t j : list) {
        if (j <= i || !seen.insert(j).second) continue;
        // Written the same way: one worry already (the word-for-word rule
        // of "what repeated"); else a candidate in other words.
        if (Dice(words[i], words[j]) >= kSameWords) {
          worry.Unite(i, j);
          continue;
        }
        size_t shared = 0;
        const double s = Similarity(concepts[i], concepts[j], df, n, &shared);
        if (Suggests(s, shared)) scores[{i, j}] = s;
      }
    }
  }

  // The best score between two worries, unless the client declined any
  // pair of their loops.
  std::map<std::pair<size_t, size_t>, double> best;
  for (const auto& [pair, s] : scores) {
    size_t a = worry.Root(pair.first);
    size_t b = worry.Root(pair.second);
    if (a == b) continue;
    if (b < a) std::swap(a, b);
    double& slot = best[{a, b}];
    slot = std::max(slot, s);
  }
  std::vector<std::vector<size_t>> members(n);
  for (size_t i = 0; i < n; ++i) members[worry.Root(i)].push_back(i);
  auto declined = [&](size_t a, size_t b) {
    for (size_t x : members[a])
      for (size_t y : members[b])
        if (groups.Declined(loops[x]->id, loops[y]->id)) return true;
    return false;
  };

  std::vector<std::pair<double, std::pair<size_t, size_t>>> ranked;
  ranked.reserve(best.size());
  for (const auto& [pair, s] : best) ranked.push_back({s, pair});
  // Best first; among equals, the most recent worries (lower indexes).
  std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first > y.first;
    return x.second < y.second;
  });

  std::vector<LoopSuggestion> out;
  std::map<size_t, int> shown;  // a worry in at most two suggestions
  for (const auto& [s, pair] : ranked) {
    if (out.size() == kMaxSuggestions) break;
    auto [a, b] = pair;
    if (shown[a] >= 2 || shown[b] >= 2 || declined(a, b)) continue;
    ++shown[a];
    ++shown[b];
    auto side = [&](size_t root, std::vector<std::string>& ids, std::string& label) {
      std::vector<size_t> m = members[root];  // newest first
      label = Label(LoopText(*loops[m.front()]));
      for (auto it = m.rbegin(); it != m.rend(); ++it) ids.push_back(loops[*it]->id);
    };
    LoopSuggestion suggestion;
    suggestion.score = s;
    // The worry last written earlier comes first.
    const size_t older = members[a].front() > members[b].front() ? a : b;
    side(older, suggestion.first, suggestion.first_label);
    side(older == a ? b : a, suggestion.second, suggestion.second_label);
    out.push_back(std::move(suggestion));
  }
  return out;
}

}  // namespace fieldnotes::reports
