#include "reports/observation_types.h"

#include <cstddef>
#include <iterator>
#include <utility>
#include <variant>

#include "core/i18n.h"
#include "reports/mood_detector.h"
#include "reports/recurring_detector.h"
#include "reports/thread_detector.h"
#include "reports/time_detector.h"
#include "reports/trigger_detector.h"
#include "reports/writing_effect_detector.h"

namespace fieldnotes::reports {
namespace {

using T = ObservationType;

// One row per type, in the enum's order.
constexpr ObservationTypeInfo kTypes[] = {
    // TRANSLATORS: what each kind of pattern is about, in a word or two
    // (the first column of the Patterns page): the mood; a suggestion from
    // a session followed up; a worry that comes back; a time of the week;
    // what comes before a feeling; how writing leaves the client feeling.
    {T::kMood, "mood", N_("Mood"), SectionKind::kMood, SummaryLine, false,
     [](const DetectorInput& in) { return MoodDetector::Detect(in.index); }},
    {T::kThread, "thread", N_("Thread"), SectionKind::kSinceLastSession, ThreadLine, false,
     [](const DetectorInput& in) { return ThreadDetector::Detect(in.index); }},
    {T::kRecurring, "recurring", N_("Comes back"), SectionKind::kRepeated, RecurringLine, false,
     [](const DetectorInput& in) { return RecurringDetector(in.tokenizer).Detect(in.index); }},
    {T::kTime, "time", N_("Time of week"), SectionKind::kRepeated, SummaryLine, false,
     [](const DetectorInput& in) { return TimeDetector::Detect(in.index, in.clock); }},
    {T::kTrigger, "trigger", N_("Comes before"), SectionKind::kRepeated, TriggerLine, false,
     [](const DetectorInput& in) { return TriggerDetector(in.tokenizer).Detect(in.index); }},
    {T::kWritingEffect, "writing_effect", N_("Writing"), std::nullopt, SummaryLine, true,
     [](const DetectorInput& in) { return WritingEffectDetector::Detect(in.index); }},
};

constexpr size_t kTypeCount = std::size(kTypes);

// The table, the enum and the variant agree: row i is type i, and the
// variant's alternative i is that type's detail.
template <size_t... I>
constexpr bool VariantMatches(std::index_sequence<I...>) {
  return ((std::variant_alternative_t<I, ObservationDetail>::kType == static_cast<T>(I)) && ...);
}
static_assert(kTypeCount == std::variant_size_v<ObservationDetail>,
              "one row in kTypes per ObservationDetail alternative");
static_assert(VariantMatches(std::make_index_sequence<kTypeCount>{}),
              "ObservationDetail's alternatives are in ObservationType's order");

constexpr bool RowsComplete() {
  for (size_t i = 0; i < kTypeCount; ++i) {
    const ObservationTypeInfo& row = kTypes[i];
    if (row.type != static_cast<T>(i)) return false;
    if (row.name.empty() || row.label.empty() || row.line == nullptr || row.detect == nullptr)
      return false;
    // A client-only type is never placed in a section on its own; the mood
    // section (chart, feelings) reads MoodDetail, so it is the mood type's.
    if (row.client_only && row.section) return false;
    if (row.section == SectionKind::kMood && row.type != T::kMood) return false;
    for (size_t j = 0; j < i; ++j) {
      if (kTypes[j].name == row.name || kTypes[j].label == row.label) return false;
    }
  }
  return true;
}
static_assert(RowsComplete(),
              "each row: its type in order, a name, a label, a line and a detector; names and "
              "labels unique; client-only types in no section; only mood in the mood section");

}  // namespace

std::span<const ObservationTypeInfo> ObservationTypes() { return kTypes; }

const ObservationTypeInfo& InfoOf(ObservationType type) {
  return kTypes[static_cast<size_t>(type)];
}

std::string_view TypeName(ObservationType type) { return InfoOf(type).name; }

bool Observation::client_only() const { return InfoOf(type()).client_only; }

}  // namespace fieldnotes::reports
