// Progress of a long import on stderr: updated in place on a terminal, one
// line per tenth of the work otherwise (logs stay short).
#ifndef FIELDNOTES_CLIENT_CLI_PROGRESS_H_
#define FIELDNOTES_CLIENT_CLI_PROGRESS_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace fieldnotes::client {

class ProgressLine {
 public:
  // Work of fewer than `min_total` lines shows nothing.
  explicit ProgressLine(size_t min_total = 1000);
  ~ProgressLine();
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  // One line of progress: `message` is a translated sentence whose %1 is
  // the work done and %2 the whole ("Checked %1 of %2 lines…"); both are
  // written with the locale's grouping ("4,000", "4.000").
  void Update(std::string_view message, size_t done, size_t total);
  // Clears an in-place line so the next output starts clean.
  void Finish();

 private:
  void Write(const std::string& text);

  size_t min_total_;
  bool terminal_;
  bool line_open_ = false;
  int last_tenth_ = -1;
  std::string last_verb_;
};

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_CLI_PROGRESS_H_
