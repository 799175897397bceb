#include "reports/safety_detector.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "reports/embedded_data.h"
#include "reports/safety_features.h"

namespace fieldnotes::reports {

const SafetyDetector& SafetyDetector::ListsOnly() {
  static const SafetyDetector* instance = [] {
    std::vector<EmbeddedFile> files = EmbeddedFilesIn("safety");
    // safety/ also holds the classifier (classifier.model): the lists are the rest.
    std::erase_if(files, [](const EmbeddedFile& f) { return f.name == "safety/classifier.model"; });
    auto detector = FromFiles(files);
    if (!detector.ok() || files.empty()) {
      std::fprintf(stderr, "fieldnotes: the built-in safety lists are broken: %s\n",
                   detector.ok() ? "none found" : detector.status().message().c_str());
      std::abort();
    }
    return new SafetyDetector(std::move(*detector));
  }();
  return *instance;
}

const SafetyDetector& SafetyDetector::Default() {
  static const SafetyDetector* instance =
      new SafetyDetector(ListsOnly().WithModel(&SafetyClassifier::Default(), kListsQuietModel));
  return *instance;
}

SafetyDetector SafetyDetector::WithModel(const SafetyClassifier* model,
                                         bool lists_quiet_model) const {
  SafetyDetector out = *this;
  out.model_ = model;
  out.lists_quiet_model_ = lists_quiet_model;
  return out;
}

bool SafetyDetector::Quieted(std::string_view text) const {
  return Quieted(SafetyPhrases::SplitWords(text));
}

bool SafetyDetector::Quieted(const std::vector<SafetyPhrases::Word>& words) const {
  for (const SafetyPhrases& list : lists_) {
    bool quieted = false;
    (void)list.Find(words, quieted);
    if (quieted) return true;
  }
  return false;
}

bool SafetyDetector::Doubted(std::string_view text) const {
  return Doubted(text, SafetyPhrases::SplitWords(text));
}

bool SafetyDetector::Doubted(std::string_view text,
                             const std::vector<SafetyPhrases::Word>& words) const {
  return std::any_of(lists_.begin(), lists_.end(),
                     [&](const SafetyPhrases& list) { return list.Doubted(text, words); });
}

core::Result<SafetyDetector> SafetyDetector::FromFiles(std::span<const EmbeddedFile> files) {
  SafetyDetector out;
  for (const EmbeddedFile& f : files) {
    auto parsed = SafetyPhrases::Parse(f.content, f.name, SafetyPhrases::StemmerFor(f.name));
    if (!parsed.ok()) return parsed.status();
    out.lists_.push_back(std::move(*parsed));
  }
  return out;
}

core::Result<SafetyDetector> SafetyDetector::FromLists(const std::vector<std::string_view>& lists) {
  SafetyDetector out;
  size_t i = 0;
  for (std::string_view data : lists) {
    auto parsed = SafetyPhrases::Parse(data, "safety list " + std::to_string(++i));
    if (!parsed.ok()) return parsed.status();
    out.lists_.push_back(std::move(*parsed));
  }
  return out;
}

void SafetyDetector::CheckInto(std::string_view text, std::string_view field,
                               SafetyResult& result) const {
  if (text.empty()) return;
  const std::vector<SafetyPhrases::Word> words =
      SafetyPhrases::SplitWords(text);  // once for all lists
  std::vector<SafetyCategory> listed;
  for (const SafetyPhrases& list : lists_) {
    for (const SafetyPhrases::Match& m : list.Find(words)) {
      if (std::find(listed.begin(), listed.end(), m.category) == listed.end())
        listed.push_back(m.category);
    }
  }
  bool found = !listed.empty();
  bool doubted = false;
  auto score_of = [&] {
    const SafetyClassifier::Score score = model_->Check(SafetyFeatures::Of(words));
    result.model_score = std::max(result.model_score, score.danger);
    return score;
  };
  // Under a [doubt] frame (a nurse's shift, a prevention course, a joke
  // with a trivial condition) the lists' raise is often wrong: the model
  // is asked, and the raise stands at its doubt() level or over.
  if (found && model_ && model_->doubt() > 0 && Doubted(text, words) &&
      score_of().danger < model_->doubt()) {
    found = false;
    doubted = result.doubted = true;
  } else {
    for (SafetyCategory c : listed) {
      if (std::find(result.categories.begin(), result.categories.end(), c) ==
          result.categories.end())
        result.categories.push_back(c);
    }
  }
  // The model reads only what the lists left quiet: where they raised, it
  // would add nothing. (A model that could also drop any raise of the
  // lists was tried: it dropped plain danger told among ordinary things;
  // docs/safety.md, "Round ten".)
  if (model_ && !found && !doubted && words.size() >= kModelMinWords) {
    const SafetyClassifier::Score score = score_of();
    // A raise by the model alone names the model's category.
    const bool quieted = lists_quiet_model_ && score.danger < model_->sure() && Quieted(words);
    if (score.raised && !quieted) {
      found = true;
      result.by_model = true;
      if (std::find(result.categories.begin(), result.categories.end(), score.category) ==
          result.categories.end())
        result.categories.push_back(score.category);
    }
  }
  if (found) result.fields.emplace_back(field);
  std::sort(result.categories.begin(), result.categories.end());
}

SafetyResult SafetyDetector::CheckText(std::string_view text) const {
  SafetyResult r;
  CheckInto(text, "text", r);
  return r;
}

SafetyResult SafetyDetector::Check(const core::Entry& e) const {
  SafetyResult r;
  CheckInto(e.before, "before", r);
  CheckInto(e.body, "body", r);
  CheckInto(e.thought, "thought", r);
  CheckInto(e.unsaid, "unsaid", r);
  CheckInto(e.text, "text", r);
  for (const std::string& em : e.emotions) CheckInto(em, "emotions", r);
  for (const std::string& tag : e.tags) CheckInto(tag, "tags", r);
  for (size_t i = 0; i < e.followups.size(); ++i)
    CheckInto(e.followups[i].answer, "answer " + std::to_string(i + 1), r);
  r.fields.erase(std::unique(r.fields.begin(), r.fields.end()), r.fields.end());
  return r;
}

}  // namespace fieldnotes::reports
