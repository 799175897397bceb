#include "reports/safety_phrases.h"

#include <algorithm>

#include "core/text.h"
#include "reports/tokenizer.h"

namespace fieldnotes::reports {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t next = s.find(sep, pos);
    out.push_back(
        s.substr(pos, next == std::string_view::npos ? std::string_view::npos : next - pos));
    if (next == std::string_view::npos) break;
    pos = next + 1;
  }
  return out;
}

}  // namespace

std::string_view SafetyCategoryName(SafetyCategory c) {
  switch (c) {
    case SafetyCategory::kSuicide:
      return "suicide";
    case SafetyCategory::kSelfHarm:
      return "self_harm";
    case SafetyCategory::kHarmToOthers:
      return "harm_to_others";
    case SafetyCategory::kDanger:
      return "danger";
  }
  return "danger";
}

core::Result<SafetyPhrases::Phrase> SafetyPhrases::ParsePhrase(std::string_view line) {
  auto parse_atom = [](std::string_view w) -> core::Result<Atom> {
    Atom a;
    if (w == "_") {
      a.any = true;
      return a;
    }
    if (!w.empty() && w.back() == '*') {
      a.prefix = true;
      w.remove_suffix(1);
    }
    a.text = core::text::Fold(w);
    if (a.text.empty()) return core::Status::InvalidArgument("empty word");
    for (char c : a.text) {
      if (c == '(' || c == ')' || c == '[' || c == ']' || c == '|' || c == '*')
        return core::Status::InvalidArgument("stray bracket or bar in a word");
    }
    return a;
  };
  Phrase phrase;
  size_t pos = 0;
  while (pos < line.size()) {
    if (line[pos] == ' ' || line[pos] == '\t') {
      ++pos;
      continue;
    }
    Slot slot;
    std::string_view body;
    if (line[pos] == '(' || line[pos] == '[') {
      const char close = line[pos] == '(' ? ')' : ']';
      slot.optional = line[pos] == '[';
      size_t end = line.find(close, pos + 1);
      if (end == std::string_view::npos) return core::Status::InvalidArgument("unclosed bracket");
      body = line.substr(pos + 1, end - pos - 1);
      pos = end + 1;
    } else {
      size_t end = line.find_first_of(" \t", pos);
      if (end == std::string_view::npos) end = line.size();
      body = line.substr(pos, end - pos);
      if (body.find_first_of("()[]|") != std::string_view::npos)
        return core::Status::InvalidArgument("unbalanced brackets");
      pos = end;
    }
    for (std::string_view alt : Split(body, '|')) {
      std::vector<Atom> seq;
      for (std::string_view w : Split(Trim(alt), ' ')) {
        if (Trim(w).empty()) continue;
        auto atom = parse_atom(Trim(w));
        if (!atom.ok()) return atom.status();
        seq.push_back(std::move(*atom));
      }
      if (seq.empty()) return core::Status::InvalidArgument("empty alternative");
      slot.alternatives.push_back(std::move(seq));
    }
    phrase.slots.push_back(std::move(slot));
  }
  if (phrase.slots.empty()) return core::Status::InvalidArgument("empty phrase");
  return phrase;
}

core::Result<SafetyPhrases> SafetyPhrases::Parse(std::string_view data, std::string_view name) {
  SafetyPhrases out;
  enum class Section {
    kNone,
    kContractions,
    kClauseBreaks,
    kNegation,
    kBridge,
    kRaise,
    kNotDanger
  };
  Section section = Section::kNone;
  SafetyCategory category = SafetyCategory::kSuicide;
  int line_no = 0;
  for (std::string_view raw : Split(data, '\n')) {
    ++line_no;
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    auto error = [&](std::string_view why) {
      return core::Status::InvalidArgument(std::string(name) + " line " + std::to_string(line_no) +
                                           ": " + std::string(why));
    };
    if (line.front() == '[' && line.back() == ']' && line.find(' ') == std::string_view::npos) {
      std::string_view s = line.substr(1, line.size() - 2);
      if (s == "contractions") {
        section = Section::kContractions;
      } else if (s == "clause_breaks") {
        section = Section::kClauseBreaks;
      } else if (s == "negation") {
        section = Section::kNegation;
      } else if (s == "bridge") {
        section = Section::kBridge;
      } else if (s == "not_danger") {
        section = Section::kNotDanger;
      } else if (s.starts_with("raise:")) {
        section = Section::kRaise;
        std::string_view c = s.substr(6);
        if (c == "suicide") {
          category = SafetyCategory::kSuicide;
        } else if (c == "self_harm") {
          category = SafetyCategory::kSelfHarm;
        } else if (c == "harm_to_others") {
          category = SafetyCategory::kHarmToOthers;
        } else if (c == "danger") {
          category = SafetyCategory::kDanger;
        } else {
          return error("unknown category");
        }
      } else {
        return error("unknown section");
      }
      continue;
    }
    switch (section) {
      case Section::kNone:
        return error("a line outside any section");
      case Section::kContractions: {
        size_t eq = line.find('=');
        if (eq == std::string_view::npos) return error("a contraction needs '='");
        std::string from = core::text::Fold(Trim(line.substr(0, eq)));
        std::vector<std::string> to;
        for (std::string_view w : Split(Trim(line.substr(eq + 1)), ' ')) {
          if (!Trim(w).empty()) to.push_back(core::text::Fold(Trim(w)));
        }
        if (from.empty() || to.empty()) return error("empty contraction");
        out.contractions_[from] = std::move(to);
        break;
      }
      case Section::kClauseBreaks:
      case Section::kNegation:
      case Section::kBridge: {
        auto phrase = ParsePhrase(line);
        if (!phrase.ok()) return error(phrase.status().message());
        if (phrase->slots.size() != 1 || phrase->slots[0].alternatives.size() != 1 ||
            phrase->slots[0].alternatives[0].size() != 1)
          return error("one word a line in this section");
        Atom a = phrase->slots[0].alternatives[0][0];
        auto& list = section == Section::kClauseBreaks ? out.clause_breaks_
                     : section == Section::kNegation   ? out.negations_
                                                       : out.bridges_;
        list.push_back(std::move(a));
        break;
      }
      case Section::kRaise:
      case Section::kNotDanger: {
        auto phrase = ParsePhrase(line);
        if (!phrase.ok()) return error(phrase.status().message());
        auto& list = section == Section::kRaise ? out.raise_ : out.not_danger_;
        phrase->category = category;
        phrase->index = list.size();
        list.push_back(std::move(*phrase));
        break;
      }
    }
  }
  return out;
}

