#include "reports/safety_classifier.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "reports/embedded_data.h"

namespace fieldnotes::reports {
namespace {

constexpr std::string_view kMagic = "fieldnotes-safety-model 1";

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ') ++j;
    if (j > i) out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

template <typename T>
bool Number(std::string_view s, T& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size();
}

}  // namespace

double SafetyClassifier::Output::Dot(const std::vector<SafetyFeature>& x) const {
  // Both sorted by index: a merge.
  double sum = bias;
  auto w = weights.begin();
  for (const SafetyFeature& f : x) {
    w = std::lower_bound(
        w, weights.end(), f.index,
        [](const std::pair<uint32_t, float>& p, uint32_t i) { return p.first < i; });
    if (w == weights.end()) break;
    if (w->first == f.index) sum += static_cast<double>(w->second) * f.value;
  }
  return sum;
}

const SafetyClassifier& SafetyClassifier::Default() {
  static const SafetyClassifier* instance = [] {
    const auto data = FindEmbeddedFile("safety/classifier.model");
    auto parsed = data ? Parse(*data)
                       : core::Result<SafetyClassifier>(core::Status::NotFound("none built in"));
    if (!parsed.ok()) {
      std::fprintf(stderr, "fieldnotes: the built-in safety model is broken: %s\n",
                   parsed.status().message().c_str());
      std::abort();
    }
    return new SafetyClassifier(std::move(*parsed));
  }();
  return *instance;
}

core::Result<SafetyClassifier> SafetyClassifier::Parse(std::string_view data) {
  SafetyClassifier out;
  Output* current = nullptr;
  size_t outputs = 0, number = 0;
  bool magic = false;
  while (!data.empty()) {
    const size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data.remove_prefix(nl == std::string_view::npos ? data.size() : nl + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto bad = [&](std::string_view what) {
      return core::Status::InvalidArgument("safety model line " + std::to_string(number) + ": " +
                                           std::string(what));
    };
    if (!magic) {
      if (line != kMagic) return bad("not a safety model (version 1)");
      magic = true;
      continue;
    }
    const std::vector<std::string_view> f = Fields(line);
    if (f.size() < 2) return bad("expected a name and a value");
    if (f[0] == "hash_bits") {
      uint32_t bits = 0;
      if (!Number(f[1], bits) || bits != SafetyFeatures::kHashBits)
        return bad("the features are hashed into another number of bits");
    } else if (f[0] == "training_rows") {
      if (!Number(f[1], out.training_rows_)) return bad("not a count");
    } else if (f[0] == "training_sha256") {
      out.training_sha256_ = std::string(f[1]);
    } else if (f[0] == "threshold") {
      if (!Number(f[1], out.threshold_) || out.threshold_ <= 0 || out.threshold_ >= 1)
        return bad("the threshold is a probability between 0 and 1");
    } else if (f[0] == "sure") {
      if (!Number(f[1], out.sure_) || out.sure_ <= 0 || out.sure_ > 1)
        return bad("'sure' is a probability over 0, up to 1");
    } else if (f[0] == "doubt") {
      if (!Number(f[1], out.doubt_) || out.doubt_ < 0 || out.doubt_ >= 1)
        return bad("'doubt' is a probability from 0, under 1");
    } else if (f[0] == "output") {
      if (f.size() != 3) return bad("output NAME BIAS");
      if (outputs == 0) {
        if (f[1] != "danger") return bad("the first output is danger");
        current = &out.danger_;
      } else {
        if (outputs > kSafetyCategoryCount ||
            f[1] != SafetyCategoryName(static_cast<SafetyCategory>(outputs - 1)))
          return bad("the outputs after danger are the categories, in order");
        current = &out.categories_[outputs - 1];
      }
      ++outputs;
      if (!Number(f[2], current->bias)) return bad("not a number");
    } else {
      uint32_t index = 0;
      float weight = 0;
      if (!current || f.size() != 2 || !Number(f[0], index) || !Number(f[1], weight))
        return bad("expected INDEX WEIGHT after an output");
      if (index >= SafetyFeatures::kSize) return bad("index out of range");
      if (!current->weights.empty() && current->weights.back().first >= index)
        return bad("indexes must ascend");
      current->weights.emplace_back(index, weight);
    }
  }
  if (!magic) return core::Status::InvalidArgument("safety model: empty");
  if (outputs != 1 + kSafetyCategoryCount)
    return core::Status::InvalidArgument("safety model: needs danger and every category");
  if (out.sure_ < out.threshold_)
    return core::Status::InvalidArgument("safety model: 'sure' lies under the threshold");
  if (out.doubt_ > out.sure_)
    return core::Status::InvalidArgument("safety model: 'doubt' lies over 'sure'");
  return out;
}

SafetyClassifier::Score SafetyClassifier::Check(std::string_view text) const {
  return Check(SafetyFeatures::Of(text));
}

SafetyClassifier::Score SafetyClassifier::Check(const std::vector<SafetyFeature>& x) const {
  Score s;
  if (x.empty()) return s;
  s.danger = 1.0 / (1.0 + std::exp(-danger_.Dot(x)));
  s.raised = s.danger >= threshold_;
  // The category is needed only for a raise: eight more sums otherwise.
  if (s.raised) {
    double best = -INFINITY;
    for (size_t c = 0; c < categories_.size(); ++c) {
      const double v = categories_[c].Dot(x);
      if (v > best) {
        best = v;
        s.category = static_cast<SafetyCategory>(c);
      }
    }
  }
  return s;
}

std::vector<std::pair<std::string, double>> SafetyClassifier::Explain(std::string_view text,
                                                                      size_t count) const {
  const std::vector<SafetyFeature> x = SafetyFeatures::Of(text);
  const auto names = SafetyFeatures::Named(text);
  std::vector<std::pair<std::string, double>> out;
  for (const SafetyFeature& f : x) {
    auto w = std::lower_bound(
        danger_.weights.begin(), danger_.weights.end(), f.index,
        [](const std::pair<uint32_t, float>& p, uint32_t i) { return p.first < i; });
    if (w == danger_.weights.end() || w->first != f.index) continue;
    std::string name;
    for (auto n =
             std::lower_bound(names.begin(), names.end(), std::make_pair(f.index, std::string()));
         n != names.end() && n->first == f.index; ++n)
      name += (name.empty() ? "" : " / ") + n->second;
    out.emplace_back(name, static_cast<double>(w->second) * f.value);
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  if (out.size() > count) out.resize(count);
  return out;
}

size_t SafetyClassifier::weight_count() const {
  size_t n = danger_.weights.size();
  for (const Output& o : categories_) n += o.weights.size();
  return n;
}

}  // namespace fieldnotes::reports
