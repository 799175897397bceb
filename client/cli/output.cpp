#include "cli/output.h"

#include <array>
#include <cstdio>
#include <vector>

#include "core/display.h"
#include "core/json.h"
#include "core/record_codec.h"
#include "core/i18n.h"
#include "engine/journal_overview.h"

namespace fieldnotes::client {
namespace {

using core::Entry;
using core::EntryKind;

constexpr size_t kSnippetChars = 60;

// "Tue 2026-11-03 21:40"
std::string ShortDateTime(const core::Timestamp& t) {
  return core::ShortWeekdayName(t.LocalWeekday()) + " " +
         core::FormatDate(t.LocalDate()) + " " + core::LocalClock(t);
}

// The first line of `text`, cut to `max_chars` code points with "…".
std::string Snippet(std::string_view text, size_t max_chars) {
  text = text.substr(0, text.find('\n'));
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    bool starts_char = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_char && ++chars > max_chars) return std::string(text.substr(0, i)) + "…";
  }
  return std::string(text);
}

std::string OffsetText(int32_t offset_minutes) {
  if (offset_minutes == 0) return "UTC";
  int32_t o = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  char buf[16];
  std::snprintf(buf, sizeof buf, "UTC%c%02d:%02d", offset_minutes < 0 ? '-' : '+', o / 60, o % 60);
  return buf;
}

// "Label: value", later lines of a multi-line value indented under it.
void AddField(std::string& out, std::string_view label, std::string_view value) {
  if (value.empty()) return;
  // TRANSLATORS: a field's label ("Feelings") before its value, in fieldnotes-cli show
  // and the Markdown export; French puts a no-break space before the colon.
  out += core::Format(core::TrC("a field's label before its value", "%1:"), label);
  out += ' ';
  for (char c : value) {
    if (c == '\r') continue;
    out += c;
    if (c == '\n') out += "  ";
  }
  out += '\n';
}

std::string Pretty(const core::json::Value& v) { return core::json::WritePretty(v) + "\n"; }

}  // namespace

std::string Thousands(size_t n) { return core::FormatCount(n); }

std::string EntryLine(const Entry& e) {
  std::string kind(core::KindName(e.kind));
  kind.resize(6, ' ');
  std::string line = e.id.substr(0, 8) + "  " + ShortDateTime(e.written_at) + "  " + kind + "  ";
  // Feelings of the fixed vocabulary in the reader's language (stored in
  // English, so patterns do not depend on it), the client's own as written.
  std::vector<std::string> feelings;
  feelings.reserve(e.emotions.size());
  for (const std::string& emotion : e.emotions) feelings.push_back(core::EmotionWord(emotion));
  std::string details = core::JoinWithCommas(feelings);
  if (e.intensity) {
    if (!details.empty()) details += " ";
    details += std::to_string(*e.intensity) + "/10";
  }
  std::string_view words;
  for (const core::CompactString* field : OneLineFields(e)) {
    if (!field->empty()) {
      words = *field;
      break;
    }
  }
  if (words.empty() && !e.thread.empty()) words = e.thread;
  if (!words.empty()) {
    if (!details.empty()) details += " · ";
    details += Snippet(words, kSnippetChars);
  }
  return line + details;
}

std::string EntryDetails(const Entry& e) {
  // TRANSLATORS: the first line of `fieldnotes-cli show`: the entry's kind
  // ("Spike"), its day ("Tuesday 3 November 2026"), the time ("21:40") and
  // the time zone it was written in ("UTC+01:00").
  std::string out = core::Format(core::Tr("%1, %2 at %3 (%4)"), core::KindTitle(e.kind),
                                 core::LongDate(e.written_at), core::LocalClock(e.written_at),
                                 OffsetText(e.written_at.offset_minutes)) +
                    "\n";
  // TRANSLATORS: the entry's id, under the first line of `fieldnotes-cli show`.
  out += core::Format(core::Tr("id %1"), e.id) + "\n\n";
  for (const auto& field : core::DescribeEntry(e, core::Voice::kYou)) {
    AddField(out, field.label, field.value);
  }
  return out;
}

std::string SessionLine(const core::Session& s) {
  std::string line = s.id.substr(0, 8) + "  " + ShortDateTime(s.at);
  if (!s.note.empty()) line += "  " + Snippet(s.note, kSnippetChars);
  return line;
}

std::string EntriesJson(std::span<const Entry* const> entries) {
  core::json::Array a;
  a.reserve(entries.size());
  for (const Entry* e : entries) a.emplace_back(core::EntryToJson(*e));
  return Pretty(core::json::Value(std::move(a)));
}

std::string EntryJson(const Entry& e) { return Pretty(core::json::Value(core::EntryToJson(e))); }

std::string SessionsJson(std::span<const core::Session> sessions) {
  core::json::Array a;
  a.reserve(sessions.size());
  for (const auto& s : sessions) a.emplace_back(core::SessionToJson(s));
  return Pretty(core::json::Value(std::move(a)));
}

}  // namespace fieldnotes::client