bool SafetyPhrases::AtomMatches(const Atom& a, std::string_view word) {
  if (a.any) return true;
  if (a.prefix) return word.starts_with(a.text);
  return word == a.text;
}

bool SafetyPhrases::InList(const std::vector<Atom>& list, std::string_view word) const {
  return std::any_of(list.begin(), list.end(), [&](const Atom& a) { return AtomMatches(a, word); });
}

SafetyPhrases::Text SafetyPhrases::Prepare(std::string_view text) const {
  Text t;
  int clause = 0;
  ForEachWord(text, [&](const WordSpan& w) {
    if (w.new_clause && !t.words.empty()) ++clause;
    if (InList(clause_breaks_, w.folded) && !t.words.empty()) ++clause;
    auto it = contractions_.find(w.folded);
    if (it != contractions_.end()) {
      for (const std::string& part : it->second) {
        t.words.push_back(part);
        t.clause.push_back(clause);
      }
    } else {
      t.words.emplace_back(w.folded);
      t.clause.push_back(clause);
    }
  });
  return t;
}

std::vector<std::string> SafetyPhrases::Normalize(std::string_view text) const {
  return Prepare(text).words;
}

bool SafetyPhrases::MatchSlots(const Phrase& p, size_t slot, const Text& t, size_t pos, int clause,
                               size_t& best_end) const {
  if (slot == p.slots.size()) {
    best_end = std::max(best_end, pos);
    return true;
  }
  bool any = false;
  const Slot& s = p.slots[slot];
  for (const auto& alt : s.alternatives) {
    if (pos + alt.size() > t.words.size()) continue;
    bool ok = true;
    for (size_t i = 0; i < alt.size() && ok; ++i) {
      ok = t.clause[pos + i] == clause && AtomMatches(alt[i], t.words[pos + i]);
    }
    if (ok) any |= MatchSlots(p, slot + 1, t, pos + alt.size(), clause, best_end);
  }
  if (s.optional) any |= MatchSlots(p, slot + 1, t, pos, clause, best_end);
  return any;
}

size_t SafetyPhrases::MatchAt(const Phrase& p, const Text& t, size_t start) const {
  size_t end = 0;
  if (!MatchSlots(p, 0, t, start, t.clause[start], end)) return 0;
  return end > start ? end : 0;
}

bool SafetyPhrases::Negated(const Text& t, size_t start) const {
  for (size_t k = start; k > 0;) {
    --k;
    if (t.clause[k] != t.clause[start]) return false;
    if (InList(negations_, t.words[k])) return true;
    if (!InList(bridges_, t.words[k])) return false;
  }
  return false;
}

std::vector<SafetyPhrases::Match> SafetyPhrases::Find(std::string_view text) const {
  const Text t = Prepare(text);
  std::vector<std::pair<size_t, size_t>> idioms;
  for (size_t start = 0; start < t.words.size(); ++start) {
    for (const Phrase& p : not_danger_) {
      if (size_t end = MatchAt(p, t, start)) idioms.emplace_back(start, end);
    }
  }
  std::vector<Match> out;
  for (size_t start = 0; start < t.words.size(); ++start) {
    for (const Phrase& p : raise_) {
      const size_t end = MatchAt(p, t, start);
      if (end == 0 || Negated(t, start)) continue;
      const bool idiom = std::any_of(idioms.begin(), idioms.end(), [&](const auto& span) {
        return span.first < end && start < span.second;
      });
      if (!idiom) out.push_back(Match{p.category, p.index, start, end});
    }
  }
  return out;
}

}  // namespace fieldnotes::reports
