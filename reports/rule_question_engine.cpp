#include "reports/rule_question_engine.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <span>
#include <vector>

#include "core/clock.h"
#include "core/text.h"
#include "reports/period.h"
#include "reports/phrase_format.h"
#include "reports/recurring_detector.h"
#include "reports/tokenizer.h"

namespace fieldnotes::reports {
namespace {

// Words that say what the client feared; matched at the start of a word,
// after folding.
constexpr std::array<std::string_view, 14> kFearCues = {
    "afraid",       "scared",          "fear",          "terrified", "frightened",
    "worried that", "worry that",      "worried i",     "what if",   "dread",
    "would happen", "going to happen", "panicked that", "worst case"};

bool StartsWord(std::string_view text, size_t pos) {
  if (pos == 0) return true;
  const char c = text[pos - 1];
  return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c & 0x80));
}

bool ContainsCue(std::string_view folded) {
  for (std::string_view cue : kFearCues) {
    for (size_t pos = folded.find(cue); pos != std::string_view::npos;
         pos = folded.find(cue, pos + 1)) {
      if (StartsWord(folded, pos)) return true;
    }
  }
  return false;
}

// Feelings of the fear family, matched at the start of the folded
// feeling: the vocabulary's and the words people use for them.
constexpr std::array<std::string_view, 16> kFearFeelings = {
    "anxi",  "fear",   "worr",     "panic", "overwhelm", "afraid", "scare", "terrif",
    "fright", "nervous", "dread", "uneasy", "apprehens", "stress", "tense", "on edge"};

bool IsBlank(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

}  // namespace

bool RuleQuestionEngine::MentionsFear(const core::Entry& e) {
  for (const std::string* field : {&e.thought, &e.text, &e.unsaid, &e.before}) {
    if (ContainsCue(core::text::Fold(*field))) return true;
  }
  for (const core::FollowUp& f : e.followups) {
    if (ContainsCue(core::text::Fold(f.answer))) return true;
  }
  return false;
}

bool RuleQuestionEngine::NamesFear(const core::Entry& e) {
  for (const std::string& emotion : e.emotions) {
    const std::string folded = core::text::Fold(emotion);
    for (std::string_view cue : kFearFeelings) {
      if (folded.starts_with(cue)) return true;
    }
  }
  return false;
}

std::string RuleQuestionEngine::Text(Rule rule, int similar, bool since_session) {
  switch (rule) {
    case Rule::kThread:
      return "How did it actually go — not how you wish it went?";
    case Rule::kLoop:
      return "When did this thought come back before, and what was going on?";
    case Rule::kMemory:
      return "You have written about this " + Times(similar) + " " +
             (since_session ? std::string("since your last session")
                            : "in the last " + std::to_string(Period::kNoSessionDays) + " days") +
             ". Is it the same worry, or a new one?";
    case Rule::kBefore:
      return "What happened right before?";
    case Rule::kFeared:
      return "What were you afraid would happen?";
    case Rule::kBody:
      return "Where did you feel it in your body?";
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
