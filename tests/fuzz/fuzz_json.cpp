// libFuzzer target for the JSON parser and writer (see README.md).
//
// Whatever the input, Parse must return without crashing, hanging or reading
// out of bounds. When it accepts the input, writing the value and parsing
// that again must give an equal value, in both the compact and the pretty
// form, and writing is deterministic.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/json.h"

namespace json = fieldnotes::core::json;

namespace {

[[noreturn]] void Die(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz_json: %s\n%s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = json::Parse(text);
  if (!parsed.ok()) {
    const std::string& msg = parsed.status().message();
    if (msg.rfind("at byte ", 0) != 0) Die("error message without an offset", msg);
    return 0;
  }
  // Only well-formed UTF-8 gets through.
  if (!json::IsValidUtf8(text)) Die("accepted invalid UTF-8", "");

  const std::string compact = json::Write(*parsed);
  auto again = json::Parse(compact);
  if (!again.ok()) Die("Write output does not parse", again.status().message());
  if (!(*again == *parsed)) Die("Write/Parse changed the value", compact);
  if (json::Write(*again) != compact) Die("Write is not deterministic", compact);

  const std::string pretty = json::WritePretty(*parsed);
  auto from_pretty = json::Parse(pretty);
  if (!from_pretty.ok()) Die("WritePretty output does not parse", from_pretty.status().message());
  if (!(*from_pretty == *parsed)) Die("WritePretty/Parse changed the value", pretty);
  return 0;
}
