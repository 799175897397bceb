// libFuzzer target for the import parser (see README.md).
//
// Whatever the input, ParseImport must return without crashing or hanging.
// When it accepts the input, every item must survive the record codec:
// EntryToJson/SessionToJson then *FromJson gives the same value back, which is
// what makes export -> import lossless.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/import_export.h"
#include "core/record_codec.h"

namespace core = fieldnotes::core;

namespace {

[[noreturn]] void Die(const char* what) {
  std::fprintf(stderr, "fuzz_import: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto items = core::ParseImport(text);
  if (!items.ok()) {
    // "Line 3: the field …" (or "line 3: <reason>" should a check have no
    // words of its own).
    const std::string& m = items.status().message();
    if (m.rfind("Line ", 0) != 0 && m.rfind("line ", 0) != 0) Die("error without a line number");
    return 0;
  }
  for (const core::ImportItem& item : *items) {
    if (item.type == core::ImportItem::Type::kEntry) {
      auto back = core::EntryFromJson(core::EntryToJson(item.entry));
      if (!back.ok() || !(*back == item.entry)) Die("entry does not round-trip");
    } else {
      auto back = core::SessionFromJson(core::SessionToJson(item.session));
      if (!back.ok() || !(*back == item.session)) Die("session does not round-trip");
    }
  }
  return 0;
}
