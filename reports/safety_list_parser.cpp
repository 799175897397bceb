// Reading a safety list (reports/data/safety/*.txt; the format is in
// docs/safety.md): sections, [define] groups, phrases with their groups
// spelled out. The matcher is in safety_phrases.cpp.
//
// Its errors stay English on purpose: they are for whoever edits the
// lists, not for a person using Fieldnotes.
#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <vector>

#include "core/text.h"
#include "reports/safety_phrases.h"
#include "reports/safety_phrases_internal.h"

namespace fieldnotes::reports {

using safety_internal::CharacterCount;
using safety_internal::kFuzzyLetters;
using safety_internal::StemmerOf;

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

// The position of the bracket that closes the one at `open`, counting
// nested brackets of both kinds.
core::Result<size_t> MatchingBracket(std::string_view s, size_t open) {
  std::string stack;
  for (size_t i = open; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '(' || c == '[') {
      stack.push_back(c == '(' ? ')' : ']');
    } else if (c == ')' || c == ']') {
      if (stack.empty() || stack.back() != c)
        return core::Status::InvalidArgument("unbalanced brackets");
      stack.pop_back();
      if (stack.empty()) return i;
    }
  }
  return core::Status::InvalidArgument("unclosed bracket");
}

// The word sequences a group's body stands for, nested groups spelled out:
// "a|b (c|d)|e [f]" gives "a", "b c", "b d", "e", "e f". At most
// kMaxSequences, so that a list cannot blow up the matcher.
constexpr size_t kMaxSequences = 4096;
core::Result<std::vector<std::vector<std::string_view>>> Expand(std::string_view body) {
  std::vector<std::vector<std::string_view>> out;
  // The alternatives at this level: split at '|' outside brackets.
  std::vector<std::string_view> alternatives;
  size_t start = 0;
  for (size_t i = 0; i <= body.size(); ++i) {
    if (i == body.size() || body[i] == '|') {
      alternatives.push_back(body.substr(start, i - start));
      start = i + 1;
    } else if (body[i] == '(' || body[i] == '[') {
      auto end = MatchingBracket(body, i);
      if (!end.ok()) return end.status();
      i = *end;
    } else if (body[i] == ')' || body[i] == ']') {
      return core::Status::InvalidArgument("unbalanced brackets");
    }
  }
  for (std::string_view alt : alternatives) {
    std::vector<std::vector<std::string_view>> seqs = {{}};
    size_t pos = 0;
    while (pos < alt.size()) {
      if (alt[pos] == ' ' || alt[pos] == '\t') {
        ++pos;
        continue;
      }
      std::vector<std::vector<std::string_view>> item;
      if (alt[pos] == '(' || alt[pos] == '[') {
        auto end = MatchingBracket(alt, pos);
        if (!end.ok()) return end.status();
        auto inner = Expand(alt.substr(pos + 1, *end - pos - 1));
        if (!inner.ok()) return inner.status();
        item = std::move(*inner);
        if (alt[pos] == '[') item.emplace_back();
        pos = *end + 1;
      } else {
        size_t end = alt.find_first_of(" \t([", pos);
        if (end == std::string_view::npos) end = alt.size();
        item.push_back({alt.substr(pos, end - pos)});
        pos = end;
      }
      std::vector<std::vector<std::string_view>> product;
      for (const auto& head : seqs) {
        for (const auto& tail : item) {
          auto joined = head;
          joined.insert(joined.end(), tail.begin(), tail.end());
          product.push_back(std::move(joined));
        }
      }
      if (product.size() > kMaxSequences)
        return core::Status::InvalidArgument("too many alternatives in one group");
      seqs = std::move(product);
    }
    for (auto& seq : seqs) {
      if (seq.empty()) return core::Status::InvalidArgument("empty alternative");
      out.push_back(std::move(seq));
    }
  }
  return out;
}

bool IsDefineNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// A line with each "@name" replaced by "(body)" of its [define]. In a
// definition line itself, only the part after '=' is expanded.
core::Result<std::string> ExpandDefines(
    std::string_view line, const std::map<std::string, std::string, std::less<>>& defines,
    bool definition) {
  std::string out;
  size_t i = 0;
  if (definition) {
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos) return std::string(line);
    out.append(line.substr(0, eq + 1));
    i = eq + 1;
  }
  while (i < line.size()) {
    if (line[i] != '@') {
      out.push_back(line[i++]);
      continue;
    }
    size_t end = i + 1;
    while (end < line.size() && IsDefineNameChar(line[end])) ++end;
    const std::string_view name = line.substr(i + 1, end - i - 1);
    auto it = defines.find(name);
    if (it == defines.end())
      return core::Status::InvalidArgument("@" + std::string(name) + " is not defined above");
    out += "(" + it->second + ")";
    i = end;
  }
  return out;
}

}  // namespace

namespace {

constexpr std::array<std::string_view, kSafetyCategoryCount> kCategoryNames = {
    "wish_dead", "suicidal_thoughts", "method_plan",      "preparation",
    "self_harm", "hopelessness",      "harm_from_others", "harm_to_others",
};

}  // namespace

