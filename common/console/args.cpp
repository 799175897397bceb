#include "console/args.h"

#include <charconv>

#include "core/i18n.h"

namespace fieldnotes::console {
namespace {

const OptionSpec* FindSpec(std::string_view name, std::span<const OptionSpec> specs,
                           std::span<const OptionSpec> more_specs) {
  for (const auto& s : specs) {
    if (s.name == name) return &s;
  }
  for (const auto& s : more_specs) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

}  // namespace

std::optional<std::string> ShownName(std::string_view name, size_t max_size) {
  bool plain = !name.empty() && name.size() <= max_size;
  for (char c : name)
    plain = plain && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (!plain) return std::nullopt;
  return std::string(name);
}

std::optional<std::string> Args::Value(std::string_view name) const {
  auto it = options_.find(name);
  if (it == options_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

const std::vector<std::string>& Args::Values(std::string_view name) const {
  static const std::vector<std::string> kNone;
  auto it = options_.find(name);
  return it == options_.end() ? kNone : it->second;
}

CliResult<Args> ParseArgs(std::span<const std::string> argv, std::span<const OptionSpec> specs,
                          std::span<const OptionSpec> more_specs, bool stop_at_positional) {
  Args args;
  bool options_ended = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    const bool is_option = !options_ended && arg.size() > 1 && arg[0] == '-';
    if (!is_option) {
      if (stop_at_positional) {
        args.rest_.assign(argv.begin() + static_cast<std::ptrdiff_t>(i), argv.end());
        break;
      }
      args.positionals_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      options_ended = true;
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
    if (spec == nullptr) {
      const auto shown = ShownName(name);
      // TRANSLATORS: %1 is what was typed as an option ("--jsn").
      return CliStatus::Usage(shown ? core::Format(core::Tr("unknown option '%1'."), *shown)
                                    : std::string(core::Tr("unknown option.")));
    }
    // A known option's name is always plain (`spec->name`).
    const std::string& shown = name;
    std::string value;
    if (spec->takes_value) {
      if (inline_value) {
        value = *inline_value;
      } else if (i + 1 < argv.size()) {
        value = argv[++i];
      } else {
        return CliStatus::Usage(core::Format(core::Tr("option '%1' needs a value."), shown));
      }
    } else if (inline_value) {
      return CliStatus::Usage(core::Format(core::Tr("option '%1' does not take a value."), shown));
    }
    auto& values = args.options_[name];
    if (!values.empty() && !spec->repeatable) {
      return CliStatus::Usage(core::Format(core::Tr("option '%1' was given more than once."), shown));
    }
    values.push_back(std::move(value));
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

}  // namespace fieldnotes::console
