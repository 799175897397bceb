#include "subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

namespace fieldnotes::testing {
namespace {

// fork + exec with stdin/stdout/stderr on the given fds; the child gets its
// own process group so a kill reaches only it.
pid_t Spawn(const std::string& program, const std::vector<std::string>& args, int in, int out,
            int err) {
  std::vector<std::string> argv_store{program};
  argv_store.insert(argv_store.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_store) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    // The test process ignores or blocks some signals; the child must not
    // inherit that.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    signal(SIGPIPE, SIG_DFL);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

std::string ReadAll(int fd) {
  std::string s;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) s.append(buf, static_cast<size_t>(n));
  return s;
}

}  // namespace

RunResult Run(const std::string& program, const std::vector<std::string>& args,
              const std::string& input, int timeout_seconds) {
  int in[2], out[2], err[2];
  // O_CLOEXEC: a child must not hold the other ends (its stdin would never end).
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
    std::abort();
  }
  const pid_t pid = Spawn(program, args, in[0], out[1], err[1]);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  std::thread writer([&] {
    (void)!write(in[1], input.data(), input.size());
    close(in[1]);
  });
  std::string out_text, err_text;
  std::thread err_reader([&] { err_text = ReadAll(err[0]); });
  std::thread killer([pid, timeout_seconds] {
    for (int i = 0; i < timeout_seconds * 10; ++i) {
      if (kill(pid, 0) != 0) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    kill(pid, SIGKILL);
  });
  out_text = ReadAll(out[0]);
  writer.join();
  err_reader.join();
  int status = 0;
  waitpid(pid, &status, 0);
  killer.join();
  close(out[0]);
  close(err[0]);
  RunResult r;
  r.out = out_text;
  r.err = err_text;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  return r;
}

Background::Background(const std::string& program, const std::vector<std::string>& args) {
  char name[] = "/tmp/fieldnotes-server-stderr-XXXXXX";
  const int err = mkostemp(name, O_CLOEXEC);
  err_file_ = name;
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0 || err < 0) std::abort();
  const int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
  pid_ = Spawn(program, args, devnull, out[1], err);
  close(devnull);
  close(out[1]);
  close(err);
  out_fd_ = out[0];
}

Background::~Background() {
  if (!exited_) {
    kill(pid_, SIGKILL);
    Wait(5000);
  }
  close(out_fd_);
  unlink(err_file_.c_str());
}

std::string Background::ReadLine(int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    const size_t nl = buffer_.find('\n');
    if (nl != std::string::npos) {
      std::string line = buffer_.substr(0, nl);
      buffer_.erase(0, nl + 1);
      return line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          deadline - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) return "";
    pollfd p{out_fd_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left)) <= 0) continue;
    char buf[1024];
    const ssize_t n = read(out_fd_, buf, sizeof buf);
    if (n <= 0) return "";
    buffer_.append(buf, static_cast<size_t>(n));
  }
}

void Background::Signal(int sig) {
  if (!exited_) kill(pid_, sig);
}

int Background::Wait(int timeout_ms) {
  if (exited_) return code_;
  for (int waited = 0;; waited += 20) {
    int status = 0;
    const pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      exited_ = true;
      if (WIFEXITED(status)) code_ = WEXITSTATUS(status);
      if (WIFSIGNALED(status)) {
        code_ = -1;
        signal_ = WTERMSIG(status);
      }
      return code_;
    }
    if (waited >= timeout_ms) return -2;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

std::string Background::Stderr() const {
  std::ifstream in(err_file_);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace fieldnotes::testing
