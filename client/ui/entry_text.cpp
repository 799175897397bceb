#include "ui/entry_text.h"

#include "core/display.h"
#include "core/i18n.h"
#include "engine/journal_overview.h"

namespace fieldnotes::client {
namespace {

void AddBlock(std::string& out, std::string_view label, std::string_view value) {
  if (value.empty()) return;
  out += "\n";
  out += label;
  out += ":\n";
  out += value;
  out += "\n";
}

std::string_view FirstLine(std::string_view text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return {};
  text.remove_prefix(start);
  text = text.substr(0, text.find('\n'));
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

}  // namespace

std::string_view FieldLabel(std::string_view field) {
  if (field == "before") return core::Tr("What happened right before");
  if (field == "body") return core::Tr("Where you felt it in your body");
  if (field == "thought") return core::Tr("The exact thought");
  if (field == "unsaid") return core::Tr("What you almost said");
  if (field == "loop") return core::Tr("The thought, word for word");
  if (field == "thread") return core::Tr("How it actually went");
  if (field == "text") return core::Tr("Note");
  if (field == "emotions") return core::Tr("Emotions");
  if (field == "tags") return core::Tr("Tags");
  return field;
}

std::string JoinWords(const std::vector<std::string>& words, std::string_view sep) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += sep;
    out += w;
  }
  return out;
}

std::string JoinEmotions(const std::vector<std::string>& emotions) {
  std::vector<std::string> words;
  words.reserve(emotions.size());
  for (const std::string& e : emotions) words.push_back(core::EmotionWord(e));
  return JoinWords(words);
}

std::string Shorten(std::string_view text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool starts_char = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_char && ++chars > max_chars) return std::string(text.substr(0, i)) + "…";
  }
  return std::string(text);
}

std::string EntryHeadline(const core::Entry& e, size_t max_chars) {
  std::string head;
  if (!e.emotions.empty()) head = JoinEmotions(e.emotions);
  if (e.intensity) head += (head.empty() ? "" : " ") + std::to_string(*e.intensity) + "/10";
  if (e.kind == core::EntryKind::kThread && !e.thread.empty())
    head += (head.empty() ? "" : " · ") + e.thread;
  std::string_view line;
  for (const core::CompactString* field : OneLineFields(e)) {
    line = FirstLine(*field);
    if (!line.empty()) break;
  }
  std::string out = head;
  if (!line.empty()) out += (out.empty() ? "" : " · ") + std::string(line);
  if (out.empty()) out = core::Tr("(nothing written)");
  return Shorten(out, max_chars);
}

std::string EntryDetails(const core::Entry& e) {
  std::string out = core::LongDate(e.written_at) + ", " + core::LocalClock(e.written_at) + " · " +
                    std::string(core::KindTitle(e.kind)) + "\n";
  if (!e.emotions.empty()) {
    std::string feelings = JoinEmotions(e.emotions);
    // TRANSLATORS: %1 is the emotions named, %2 how strong (0 to 10).
    if (e.intensity) feelings = core::Format(core::Tr("%1 (intensity %2 of 10)"), feelings, *e.intensity);
    AddBlock(out, FieldLabel("emotions"), feelings);
  } else if (e.intensity) {
    AddBlock(out, core::Tr("Intensity"), core::Format(core::Tr("%1 of 10"), *e.intensity));
  }
  if (!e.thread.empty()) AddBlock(out, core::Tr("Following up"), e.thread);
  AddBlock(out, FieldLabel("before"), e.before);
  AddBlock(out, FieldLabel("body"), e.body);
  AddBlock(out, FieldLabel("thought"), e.thought);
  AddBlock(out, FieldLabel("unsaid"), e.unsaid);
  std::string_view text_label = e.kind == core::EntryKind::kLoop     ? FieldLabel("loop")
                                : e.kind == core::EntryKind::kThread ? FieldLabel("thread")
                                                                     : FieldLabel("text");
  AddBlock(out, text_label, e.text);
  if (!e.tags.empty()) AddBlock(out, FieldLabel("tags"), JoinWords(e.tags));
  for (const core::FollowUp& f : e.followups)
    AddBlock(out, f.question,
             f.answer.empty() ? std::string(core::Tr("(skipped)")) : f.answer.str());
  if (e.mood_before || e.mood_after) {
    std::string moods;
    // TRANSLATORS: moods from 0 (very low) to 10 (very good).
    if (e.mood_before && e.mood_after) {
      moods = core::Format(core::Tr("before writing %1, after %2"), *e.mood_before, *e.mood_after);
    } else if (e.mood_before) {
      moods = core::Format(core::Tr("before writing %1"), *e.mood_before);
    } else {
      moods = core::Format(core::Tr("after writing %1"), *e.mood_after);
    }
    AddBlock(out, core::Tr("Mood (0 very low, 10 very good)"), moods);
  }
  return out;
}

}  // namespace fieldnotes::client
