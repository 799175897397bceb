#include "reports/rule_question_engine.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <span>
#include <vector>

#include "core/clock.h"
#include "core/i18n.h"
#include "reports/embedded_data.h"
#include "reports/period.h"
#include "reports/phrase_format.h"
#include "reports/recurring_detector.h"
#include "reports/tokenizer.h"

namespace fieldnotes::reports {
namespace {

// The fear words of every language (reports/data/fear/<lang>.txt), folded.
struct FearWords {
  struct Word {
    std::string text;  // folded
    bool prefix;       // "*": any word starting with it
  };
  std::vector<Word> feelings;
  std::vector<Word> cues;
};

const FearWords& Fear() {
  static const FearWords words = [] {
    FearWords out;
    for (const EmbeddedFile& f : EmbeddedFilesIn("fear")) {
      std::vector<FearWords::Word>* section = nullptr;
      std::string_view text = f.content;
      while (!text.empty()) {
        const size_t nl = text.find('\n');
        std::string_view line = text.substr(0, nl);
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        if (line == "[feelings]") {
          section = &out.feelings;
        } else if (line == "[cues]") {
          section = &out.cues;
        } else if (section != nullptr) {
          const bool prefix = line.back() == '*';
          if (prefix) line.remove_suffix(1);
          // Written as words: folded and spaced as Words() spaces a text.
          std::string folded;
          ForEachWord(line, [&](const WordSpan& w) {
            if (!folded.empty()) folded += ' ';
            folded.append(w.folded);
          });
          if (!folded.empty()) section->push_back({std::move(folded), prefix});
        }
        // A line outside a section is a mistake in the data; a test reads
        // every list (journal_languages/fear_lists_are_well_formed).
      }
    }
    return out;
  }();
  return words;
}

// The folded words of `text` joined by single spaces, with a space before
// and after: punctuation between words does not matter ("Angst, dass").
std::string Words(std::string_view text) {
  std::string out = " ";
  ForEachWord(text, [&](const WordSpan& w) {
    out.append(w.folded);
    out += ' ';
  });
  return out;
}

// `word` at the start of a word of `words` (as Words() makes them), and
// ending at the end of one unless it is a prefix.
bool Has(std::string_view words, const FearWords::Word& word) {
  for (size_t pos = words.find(word.text); pos != std::string_view::npos;
       pos = words.find(word.text, pos + 1)) {
    if (words[pos - 1] != ' ') continue;
    if (word.prefix || words[pos + word.text.size()] == ' ') return true;
  }
  return false;
}

bool ContainsCue(std::string_view text) {
  if (text.empty()) return false;
  const std::string words = Words(text);
  for (const FearWords::Word& cue : Fear().cues) {
    if (Has(words, cue)) return true;
  }
  return false;
}

bool IsBlank(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

}  // namespace

bool RuleQuestionEngine::MentionsFear(const core::Entry& e) {
  for (const core::CompactString* field : {&e.thought, &e.text, &e.unsaid, &e.before}) {
    if (ContainsCue(*field)) return true;
  }
  for (const core::FollowUp& f : e.followups) {
    if (ContainsCue(f.answer)) return true;
  }
  return false;
}

bool RuleQuestionEngine::NamesFear(const core::Entry& e) {
  for (const std::string& emotion : e.emotions) {
    // At the start of the feeling: "on edge", "Angst", "inquiète".
    std::string words = Words(emotion);
    for (const FearWords::Word& feeling : Fear().feelings) {
      if (words.compare(1, feeling.text.size(), feeling.text) != 0) continue;
      if (feeling.prefix || words[1 + feeling.text.size()] == ' ') return true;
    }
  }
  return false;
}

std::string RuleQuestionEngine::Text(Rule rule, int similar, bool since_session) {
  const auto n = static_cast<unsigned long>(std::max(similar, 0));
  switch (rule) {
    case Rule::kThread:
      // TRANSLATORS: a follow-up question after the client wrote, briefly,
      // how a suggestion from their last therapy session went.
      return core::Tr("How did it actually go — not how you wish it went?");
    case Rule::kLoop:
      // TRANSLATORS: a follow-up question after a "loop": a thought that
      // keeps coming back, written word for word.
      return core::Tr("When did this thought come back before, and what was going on?");
    case Rule::kMemory:
      if (since_session) {
        if (n == 2)
          return core::Tr(
              "You have written about this twice since your last session. Is it the same "
              "worry, or a new one?");
        return core::Format(
            // TRANSLATORS: %1 is how many entries, this one included, say the
            // same thing since the client's last therapy session (3 or more;
            // two is the message above). Keep %1 in every plural form.
            core::TrN("You have written about this %1 time since your last session. Is it the "
                      "same worry, or a new one?",
                      "You have written about this %1 times since your last session. Is it the "
                      "same worry, or a new one?",
                      n),
            n);
      }
      if (n == 2)
        // TRANSLATORS: %1 is a number of days (14).
        return core::Format(core::Tr("You have written about this twice in the last %1 days. Is "
                                     "it the same worry, or a new one?"),
                            Period::kNoSessionDays);
      return core::Format(
          // TRANSLATORS: %1 is how many entries, this one included, say the
          // same thing in the last %2 days (14); the client has no session yet
          // (3 or more; two is the message above). Keep %1 and %2 in every
          // plural form.
          core::TrN("You have written about this %1 time in the last %2 days. Is it the same "
                    "worry, or a new one?",
                    "You have written about this %1 times in the last %2 days. Is it the same "
                    "worry, or a new one?",
                    n),
          n, Period::kNoSessionDays);
    case Rule::kBefore:
      return core::Tr("What happened right before?");
    case Rule::kFeared:
      return core::Tr("What were you afraid would happen?");
    case Rule::kBody:
      return core::Tr("Where did you feel it in your body?");
  }
  return "";
}

std::vector<std::string> RuleQuestionEngine::QuestionsFor(const core::Entry& e, int similar,
                                                          bool since_session) {
  std::vector<std::string> out;
  auto ask = [&](Rule rule) {
    if (out.size() < kMaxQuestions) out.push_back(Text(rule, similar, since_session));
  };
  const bool has_emotion = !e.emotions.empty();
  const bool spike = e.kind == core::EntryKind::kSpike;
  switch (e.kind) {
    case core::EntryKind::kThread:
      if (WordCount(e.text) < kShortThreadWords) ask(Rule::kThread);
      break;
    case core::EntryKind::kLoop:
      ask(similar >= kMemoryLoop ? Rule::kMemory : Rule::kLoop);
      break;
    default:
      if (similar >= kMemoryOther) ask(Rule::kMemory);
      break;
  }
  // A loop's question already asks what was going on.
  const bool note = e.kind == core::EntryKind::kNote;
  if ((spike || (note && has_emotion)) && IsBlank(e.before)) ask(Rule::kBefore);
  if (NamesFear(e) && !MentionsFear(e)) ask(Rule::kFeared);
  if (spike && IsBlank(e.body)) ask(Rule::kBody);
  return out;
}

std::vector<std::string> RuleQuestionEngine::QuestionsFor(const QuestionContext& context) const {
  const core::Entry& e = context.entry;
  int similar = 1;
  // As of the entry's own time: for an entry written now that is now; for
  // an older or imported one, what came after it never counts.
  const core::FakeClock then(std::min(context.clock.Now(), e.written_at));
  const Period period = Period::SinceLastSession(context.journal.sessions, then);
  if (e.kind != core::EntryKind::kThread && !(IsBlank(e.text) && IsBlank(e.thought))) {
    std::span<const core::Entry> all = context.journal.entries;
    std::vector<core::Entry> copy;
    const auto after = [&](const core::Entry& x) { return then.Now() < x.written_at; };
    std::span<const core::Entry> earlier;
    if (std::is_sorted(all.begin(), all.end(), [](const core::Entry& a, const core::Entry& b) {
          return b.written_at < a.written_at;
        })) {  // newest first, as the journal keeps them: a suffix, no copy
      earlier = all.subspan(static_cast<size_t>(
          std::partition_point(all.begin(), all.end(), after) - all.begin()));
    } else {
      std::copy_if(all.begin(), all.end(), std::back_inserter(copy),
                   [&](const core::Entry& x) { return !after(x); });
      earlier = copy;
    }
    EntryIndex index(JournalData{earlier, context.journal.sessions, context.journal.threads},
                     period);
    Tokenizer tokenizer;
    similar = RecurringDetector(tokenizer).CountSimilar(e, index);
  }
  return QuestionsFor(e, similar, period.session().has_value());
}

std::vector<std::string> RuleQuestionEngine::EveryQuestion(int max_similar) {
  std::vector<std::string> out;
  for (Rule rule : {Rule::kThread, Rule::kLoop, Rule::kBefore, Rule::kFeared, Rule::kBody})
    out.push_back(Text(rule));
  for (int n = 1; n <= max_similar; ++n) {
    out.push_back(Text(Rule::kMemory, n, true));
    out.push_back(Text(Rule::kMemory, n, false));
  }
  return out;
}

}  // namespace fieldnotes::reports