std::string_view SafetyCategoryName(SafetyCategory c) {
  return kCategoryNames[static_cast<size_t>(c)];
}

std::optional<SafetyCategory> SafetyCategoryFromName(std::string_view name) {
  if (name == "suicide") return SafetyCategory::kSuicidalThoughts;
  if (name == "danger") return SafetyCategory::kHarmFromOthers;
  for (size_t i = 0; i < kCategoryNames.size(); ++i) {
    if (kCategoryNames[i] == name) return static_cast<SafetyCategory>(i);
  }
  return std::nullopt;
}

std::string_view SafetyPhrases::StemmerFor(std::string_view file_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kLanguages = {{
      {"en", "english"},
      {"de", "german"},
      {"fr", "french"},
      {"es", "spanish"},
      {"it", "italian"},
      {"pt", "portuguese"},
      {"nl", "dutch"},
      {"ru", "russian"},
  }};
  std::string_view base = file_name.substr(file_name.rfind('/') + 1);
  if (base.ends_with(".txt")) base.remove_suffix(4);
  for (const auto& [code, algorithm] : kLanguages) {
    if (code == base) return algorithm;
  }
  return {};
}

std::string SafetyPhrases::Stem(std::string_view folded_word) const {
  if (language_.empty()) return {};
  return StemWith(StemmerOf(language_), folded_word);
}

std::string SafetyPhrases::StemWith(sb_stemmer* stemmer, std::string_view folded_word) {
  if (!stemmer) return std::string(folded_word);
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                      static_cast<int>(folded_word.size()));
  if (!stem) return std::string(folded_word);
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<size_t>(sb_stemmer_length(stemmer)));
}

