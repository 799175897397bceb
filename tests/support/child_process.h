// A child process started with fork/exec, its stdout and stderr on pipes,
// for tests that kill programs at random moments.
#ifndef FIELDNOTES_TESTS_SUPPORT_CHILD_PROCESS_H_
#define FIELDNOTES_TESTS_SUPPORT_CHILD_PROCESS_H_

#include <sys/types.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace fieldnotes::testing {

class Subprocess {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  Subprocess() = default;
  // Kills (SIGKILL) and reaps a child still running.
  ~Subprocess();
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  // Starts argv[0] with the arguments. The pipes are close-on-exec, so two
  // children never hold each other's pipes open. False with `error` set when
  // the pipes or the fork fail; a failed exec shows as exit code 127.
  bool Start(const std::vector<std::string>& argv, std::string* error);

  pid_t pid() const { return pid_; }
  bool running() const { return pid_ > 0 && !reaped_; }
  const std::string& out() const { return out_; }
  const std::string& err() const { return err_; }
  // Complete lines of stdout so far (a partial last line is left out).
  std::vector<std::string> Lines() const;

  // Reads stdout and stderr as they come until `deadline`, or until both
  // pipes are closed. True when the pipes are closed.
  bool PumpUntil(TimePoint deadline);
  // Reads until stdout has the complete line `line` or `deadline`. True
  // when the line arrived.
  bool WaitForLine(std::string_view line, TimePoint deadline);

  void Kill();  // SIGKILL; no effect once reaped
  // Reads the pipes to the end and reaps the child. False when it did not
  // end by `deadline` (it is then killed and reaped anyway). The raw
  // waitpid status goes to `status`.
  bool Wait(TimePoint deadline, int* status);

  // Pumps several children at once until each one's pipes are closed or
  // `deadline`.
  static void PumpAll(const std::vector<Subprocess*>& children, TimePoint deadline);

 private:
  // One poll() round over this child's open pipes, waiting at most
  // `timeout_ms`.
  void PollOnce(int timeout_ms);
  bool Drained() const { return out_fd_ < 0 && err_fd_ < 0; }
  void CloseFds();

  pid_t pid_ = -1;
  bool reaped_ = false;
  int out_fd_ = -1;
  int err_fd_ = -1;
  std::string out_;
  std::string err_;
};

// "exit code 3", "killed by signal 9": for messages.
std::string DescribeWaitStatus(int status);

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_SUPPORT_CHILD_PROCESS_H_
