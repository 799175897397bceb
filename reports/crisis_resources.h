// CrisisResources: where to turn, by region, shown on the client's screen
// when the safety flag is raised. The lines are data
// (reports/data/crisis_resources.json, compiled in), reviewed like code:
// see reports/data/README.md.
#ifndef FIELDNOTES_REPORTS_CRISIS_RESOURCES_H_
#define FIELDNOTES_REPORTS_CRISIS_RESOURCES_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/i18n.h"
#include "core/status.h"

namespace fieldnotes::reports {

// The data's words above and below the lines (crisis_resources.json's
// "message" and "footer"), here again so that xgettext puts them in the
// catalog; a test checks they are the data's, word for word. The data is
// English; CrisisResources::message() and footer() translate it.
inline constexpr const char* kCrisisMessage =
    // TRANSLATORS: shown on the client's screen above the crisis lines when
    // an entry suggests danger. Plain, warm and calm; never sent anywhere.
    N_("What you wrote mentions hurting yourself or someone else, or being in danger. If that is "
       "where you are right now, you don't have to carry it alone. You can talk to someone, at "
       "any hour:");
inline constexpr const char* kCrisisFooter =
    // TRANSLATORS: shown below the crisis lines.
    N_("This stays on your computer. Nothing has been sent to anyone. Fieldnotes is a journal, not "
       "a crisis service.");

struct CrisisLine {
  std::string name;     // "Samaritans": a proper name, never translated; may be empty
  std::string about;    // "in the UK and Ireland", "Emergency services": what the line
                        // is, in English words that are translated; may be empty
  std::string contact;  // "call 116 123, free"
  std::string when;     // "24 hours, every day"
  std::string topic;    // empty, or "abuse": shown for harm from others
  std::string source;   // where the number was checked (docs/safety.md)
};

struct CrisisRegion {
  std::string code;                  // ISO 3166 alpha-2 ("GB"), or "default"
  std::vector<std::string> aliases;  // other codes that pick it ("UK")
  std::string name;
  std::vector<CrisisLine> lines;
};

// `line` with what it is, how to reach it and when in the calling
// thread's language (the data's English words reach the catalog through
// crisis_words.cmake); its name and source stay as the data has them. A
// word the catalog lacks stays English.
CrisisLine Translated(const CrisisLine& line);

// What to call the line: "Samaritans (in the UK and Ireland)", its name
// alone, or what it is when it has no name ("Emergency services"); `line`
// as Translated gives it.
std::string LineName(const CrisisLine& line);

// One line for people, "Samaritans (in the UK and Ireland): call 116 123,
// free (24 hours, every day)", in the thread's language; `line` as LinesFor
// gives it.
std::string LineText(const CrisisLine& line);

class CrisisResources {
 public:
  // The built-in list. Built once, on first use; thread-safe. The data is
  // checked by the tests, so a broken file is a build defect: it aborts.
  static const CrisisResources& Default();

  // Parses the JSON format of crisis_resources.json. InvalidArgument when
  // it does not parse, a field is missing, or there is no "default" region.
  static core::Result<CrisisResources> Parse(std::string_view json);

  // The region for a code or alias, case-insensitively ("gb", "UK"); the
  // default list for an empty or unknown code. Never fails.
  const CrisisRegion& ForRegion(std::string_view code) const;
  const std::vector<CrisisRegion>& regions() const { return regions_; }

  // What to say above the lines, and below them, in the thread's language
  // (kCrisisMessage and kCrisisFooter put the data's words in the catalog).
  std::string message() const;
  std::string footer() const;

  // The lines to show: every line without a topic, and the lines for
  // abuse at home when `include_abuse` (the safety lines heard harm from
  // others, or the client asked for every line); each as Translated gives
  // it, in the calling thread's language.
  static std::vector<CrisisLine> LinesFor(const CrisisRegion& region, bool include_abuse);

  // The message, the lines (LinesFor), and the footer, as plain text for a
  // terminal or a dialog.
  std::string Format(const CrisisRegion& region, bool include_abuse = false) const;

 private:
  std::string message_;
  std::string footer_;
  std::vector<CrisisRegion> regions_;
  size_t default_index_ = 0;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_CRISIS_RESOURCES_H_
