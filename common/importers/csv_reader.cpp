#include "importers/csv_reader.h"
#include "core/i18n.h"

#include <algorithm>

namespace fieldnotes::importers {
namespace {

core::Status LineError(size_t line, std::string_view reason) {
  // TRANSLATORS: where a file to import went wrong: %1 a line number, %2
  // what is wrong there, a message of its own.
  return core::Status::InvalidArgument(core::Format(core::Tr("line %1: %2"), line, reason));
}

std::string FieldTooLong(size_t max_bytes) {
  // TRANSLATORS: why a line of a CSV file is refused; %1 a number of KiB.
  return core::Format(core::Tr("a field is longer than %1 KiB"), max_bytes / 1024);
}

}  // namespace

CsvReader::CsvReader(std::string_view text, size_t max_field_bytes)
    : text_(text), max_field_bytes_(max_field_bytes) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
  total_lines_ = static_cast<size_t>(std::count(text_.begin(), text_.end(), '\n'));
  if (!text_.empty() && text_.back() != '\n') ++total_lines_;
}

core::Result<bool> CsvReader::Next(CsvRow* row) {
  row->fields.clear();
  // Blank lines between rows are skipped (a trailing newline, an editor's
  // empty last line).
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  row->line = line_;

  std::string field;
  while (true) {
    field.clear();
    if (pos_ < text_.size() && text_[pos_] == '"') {
      const size_t opened_on = line_;
      ++pos_;
      bool closed = false;
      while (pos_ < text_.size()) {
        char c = text_[pos_++];
        if (c == '"') {
          if (pos_ < text_.size() && text_[pos_] == '"') {
            field += '"';
            ++pos_;
            continue;
          }
          closed = true;
          break;
        }
        if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') continue;  // CRLF -> LF
        if (c == '\n') ++line_;
        field += c;
        if (field.size() > max_field_bytes_)
          return LineError(opened_on, FieldTooLong(max_field_bytes_));
      }
      if (!closed)
        return LineError(opened_on,
                         core::Tr("a quoted field is never closed (is the file cut short?)"));
      if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r')
        return LineError(line_, core::Tr("text after the closing quote of a field"));
    } else {
      while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
             text_[pos_] != '\r') {
        if (text_[pos_] == '"')
          return LineError(line_, core::Tr("a quote inside a field that is not quoted"));
        field += text_[pos_++];
        if (field.size() > max_field_bytes_)
          return LineError(line_, FieldTooLong(max_field_bytes_));
      }
    }
    row->fields.push_back(field);
    if (pos_ >= text_.size()) return true;
    char c = text_[pos_++];
    if (c == ',') continue;
    if (c == '\r') {
      if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      return true;
    }
    ++line_;  // '\n'
    return true;
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::vector<std::string> SplitList(std::string_view text, char separator) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view item = Trim(text.substr(start, end - start));
    if (!item.empty()) out.emplace_back(item);
    start = end + 1;
  }
  return out;
}

}  // namespace fieldnotes::importers
