// Reading a zip export (Day One's) into memory with Poco::Zip. Nothing is
// written to disk: an export holds someone's journal in clear, and only the
// encrypted journal may keep it.
#ifndef FIELDNOTES_IMPORTERS_ZIP_READER_H_
#define FIELDNOTES_IMPORTERS_ZIP_READER_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "importers/import_source.h"

namespace fieldnotes::importers {

struct ZipMember {
  std::string name;  // as stored, '/' separated
  std::string data;  // decompressed; empty for members not asked for
  bool read = false;
};

// True when `bytes` starts like a zip file ("PK\3\4", or an empty zip's "PK\5\6").
bool LooksLikeZip(std::string_view bytes);

// Lists every member of the zip in `bytes` and decompresses those for which
// `want(name)` is true, each into memory. Refused, as a whole, with
// InvalidArgument naming the member: a name that is absolute, has a ".."
// part, a backslash, a drive letter or a control character; a member
// encrypted; more than options.max_zip_entries members; a member that
// decompresses to more than options.max_zip_entry_bytes (counted while
// reading, whatever the header claims) or members adding up to more than
// options.max_zip_total_bytes; a zip that is damaged or cut short.
core::Result<std::vector<ZipMember>> ReadZip(std::string_view bytes, const ImportOptions& options,
                                             const std::function<bool(std::string_view)>& want);

// The check ReadZip applies to each name: empty when safe, else the whole
// message ReadZip refuses the zip with ("zip member "../a" has a path that
// climbs out of the folder (..)"), in the current message language.
std::string UnsafeZipName(std::string_view name);

}  // namespace fieldnotes::importers

#endif  // FIELDNOTES_IMPORTERS_ZIP_READER_H_
