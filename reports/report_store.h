// ReportStore: finished reports, kept encrypted in the journal
// (core::Table::kReports), so the client can find them again and later
// reports can say what changed since the last one (docs/report.md).
//
// A record holds the content (JSON), the PDF's bytes exactly as exported,
// their SHA-256 (what a consent will name), the paper size, the page count
// and when it was made. Reports are never changed once stored.
#ifndef FIELDNOTES_REPORTS_REPORT_STORE_H_
#define FIELDNOTES_REPORTS_REPORT_STORE_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/journal.h"
#include "core/json.h"
#include "core/status.h"
#include "core/timestamp.h"
#include "reports/report_content.h"

namespace fieldnotes::reports {

// Version of the stored record; Load refuses others.
inline constexpr int kReportRecordFormat = 1;

struct StoredReport {
  std::string id;  // a UUID, never drawn in the PDF (the PDF stays byte-identical)
  core::Timestamp created_at;
  std::string paper;  // "a4" or "letter"
  int pages = 0;
  ReportContent content;
  std::string pdf;  // the bytes
};

class ReportStore {
 public:
  // Stores `report` under report.id (AlreadyExists when taken: reports are
  // never replaced). Durable when it returns ok.
  static core::Status Save(core::Journal& journal, const StoredReport& report);

  // The report with this id, or with a unique id prefix of 8 or more
  // characters. NotFound; InvalidArgument when the prefix is ambiguous;
  // Corruption when the record does not parse; Unsupported for a newer
  // format.
  static core::Result<StoredReport> Load(const core::Journal& journal, std::string_view id);

  // Every stored report, oldest first (by created_at, then id).
  static core::Result<std::vector<StoredReport>> List(const core::Journal& journal);

  // The report a new one starting on `from` compares with: only a report
  // that was brought to a session (its id in `brought`: shared, or marked as
  // taken), never a draft. Among those that started before `from`: the
  // latest that ended on or before it, else the latest made. nullptr when
  // none. `reports` as List returns them.
  static const StoredReport* PreviousOf(const std::vector<StoredReport>& reports, core::Date from,
                                        const std::set<std::string>& brought);

  // Marks a kept report (id or unique prefix of 8+) as taken to a session,
  // or unmarks it; the full id. NotFound when no report has that id. The
  // marks are one encrypted record in the settings table ("reports_taken").
  static core::Result<std::string> MarkTaken(core::Journal& journal, std::string_view id,
                                             bool taken);
  // The ids of the reports marked as taken (empty when none).
  static core::Result<std::set<std::string>> TakenIds(const core::Journal& journal);

  // The record's JSON, as stored: with "pdf_base64".
  static std::string ToRecord(const StoredReport& report);
  static core::Result<StoredReport> FromRecord(std::string_view record);

  // For people and scripts (`report show`, `report --json`): "id",
  // "created_at", "paper", "pages", "pdf" ({"bytes", "sha256"}), "content".
  static core::json::Value ToJson(const StoredReport& report);
};

// Hex SHA-256 of the PDF's bytes.
std::string PdfSha256(std::string_view pdf);

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_REPORT_STORE_H_
