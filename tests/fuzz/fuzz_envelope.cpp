// libFuzzer target for the envelope parser (see README.md).
//
// Whatever the bytes, ParseHeader and Open must return without crashing, and
// Open must refuse anything not sealed and signed by the fixed test keys.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "support/envelope_vectors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const fieldnotes::testing::VectorKeys keys = fieldnotes::testing::MakeVectorKeys();
  namespace envelope = fieldnotes::core::envelope;
  const fieldnotes::core::crypto::ByteView in(data, size);
  (void)envelope::ParseHeader(in);
  auto opened = envelope::Open(in, keys.clinician, keys.client.public_key);
  if (opened.ok()) {
    // Only a genuine envelope opens: it must be exactly what was signed.
    if (opened->header.sender != keys.client.public_key) std::abort();
  }
  return 0;
}
