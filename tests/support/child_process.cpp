#include "support/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>

namespace fieldnotes::testing {
namespace {

using Clock = std::chrono::steady_clock;

int MsUntil(Subprocess::TimePoint deadline) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return static_cast<int>(std::clamp<long long>(ms, 0, 1000));
}

// Reads what is there without blocking; closes `fd` at end of file.
void Drain(int* fd, std::string* into) {
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(*fd, buf, sizeof buf);
    if (n > 0) {
      into->append(buf, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    ::close(*fd);  // end of file, or an error that will not go away
    *fd = -1;
    return;
  }
}

}  // namespace

Subprocess::~Subprocess() {
  if (running()) {
    Kill();
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  CloseFds();
}

void Subprocess::CloseFds() {
  if (out_fd_ >= 0) ::close(out_fd_);
  if (err_fd_ >= 0) ::close(err_fd_);
  out_fd_ = err_fd_ = -1;
}

bool Subprocess::Start(const std::vector<std::string>& argv, std::string* error) {
  int out[2];
  int err[2];
  if (::pipe2(out, O_CLOEXEC) != 0) {
    *error = std::string("pipe: ") + std::strerror(errno);
    return false;
  }
  if (::pipe2(err, O_CLOEXEC) != 0) {
    *error = std::string("pipe: ") + std::strerror(errno);
    ::close(out[0]);
    ::close(out[1]);
    return false;
  }
  // Everything the child needs is made before fork: after it, only
  // async-signal-safe calls until exec.
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);

  pid_t pid = ::fork();
  if (pid < 0) {
    *error = std::string("fork: ") + std::strerror(errno);
    for (int fd : {out[0], out[1], err[0], err[1]}) ::close(fd);
    return false;
  }
  if (pid == 0) {
    // dup2 clears close-on-exec on the copies.
    if (::dup2(out[1], STDOUT_FILENO) < 0 || ::dup2(err[1], STDERR_FILENO) < 0) ::_exit(127);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  ::close(out[1]);
  ::close(err[1]);
  out_fd_ = out[0];
  err_fd_ = err[0];
  ::fcntl(out_fd_, F_SETFL, ::fcntl(out_fd_, F_GETFL) | O_NONBLOCK);
  ::fcntl(err_fd_, F_SETFL, ::fcntl(err_fd_, F_GETFL) | O_NONBLOCK);
  pid_ = pid;
  reaped_ = false;
  return true;
}

std::vector<std::string> Subprocess::Lines() const {
  std::vector<std::string> lines;
  size_t start = 0;
  for (size_t nl; (nl = out_.find('\n', start)) != std::string::npos; start = nl + 1)
    lines.push_back(out_.substr(start, nl - start));
  return lines;
}

void Subprocess::PollOnce(int timeout_ms) {
  pollfd fds[2];
  nfds_t n = 0;
  if (out_fd_ >= 0) fds[n++] = {out_fd_, POLLIN, 0};
  if (err_fd_ >= 0) fds[n++] = {err_fd_, POLLIN, 0};
  if (n == 0) return;
  int rc = ::poll(fds, n, timeout_ms);
  if (rc <= 0) return;  // timeout, or EINTR: the caller loops
  for (nfds_t i = 0; i < n; ++i) {
    if (fds[i].revents == 0) continue;
    if (fds[i].fd == out_fd_) {
      Drain(&out_fd_, &out_);
    } else {
      Drain(&err_fd_, &err_);
    }
  }
}

bool Subprocess::PumpUntil(TimePoint deadline) {
  while (!Drained()) {
    PollOnce(MsUntil(deadline));
    if (Clock::now() >= deadline) {
      PollOnce(0);
      break;
    }
  }
  return Drained();
}

bool Subprocess::WaitForLine(std::string_view line, TimePoint deadline) {
  const std::string want = "\n" + std::string(line) + "\n";
  auto seen = [&] {
    return ("\n" + out_).find(want) != std::string::npos;  // the first line too
  };
  while (!seen()) {
    if (Drained() || Clock::now() >= deadline) return seen();
    PollOnce(MsUntil(deadline));
  }
  return true;
}

void Subprocess::Kill() {
  if (running()) ::kill(pid_, SIGKILL);
}

bool Subprocess::Wait(TimePoint deadline, int* status) {
  *status = 0;
  if (pid_ <= 0) return false;
  bool in_time = PumpUntil(deadline);
  while (!reaped_) {
    pid_t r = ::waitpid(pid_, status, WNOHANG);
    if (r == pid_ || (r < 0 && errno != EINTR)) {
      reaped_ = true;
      break;
    }
    if (Clock::now() >= deadline) {
      in_time = false;
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, status, 0);
      reaped_ = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  CloseFds();
  return in_time;
}

void Subprocess::PumpAll(const std::vector<Subprocess*>& children, TimePoint deadline) {
  for (;;) {
    bool all_drained = true;
    for (Subprocess* c : children) {
      if (c->Drained()) continue;
      all_drained = false;
      c->PollOnce(std::min(MsUntil(deadline), 5));
    }
    if (all_drained || Clock::now() >= deadline) return;
  }
}

std::string DescribeWaitStatus(int status) {
  if (WIFEXITED(status)) return "exit code " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "wait status " + std::to_string(status);
}

}  // namespace fieldnotes::testing
