#include "reports/report_store.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "core/crypto.h"
#include "core/i18n.h"
#include "core/json_binding.h"

namespace fieldnotes::reports {
namespace json = core::json;
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string Base64Encode(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  size_t i = 0;
  for (; i + 3 <= in.size(); i += 3) {
    const uint32_t v = (static_cast<uint8_t>(in[i]) << 16) |
                       (static_cast<uint8_t>(in[i + 1]) << 8) | static_cast<uint8_t>(in[i + 2]);
    for (int k = 18; k >= 0; k -= 6) out += kAlphabet[(v >> k) & 63];
  }
  if (i < in.size()) {
    uint32_t v = static_cast<uint8_t>(in[i]) << 16;
    if (i + 1 < in.size()) v |= static_cast<uint8_t>(in[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

core::Result<std::string> Base64Decode(std::string_view in) {
  std::array<int, 256> value{};
  value.fill(-1);
  for (int k = 0; k < 64; ++k) value[static_cast<uint8_t>(kAlphabet[k])] = k;
  if (in.size() % 4 != 0) return core::Status::Corruption("report record: bad base64 length");
  std::string out;
  out.reserve(in.size() / 4 * 3);
  for (size_t i = 0; i < in.size(); i += 4) {
    uint32_t v = 0;
    int pad = 0;
    for (size_t k = 0; k < 4; ++k) {
      const char c = in[i + k];
      int d = 0;
      if (c == '=' && i + 4 == in.size() && k >= 2) {
        ++pad;
      } else if ((d = value[static_cast<uint8_t>(c)]) < 0 || pad > 0) {
        return core::Status::Corruption("report record: bad base64");
      }
      v = (v << 6) | static_cast<uint32_t>(d);
    }
    out += static_cast<char>((v >> 16) & 0xFF);
    if (pad < 2) out += static_cast<char>((v >> 8) & 0xFF);
    if (pad < 1) out += static_cast<char>(v & 0xFF);
  }
  return out;
}

bool Earlier(const StoredReport& a, const StoredReport& b) {
  if (a.created_at != b.created_at) return a.created_at < b.created_at;
  return a.id < b.id;
}

}  // namespace

std::string PdfSha256(std::string_view pdf) {
  return core::crypto::HexEncode(core::crypto::Sha256(core::crypto::AsBytes(pdf)));
}

std::string ReportStore::ToRecord(const StoredReport& r) {
  json::Object o;
  o.Set("format", kReportRecordFormat);
  o.Set("id", r.id);
  o.Set("created_at", core::FormatTimestamp(r.created_at));
  o.Set("paper", r.paper);
  o.Set("pages", r.pages);
  o.Set("pdf_sha256", PdfSha256(r.pdf));
  o.Set("content", ContentToJson(r.content));
  o.Set("pdf_base64", Base64Encode(r.pdf));
  return json::Write(o);
}

core::Result<StoredReport> ReportStore::FromRecord(std::string_view record) {
  auto parsed = json::Parse(record);
  if (!parsed.ok()) return core::Status::Corruption("report record does not parse");
  json::Reader reader(std::move(parsed).value(), "report record");
  int64_t format = 0;
  reader.Required("format", format);
  if (reader.ok() && format != kReportRecordFormat) {
    return core::Status::Unsupported("report record: format is " + std::to_string(format) +
                                     ", a format this version does not read");
  }
  StoredReport r;
  std::string sha;
  std::string pdf;
  json::Object content;
  reader.Required("id", r.id)
      .Required("created_at", r.created_at)
      .Required("paper", r.paper)
      .Required("pdf_sha256", sha)
      .Required("pdf_base64", pdf)
      .Required("pages", r.pages)
      .Required("content", content);
  if (!reader.ok()) return reader.status();
  auto c = ContentFromJson(json::Value(std::move(content)));
  if (!c.ok()) {
    if (c.status().code() == core::Status::Code::kUnsupported) return c.status();
    return core::Status::Corruption(c.status().message());
  }
  r.content = std::move(c).value();
  auto bytes = Base64Decode(pdf);
  if (!bytes.ok()) return bytes.status();
  r.pdf = std::move(bytes).value();
  if (PdfSha256(r.pdf) != sha) return core::Status::Corruption("report record: PDF hash differs");
  return r;
}

core::Status ReportStore::Save(core::Journal& journal, const StoredReport& report) {
  auto ids = journal.ListRecordIds(core::Table::kReports);
  if (!ids.ok()) return ids.status();
  if (std::find(ids->begin(), ids->end(), report.id) != ids->end())
    return core::Status::AlreadyExists(core::Tr("a report with this id is already stored."));
  return journal.PutRecord(core::Table::kReports, report.id, ToRecord(report));
}

core::Result<StoredReport> ReportStore::Load(const core::Journal& journal, std::string_view id) {
  auto ids = journal.ListRecordIds(core::Table::kReports);
  if (!ids.ok()) return ids.status();
  std::string match;
  for (const std::string& candidate : *ids) {
    if (candidate == id) {
      match = candidate;
      break;
    }
    if (id.size() >= 8 && candidate.starts_with(id)) {
      if (!match.empty())
        return core::Status::InvalidArgument(
            core::Tr("more than one report starts with that id; please give more of it."));
      match = candidate;
    }
  }
  if (match.empty()) return core::Status::NotFound(core::Tr("there is no report with that id."));
  auto record = journal.GetRecord(core::Table::kReports, match);
  if (!record.ok()) return record.status();
  return FromRecord(record->str());
}

core::Result<std::vector<StoredReport>> ReportStore::List(const core::Journal& journal) {
  auto ids = journal.ListRecordIds(core::Table::kReports);
  if (!ids.ok()) return ids.status();
  std::vector<StoredReport> out;
  for (const std::string& id : *ids) {
    auto record = journal.GetRecord(core::Table::kReports, id);
    if (!record.ok()) return record.status();
    auto report = FromRecord(record->str());
    if (!report.ok()) return report.status();
    out.push_back(std::move(report).value());
  }
  std::sort(out.begin(), out.end(), Earlier);
  return out;
}

const StoredReport* ReportStore::PreviousOf(const std::vector<StoredReport>& reports,
                                            core::Date from, const std::set<std::string>& brought) {
  // Only reports that started before this one: a report of the same period
  // made again is a redo, not a previous report. Only reports brought to a
  // session: a draft made the same morning says nothing about last time.
  const StoredReport* ended_before = nullptr;
  const StoredReport* started_before = nullptr;
  for (const StoredReport& r : reports) {  // oldest first: later ones win ties
    if (!(r.content.from < from) || !brought.contains(r.id)) continue;
    started_before = &r;
    if (r.content.to <= from && (!ended_before || ended_before->content.to <= r.content.to))
      ended_before = &r;
  }
  return ended_before ? ended_before : started_before;
}

namespace {

constexpr char kTakenRecord[] = "reports_taken";

}  // namespace

core::Result<std::set<std::string>> ReportStore::TakenIds(const core::Journal& journal) {
  std::set<std::string> out;
  auto record = journal.GetRecord(core::Table::kSettings, kTakenRecord);
  if (!record.ok()) {
    if (record.status().code() == core::Status::Code::kNotFound) return out;
    return record.status();
  }
  auto parsed = json::Parse(record->str());
  if (!parsed.ok())
    return core::Status::Corruption("the record of reports taken to a session does not parse");
  std::vector<std::string> ids;
  json::Reader reader(std::move(parsed).value(), "the record of reports taken to a session");
  reader.Required("ids", ids);
  if (!reader.ok()) return reader.status();
  out.insert(ids.begin(), ids.end());
  return out;
}

core::Result<std::string> ReportStore::MarkTaken(core::Journal& journal, std::string_view id,
                                                 bool taken) {
  auto report = Load(journal, id);
  if (!report.ok()) return report.status();
  auto ids = TakenIds(journal);
  if (!ids.ok()) return ids.status();
  if (taken) {
    ids->insert(report->id);
  } else {
    ids->erase(report->id);
  }
  json::Array list;
  for (const std::string& i : *ids) list.emplace_back(i);
  json::Object o;
  o.Set("format", 1);
  o.Set("ids", std::move(list));
  core::Status s = journal.PutRecord(core::Table::kSettings, kTakenRecord,
                                     json::Write(json::Value(std::move(o))));
  if (!s.ok()) return s;
  return report->id;
}

json::Value ReportStore::ToJson(const StoredReport& r) {
  json::Object o;
  o.Set("id", r.id);
  o.Set("created_at", core::FormatTimestamp(r.created_at));
  o.Set("paper", r.paper);
  o.Set("pages", r.pages);
  json::Object pdf;
  pdf.Set("bytes", static_cast<int64_t>(r.pdf.size()));
  pdf.Set("sha256", PdfSha256(r.pdf));
  o.Set("pdf", std::move(pdf));
  o.Set("content", ContentToJson(r.content));
  return o;
}

}  // namespace fieldnotes::reports
