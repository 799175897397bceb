// A minimal zip writer for tests: members stored or deflated, with names and
// header sizes exactly as given, so a test can build the hostile zips a
// careful archiver would refuse to write (names with "..", a header that
// lies about the size).
#ifndef FIELDNOTES_TESTS_IMPORTERS_ZIP_WRITER_H_
#define FIELDNOTES_TESTS_IMPORTERS_ZIP_WRITER_H_

#include <zlib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fieldnotes::testing {

struct ZipItem {
  std::string name;
  std::string data;
  bool deflate = true;
  // When set, the size written in the headers instead of the real one.
  std::optional<uint32_t> claimed_size = std::nullopt;
};

inline void Put16(std::string& s, uint16_t v) {
  s += static_cast<char>(v & 0xff);
  s += static_cast<char>(v >> 8);
}
inline void Put32(std::string& s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s += static_cast<char>((v >> (8 * i)) & 0xff);
}

inline std::string RawDeflate(const std::string& in) {
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, in.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline std::string MakeZip(const std::vector<ZipItem>& items) {
  std::string out, central;
  for (const ZipItem& item : items) {
    const uint32_t crc = static_cast<uint32_t>(crc32(
        0, reinterpret_cast<const Bytef*>(item.data.data()), static_cast<uInt>(item.data.size())));
    const std::string body = item.deflate ? RawDeflate(item.data) : item.data;
    const uint32_t size = item.claimed_size.value_or(static_cast<uint32_t>(item.data.size()));
    const uint32_t offset = static_cast<uint32_t>(out.size());
    auto header = [&](std::string& s, bool central_entry) {
      Put32(s, central_entry ? 0x02014b50 : 0x04034b50);
      if (central_entry) Put16(s, 20);  // made by
      Put16(s, 20);                     // version needed
      Put16(s, 0);                      // flags
      Put16(s, item.deflate ? 8 : 0);
      Put16(s, 0);       // time
      Put16(s, 0x5821);  // date
      Put32(s, crc);
      Put32(s, static_cast<uint32_t>(body.size()));
      Put32(s, size);
      Put16(s, static_cast<uint16_t>(item.name.size()));
      Put16(s, 0);  // extra
      if (central_entry) {
        Put16(s, 0);  // comment
        Put16(s, 0);  // disk
        Put16(s, 0);  // internal attributes
        Put32(s, 0);  // external attributes
        Put32(s, offset);
      }
      s += item.name;
    };
    header(out, false);
    out += body;
    header(central, true);
  }
  const uint32_t central_offset = static_cast<uint32_t>(out.size());
  out += central;
  Put32(out, 0x06054b50);
  Put16(out, 0);
  Put16(out, 0);
  Put16(out, static_cast<uint16_t>(items.size()));
  Put16(out, static_cast<uint16_t>(items.size()));
  Put32(out, static_cast<uint32_t>(central.size()));
  Put32(out, central_offset);
  Put16(out, 0);
  return out;
}

}  // namespace fieldnotes::testing

#endif  // FIELDNOTES_TESTS_IMPORTERS_ZIP_WRITER_H_
