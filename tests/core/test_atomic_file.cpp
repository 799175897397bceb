// core::WriteFileAtomically: the one way files are written (exports, PDFs,
// key files, the viewer's state). Old or whole new, never half; no
// predictable temporary name; links replaced, never followed.
#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>

#include "core/atomic_file.h"
#include "support/temp_dir.h"

using fieldnotes::core::AtomicWrite;
using fieldnotes::core::Status;
using fieldnotes::core::WriteFileAtomically;
using fieldnotes::testing::ReadFile;
using fieldnotes::testing::TempDir;
using fieldnotes::testing::WriteFile;

namespace {

size_t FilesIn(const TempDir& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& f : std::filesystem::directory_iterator(dir.path())) ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(atomic_file)

BOOST_AUTO_TEST_CASE(replaces_whole_with_owner_only_permissions_and_leaves_nothing_behind) {
  TempDir dir;
  const std::string path = dir.File("report.pdf");
  WriteFile(path, "the old report");
  ::chmod(path.c_str(), 0644);
  BOOST_REQUIRE(WriteFileAtomically(path, "the new report").ok());
  BOOST_TEST(ReadFile(path) == "the new report");
  struct stat st {};
  BOOST_REQUIRE(::stat(path.c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 0777) == 0600u);
  BOOST_TEST(FilesIn(dir) == 1u);  // no temporary file left
  BOOST_REQUIRE(WriteFileAtomically(path, "").ok());
  BOOST_TEST(ReadFile(path).empty());
}

BOOST_AUTO_TEST_CASE(create_new_keeps_what_is_there) {
  TempDir dir;
  const std::string path = dir.File("keys");
  BOOST_REQUIRE(WriteFileAtomically(path, "first", AtomicWrite::kCreateNew).ok());
  const Status again = WriteFileAtomically(path, "second", AtomicWrite::kCreateNew);
  BOOST_TEST(again.code() == Status::Code::kAlreadyExists);
  BOOST_TEST(ReadFile(path) == "first");
  BOOST_TEST(FilesIn(dir) == 1u);
}

BOOST_AUTO_TEST_CASE(a_link_at_the_path_is_replaced_never_followed) {
  TempDir dir;
  const std::string target = dir.File("elsewhere.txt");
  WriteFile(target, "not yours to overwrite");
  const std::string path = dir.File("export.jsonl");
  BOOST_REQUIRE(::symlink(target.c_str(), path.c_str()) == 0);
  BOOST_REQUIRE(WriteFileAtomically(path, "the export").ok());
  BOOST_TEST(ReadFile(target) == "not yours to overwrite");
  struct stat st {};
  BOOST_REQUIRE(::lstat(path.c_str(), &st) == 0);
  BOOST_TEST(S_ISREG(st.st_mode));
  BOOST_TEST(ReadFile(path) == "the export");
  // Creating new refuses a link at the path, and leaves its target alone.
  const std::string other = dir.File("other.pdf");
  BOOST_REQUIRE(::symlink(target.c_str(), other.c_str()) == 0);
  BOOST_TEST(WriteFileAtomically(other, "x", AtomicWrite::kCreateNew).code() ==
             Status::Code::kAlreadyExists);
  BOOST_TEST(ReadFile(target) == "not yours to overwrite");
}

BOOST_AUTO_TEST_CASE(a_failure_names_the_file_and_changes_nothing) {
  TempDir dir;
  const std::string missing_folder = dir.File("no such folder/report.pdf");
  const Status s = WriteFileAtomically(missing_folder, "x");
  BOOST_TEST(s.code() == Status::Code::kIoError);
  BOOST_TEST(s.message().find("report.pdf") != std::string::npos, s.message());
  BOOST_TEST(FilesIn(dir) == 0u);
  // A folder in the way of the name: the rename fails, the folder stays.
  const std::string folder = dir.File("taken");
  std::filesystem::create_directory(folder);
  std::filesystem::create_directory(folder + "/inside");
  BOOST_TEST(!WriteFileAtomically(folder, "x").ok());
  BOOST_TEST(std::filesystem::is_directory(folder + "/inside"));
  BOOST_TEST(FilesIn(dir) == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
