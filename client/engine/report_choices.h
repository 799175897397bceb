// Report choices: what the person chose on the Weekly report page (picks,
// their own words, questions, reworded and left-out lines), kept so that
// locking (or closing the window) does not lose them. Like the draft, a
// record in the journal's encrypted settings table ("report-choices", in
// the shape of a setting: {"format":1,"value":"<the JSON below>"}); never a
// file. Choices that no longer fit the journal when the page is opened
// again are set aside there, in words.
#ifndef FIELDNOTES_CLIENT_ENGINE_REPORT_CHOICES_H_
#define FIELDNOTES_CLIENT_ENGINE_REPORT_CHOICES_H_

#include <string>
#include <string_view>

#include "core/journal.h"
#include "core/status.h"
#include "reports/report_builder.h"

namespace fieldnotes::client {

inline constexpr std::string_view kReportChoicesRecord = "report-choices";

// {"format":1,"picks":[..],"agenda":[..],"excludes":[..],"questions":[..],
//  "quotes":[..],"notes":[[id,text],..],"rewords":[[id,text],..],"removes":[..]}
// display_name and region are not choices of the page: left out.
std::string ChoicesToJson(const reports::ReportOptions& choices);
// InvalidArgument when it does not parse or has another format.
core::Result<reports::ReportOptions> ChoicesFromJson(std::string_view json);

// Keeps `choices`; no choices at all removes the record. Durable when ok.
core::Status SaveReportChoices(core::Journal& journal, const reports::ReportOptions& choices);
// No choices (all empty) when none are kept.
core::Result<reports::ReportOptions> LoadReportChoices(const core::Journal& journal);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_ENGINE_REPORT_CHOICES_H_
