// The JSON form of entries and sessions. One mapping serves three uses: the
// plaintext of an encrypted record, a line of the import format and a line of
// `export --format jsonl` (docs/import-format.md), so export -> import is
// lossless by construction.
#ifndef FIELDNOTES_CORE_RECORD_CODEC_H_
#define FIELDNOTES_CORE_RECORD_CODEC_H_

#include "core/json.h"
#include "core/json_binding.h"
#include "core/model.h"
#include "core/status.h"

namespace fieldnotes::core {

// {"type":"entry","id":...,"kind":...,"at":...,...}; empty fields omitted.
json::Object EntryToJson(const Entry& e);
// {"type":"session","id":...,"at":...,"note":...}
json::Object SessionToJson(const Session& s);
json::Object ThreadToJson(const Thread& t);

// Strict: unknown keys, wrong types, a missing type/kind/at, a timestamp
// without an offset, out-of-range numbers are InvalidArgument naming the key
// (never its value). "id" is optional (empty when absent). The result is
// Validate()d.
// On failure, `why` (when given) gets the problem as a value, for
// core::DescribeFieldError; when the value reads but Validate refuses it,
// `invalid` (when given) gets that problem, for core::DescribeModelError.
Result<Entry> EntryFromJson(const json::Object& o, json::FieldError* why = nullptr,
                            ModelError* invalid = nullptr);
Result<Session> SessionFromJson(const json::Object& o, json::FieldError* why = nullptr,
                                ModelError* invalid = nullptr);
Result<Thread> ThreadFromJson(const json::Object& o);

}  // namespace fieldnotes::core

#endif  // FIELDNOTES_CORE_RECORD_CODEC_H_
