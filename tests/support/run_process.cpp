#include "support/run_process.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

extern char** environ;

namespace fieldnotes::testing {
namespace {

std::vector<std::string> MergedEnvironment(const std::map<std::string, std::string>& changes) {
  std::map<std::string, std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    size_t eq = entry.find('=');
    if (eq != std::string::npos) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  for (const auto& [key, value] : changes) {
    if (value == kUnset) {
      env.erase(key);
    } else {
      env[key] = value;
    }
  }
  std::vector<std::string> out;
  for (const auto& [key, value] : env) out.push_back(key + "=" + value);
  return out;
}

struct Argv {
  std::vector<std::string> storage;
  std::vector<char*> pointers;
  Argv(const std::string& program, const std::vector<std::string>& args) : storage{program} {
    storage.insert(storage.end(), args.begin(), args.end());
    for (auto& a : storage) pointers.push_back(a.data());
    pointers.push_back(nullptr);
  }
};

struct Envp {
  std::vector<std::string> storage;
  std::vector<char*> pointers;
  explicit Envp(const std::map<std::string, std::string>& changes)
      : storage(MergedEnvironment(changes)) {
    for (auto& e : storage) pointers.push_back(e.data());
    pointers.push_back(nullptr);
  }
};

void Reap(pid_t pid, ProcessResult* result) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    result->exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result->signal = WTERMSIG(status);
  }
}

}  // namespace

ProcessResult RunInTerminal(const std::string& program, const std::vector<std::string>& args,
                            const std::vector<std::string>& prompts,
                            const std::vector<std::string>& answers, const ProcessOptions& options,
                            int timeout_ms) {
  ProcessResult result;
  Argv argv(program, args);
  Envp envp(options.env);
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid == 0) {
    if (!options.working_dir.empty() && chdir(options.working_dir.c_str()) != 0) _exit(127);
    execve(program.c_str(), argv.pointers.data(), envp.pointers.data());
    _exit(127);
  }
  if (pid < 0) {
    result.err = "forkpty failed";
    return result;
  }
  size_t next = 0;      // the next prompt to wait for
  size_t searched = 0;  // output before this offset has been matched already
  char buf[4096];
  int waited_ms = 0;
  while (waited_ms < timeout_ms) {
    pollfd fd = {master, POLLIN, 0};
    int ready = poll(&fd, 1, 100);
    if (ready == 0) {
      waited_ms += 100;
      continue;
    }
    if (ready < 0 && errno == EINTR) continue;
    ssize_t got = read(master, buf, sizeof buf);
    if (got <= 0) break;  // EIO once the child has gone
    result.out.append(buf, static_cast<size_t>(got));
    while (next < prompts.size() && next < answers.size()) {
      size_t at = result.out.find(prompts[next], searched);
      if (at == std::string::npos) break;
      searched = at + prompts[next].size();
      std::string line = answers[next] + "\n";
      (void)!write(master, line.data(), line.size());
      ++next;
    }
  }
  if (waited_ms >= timeout_ms) kill(pid, SIGKILL);
  close(master);
  Reap(pid, &result);
  return result;
}

ProcessResult RunProcess(const std::string& program, const std::vector<std::string>& args,
                         const ProcessOptions& options) {
  ProcessResult result;
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) != 0 || pipe2(out_pipe, O_CLOEXEC) != 0 ||
      pipe2(err_pipe, O_CLOEXEC) != 0) {
    result.err = "pipe failed";
    return result;
  }
  // Everything the child needs is prepared before fork: after it, only
  // async-signal-safe calls.
  Argv argv(program, args);
  Envp envp(options.env);

  pid_t pid = fork();
  if (pid == 0) {
    setsid();
    dup2(in_pipe[0], STDIN_FILENO);
    dup2(out_pipe[1], STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    if (!options.working_dir.empty() && chdir(options.working_dir.c_str()) != 0) _exit(127);
    execve(program.c_str(), argv.pointers.data(), envp.pointers.data());
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (pid < 0) {
    close(in_pipe[1]);
    close(out_pipe[0]);
    close(err_pipe[0]);
    result.err = "fork failed";
    return result;
  }

  // Feed stdin and drain stdout/stderr together, so a child that writes a
  // lot before reading everything never deadlocks against us.
  signal(SIGPIPE, SIG_IGN);
  size_t fed = 0;
  int in_fd = in_pipe[1];
  if (options.stdin_data.empty()) {
    close(in_fd);
    in_fd = -1;
  }
  bool out_open = true, err_open = true;
  char buf[65536];
  while (out_open || err_open || in_fd >= 0) {
    pollfd fds[3];
    nfds_t n = 0;
    int out_i = -1, err_i = -1, in_i = -1;
    if (out_open) {
      out_i = static_cast<int>(n);
      fds[n++] = {out_pipe[0], POLLIN, 0};
    }
    if (err_open) {
      err_i = static_cast<int>(n);
      fds[n++] = {err_pipe[0], POLLIN, 0};
    }
    if (in_fd >= 0) {
      in_i = static_cast<int>(n);
      fds[n++] = {in_fd, POLLOUT, 0};
    }
    if (poll(fds, n, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    auto drain = [&](int i, int fd, std::string& into, bool& open) {
      if (i < 0 || fds[i].revents == 0) return;
      ssize_t got = read(fd, buf, sizeof buf);
      if (got > 0) {
        into.append(buf, static_cast<size_t>(got));
      } else if (got == 0 || errno != EINTR) {
        open = false;
      }
    };
    drain(out_i, out_pipe[0], result.out, out_open);
    drain(err_i, err_pipe[0], result.err, err_open);
    if (in_i >= 0 && fds[in_i].revents != 0) {
      ssize_t put = write(in_fd, options.stdin_data.data() + fed, options.stdin_data.size() - fed);
      if (put > 0) fed += static_cast<size_t>(put);
      if (put < 0 && errno != EINTR) fed = options.stdin_data.size();
      if (fed >= options.stdin_data.size()) {
        close(in_fd);
        in_fd = -1;
      }
    }
  }
  close(out_pipe[0]);
  close(err_pipe[0]);
  Reap(pid, &result);
  return result;
}

}  // namespace fieldnotes::testing
