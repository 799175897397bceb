#include "importers/zip_reader.h"
#include "core/i18n.h"

#include <Poco/Exception.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <algorithm>
#include <istream>
#include <sstream>
#include <streambuf>

namespace fieldnotes::importers {
namespace {

// An istream over bytes we already hold, without copying them.
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view bytes) {
    char* p = const_cast<char*>(bytes.data());
    setg(p, p, p + bytes.size());
  }

 protected:
  pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode) override {
    char* target = dir == std::ios_base::beg   ? eback() + off
                   : dir == std::ios_base::cur ? gptr() + off
                                               : egptr() + off;
    if (target < eback() || target > egptr()) return pos_type(off_type(-1));
    setg(eback(), target, egptr());
    return pos_type(target - eback());
  }
  pos_type seekpos(pos_type pos, std::ios_base::openmode which) override {
    return seekoff(off_type(pos), std::ios_base::beg, which);
  }
};

// A member's name for a message: only when short printable ASCII.
std::string Shown(std::string_view name) {
  bool printable = name.size() <= 80;
  for (char c : name) printable = printable && c >= 0x20 && c < 0x7f;
  return printable ? "\"" + std::string(name) + "\""
                   // TRANSLATORS: stands for a file in a zip whose name cannot be
                   // shown, in "zip member %1 is encrypted" and the like.
                   : std::string(core::Tr("(a member with an unprintable name)"));
}

}  // namespace

bool LooksLikeZip(std::string_view bytes) {
  return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ||
         bytes.substr(0, 4) == std::string_view("PK\x05\x06", 4);
}

std::string UnsafeZipName(std::string_view name) {
  // TRANSLATORS (the messages below): %1 a file in the zip, as in "zip
  // member %1 is encrypted": its name in quotation marks, or "(a member
  // with an unprintable name)".
  if (name.empty()) return core::Tr("the zip has a member with an empty name");
  const std::string shown = Shown(name);
  if (name.front() == '/')
    return core::Format(core::Tr("zip member %1 has an absolute path"), shown);
  if (name.find('\\') != std::string_view::npos)
    return core::Format(core::Tr("zip member %1 has a backslash in its name"), shown);
  if (name.size() >= 2 && name[1] == ':')
    return core::Format(core::Tr("zip member %1 has a drive letter"), shown);
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f)
      return core::Format(core::Tr("zip member %1 has a control character in its name"), shown);
  }
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..")
      return core::Format(core::Tr("zip member %1 has a path that climbs out of the folder (..)"),
                          shown);
    start = end + 1;
  }
  return "";
}

core::Result<std::vector<ZipMember>> ReadZip(std::string_view bytes, const ImportOptions& options,
                                             const std::function<bool(std::string_view)>& want) {
  // A zip ends with its central directory's end record (22 bytes and a
  // comment of up to 64 KiB). Without it the file was cut short, even when
  // the members that are there read well.
  const size_t tail = std::min(bytes.size(), size_t{22 + 65535});
  if (bytes.size() < 22 ||
      bytes.substr(bytes.size() - tail).find(std::string_view("PK\x05\x06", 4)) ==
          std::string_view::npos) {
    return core::Status::InvalidArgument(
        core::Tr("the zip file is damaged or cut short (it has no end)"));
  }
  ViewBuf buf(bytes);
  std::istream in(&buf);
  std::vector<ZipMember> members;
  try {
    Poco::Zip::ZipArchive archive(in);
    size_t count = 0;
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
      if (++count > options.max_zip_entries)
        return core::Status::InvalidArgument(
            // TRANSLATORS: %1 a number of files (100000).
            core::Format(core::Tr("the zip holds more than %1 files"), options.max_zip_entries));
    }
    size_t total = 0;
    for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
      const std::string& name = it->first;
      if (std::string why = UnsafeZipName(name); !why.empty())
        return core::Status::InvalidArgument(why);
      ZipMember member;
      member.name = name;
      if (it->second.isDirectory() || !want(name)) {
        members.push_back(std::move(member));
        continue;
      }
      if (it->second.isEncrypted())
        return core::Status::InvalidArgument(
            // TRANSLATORS: %1 a file in the zip: its name in quotation marks,
            // or "(a member with an unprintable name)".
            core::Format(core::Tr("zip member %1 is encrypted"), Shown(name)));
      // The header's size is only a hint: a bomb lies. Count what comes out.
      if (it->second.getUncompressedSize() > options.max_zip_entry_bytes)
        return core::Status::InvalidArgument(core::Format(
            // TRANSLATORS: %1 a file in the zip, as in "zip member %1 is
            // encrypted"; %2 a number of MiB.
            core::Tr("zip member %1 is larger than %2 MiB"), Shown(name),
            options.max_zip_entry_bytes >> 20));
      in.clear();
      Poco::Zip::ZipInputStream zin(in, it->second, true);
      char chunk[64 * 1024];
      while (zin) {
        zin.read(chunk, sizeof chunk);
        const size_t got = static_cast<size_t>(zin.gcount());
        if (got == 0) break;
        if (member.data.size() + got > options.max_zip_entry_bytes)
          return core::Status::InvalidArgument(core::Format(
              // TRANSLATORS: %1 a file in the zip, as in "zip member %1 is
              // encrypted"; %2 a number of MiB.
              core::Tr("zip member %1 is larger than %2 MiB once unpacked"), Shown(name),
              options.max_zip_entry_bytes >> 20));
        total += got;
        if (total > options.max_zip_total_bytes)
          return core::Status::InvalidArgument(core::Format(
              // TRANSLATORS: %1 a number of MiB.
              core::Tr("the zip's files add up to more than %1 MiB once unpacked"),
              options.max_zip_total_bytes >> 20));
        member.data.append(chunk, got);
      }
      if (zin.bad())
        return core::Status::InvalidArgument(core::Format(
            // TRANSLATORS: %1 a file in the zip, as in "zip member %1 is
            // encrypted".
            core::Tr("zip member %1 is damaged or cut short"), Shown(name)));
      member.read = true;
      members.push_back(std::move(member));
    }
  } catch (const Poco::Exception& e) {
    return core::Status::InvalidArgument(core::Tr("the zip file is damaged or cut short"));
  } catch (const std::exception& e) {
    return core::Status::InvalidArgument(core::Tr("the zip file is damaged or cut short"));
  }
  return members;
}

}  // namespace fieldnotes::importers
