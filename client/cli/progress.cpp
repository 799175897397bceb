#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

#include "cli/output.h"
#include "core/i18n.h"

namespace fieldnotes::client {

ProgressLine::ProgressLine(size_t min_total)
    : min_total_(min_total), terminal_(isatty(STDERR_FILENO) == 1) {}

ProgressLine::~ProgressLine() { Finish(); }

void ProgressLine::Update(std::string_view verb, size_t done, size_t total) {
  if (total < min_total_ || done > total) return;
  if (verb != last_verb_) {
    last_verb_ = std::string(verb);
    last_tenth_ = -1;
  }
  std::string text = core::Format(verb, Thousands(done), Thousands(total));
  if (terminal_) {
    // \r and "erase to end of line": the line is rewritten where it is.
    Write("\r" + text + "\x1b[K");
    line_open_ = true;
    return;
  }
  int tenth = static_cast<int>(done * 10 / total);
  if (tenth <= last_tenth_ || tenth == 0) return;
  last_tenth_ = tenth;
  Write(text + "\n");
}

void ProgressLine::Finish() {
  if (line_open_) {
    Write("\r\x1b[K");
    line_open_ = false;
  }
}

void ProgressLine::Write(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

}  // namespace fieldnotes::client
