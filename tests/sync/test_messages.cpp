// The invite id on the wire (sync/messages.h), as a client reads what a
// server sent: a well-formed one is taken, anything else is refused whole.
#include <boost/test/unit_test.hpp>

#include "core/json.h"
#include "sync/messages.h"

namespace fieldnotes::testing {
namespace {

core::json::Value Json(const std::string& text) {
  auto v = core::json::Parse(text);
  BOOST_REQUIRE_MESSAGE(v.ok(), text);
  return std::move(v).value();
}

const std::string kId(32, 'a');

std::string Link(const std::string& invite_member) {
  return "{\"client_id\":\"" + std::string(32, 'c') + "\",\"client_key\":\"" +
         std::string(64, 'b') + "\",\"created_at\":\"2026-11-24T10:00:00Z\",\"reports_waiting\":0" +
         invite_member + "}";
}

BOOST_AUTO_TEST_SUITE(messages)

BOOST_AUTO_TEST_CASE(a_link_names_its_invite_or_none) {
  auto named = sync::LinkSummary::FromJson(Json(Link(",\"invite_id\":\"" + kId + "\"")));
  BOOST_REQUIRE(named.ok());
  BOOST_TEST(named->invite_id == kId);
  for (const std::string& none : {std::string(""), std::string(",\"invite_id\":null")}) {
    auto older = sync::LinkSummary::FromJson(Json(Link(none)));
    BOOST_REQUIRE(older.ok());
    BOOST_TEST(older->invite_id.empty());
  }
  // Round trip: an empty id goes out as null and comes back empty.
  sync::LinkSummary plain = *named;
  plain.invite_id.clear();
  auto again = sync::LinkSummary::FromJson(plain.ToJson());
  BOOST_REQUIRE(again.ok());
  BOOST_TEST(again->invite_id.empty());
  auto same = sync::LinkSummary::FromJson(named->ToJson());
  BOOST_REQUIRE(same.ok());
  BOOST_TEST(same->invite_id == kId);
}

BOOST_AUTO_TEST_CASE(a_malformed_invite_id_is_refused) {
  for (const std::string& bad :
       {std::string("\"") + std::string(31, 'a') + "\"",
        std::string("\"") + std::string(33, 'a') + "\"",
        std::string("\"") + std::string(32, 'A') + "\"",
        std::string("\"../../../../etc/passwd0000000000\""), std::string("\"\""), std::string("42"),
        std::string("[]"), std::string("{}"), std::string("true")}) {
    BOOST_TEST(!sync::LinkSummary::FromJson(Json(Link(",\"invite_id\":" + bad))).ok(), bad);
    BOOST_TEST(!sync::InviteResponse::FromJson(
                    Json("{\"code\":\"7KQ2M-X9TRD\",\"expires_at\":\"2026-11-25T10:00:00Z\","
                         "\"invite_id\":" +
                         bad + "}"))
                    .ok(),
               bad);
  }
  // An invite answer must carry its id.
  BOOST_TEST(!sync::InviteResponse::FromJson(
                  Json("{\"code\":\"7KQ2M-X9TRD\",\"expires_at\":\"2026-11-25T10:00:00Z\"}"))
                  .ok());
  auto good = sync::InviteResponse::FromJson(
      Json("{\"code\":\"7KQ2M-X9TRD\",\"expires_at\":\"2026-11-25T10:00:00Z\",\"invite_id\":\"" +
           kId + "\"}"));
  BOOST_REQUIRE(good.ok());
  BOOST_TEST(good->invite_id == kId);
}

// A list reads as every other message does (json::Reader): one error
// naming the list and the member, the items read by their own FromJson.
BOOST_AUTO_TEST_CASE(a_list_reads_through_the_one_binding) {
  auto two = sync::ListFromJson<sync::LinkSummary>(
      Json("{\"links\":[" + Link("") + "," + Link(",\"invite_id\":\"" + kId + "\"") + "]}"),
      "links");
  BOOST_REQUIRE(two.ok());
  BOOST_TEST(two->size() == 2u);
  BOOST_TEST((*two)[1].invite_id == kId);
  // Written and read back, the same list.
  auto again = sync::ListFromJson<sync::LinkSummary>(sync::ListToJson("links", *two), "links");
  BOOST_REQUIRE(again.ok());
  BOOST_TEST(again->size() == 2u);

  auto missing = sync::ListFromJson<sync::Receipt>(Json("{\"links\":[]}"), "receipts");
  BOOST_REQUIRE(!missing.ok());
  BOOST_TEST(missing.status().code() == core::Status::Code::kInvalidArgument);
  BOOST_TEST(missing.status().message() == "receipts list: receipts is missing");

  auto mistyped = sync::ListFromJson<sync::ReportInfo>(Json("{\"reports\":{}}"), "reports");
  BOOST_REQUIRE(!mistyped.ok());
  BOOST_TEST(mistyped.status().message() == "reports list: reports is not a list");

  auto not_object = sync::ListFromJson<sync::ReportInfo>(Json("[]"), "reports");
  BOOST_REQUIRE(!not_object.ok());
  BOOST_TEST(not_object.status().code() == core::Status::Code::kInvalidArgument);

  // One bad item refuses the whole list, with the item's own words.
  auto bad_item = sync::ListFromJson<sync::LinkSummary>(
      Json("{\"links\":[" + Link("") + ",{}]}"), "links");
  BOOST_REQUIRE(!bad_item.ok());
  BOOST_TEST(bad_item.status().message().find("link summary") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
