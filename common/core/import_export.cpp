#include "core/import_export.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/display.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/json_binding.h"
#include "core/json_error_words.h"
#include "core/record_codec.h"

namespace fieldnotes::core {
namespace {

constexpr size_t kProgressEveryLines = 1000;

std::string LineError(size_t line, std::string_view reason) {
  // TRANSLATORS: where a file to import went wrong: %1 a line number, %2
  // what is wrong there, a message of its own.
  return Format(Tr("line %1: %2"), line, reason);
}

bool IsBlank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// Lines in `content`: a last line without a newline still counts.
size_t CountLines(std::string_view content) {
  size_t n = static_cast<size_t>(std::count(content.begin(), content.end(), '\n'));
  if (!content.empty() && content.back() != '\n') ++n;
  return n;
}

// A record refused: the reader's problem in words, or, when the reader
// found none, the model's own (core::Validate).
Status Refused(const ErrorPlace& where, const json::FieldError& why, const ModelError& invalid,
               const Status& status) {
  if (why.problem != json::FieldError::Problem::kNone) return FieldErrorStatus(where, why);
  if (invalid.problem != ModelError::Problem::kNone) return ModelErrorStatus(where, invalid);
  return Status::InvalidArgument(LineError(where.number, status.message()));
}

// One line of the file to an item, or why it is refused, as the whole
// message for a person. The reason never repeats the line's content: it may
// be someone's private writing.
Result<ImportItem> ParseLine(std::string_view line, size_t line_number) {
  // The size is checked before anything looks inside the line.
  if (line.size() > kMaxImportLineBytes) {
    // TRANSLATORS: %1 a line number of a file to import.
    return Status::InvalidArgument(Format(Tr("Line %1 is longer than 1 MiB."), line_number));
  }
  if (!json::IsValidUtf8(line))
    // TRANSLATORS: %1 a line number of a file to import.
    return Status::InvalidArgument(Format(Tr("Line %1 is not valid UTF-8 text."), line_number));
  const ErrorPlace where{ErrorPlace::Unit::kLine, line_number, {}};
  auto parsed = json::Parse(line);
  if (!parsed.ok()) {
    // The parser's reason without its "at byte N: " (the line is said).
    std::string_view reason = parsed.status().message();
    if (reason.rfind("at byte ", 0) == 0 && reason.find(": ") != std::string_view::npos)
      reason.remove_prefix(reason.find(": ") + 2);
    return Status::InvalidArgument(DescribeInvalidJson(where, reason));
  }
  // Which record the line is; the record's reader says the rest.
  json::Reader line_reader(std::move(parsed).value(), "the record", json::Reader::kInput);
  std::string type;
  line_reader.Required("type", type)
      .OneOf("type", type == "entry" || type == "session", "entry, session");
  if (!line_reader.ok()) return FieldErrorStatus(where, line_reader.error());
  const json::Object& object = *line_reader.object();

  ImportItem item;
  if (type == "entry") {
    json::FieldError why;
    ModelError invalid;
    auto entry = EntryFromJson(object, &why, &invalid);
    if (!entry.ok()) return Refused(where, why, invalid, entry.status());
    item.type = ImportItem::Type::kEntry;
    item.entry = std::move(entry).value();
  } else {
    json::FieldError why;
    ModelError invalid;
    auto session = SessionFromJson(object, &why, &invalid);
    if (!session.ok()) return Refused(where, why, invalid, session.status());
    item.type = ImportItem::Type::kSession;
    item.session = std::move(session).value();
  }
  return item;
}

// ---- Markdown --------------------------------------------------------------

// Multi-line text keeps its line breaks (a Markdown hard break is two
// spaces before the newline). A line that would start a heading, a quote or
// a list is escaped, so the person's words read as they wrote them.
std::string Paragraph(std::string_view text) {
  std::string out;
  bool line_start = false;
  for (char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      out += "  \n";
      line_start = true;
      continue;
    }
    if (line_start && std::string_view("#>-*+|").find(c) != std::string_view::npos) {
      out += '\\';
    }
    line_start = false;
    out += c;
  }
  return out;
}

void AddField(std::string& out, std::string_view label, std::string_view value) {
  if (value.empty()) return;
  out += "**";
  // The label with its colon as the language writes it ("Émotions :").
  out += Format(TrC("a field's label before its value", "%1:"), label);
  out += "** ";
  out += Paragraph(value);
  out += "\n\n";
}

void AppendEntry(std::string& out, const Entry& e) {
  out += "### " + LocalClock(e.written_at) + " · " + std::string(KindTitle(e.kind)) + "\n\n";
  for (const auto& field : DescribeEntry(e, Voice::kI)) AddField(out, field.label, field.value);
}

void AppendSession(std::string& out, const Session& s) {
  // The Markdown export is for reading only (no importer reads it back:
  // docs/import-format.md), so its headings and labels are in the
  // person's language.
  // TRANSLATORS: a heading of the Markdown export, after the time of a
  // therapy session ("17:00 · Therapy session").
  out += "### " + LocalClock(s.at) + " · " + Tr("Therapy session") + "\n\n";
  // TRANSLATORS: what the client noted after a therapy session: what stayed
  // with them from it.
  AddField(out, Tr("What landed"), s.note);
}

template <typename T, typename TimeOf>
std::vector<const T*> OldestFirst(std::span<const T> items, TimeOf time_of) {
  std::vector<const T*> out;
  out.reserve(items.size());
  for (const auto& item : items) out.push_back(&item);
  std::stable_sort(out.begin(), out.end(), [&](const T* a, const T* b) {
    if (time_of(*a) != time_of(*b)) return time_of(*a) < time_of(*b);
    return a->id < b->id;
  });
  return out;
}

std::vector<const Entry*> EntriesOldestFirst(const Journal& journal) {
  return OldestFirst(journal.entries().oldest_first(), [](const Entry& e) { return e.written_at; });
}

std::vector<const Session*> SessionsOldestFirst(const Journal& journal) {
  return OldestFirst(std::span<const Session>(journal.sessions()),
                     [](const Session& s) { return s.at; });
}

}  // namespace

