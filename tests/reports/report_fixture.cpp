#include "report_fixture.h"

#include <boost/test/unit_test.hpp>

#include "core/import_export.h"
#include "reports/six_word_rule.h"

namespace fieldnotes::reports::testing {
namespace json = core::json;

SampleJournal::SampleJournal() : dir_path_(dir_.path().string()) {
  core::JournalOptions options;
  options.kdf_log2_n = 15;
  auto journal = core::Journal::Create(dir_.File("journal.db"), "test passphrase", options);
  BOOST_REQUIRE(journal.ok());
  journal_ = std::move(journal).value();
  const std::string sample = fieldnotes::testing::ReadFile(std::string(FIELDNOTES_SOURCE_DIR) +
                                                           "/docs/examples/sample-week.jsonl");
  auto items = core::ParseImport(sample);
  BOOST_REQUIRE(items.ok());
  BOOST_REQUIRE(journal_->Import(*items).ok());
}

Period SampleWeek() {
  return Period::Between(core::ParseDate("2026-11-02").value(),
                         core::ParseDate("2026-11-09").value())
      .value();
}

const core::Clock& SampleClock() {
  static const core::FakeClock clock(core::ParseTimestamp("2026-11-09T16:00:00+01:00").value());
  return clock;
}

ReportContent BuildReport(const JournalData& data, const Period& period, const core::Clock& clock,
                          const ReportOptions& options, const ReportContent* previous) {
  const Patterns patterns = PatternAnalyzer::Analyze(data, period, clock);
  ReportInput input{data, &patterns, previous, previous ? "previous-id" : ""};
  auto content = ReportBuilder::Build(input, options);
  BOOST_REQUIRE_MESSAGE(content.ok(), content.status().ToString());
  return std::move(content).value();
}

std::set<std::string> EntryRuns(std::span<const core::Entry> entries) {
  std::set<std::string> out;
  for (const core::Entry& e : entries) {
    for (std::string_view field : SixWordRule::ProtectedFields(e)) {
      const auto words = SixWordRule::Words(field);
      for (size_t i = 0; i + 6 <= words.size(); ++i) {
        std::string run = words[i];
        for (size_t k = 1; k < 6; ++k) run += " " + words[i + k];
        out.insert(run);
      }
    }
  }
  return out;
}

namespace {

// `text` with each excerpt cut out (a separator left in its place).
std::string WithoutExcerpts(std::string text, const std::vector<std::string>& excerpts) {
  for (const std::string& x : excerpts) {
    if (x.empty()) continue;
    for (size_t at = text.find(x); at != std::string::npos; at = text.find(x))
      text.replace(at, x.size(), " | ");
  }
  return text;
}

void Walk(const json::Value& v, const std::vector<std::string>& excerpts,
          std::vector<std::string>& out) {
  if (v.is_string()) {
    out.push_back(WithoutExcerpts(v.as_string(), excerpts));
  } else if (v.is_array()) {
    for (const auto& x : v.as_array()) Walk(x, excerpts, out);
  } else if (v.is_object()) {
    const json::Object& o = v.as_object();
    const json::Value* client = o.Find("client_written");
    if (client && client->is_bool() && client->as_bool()) {
      // The client's own line: only its note and id are left to look at.
      return;
    }
    std::vector<std::string> mine = excerpts;
    if (const json::Value* x = o.Find("excerpts")) {
      for (const auto& s : x->as_array()) mine.push_back(s.as_string());
    }
    for (const auto& [key, value] : o.items()) {
      if (key == "excerpts" || key == "note") continue;  // the client's choice, and their words
      Walk(value, mine, out);
    }
  }
}

}  // namespace

std::vector<std::string> LeakedRuns(const ReportContent& content,
                                    const std::set<std::string>& runs) {
  // Excerpts may be quoted in any line (an observation's summary repeats its
  // item's), so every chosen excerpt is cut everywhere.
  std::vector<std::string> excerpts;
  for (const auto& s : content.sections) {
    for (const auto& item : s.items) {
      for (const auto& x : item.excerpts) excerpts.push_back(x);
      if (item.client_written) excerpts.push_back(item.text);
    }
  }
  std::vector<std::string> texts;
  Walk(ContentToJson(content), excerpts, texts);
  std::vector<std::string> out;
  for (const std::string& t : texts) {
    const auto words = SixWordRule::Words(t);
    for (size_t i = 0; i + 6 <= words.size(); ++i) {
      std::string run = words[i];
      for (size_t k = 1; k < 6; ++k) run += " " + words[i + k];
      if (runs.count(run)) out.push_back(run);
    }
  }
  return out;
}

}  // namespace fieldnotes::reports::testing
