// libFuzzer target for importers::ParseDayOne (README.md): whatever the input, it
// returns; a refusal says where; what it accepts is valid entries from
// the right source that survive the record codec.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/importer_checks.h"
#include "importers/day_one.h"

namespace importers = fieldnotes::importers;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  importers::ImportOptions options;
  options.local_zone = "Europe/Berlin";
  options.max_zip_entry_bytes = 1u << 20;  // keeps each run small
  static constexpr std::string_view kWhere[] = {
      "Line ", "Entry ", "invalid UTF-8", "not a Day One export", "This is not a Day One export"};
  fieldnotes::fuzz::CheckResult("fuzz_dayone", importers::ParseDayOne(text, options),
                                importers::Source::kDayOne, kWhere);
  return 0;
}
