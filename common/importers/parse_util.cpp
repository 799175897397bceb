#include "importers/parse_util.h"

#include <algorithm>
#include <charconv>

#include "core/json_error_words.h"
#include "importers/csv_reader.h"

namespace fieldnotes::importers::internal {

size_t LineOf(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

core::Status JsonError(std::string_view text, const core::Status& parse_error,
                       std::string_view file) {
  // json::Parse says "at byte N: reason"; the reason stays the parser's
  // (English, a developer's detail), the sentence around it is translated.
  const std::string& m = parse_error.message();
  constexpr std::string_view kAt = "at byte ";
  size_t offset = text.size();
  std::string reason = m;
  if (m.rfind(kAt, 0) == 0) {
    auto [p, ec] = std::from_chars(m.data() + kAt.size(), m.data() + m.size(), offset);
    if (ec == std::errc() && p[0] == ':') reason = std::string(Trim(std::string_view(p + 1)));
  }
  const core::ErrorPlace where{core::ErrorPlace::Unit::kLine, LineOf(text, offset),
                               std::string(file)};
  return core::Status::InvalidArgument(core::DescribeInvalidJson(where, reason));
}

std::string Quote(std::string_view key) {
  bool printable = key.size() <= 32 && std::all_of(key.begin(), key.end(), [](char c) {
                     return c >= 0x20 && c < 0x7f && c != '"';
                   });
  return printable ? "\"" + std::string(key) + "\"" : std::string("(unprintable key)");
}

namespace {

bool Number(std::string_view s, int* out) {
  if (s.empty() || s.size() > 2) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

std::optional<Clock> ParseClock(std::string_view text) {
  text = Trim(text);
  std::optional<bool> pm;
  if (text.size() > 2) {
    std::string tail(text.substr(text.size() - 2));
    std::transform(tail.begin(), tail.end(), tail.begin(),
                   [](char c) { return static_cast<char>(c | 0x20); });
    if (tail == "am" || tail == "pm") {
      pm = tail == "pm";
      text = Trim(text.substr(0, text.size() - 2));
    }
  }
  Clock c;
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view rest = text.substr(colon + 1);
  size_t colon2 = rest.find(':');
  if (!Number(text.substr(0, colon), &c.hour)) return std::nullopt;
  if (colon2 == std::string_view::npos) {
    if (rest.size() != 2 || !Number(rest, &c.minute)) return std::nullopt;
  } else {
    if (colon2 != 2 || !Number(rest.substr(0, 2), &c.minute)) return std::nullopt;
    if (rest.size() != 5 || !Number(rest.substr(3), &c.second)) return std::nullopt;
  }
  if (pm) {
    if (c.hour < 1 || c.hour > 12) return std::nullopt;
    c.hour = c.hour % 12 + (*pm ? 12 : 0);
  }
  if (c.hour > 23 || c.minute > 59 || c.second > 59) return std::nullopt;
  return c;
}

void AddTag(core::Entry& e, std::string_view tag) {
  tag = Trim(tag);
  if (tag.empty()) return;
  if (std::find(e.tags.begin(), e.tags.end(), tag) == e.tags.end()) e.tags.emplace_back(tag);
}

void AddParagraph(core::CompactString& text, std::string_view paragraph) {
  if (paragraph.empty()) return;
  if (!text.empty()) text += "\n\n";
  text += paragraph;
}

}  // namespace fieldnotes::importers::internal
