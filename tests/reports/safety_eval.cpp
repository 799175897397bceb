#include "safety_eval.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/crypto.h"

namespace fieldnotes::reports::testing {
namespace {

std::string Row(const std::string& name, const Tally& t) {
  char buf[240];
  std::snprintf(buf, sizeof buf, "| %s | %d | %d | %.0f %% | %d | %d | %.1f %% |\n", name.c_str(),
                t.danger, t.heard, t.recall(), t.near, t.false_alarm, t.false_alarms());
  return buf;
}

}  // namespace

double Tally::recall() const { return danger ? 100.0 * heard / danger : 100.0; }
double Tally::false_alarms() const { return near ? 100.0 * false_alarm / near : 0.0; }

namespace {

std::vector<Labelled> ReadRows(const std::string& folder, const std::string& only_split) {
  std::vector<std::filesystem::path> files;
  for (const auto& f : std::filesystem::directory_iterator(folder)) {
    if (f.path().extension() == ".tsv") files.push_back(f.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Labelled> out;
  for (const auto& path : files) {
    std::ifstream in(path);
    std::string line;
    int number = 0, block = 0;
    bool any_row = false;
    while (std::getline(in, line)) {
      ++number;
      // A comment before the first row is the file's title, not a block.
      if (!line.empty() && line[0] == '#' && any_row) ++block;
      if (line.empty() || line[0] == '#' || line.starts_with("split\t")) continue;
      any_row = true;
      if (!only_split.empty() && !line.starts_with(only_split + "\t")) continue;
      std::vector<std::string> cols;
      std::stringstream ss(line);
      for (std::string col; std::getline(ss, col, '\t');) cols.push_back(col);
      const std::string where = path.filename().string() + " line " + std::to_string(number);
      if (cols.size() != 4) throw std::runtime_error(where + ": needs four columns");
      if (cols[1] != "danger" && cols[1] != "near_miss")
        throw std::runtime_error(where + ": the label must be danger or near_miss");
      if (cols[1] == "danger" && !SafetyCategoryFromName(cols[2]))
        throw std::runtime_error(where + ": unknown category " + cols[2]);
      out.push_back(Labelled{path.stem().string(), cols[0], cols[1] == "danger", cols[2], cols[3],
                             number, block});
    }
  }
  return out;
}

}  // namespace

std::vector<Labelled> ReadLabelledSet(const std::string& folder) { return ReadRows(folder, {}); }

std::vector<Labelled> ReadDevRows(const std::string& folder) { return ReadRows(folder, "dev"); }

std::string RowsSha256(const std::vector<Labelled>& dev) {
  std::string all;
  for (const Labelled& t : dev) {
    all += t.language + '\t' + (t.danger ? "danger" : "near_miss") + '\t' + t.category + '\t' +
           t.text + '\n';
  }
  return core::crypto::HexEncode(core::crypto::Sha256(core::crypto::AsBytes(all)));
}

Evaluation Evaluate(const SafetyDetector& detector, const std::vector<Labelled>& set) {
  Evaluation ev;
  for (const Labelled& t : set) {
    const bool raised = detector.CheckText(t.text).raised();
    for (Tally* tally : {&ev.by_language[t.language], &ev.by_split[t.split], &ev.all}) {
      if (t.danger) {
        ++tally->danger;
        tally->heard += raised;
      } else {
        ++tally->near;
        tally->false_alarm += raised;
      }
    }
    if (t.danger) {
      ++ev.by_category[t.category].danger;
      ev.by_category[t.category].heard += raised;
    } else {
      Tally& kind = t.category == "ordinary" ? ev.ordinary : ev.other_near;
      ++kind.near;
      kind.false_alarm += raised;
    }
    if (raised != t.danger) ev.wrong.push_back(&t);
  }
  return ev;
}

std::string Evaluation::Table() const {
  std::string out =
      "| texts | in danger | heard | recall | near misses | raised | false alarms |\n"
      "|---|---:|---:|---:|---:|---:|---:|\n";
  for (const auto& [language, tally] : by_language) out += Row(language, tally);
  for (const auto& [split, tally] : by_split) out += Row("all, " + split, tally);
  out += Row("**all**", all);
  out += "\n| category | in danger | heard | recall |\n|---|---:|---:|---:|\n";
  for (const auto& [category, tally] : by_category) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "| %s | %d | %d | %.0f %% |\n", category.c_str(), tally.danger,
                  tally.heard, tally.recall());
    out += buf;
  }
  if (ordinary.near > 0) {
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "\n| near misses | texts | raised | false alarms |\n|---|---:|---:|---:|\n"
                  "| idioms, fiction, someone else's danger | %d | %d | %.1f %% |\n"
                  "| ordinary writing | %d | %d | %.1f %% |\n",
                  other_near.near, other_near.false_alarm, other_near.false_alarms(),
                  ordinary.near, ordinary.false_alarm, ordinary.false_alarms());
    out += buf;
  }
  return out;
}

}  // namespace fieldnotes::reports::testing
