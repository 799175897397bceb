#include "harness.h"

#include <cstdlib>

#include "writer_protocol.h"

#ifndef JOURNAL_WRITER
#error "JOURNAL_WRITER must be the path of the journal_writer executable"
#endif

namespace fieldnotes::durability {

void ExportPassphrase() { ::setenv(kPassphraseEnv, kTestPassphrase, /*overwrite=*/1); }

std::vector<std::string> WriterArgs(const std::string& journal, const std::string& tag,
                                    const std::vector<std::string>& extra) {
  std::vector<std::string> args = {JOURNAL_WRITER, "--journal", journal, "--tag", tag};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

WriterOutput ParseWriterOutput(const std::vector<std::string>& lines) {
  WriterOutput out;
  for (const std::string& line : lines) {
    if (out.done) {
      out.problem = "output after \"done\"";
      break;
    }
    if (line == kReadyLine && !out.ready) {
      out.ready = true;
      continue;
    }
    if (!out.ready) {
      out.problem = "\"" + line + "\" before \"ready\"";
      break;
    }
    if (line == kDoneLine) {
      out.done = true;
      continue;
    }
    size_t space = line.find(' ');
    Ack ack;
    ack.seq = space == std::string::npos ? 0 : std::strtoull(line.c_str(), nullptr, 10);
    ack.id = space == std::string::npos ? "" : line.substr(space + 1);
    if (ack.seq != out.acks.size() + 1 || !core::IsUuid(ack.id)) {
      out.problem = "unexpected line \"" + line + "\" after " + std::to_string(out.acks.size()) +
                    " acknowledgements";
      break;
    }
    out.acks.push_back(std::move(ack));
  }
  return out;
}

std::string FindMissing(const core::Journal& journal, const ExpectedMap& expected) {
  std::unordered_map<std::string_view, const core::Entry*> by_id;
  by_id.reserve(journal.entries().size());
  for (const core::Entry& e : journal.entries()) by_id.emplace(e.id, &e);

  std::string problems;
  size_t count = 0;
  for (const auto& [id, want] : expected) {
    auto it = by_id.find(id);
    std::string what;
    if (it == by_id.end()) {
      what = "missing";
    } else {
      core::Entry expected_entry = ExpectedEntry(want.tag, want.seq);
      expected_entry.id = id;
      if (!(*it->second == expected_entry) ||
          !it->second->written_at.SameAs(expected_entry.written_at))
        what = "has the wrong content";
    }
    if (what.empty()) continue;
    if (++count <= 5)
      problems +=
          "entry " + id + " (" + want.tag + " seq " + std::to_string(want.seq) + ") " + what + "; ";
  }
  if (count > 5) problems += "and " + std::to_string(count - 5) + " more";
  return problems;
}

std::vector<const core::Entry*> Unacknowledged(const core::Journal& journal,
                                               const ExpectedMap& expected,
                                               const std::string& tag) {
  std::vector<const core::Entry*> out;
  for (const core::Entry& e : journal.entries()) {
    auto entry_tag = WriterTagOf(e);
    if (entry_tag && *entry_tag == tag && !expected.count(e.id)) out.push_back(&e);
  }
  return out;
}

std::string DescribeCheck(const core::CheckReport& report) {
  if (report.ok()) return "ok";
  std::string out;
  if (!report.sqlite_ok) out += "SQLite integrity check: " + report.sqlite_message + "; ";
  for (size_t i = 0; i < report.damaged.size() && i < 5; ++i) out += report.damaged[i] + "; ";
  if (report.damaged.size() > 5)
    out += "and " + std::to_string(report.damaged.size() - 5) + " more damaged records";
  return out;
}

}  // namespace fieldnotes::durability
