// SixWordRule: a run of six words of any entry's text never appears in a
// report unless the client chose that excerpt (DESIGN.md §6, issue 4).
//
// The report is built from observations, and observations carry the
// client's words (labels, triggers, how a thread went). Rather than trust
// every place that writes a sentence, the rule is checked on the final
// content: every text the report shows is cut into runs of six words, and
// each run is looked for in every text field of every entry. A run is
// allowed only when it lies wholly inside an excerpt the client chose for
// that line, or when the whole line is the client's own writing for the
// report (an agenda item, a question, a reworded line). docs/report.md
// describes the rule and what counts as a word.
#ifndef FIELDNOTES_REPORTS_SIX_WORD_RULE_H_
#define FIELDNOTES_REPORTS_SIX_WORD_RULE_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace fieldnotes::reports {

class AnalysisCache;

// One text of the report, as the rule sees it.
struct GuardedText {
  std::string where;  // what it is, for messages: "item recurring-1f3a9c0e"
  std::string text;
  // Parts of `text` the client chose to quote from their entries; a run
  // that lies wholly inside an occurrence of one of them is allowed.
  std::vector<std::string> excerpts;
  // The whole text is the client's own, written for this report.
  bool client_written = false;
};

struct SixWordViolation {
  std::string where;  // GuardedText::where
  // The six words as compared (folded). For tests and debugging only: it is
  // the client's text, so it never goes into a Status message or a log.
  std::string run;
};

class SixWordRule {
 public:
  static constexpr size_t kRunWords = 6;
  // The most words of an entry a line may carry without the client's choice.
  static constexpr size_t kMaxUnchosenWords = kRunWords - 1;

  // The words of `text` as the rule compares them: case and accents folded
  // (core::text::Fold), apostrophes dropped ("don't" is "dont"), and every
  // other punctuation mark, symbol or space a separator (core::unicode).
  // Each Chinese or Japanese character is a word of its own, since those
  // scripts do not put spaces between words; Thai, Lao, Khmer and Burmese
  // are split into words by ICU's dictionaries.
  static std::vector<std::string> Words(std::string_view text);

  // The text fields of an entry the rule protects: emotions, before, body,
  // thought, unsaid, text, tags, thread, and every follow-up question and
  // answer. Runs never span two fields.
  static std::vector<std::string_view> ProtectedFields(const core::Entry& entry);

  // Every run of `texts` that also appears in some entry and is not
  // allowed, at most one per (text, run). Reads each entry's fields once;
  // linear in the size of the journal. Empty when the report keeps the rule.
  static std::vector<SixWordViolation> Check(std::span<const core::Entry> entries,
                                             std::span<const GuardedText> texts);
  // The same answer, with a filter of the trigrams (three adjacent words)
  // of each block of entries kept in `cache` between calls
  // (analysis_cache.h, trigram_filter.h): an entry is read again only when
  // it is new or changed (or its block is built again), or when its
  // block's filter may hold all four trigrams of a run of the report.
  // Without a cache (nullptr), the same as above. `revision`: as
  // JournalData::revision (with it, unchanged entries are not compared
  // with what the cache kept).
  static std::vector<SixWordViolation> Check(std::span<const core::Entry> entries,
                                             std::span<const GuardedText> texts,
                                             AnalysisCache* cache, uint64_t revision = 0);

  // The first `max_words` words of `text` as written (separators kept),
  // followed by "…" when anything was cut; `text` itself when it is short
  // enough. Used to show a hint of the client's words without carrying them.
  static std::string FirstWords(std::string_view text, size_t max_words = kMaxUnchosenWords);
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_SIX_WORD_RULE_H_
