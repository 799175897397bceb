// An entry in words for the screen: a one-line headline for lists, and the
// whole entry with a plain label per field for reading it back.
#ifndef FIELDNOTES_CLIENT_UI_ENTRY_TEXT_H_
#define FIELDNOTES_CLIENT_UI_ENTRY_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace fieldnotes::client {

// The question each field answers, as the writing form asks it.
std::string_view FieldLabel(std::string_view field);  // "before" -> "What happened right before"

// One line for a list: emotions and intensity for a spike ("anxiety, fear ·
// 7"), then the most telling text (thought, text, before, ...), the first
// line only, cut to `max_chars` code points with "…".
std::string EntryHeadline(const core::Entry& e, size_t max_chars = 120);

// The whole entry: when, kind, then "Label: value" blocks, follow-up
// questions with the answers, moods. Plain text with blank lines between.
std::string EntryDetails(const core::Entry& e);

// "a, b, c"
std::string JoinWords(const std::vector<std::string>& words, std::string_view sep = ", ");

// An entry's emotions for people, joined with ", ": the fixed vocabulary's
// words in the UI language (core::EmotionWord), the client's own as written.
std::string JoinEmotions(const std::vector<std::string>& emotions);

// Cut to `max_chars` code points, with "…" when cut.
std::string Shorten(std::string_view utf8, size_t max_chars);

}  // namespace fieldnotes::client

#endif  // FIELDNOTES_CLIENT_UI_ENTRY_TEXT_H_