Result<std::vector<ImportItem>> ParseImport(std::string_view content, const ProgressFn& progress) {
  const size_t total = CountLines(content);
  std::vector<ImportItem> items;
  size_t line_number = 0;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);

    if (line.size() > kMaxImportLineBytes || !IsBlank(line)) {
      auto item = ParseLine(line, line_number);
      if (!item.ok()) return item.status();
      item->line = static_cast<int>(line_number);
      items.push_back(std::move(item).value());
    }
    if (progress && line_number % kProgressEveryLines == 0) progress(line_number, total);
  }
  if (progress && line_number % kProgressEveryLines != 0 && line_number >= kProgressEveryLines) {
    progress(line_number, total);
  }
  return items;
}

std::string ExportJsonl(const Journal& journal) {
  std::string out;
  for (const Session* s : SessionsOldestFirst(journal)) {
    out += json::Write(json::Value(SessionToJson(*s)));
    out += '\n';
  }
  for (const Entry* e : EntriesOldestFirst(journal)) {
    out += json::Write(json::Value(EntryToJson(*e)));
    out += '\n';
  }
  return out;
}

std::string ExportMarkdown(const Journal& journal) {
  // Sessions and entries in one timeline, so a day reads in the order it
  // was lived.
  struct Item {
    Timestamp at;
    const Entry* entry = nullptr;
    const Session* session = nullptr;
  };
  std::vector<Item> timeline;
  for (const Session* s : SessionsOldestFirst(journal)) timeline.push_back({s->at, nullptr, s});
  for (const Entry* e : EntriesOldestFirst(journal)) {
    timeline.push_back({e->written_at, e, nullptr});
  }
  std::stable_sort(timeline.begin(), timeline.end(),
                   [](const Item& a, const Item& b) { return a.at < b.at; });

  // TRANSLATORS: the title of the journal exported as Markdown.
  std::string out = "# " + std::string(Tr("My Fieldnotes journal")) + "\n\n";
  if (timeline.empty()) {
    // TRANSLATORS: the Markdown export of a journal without entries.
    out += std::string(Tr("Nothing written yet.")) + "\n";
    return out;
  }
  std::optional<Date> day;
  for (const Item& item : timeline) {
    Date d = item.at.LocalDate();
    if (!day || *day != d) {
      out += "## " + LongDate(item.at) + "\n\n";
      day = d;
    }
    if (item.entry) {
      AppendEntry(out, *item.entry);
    } else {
      AppendSession(out, *item.session);
    }
  }
  // One newline at the end, not two.
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') {
    out.pop_back();
  }
  return out;
}

}  // namespace fieldnotes::core
