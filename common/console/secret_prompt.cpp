#include "console/secret_prompt.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>

namespace fieldnotes::console {
namespace {

using core::crypto::SecureString;

// The terminal's settings while echo is off, so a Ctrl-C during the prompt
// gives the terminal back as it was.
int g_tty_fd = -1;
struct termios g_saved_termios;

void RestoreTerminalAndReraise(int signo) {
  if (g_tty_fd >= 0) tcsetattr(g_tty_fd, TCSAFLUSH, &g_saved_termios);
  std::signal(signo, SIG_DFL);
  std::raise(signo);
}

void StripLineEnd(std::string& s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
}

// Reads one line from the terminal with echo off. nullopt when there is no
// terminal to ask on.
std::optional<SecureString> AskOnTerminal(const std::string& prompt) {
  const int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct termios saved;
  const bool have_termios = tcgetattr(fd, &saved) == 0;
  if (have_termios) {
    g_saved_termios = saved;
    g_tty_fd = fd;
    std::signal(SIGINT, RestoreTerminalAndReraise);
    std::signal(SIGTERM, RestoreTerminalAndReraise);
    struct termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    quiet.c_lflag |= ICANON;
    tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  (void)!write(fd, prompt.data(), prompt.size());

  SecureString answer;
  char c = 0;
  while (true) {
    const ssize_t n = read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || c == '\n') break;
    answer.mutable_str().push_back(c);
  }
  c = 0;
  StripLineEnd(answer.mutable_str());

  if (have_termios) {
    tcsetattr(fd, TCSAFLUSH, &saved);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_tty_fd = -1;
  }
  (void)!write(fd, "\n", 1);
  close(fd);
  return answer;
}

CliResult<SecureString> FromFile(const SecretSource& source) {
  const std::string what = source.what;
  const std::string option = source.file_option != nullptr ? source.file_option : "an option";
  std::ifstream in(*source.file, std::ios::binary);
  if (!in) {
    return core::Status::IoError("could not read the " + what + " file given with " + option +
                                 " (" + std::strerror(errno) + ").");
  }
  SecureString line;
  std::getline(in, line.mutable_str());
  StripLineEnd(line.mutable_str());
  if (line.str().empty()) {
    return CliStatus::Usage("the " + what + " file given with " + option +
                            " is empty. Please put the " + what + " on its first line.");
  }
  return line;
}

}  // namespace

CliResult<SecureString> ReadSecret(const SecretSource& source) {
  const std::string what = source.what;
  if (const char* env = std::getenv(source.env_var); env != nullptr) {
    if (*env == '\0') {
      return CliStatus::Usage(std::string(source.env_var) + " is set but empty. Please give a " +
                              what + ".");
    }
    return SecureString(env);
  }
  if (source.file) return FromFile(source);
  auto first = AskOnTerminal(source.prompt);
  if (!first) {
    std::string hint = "Set " + std::string(source.env_var);
    hint += source.file_option != nullptr ? ", or use " + std::string(source.file_option) + " PATH."
                                          : ".";
    return CliStatus::Usage("there is no terminal to ask for the " + what + " on. " + hint);
  }
  if (first->str().empty()) return CliStatus::Usage("the " + what + " can't be empty.");
  if (source.confirm) {
    auto second = AskOnTerminal("Once more, to be sure: ");
    if (!second || second->str() != first->str()) {
      return CliStatus::Usage("the two " + what + "s were not the same. Nothing was changed.");
    }
  }
  return std::move(*first);
}

}  // namespace fieldnotes::console
