#include "cli/entry_options.h"
#include "core/i18n.h"

#include <algorithm>

namespace fieldnotes::client {
namespace {

std::string Trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string AsciiLower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  return s;
}

std::vector<std::string> CleanList(const std::vector<std::string>& values, bool emotions) {
  std::vector<std::string> out;
  for (const auto& v : values) {
    std::string item = Trim(v);
    if (item.empty()) continue;
    if (emotions && core::IsVocabularyEmotion(AsciiLower(item))) item = AsciiLower(item);
    if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(std::move(item));
  }
  return out;
}

CliStatus ApplyScale(const Args& args, std::string_view option, std::optional<int>* field,
                     int* given) {
  auto value = args.Value(option);
  if (!value) return CliStatus::Ok();
  ++*given;
  if (value->empty()) {
    field->reset();
    return CliStatus::Ok();
  }
  auto n = ParseInt(*value, 0, core::kMaxIntensity);
  if (!n) {
    // TRANSLATORS: %1 is an option as typed ("--intensity").
    return CliStatus::Usage(core::Format(core::Tr("%1 must be a whole number from 0 to 10."), option));
  }
  *field = *n;
  return CliStatus::Ok();
}

}  // namespace

CliResult<core::Timestamp> ParseWhen(std::string_view text, std::string_view option) {
  auto exact = core::ParseTimestamp(text);
  if (exact.ok()) return *exact;
  // Without an offset, the time is the machine's local time. The offset
  // depends on the date (summer time), so find it for that moment.
  auto as_utc = core::ParseTimestamp(text, 0);
  if (!as_utc.ok()) {
    return CliStatus::Usage(core::Format(
        // TRANSLATORS: %1 is an option as typed ("--at"); the examples are how
        // to type a date and time, keep them as they are.
        core::Tr("%1 needs a date and time such as 2026-11-03T21:40 or 2026-11-03T21:40:00+01:00."),
        option));
  }
  int64_t guess =
      as_utc->unix_seconds - int64_t{core::LocalOffsetMinutesAt(as_utc->unix_seconds)} * 60;
  auto local = core::ParseTimestamp(text, core::LocalOffsetMinutesAt(guess));
  if (!local.ok()) return local.status();
  return *local;
}

CliResult<int> ApplyEntryOptions(const Args& args, core::Entry* entry) {
  int given = 0;
  if (auto at = args.Value("--at")) {
    auto when = ParseWhen(*at, "--at");
    if (!when.ok()) return when.status();
    entry->written_at = *when;
    ++given;
  }
  if (args.Has("--emotion")) {
    entry->emotions = CleanList(args.Values("--emotion"), /*emotions=*/true);
    ++given;
  }
  if (args.Has("--tag")) {
    entry->tags = CleanList(args.Values("--tag"), /*emotions=*/false);
    ++given;
  }
  struct TextOption {
    std::string_view option;
    core::CompactString* field;
  };
  const TextOption texts[] = {{"--before", &entry->before},   {"--body", &entry->body},
                              {"--thought", &entry->thought}, {"--unsaid", &entry->unsaid},
                              {"--text", &entry->text},       {"--thread", &entry->thread}};
  for (const auto& t : texts) {
    if (auto value = args.Value(t.option)) {
      *t.field = t.option == "--thread" ? Trim(*value) : *value;
      ++given;
    }
  }
  for (auto [option, field] : {std::pair{"--intensity", &entry->intensity},
                               std::pair{"--mood-before", &entry->mood_before},
                               std::pair{"--mood-after", &entry->mood_after}}) {
    CliStatus s = ApplyScale(args, option, field, &given);
    if (!s.ok()) return s;
  }
  return given;
}

std::string NoEntryMessage(std::string_view id) {
  bool plain = !id.empty() && id.size() <= 36 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-';
  });
  if (!plain) return core::Tr("there is no entry with that id.");
  if (id.size() < 8) {
    return core::Format(
        core::Tr("there is no entry with the id %1. Please give at least its first 8 characters."),
        id);
  }
  return core::Format(core::Tr("there is no entry with the id %1."), id);
}

}  // namespace fieldnotes::client
