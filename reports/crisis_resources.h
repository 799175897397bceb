// CrisisResources: where to turn, by region, shown on the client's screen
// when the safety flag is raised. The lines are data
// (reports/data/crisis_resources.json, compiled in), reviewed like code:
// see reports/data/README.md.
#ifndef FIELDNOTES_REPORTS_CRISIS_RESOURCES_H_
#define FIELDNOTES_REPORTS_CRISIS_RESOURCES_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace fieldnotes::reports {

struct CrisisLine {
  std::string name;     // "Samaritans"
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

  // What to say above the lines, and below them.
  const std::string& message() const { return message_; }
  const std::string& footer() const { return footer_; }

  // The lines to show: every line without a topic, and the lines for
  // abuse at home when `include_abuse` (the safety lines heard harm from
  // others, or the client asked for every line).
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
