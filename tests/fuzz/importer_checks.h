// What every importer's fuzz target checks of a result (README.md).
#ifndef FIELDNOTES_TESTS_FUZZ_IMPORTER_CHECKS_H_
#define FIELDNOTES_TESTS_FUZZ_IMPORTER_CHECKS_H_

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/record_codec.h"
#include "importers/import_source.h"

namespace fieldnotes::fuzz {

[[noreturn]] inline void Die(const char* target, const char* what) {
  std::fprintf(stderr, "%s: %s\n", target, what);
  std::abort();
}

// A refusal names where: its message starts with one of `prefixes`, or
// has one right after a zip member's name; an acceptance gives valid entries from the
// right source that survive the record codec.
template <size_t N>
void CheckResult(const char* target, const core::Result<importers::SourceImport>& r,
                 importers::Source source, const std::string_view (&prefixes)[N]) {
  if (!r.ok()) {
    const std::string& m = r.status().message();
    if (m.empty()) Die(target, "a refusal without a reason");
    // Inside a zip, the place follows the member's name: "Work.json: invalid
    // UTF-8", "Work.json, line 3 is not valid JSON …", "Work.json, entry 2:
    // …", "Work.json is not a Day One export …".
    for (std::string_view p : prefixes) {
      if (m.rfind(p, 0) == 0) return;
      for (std::string_view after : {": ", ", ", " is "}) {
        const size_t label = m.find(after);
        if (label != std::string::npos && m.compare(label + after.size(), p.size(), p) == 0) return;
      }
    }
    std::fprintf(stderr, "%s: refused with \"%s\"\n", target, m.c_str());
    Die(target, "a refusal that does not say where");
  }
  if (r->source != source) Die(target, "the wrong source");
  for (const core::ImportItem& item : r->items) {
    if (item.type != core::ImportItem::Type::kEntry) Die(target, "a session from another app");
    const core::Entry& e = item.entry;
    if (!core::Validate(e).ok()) Die(target, "an entry that does not validate");
    if (e.source != importers::SourceKey(source) || e.source_id.empty())
      Die(target, "an entry without its source");
    auto back = core::EntryFromJson(core::EntryToJson(e));
    if (!back.ok() || !(*back == e)) Die(target, "an entry that does not round-trip");
  }
  if ((r->first_day.has_value()) != (r->EntryCount() > 0)) Die(target, "days without entries");
}

}  // namespace fieldnotes::fuzz

#endif  // FIELDNOTES_TESTS_FUZZ_IMPORTER_CHECKS_H_
