// safety_check: tries safety lists from disk before they are built in.
//
//   safety_check LIST.txt... [--tsv FOLDER [--split dev|holdout|fresh]]
//                [--show-holdout] [--doubts] [--text TEXT [--why]] [--time N]
//                [--model FILE | --lists-only]
//
// Parses each list (its file name picks the stemmer: de.txt -> german) and
// reports the first error of a broken one. With --tsv, evaluates the
// labelled set in FOLDER (docs/safety.md; with --split, only that part of
// it) and prints the table and every text it got wrong, except those of
// the holdout part: they are the measure of text the lists have not seen,
// so they are counted and not shown (--show-holdout shows them); with --text,
// prints what one text raises (with --why, also which list, category,
// phrase and words raised it); with --time N (and --tsv), checks every text
// of the set N times and prints the p50 and p99 of one check, a quick look
// before the bench (bench/run.sh) measures it on journal entries; with
// --doubts (and --tsv), counts where each [doubt] frame is found among the
// texts the lists raise on (in danger, near misses; the holdout only with
// --show-holdout).
// The lists are tried with the built-in classifier next to them, as the
// client has them (safety_classifier.h), or with the model in FILE
// (--model), or alone (--lists-only); --why then also prints the model's
// score, its threshold and the features that weighed most.
// Exit code 0 when the lists parse, 1 when one does not, 2 on usage.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "core/i18n.h"

#include "reports/safety_classifier.h"
#include "reports/safety_eval.h"  // tests/reports/
#include "reports/safety_phrases.h"

using namespace fieldnotes::reports;

