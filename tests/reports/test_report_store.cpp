#include <boost/test/unit_test.hpp>

#include "core/journal.h"
#include "report_fixture.h"
#include "reports/report_store.h"
#include "test_support.h"

using namespace fieldnotes;
using namespace fieldnotes::reports;
using namespace fieldnotes::reports::testing;

namespace {

StoredReport Make(const ReportContent& content, std::string id, std::string_view created) {
  StoredReport r;
  r.id = std::move(id);
  r.created_at = T(created);
  r.paper = "a4";
  r.pages = 1;
  r.content = content;
  r.pdf = std::string("%PDF-1.3\n\0\xff binary", 20);
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_store)

BOOST_AUTO_TEST_CASE(stored_encrypted_and_read_back) {
  SampleJournal sample;
  const ReportContent content = BuildReport(sample.data(), SampleWeek(), SampleClock());
  const StoredReport r = Make(content, core::NewUuid(), "2026-11-09T16:05:00+01:00");
  BOOST_REQUIRE(ReportStore::Save(sample.journal(), r).ok());
  BOOST_TEST(ReportStore::Save(sample.journal(), r).code() == core::Status::Code::kAlreadyExists);

  // Nothing of it is on disk in the clear.
  BOOST_TEST(!fieldnotes::testing::AnyFileContains(sample.dir(), "Notes for my next session"));
  BOOST_TEST(!fieldnotes::testing::AnyFileContains(sample.dir(), "PDF-1.3"));

  auto back = ReportStore::Load(sample.journal(), r.id.substr(0, 8));
  BOOST_REQUIRE_MESSAGE(back.ok(), back.status().ToString());
  BOOST_TEST(back->id == r.id);
  BOOST_TEST(back->pdf == r.pdf);
  BOOST_TEST(back->created_at.SameAs(r.created_at));
  BOOST_TEST(core::json::Write(ContentToJson(back->content)) ==
             core::json::Write(ContentToJson(content)));
  BOOST_TEST(ReportStore::Load(sample.journal(), "00000000-no").status().IsNotFound());

  const auto json = ReportStore::ToJson(*back);
  BOOST_TEST(json.as_object().Find("id")->as_string() == r.id);
  BOOST_TEST(json.as_object().Find("pdf")->as_object().Find("sha256")->as_string() ==
             PdfSha256(r.pdf));
}

BOOST_AUTO_TEST_CASE(previous_is_the_last_report_before_the_period) {
  SampleJournal sample;
  const ReportContent week = BuildReport(sample.data(), SampleWeek(), SampleClock());
  const ReportContent before = BuildReport(
      sample.data(), Period::Between(D("2026-10-26"), D("2026-11-02")).value(), SampleClock());
  const ReportContent older = BuildReport(
      sample.data(), Period::Between(D("2026-10-19"), D("2026-10-26")).value(), SampleClock());
  BOOST_REQUIRE(
      ReportStore::Save(sample.journal(), Make(older, core::NewUuid(), "2026-10-26T12:00:00Z"))
          .ok());
  const StoredReport b = Make(before, core::NewUuid(), "2026-11-02T12:00:00Z");
  BOOST_REQUIRE(ReportStore::Save(sample.journal(), b).ok());
  BOOST_REQUIRE(
      ReportStore::Save(sample.journal(), Make(week, core::NewUuid(), "2026-11-09T12:00:00Z"))
          .ok());

  auto all = ReportStore::List(sample.journal());
  BOOST_REQUIRE(all.ok());
  BOOST_REQUIRE_EQUAL(all->size(), 3u);
  BOOST_TEST(core::FormatDate(all->front().content.from) == "2026-10-19");
  // Drafts nobody took to a session are never compared with.
  BOOST_TEST(ReportStore::PreviousOf(*all, D("2026-11-02"), {}) == nullptr);
  auto none = ReportStore::TakenIds(sample.journal());
  BOOST_REQUIRE(none.ok());
  BOOST_TEST(none->empty());
  // Taken: a new report for Nov 2..9 compares with the one that ended
  // Nov 2, not with the stored Nov 2..9 report itself.
  for (const StoredReport& r : *all) {
    auto id = ReportStore::MarkTaken(sample.journal(), r.id.substr(0, 8), true);
    BOOST_REQUIRE(id.ok());
    BOOST_TEST(*id == r.id);
  }
  auto taken = ReportStore::TakenIds(sample.journal());
  BOOST_REQUIRE(taken.ok());
  BOOST_TEST(taken->size() == 3u);
  const StoredReport* previous = ReportStore::PreviousOf(*all, D("2026-11-02"), *taken);
  BOOST_REQUIRE(previous);
  BOOST_TEST(previous->id == b.id);
  BOOST_TEST(ReportStore::PreviousOf(*all, D("2026-10-01"), *taken) == nullptr);
  // Unmarked, the Nov 2 report is a draft again: the one before it counts.
  BOOST_REQUIRE(ReportStore::MarkTaken(sample.journal(), b.id, false).ok());
  taken = ReportStore::TakenIds(sample.journal());
  previous = ReportStore::PreviousOf(*all, D("2026-11-02"), *taken);
  BOOST_REQUIRE(previous);
  BOOST_TEST(core::FormatDate(previous->content.from) == "2026-10-19");
  BOOST_TEST(ReportStore::MarkTaken(sample.journal(), "no-such-report", true).status().IsNotFound());
}

BOOST_AUTO_TEST_CASE(a_damaged_record_is_corruption_not_a_crash) {
  BOOST_TEST(ReportStore::FromRecord("{").status().IsCorruption());
  BOOST_TEST(ReportStore::FromRecord("{\"format\":2}").status().code() ==
             core::Status::Code::kUnsupported);
  SampleJournal sample;
  const ReportContent content = BuildReport(sample.data(), SampleWeek(), SampleClock());
  std::string record =
      ReportStore::ToRecord(Make(content, core::NewUuid(), "2026-11-09T12:00:00Z"));
  const size_t at = record.find("pdf_base64\":\"") + 14;
  record[at] = record[at] == 'A' ? 'B' : 'A';  // one byte of the PDF changed
  BOOST_TEST(ReportStore::FromRecord(record).status().IsCorruption());
}

BOOST_AUTO_TEST_SUITE_END()