core::Result<SafetyPhrases::Phrase> SafetyPhrases::ParsePhrase(std::string_view line) const {
  auto parse_atom = [this](std::string_view w) -> core::Result<Atom> {
    Atom a;
    if (w == "_") {
      a.any = true;
      return a;
    }
    if (w == "..")
      return core::Status::InvalidArgument("a gap (..) stands between slots, not inside brackets");
    if (!w.empty() && w.front() == '=') {
      a.exact = true;
      w.remove_prefix(1);
    }
    if (!w.empty() && w.back() == '*') {
      a.prefix = true;
      w.remove_suffix(1);
    }
    a.text = core::text::Fold(w);
    if (a.text.empty()) return core::Status::InvalidArgument("empty word");
    for (char c : a.text) {
      if (c == '(' || c == ')' || c == '[' || c == ']' || c == '|' || c == '*' || c == '=')
        return core::Status::InvalidArgument("stray bracket, bar or '=' in a word");
    }
    if (!a.exact && !a.prefix) {
      a.stem = Stem(a.text);
      // Not by a stem of fewer than three letters: Snowball takes
      // "offing" and "offed" to "of", and a phrase about offing oneself
      // must not hear "proud of myself".
      if (CharacterCount(a.stem) < 3) a.stem.clear();
      a.chars = static_cast<uint32_t>(CharacterCount(a.text));
      a.fuzzy = a.chars >= kFuzzyLetters;
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
    if (line.substr(pos, 2) == ".." &&
        (pos + 2 == line.size() || line[pos + 2] == ' ' || line[pos + 2] == '\t')) {
      slot.gap = true;
      phrase.slots.push_back(std::move(slot));
      pos += 2;
      continue;
    }
    if (line[pos] == '(' || line[pos] == '[') {
      slot.optional = line[pos] == '[';
      auto end = MatchingBracket(line, pos);
      if (!end.ok()) return end.status();
      body = line.substr(pos + 1, *end - pos - 1);
      pos = *end + 1;
    } else {
      size_t end = line.find_first_of(" \t", pos);
      if (end == std::string_view::npos) end = line.size();
      body = line.substr(pos, end - pos);
      if (body.find_first_of("()[]|") != std::string_view::npos)
        return core::Status::InvalidArgument("unbalanced brackets");
      pos = end;
    }
    auto sequences = Expand(body);
    if (!sequences.ok()) return sequences.status();
    for (const std::vector<std::string_view>& words : *sequences) {
      std::vector<Atom> seq;
      for (std::string_view w : words) {
        auto atom = parse_atom(w);
        if (!atom.ok()) return atom.status();
        seq.push_back(std::move(*atom));
      }
      if (seq.empty()) return core::Status::InvalidArgument("empty alternative");
      slot.alternatives.push_back(std::move(seq));
    }
    phrase.slots.push_back(std::move(slot));
  }
  if (phrase.slots.empty()) return core::Status::InvalidArgument("empty phrase");
  if (phrase.slots.front().gap || phrase.slots.back().gap)
    return core::Status::InvalidArgument("a phrase cannot start or end with ..");
  return phrase;
}

core::Result<SafetyPhrases> SafetyPhrases::Parse(std::string_view data, std::string_view name,
                                                 std::string_view language) {
  SafetyPhrases out;
  out.language_ = std::string(language);
  if (!out.language_.empty() && !StemmerOf(out.language_))
    return core::Status::InvalidArgument(std::string(name) + ": libstemmer has no " +
                                         out.language_);
  enum class Section {
    kNone,
    kContractions,
    kClauseBreaks,
    kNegation,
    kBridge,
    kNegationVoid,
    kRaise,
    kNotDanger,
    kDoubt,
    kDoubtMarks,
    kDefine
  };
  // [define]: "@name = body", a group used by later lines as @name.
  std::map<std::string, std::string, std::less<>> defines;
  Section section = Section::kNone;
  SafetyCategory category = SafetyCategory::kSuicidalThoughts;
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
      } else if (s == "negation_void") {
        section = Section::kNegationVoid;
      } else if (s == "not_danger") {
        section = Section::kNotDanger;
      } else if (s == "doubt") {
        section = Section::kDoubt;
      } else if (s == "doubt_marks") {
        section = Section::kDoubtMarks;
      } else if (s == "define") {
        section = Section::kDefine;
      } else if (s.starts_with("raise:")) {
        section = Section::kRaise;
        auto c = SafetyCategoryFromName(s.substr(6));
        if (!c) return error("unknown category");
        category = *c;
      } else {
        return error("unknown section");
      }
      continue;
    }
    std::string expanded;
    if (line.find('@') != std::string_view::npos && section != Section::kContractions &&
        section != Section::kDoubtMarks) {
      auto e = ExpandDefines(line, defines, section == Section::kDefine);
      if (!e.ok()) return error(e.status().message());
      expanded = std::move(*e);
      line = expanded;
    }
    switch (section) {
      case Section::kNone:
        return error("a line outside any section");
      case Section::kDefine: {
        const size_t eq = line.find('=');
        const std::string_view defined = Trim(line.substr(0, eq));
        if (eq == std::string_view::npos || defined.size() < 2 || defined[0] != '@' ||
            !std::all_of(defined.begin() + 1, defined.end(), IsDefineNameChar))
          return error("a definition reads \"@name = body\"");
        const std::string_view body = Trim(line.substr(eq + 1));
        if (body.empty()) return error("an empty definition");
        if (auto check = out.ParsePhrase("(" + std::string(body) + ")"); !check.ok())
          return error(check.status().message());
        defines[std::string(defined.substr(1))] = std::string(body);
        break;
      }
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
      case Section::kBridge:
      case Section::kNegationVoid: {
        auto phrase = out.ParsePhrase(line);
        if (!phrase.ok()) return error(phrase.status().message());
        if (phrase->slots.size() != 1 || phrase->slots[0].alternatives.size() != 1 ||
            phrase->slots[0].alternatives[0].size() != 1)
          return error("one word a line in this section");
        Atom a = phrase->slots[0].alternatives[0][0];
        auto& list = section == Section::kClauseBreaks ? out.clause_breaks_
                     : section == Section::kNegation   ? out.negations_
                     : section == Section::kBridge     ? out.bridges_
                                                       : out.negation_voids_;
        list.push_back(std::move(a));
        break;
      }
      case Section::kDoubtMarks: {
        // Matched in the text as written: one mark a line, no spaces.
        if (line.find(' ') != std::string_view::npos || line.find('\t') != std::string_view::npos)
          return error("one mark a line, without spaces");
        out.doubt_marks_.emplace_back(line);
        break;
      }
      case Section::kRaise:
      case Section::kDoubt:
      case Section::kNotDanger: {
        // "a & b & c": all of them in one sentence; "a && b": all of them
        // in the same text, any sentences (raise sections only).
        const bool whole_text = line.find("&&") != std::string_view::npos;
        const std::string_view separator = whole_text ? "&&" : "&";
        std::vector<std::string_view> parts;
        for (size_t from = 0;;) {
          const size_t amp = line.find(separator, from);
          parts.push_back(Trim(line.substr(
              from, amp == std::string_view::npos ? std::string_view::npos : amp - from)));
          if (amp == std::string_view::npos) break;
          from = amp + separator.size();
        }
        if (whole_text && std::any_of(parts.begin(), parts.end(), [](std::string_view part) {
              return part.find('&') != std::string_view::npos;
            }))
          return error("a line joins its parts with '&' or with '&&', not both");
        if (parts.size() > 1 && section != Section::kRaise)
          return error("'&' only in a raise section");
        auto phrase = out.ParsePhrase(parts[0]);
        if (!phrase.ok()) return error(phrase.status().message());
        for (size_t i = 1; i < parts.size(); ++i) {
          auto more = out.ParsePhrase(parts[i]);
          if (!more.ok()) return error(more.status().message());
          phrase->also.push_back(std::move(*more));
        }
        auto& list = section == Section::kRaise   ? out.raise_
                     : section == Section::kDoubt ? out.doubt_
                                                  : out.not_danger_;
        if (section == Section::kDoubt) out.doubt_lines_.emplace_back(line);
        phrase->whole_text = whole_text;
        phrase->category = category;
        phrase->index = list.size();
        list.push_back(std::move(*phrase));
        break;
      }
    }
  }
  out.BuildIndexes();
  return out;
}

}  // namespace fieldnotes::reports
