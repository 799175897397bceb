// Child processes for the tests that run the real fieldnotes-server (and
// curl, openssl) the way a person or a script does.
#ifndef FIELDNOTES_TESTS_SERVER_SUBPROCESS_H_
#define FIELDNOTES_TESTS_SERVER_SUBPROCESS_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace fieldnotes::testing {

struct RunResult {
  int exit_code = -1;  // -1 when ended by a signal
  int signal = 0;
  std::string out;
  std::string err;
};

// Runs to completion with `input` on stdin; kills the child after
// `timeout_seconds`.
RunResult Run(const std::string& program, const std::vector<std::string>& args,
              const std::string& input = "", int timeout_seconds = 60);

// A child that runs in the background; stdout is readable line by line,
// stderr goes to a file. The destructor kills it if it is still running.
class Background {
 public:
  Background(const std::string& program, const std::vector<std::string>& args);
  ~Background();
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

  // The next line of stdout, or "" after `timeout_ms`.
  std::string ReadLine(int timeout_ms);
  void Signal(int sig);
  // Waits up to `timeout_ms`; the exit code, -1 for a signal (see signal()),
  // or -2 when still running.
  int Wait(int timeout_ms);
  int signal() const { return signal_; }
  std::string Stderr() const;
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::string err_file_;
  std::string buffer_;
  bool exited_ = false;
  int signal_ = 0;
  int code_ = -2;
};

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_SERVER_SUBPROCESS_H_
