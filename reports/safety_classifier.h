// SafetyClassifier: a small linear model that reads a text for danger next
// to the word lists (safety_detector.h, docs/safety.md "A classifier next
// to the lists"). It was trained on the `dev` part of tests/data/safety/ by
// tests/tools/safety_train.cpp (liblinear, logistic regression) over the
// hashed features of safety_features.h, and is data compiled into the
// library (reports/data/safety/classifier.model): nothing is read from disk and
// nothing is sent anywhere.
//
// Two parts: a danger model (one score, raised at a threshold chosen by
// cross-validation) and a category model (one score per SafetyCategory,
// trained on the texts in danger only), which names what a raise by the
// model alone is about.
//
// The model file is text (docs/safety.md gives the format):
//   fieldnotes-safety-model 1
//   hash_bits 20
//   training_rows 2110
//   training_sha256 <hex of SHA-256 over the dev rows, safety_eval.h>
//   threshold 0.62
//   sure 0.95                 (optional; 1 when absent: see sure())
//   doubt 0.3                 (optional; 0 when absent: see doubt())
//   output danger <bias>
//   <index> <weight>          (one line per non-zero weight, ascending)
//   output wish_dead <bias>   (then one output per category, in order)
//   ...
// Lines starting with '#' are comments.
#ifndef FIELDNOTES_REPORTS_SAFETY_CLASSIFIER_H_
#define FIELDNOTES_REPORTS_SAFETY_CLASSIFIER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"
#include "reports/safety_features.h"
#include "reports/safety_phrases.h"

namespace fieldnotes::reports {

class SafetyClassifier {
 public:
  // The model compiled into the library ("safety/classifier.model"), parsed on
  // first use; safe to call from any thread. The model is checked by the
  // tests, so a broken one is a build defect: it aborts.
  static const SafetyClassifier& Default();

  // Parses a model file. InvalidArgument naming the line for anything out
  // of place: an unknown header, an index out of range, indexes out of
  // order, a missing output.
  static core::Result<SafetyClassifier> Parse(std::string_view data);

  struct Score {
    double danger = 0;    // probability of danger, 0..1
    bool raised = false;  // danger >= threshold()
    // The most likely category; worked out only when raised.
    SafetyCategory category = SafetyCategory::kSuicidalThoughts;
  };
  Score Check(std::string_view text) const;
  Score Check(const std::vector<SafetyFeature>& features) const;

  // The features of `text` that weigh most toward danger (largest
  // contribution, weight times value, first), at most `count`.
  std::vector<std::pair<std::string, double>> Explain(std::string_view text, size_t count) const;

  double threshold() const { return threshold_; }
  // A score at which a raise by the model stands even where one of the
  // lists' quieting rules applies (SafetyDetector::kListsQuietModel): the
  // rules are right about most texts they quiet, not all. 1: never.
  // docs/safety.md, "Round twelve".
  double sure() const { return sure_; }
  // The score a raise of the lists needs where a [doubt] frame of the
  // lists is in the text (SafetyPhrases::Doubted: a nurse's shift, a
  // prevention course, a joke with a trivial condition); under it the
  // lists' raise is dropped. 0: the lists' raise always stands.
  // docs/safety.md, "Round thirteen".
  double doubt() const { return doubt_; }
  const std::string& training_sha256() const { return training_sha256_; }
  size_t training_rows() const { return training_rows_; }
  size_t weight_count() const;  // non-zero weights, all outputs

 private:
  struct Output {
    double bias = 0;
    std::vector<std::pair<uint32_t, float>> weights;  // ascending index
    double Dot(const std::vector<SafetyFeature>& x) const;
  };
  double threshold_ = 0.5;
  double sure_ = 1.0;
  double doubt_ = 0.0;
  std::string training_sha256_;
  size_t training_rows_ = 0;
  Output danger_;
  std::array<Output, kSafetyCategoryCount> categories_;
};

}  // namespace fieldnotes::reports

#endif  // FIELDNOTES_REPORTS_SAFETY_CLASSIFIER_H_
