// The observation types, described once: one row per ObservationType with
// everything that differs between types outside their detail struct and
// detector. The table is reports/observation_types.cpp; its order is the
// enum's, the variant's and the analyzer's, and static_asserts there check
// it against ObservationType and ObservationDetail.
//
// Adding a type: docs/architecture.md, "Adding an observation type".
#ifndef FIELDNOTES_REPORTS_OBSERVATION_TYPES_H_
#define FIELDNOTES_REPORTS_OBSERVATION_TYPES_H_

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "reports/entry_index.h"
#include "reports/observation.h"
#include "reports/period.h"
#include "reports/report_content.h"
#include "reports/report_lines.h"
#include "reports/tokenizer.h"

namespace fieldnotes::reports {

// What a detector is given: the period's entries, the words' tokenizer (the
// analyzer's own, one per call) and the clock.
struct DetectorInput {
  const EntryIndex& index;
  Tokenizer& tokenizer;
  const core::Clock& clock;
};

struct ObservationTypeInfo {
  ObservationType type;
  // Its "type" in JSON (docs/patterns.md) and TypeName.
  std::string_view name;
  // What it is about, in a word or two: the Patterns page's first column.
  // English, marked for the catalog: show it as core::Tr(label.data()).
  std::string_view label;
  // Where the weekly report shows it when the client did not pick it for
  // the agenda; nullopt: only when picked.
  std::optional<SectionKind> section;
  // Its line in the weekly report (report_lines.h).
  ObservationLine (*line)(const Observation& o, const Period& period, bool quoted);
  // Shown to the client only: never in a report unless they add it.
  bool client_only;
  // Finds the type's observations (its *_detector).
  std::vector<Observation> (*detect)(const DetectorInput& in);
};

// Every type, in the enum's order.
std::span<const ObservationTypeInfo> ObservationTypes();
const ObservationTypeInfo& InfoOf(ObservationType type);

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_OBSERVATION_TYPES_H_
