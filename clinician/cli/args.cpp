#include "clinician/cli/args.h"

#include <charconv>

namespace fieldnotes::clinician {
namespace {

const OptionSpec* FindSpec(std::string_view name, std::span<const OptionSpec> a,
                           std::span<const OptionSpec> b) {
  for (const auto& s : a) {
    if (s.name == name) return &s;
  }
  for (const auto& s : b) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

// An argument may be a password typed in the wrong place: echo it only
// when it looks like an option name.
std::string Shown(std::string_view name) {
  bool plain = name.size() <= 30;
  for (char c : name) plain = plain && ((c >= 'a' && c <= 'z') || c == '-');
  return plain ? "'" + std::string(name) + "'" : std::string("an option");
}

}  // namespace

std::optional<std::string> Args::Value(std::string_view name) const {
  auto it = options_.find(std::string(name));
  if (it == options_.end()) return std::nullopt;
  return it->second;
}

CliResult<Args> ParseArgs(std::span<const std::string> argv, std::span<const OptionSpec> specs,
                          std::span<const OptionSpec> more_specs, bool stop_at_positional) {
  Args args;
  bool ended = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (ended || arg.size() < 2 || arg[0] != '-') {
      if (stop_at_positional) {
        args.rest_.assign(argv.begin() + static_cast<std::ptrdiff_t>(i), argv.end());
        break;
      }
      args.positionals_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      ended = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (const size_t eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    if (name == "-h") name = "--help";
    const OptionSpec* spec = FindSpec(name, specs, more_specs);
    if (spec == nullptr) return CliStatus::Usage("unknown option " + Shown(name) + ".");
    std::string value;
    if (spec->takes_value) {
      if (inline_value) {
        value = *inline_value;
      } else if (i + 1 < argv.size()) {
        value = argv[++i];
      } else {
        return CliStatus::Usage("option " + Shown(name) + " needs a value.");
      }
    } else if (inline_value) {
      return CliStatus::Usage("option " + Shown(name) + " does not take a value.");
    }
    if (!args.options_.emplace(name, std::move(value)).second) {
      return CliStatus::Usage("option " + Shown(name) + " was given more than once.");
    }
  }
  return args;
}

bool AsksForHelp(std::span<const std::string> argv) {
  for (const auto& arg : argv) {
    if (arg == "--") return false;
    if (arg == "--help" || arg == "-h") return true;
  }
  return false;
}

std::optional<int> ParseInt(std::string_view text, int min, int max) {
  int value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value < min || value > max) {
    return std::nullopt;
  }
  return value;
}

}  // namespace fieldnotes::clinician
