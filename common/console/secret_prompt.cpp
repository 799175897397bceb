#include "console/secret_prompt.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "core/i18n.h"

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

// Each message whole, for a passphrase and for a password, so that a
// language can inflect the noun.
const char* Words(const SecretSource& source, const char* passphrase, const char* password) {
  return source.is_password ? password : passphrase;
}

CliResult<SecureString> FromFile(const SecretSource& source) {
  // A file is read only where a file option exists (SecretSource).
  const std::string option = source.file_option != nullptr ? source.file_option : "";
  std::ifstream in(*source.file, std::ios::binary);
  if (!in) {
    return core::Status::IoError(core::Format(
        // TRANSLATORS: %1 is an option's name, %2 the system's reason.
        Words(source, core::Tr("could not read the passphrase file given with %1 (%2)."),
              core::Tr("could not read the password file given with %1 (%2).")),
        option, std::strerror(errno)));
  }
  SecureString line;
  std::getline(in, line.mutable_str());
  StripLineEnd(line.mutable_str());
  if (line.str().empty()) {
    return CliStatus::Usage(core::Format(
        Words(source,
              core::Tr("the passphrase file given with %1 is empty. Please put the passphrase on "
                       "its first line."),
              core::Tr("the password file given with %1 is empty. Please put the password on its "
                       "first line.")),
        option));
  }
  return line;
}

}  // namespace

CliResult<SecureString> ReadSecret(const SecretSource& source) {
  if (const char* env = std::getenv(source.env_var); env != nullptr) {
    if (*env == '\0') {
      return CliStatus::Usage(
          // TRANSLATORS: %1 is an environment variable's name.
          core::Format(Words(source, core::Tr("%1 is set but empty. Please give a passphrase."),
                             core::Tr("%1 is set but empty. Please give a password.")),
                       source.env_var));
    }
    return SecureString(env);
  }
  if (source.file) return FromFile(source);
  auto first =
      AskOnTerminal(source.prompt.empty() ? std::string(core::Tr("Passphrase: ")) : source.prompt);
  if (!first) {
    const std::string hint =
        source.file_option != nullptr
            // TRANSLATORS: %1 is an environment variable's name, %2 an option's.
            ? core::Format(core::Tr("Set %1, or use %2 PATH."), source.env_var, source.file_option)
            : core::Format(core::Tr("Set %1."), source.env_var);
    return CliStatus::Usage(core::Format(
        Words(source, core::Tr("there is no terminal to ask for the passphrase on. %1"),
              core::Tr("there is no terminal to ask for the password on. %1")),
        hint));
  }
  if (first->str().empty()) {
    return CliStatus::Usage(Words(source, core::Tr("the passphrase can't be empty."),
                                  core::Tr("the password can't be empty.")));
  }
  if (source.confirm) {
    auto second = AskOnTerminal(core::Tr("Once more, to be sure: "));
    if (!second || second->str() != first->str()) {
      return CliStatus::Usage(
          Words(source, core::Tr("the two passphrases were not the same. Nothing was changed."),
                core::Tr("the two passwords were not the same. Nothing was changed.")));
    }
  }
  return std::move(*first);
}

}  // namespace fieldnotes::console