int main(int argc, char** argv) {
  fieldnotes::core::InitLanguage();
  std::vector<std::string> names, contents;
  std::string tsv, text, split, times, model_path;
  bool show_holdout = false, why = false, lists_only = false, doubts = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--doubts") {
      doubts = true;
      continue;
    }
    if (arg == "--show-holdout" || arg == "--why" || arg == "--lists-only") {
      (arg == "--why" ? why : arg == "--lists-only" ? lists_only : show_holdout) = true;
      continue;
    }
    if ((arg == "--tsv" || arg == "--text" || arg == "--split" || arg == "--time" ||
         arg == "--model") &&
        i + 1 < argc) {
      (arg == "--tsv"     ? tsv
       : arg == "--text"  ? text
       : arg == "--split" ? split
       : arg == "--model" ? model_path
                          : times) = argv[++i];
      continue;
    }
    if (arg.starts_with("-")) {
      std::fputs(
          "usage: safety_check LIST.txt... [--tsv FOLDER [--split dev|holdout|fresh]] "
          "[--show-holdout] [--doubts] [--text TEXT [--why]] [--time N] "
          "[--model FILE | --lists-only]\n",
          stderr);
      return 2;
    }
    std::ifstream in(arg, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "safety_check: cannot read %s\n", arg.c_str());
      return 2;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    names.push_back("safety/" + arg.substr(arg.rfind('/') + 1));
    contents.push_back(ss.str());
  }
  std::vector<EmbeddedFile> files;
  for (size_t i = 0; i < names.size(); ++i) files.push_back({names[i], contents[i]});
  auto lists = SafetyDetector::FromFiles(files);
  if (!lists.ok()) {
    std::fprintf(stderr, "%s\n", lists.status().message().c_str());
    return 1;
  }
  const SafetyClassifier* model = lists_only ? nullptr : &SafetyClassifier::Default();
  std::optional<SafetyClassifier> from_file;
  if (!model_path.empty()) {
    std::ifstream in(model_path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto parsed = SafetyClassifier::Parse(ss.str());
    if (!in || !parsed.ok()) {
      std::fprintf(stderr, "safety_check: %s: %s\n", model_path.c_str(),
                   in ? parsed.status().message().c_str() : "cannot read");
      return 1;
    }
    from_file = std::move(*parsed);
    model = &*from_file;
  }
  const std::optional<SafetyDetector> detector =
      lists->WithModel(model, SafetyDetector::kListsQuietModel);
  if (!text.empty()) {
    const SafetyResult r = detector->CheckText(text);
    std::printf("%s", r.raised() ? "raised:" : "not raised\n");
    for (SafetyCategory c : r.categories)
      std::printf(" %s", std::string(SafetyCategoryName(c)).c_str());
    if (r.raised()) std::printf("%s\n", r.by_model ? " (by the model alone)" : "");
    if (r.doubted)
      std::printf("  the lists' raise dropped: a doubt frame, and the model under %.3f\n",
                  model->doubt());
    if (why && model) {
      const SafetyClassifier::Score score = model->Check(text);
      std::printf("  model: danger %.3f, threshold %.3f, %s", score.danger, model->threshold(),
                  score.raised ? "over" : "under");
      if (score.raised)
        std::printf("; most likely %s%s", std::string(SafetyCategoryName(score.category)).c_str(),
                    lists->Quieted(text) ? "; a list's quieting rule applies" : "");
      if (lists->Doubted(text)) std::printf("; a list's doubt frame is in the text");
      std::printf("\n");
      for (const auto& [feature, weight] : model->Explain(text, 8))
        std::printf("    %+.3f %s\n", weight, feature.c_str());
    }
    for (size_t l = 0; why && l < names.size(); ++l) {
      auto list = SafetyPhrases::Parse(contents[l], names[l], SafetyPhrases::StemmerFor(names[l]));
      if (!list.ok()) continue;
      const std::vector<std::string> words = list->Normalize(text);
      for (const SafetyPhrases::Match& m : list->Find(text)) {
        std::printf("  %s %s #%zu:", names[l].c_str(),
                    std::string(SafetyCategoryName(m.category)).c_str(), m.phrase);
        for (size_t w = m.first_word; w < m.end_word && w < words.size(); ++w)
          std::printf(" %s", words[w].c_str());
        std::printf("\n");
      }
    }
  }
  if (!tsv.empty()) {
    auto set = testing::ReadLabelledSet(tsv);
    if (!split.empty())
      std::erase_if(set, [&](const testing::Labelled& t) { return t.split != split; });
    const auto ev = testing::Evaluate(*detector, set);
    size_t hidden = 0;
    for (const testing::Labelled* t : ev.wrong) {
      if (t->split == "holdout" && !show_holdout) {
        ++hidden;
        continue;
      }
      std::printf("%s %s:%d [%s] %s\n", t->danger ? "MISSED" : "RAISED", t->language.c_str(),
                  t->line, t->category.c_str(), t->text.c_str());
    }
    if (hidden > 0) std::printf("(%zu wrong in the holdout part, not shown)\n", hidden);
    std::printf("\n%s", ev.Table().c_str());
    const int rounds = times.empty() ? 0 : std::max(1, std::atoi(times.c_str()));
    std::vector<double> ms;
    for (int round = 0; round < rounds; ++round) {
      for (const testing::Labelled& t : set) {
        const auto start = std::chrono::steady_clock::now();
        (void)detector->CheckText(t.text);
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count());
      }
    }
    if (doubts) {
      // Where each doubt frame is found among the texts the lists raise on:
      // a frame found on many texts in danger costs recall wherever the
      // model scores them under its doubt level.
      std::map<std::pair<std::string, std::string>, std::pair<int, int>> found;
      std::vector<SafetyPhrases> parsed;
      for (size_t l = 0; l < names.size(); ++l) {
        auto list =
            SafetyPhrases::Parse(contents[l], names[l], SafetyPhrases::StemmerFor(names[l]));
        if (list.ok()) parsed.push_back(std::move(*list));
      }
      for (const testing::Labelled& t : set) {
        if (t.split == "holdout" && !show_holdout) continue;
        if (!lists->CheckText(t.text).raised()) continue;
        const auto words = SafetyPhrases::SplitWords(t.text);
        for (size_t l = 0; l < parsed.size(); ++l) {
          for (std::string_view line : parsed[l].DoubtsFound(t.text, words)) {
            auto& n = found[{names[l], std::string(line)}];
            ++(t.danger ? n.first : n.second);
          }
        }
      }
      std::vector<std::pair<std::pair<int, int>, std::pair<std::string, std::string>>> order;
      for (const auto& [key, n] : found) order.emplace_back(n, key);
      std::sort(order.rbegin(), order.rend());
      std::printf(
          "\n| in danger | near misses | list | doubt frame (texts the lists raise on) |\n"
          "|---:|---:|---|---|\n");
      for (const auto& [n, key] : order)
        std::printf("| %d | %d | %s | %s |\n", n.first, n.second, key.first.c_str(),
                    key.second.c_str());
    }
    if (!ms.empty() && std::getenv("SAFETY_SLOWEST")) {
      // The texts slowest in their best round: what the matcher finds hard,
      // with the machine's noise taken out.
      std::vector<std::pair<double, size_t>> best(set.size(), {1e9, 0});
      for (size_t k = 0; k < ms.size(); ++k) {
        auto& b = best[k % set.size()];
        b = {std::min(b.first, ms[k]), k % set.size()};
      }
      std::sort(best.rbegin(), best.rend());
      for (size_t k = 0; k < 8 && k < best.size(); ++k)
        std::printf("%.3f ms %s:%d\n", best[k].first, set[best[k].second].language.c_str(),
                    set[best[k].second].line);
    }
    if (!ms.empty()) {
      std::sort(ms.begin(), ms.end());
      std::printf("\none check: p50 %.3f ms, p99 %.3f ms, max %.3f ms (%zu checks)\n",
                  ms[ms.size() / 2], ms[ms.size() * 99 / 100], ms.back(), ms.size());
    }
  }
  return 0;
}
