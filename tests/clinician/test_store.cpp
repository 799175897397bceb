// The clinician's state store in process: sealed at rest, bound to its key
// file, atomic, locked, trust on first sight, replays.
#include <sys/stat.h>

#include <boost/test/unit_test.hpp>

#include "support/temp_dir.h"
#include "sync/clinician_store.h"

namespace fieldnotes::testing {
namespace {

using sync::ClinicianStore;

core::ClinicianKeys Keys() {
  auto keys = core::ClinicianKeys::Generate();
  BOOST_REQUIRE(keys.ok());
  return std::move(keys).value();
}

sync::LinkSummary Link(const std::string& id_char, const std::string& key_char, int64_t at,
                       const std::string& invite_id = "") {
  return sync::LinkSummary{std::string(32, id_char[0]), std::string(64, key_char[0]), at, 0,
                           invite_id};
}

BOOST_AUTO_TEST_SUITE(store)

BOOST_AUTO_TEST_CASE(round_trip_sealed_and_bound_to_the_keys) {
  TempDir dir;
  const std::string path = dir.File("keys.state");
  const core::ClinicianKeys keys = Keys();
  {
    auto store = ClinicianStore::Open(path, keys);
    BOOST_REQUIRE(store.ok());
    auto& s = (*store)->state();
    BOOST_TEST(s.server_url.empty());
    s.server_url = "https://localhost:8443";
    s.email = "dr.secret@example.org";
    s.token = std::string(64, 'f');
    s.pending_labels.push_back({"Ünïcode label", 100, 0, std::string(32, '7')});
    (*store)->RecordOpened(std::string(32, 'e'), std::string(32, '1'));
    BOOST_REQUIRE((*store)->Save().ok());
  }
  struct stat st;
  BOOST_REQUIRE(stat(path.c_str(), &st) == 0);
  BOOST_TEST((st.st_mode & 0777) == 0600u);
  const std::string raw = ReadFile(path);
  BOOST_TEST(raw.substr(0, 4) == "FNCS");
  BOOST_TEST(raw.find("dr.secret") == std::string::npos);
  BOOST_TEST(raw.find("ffffffff") == std::string::npos);
  BOOST_TEST(raw.find("label") == std::string::npos);

  auto again = ClinicianStore::Open(path, keys);
  BOOST_REQUIRE(again.ok());
  BOOST_TEST((*again)->state().email == "dr.secret@example.org");
  BOOST_TEST((*again)->state().pending_labels.at(0).label == "Ünïcode label");
  BOOST_TEST((*again)->state().pending_labels.at(0).invite_id == std::string(32, '7'));
  BOOST_TEST((*again)->IsReplay(std::string(32, 'e'), std::string(32, '2')));
  BOOST_TEST(!(*again)->IsReplay(std::string(32, 'e'), std::string(32, '1')));
  again->reset();

  // Another key file's keys, an edited byte, an unknown version.
  auto other = ClinicianStore::Open(path, Keys());
  BOOST_TEST(other.status().code() == core::Status::Code::kCorruption);
  for (size_t at : {size_t{5}, size_t{20}, size_t{50}, raw.size() - 1}) {
    std::string edited = raw;
    edited[at] ^= 0x01;
    WriteFile(path, edited);
    auto opened = ClinicianStore::Open(path, keys);
    BOOST_TEST(!opened.ok(), "byte " << at);
  }
  std::string v2 = raw;
  v2[4] = 2;
  WriteFile(path, v2);
  BOOST_TEST(ClinicianStore::Open(path, keys).status().code() == core::Status::Code::kUnsupported);
}

BOOST_AUTO_TEST_CASE(one_program_at_a_time) {
  TempDir dir;
  const core::ClinicianKeys keys = Keys();
  auto first = ClinicianStore::Open(dir.File("s"), keys);
  BOOST_REQUIRE(first.ok());
  auto second = ClinicianStore::Open(dir.File("s"), keys, /*lock_timeout_ms=*/100);
  BOOST_TEST(second.status().IsBusy());
  first->reset();
  BOOST_TEST(ClinicianStore::Open(dir.File("s"), keys, 100).ok());
}

BOOST_AUTO_TEST_CASE(trust_on_first_sight_and_labels) {
  TempDir dir;
  auto store = ClinicianStore::Open(dir.File("s"), Keys());
  BOOST_REQUIRE(store.ok());
  ClinicianStore& s = **store;
  s.state().pending_labels.push_back({"Old, expired", 10, 20, ""});
  s.state().pending_labels.push_back({"Alex", 1000, 0, ""});
  auto seen = s.ObserveLinks({Link("b", "2", 2000), Link("a", "1", 1500)}, 3000);
  BOOST_TEST(seen.new_clients.size() == 2u);
  BOOST_TEST(s.FindClientById(std::string(32, 'a'))->label == "Alex");  // paired first
  BOOST_TEST(s.FindClientById(std::string(32, 'b'))->label == "");
  BOOST_TEST(s.state().pending_labels.empty());

  seen = s.ObserveLinks({Link("a", "9", 1500)}, 4000);
  BOOST_TEST(seen.changed_clients.size() == 1u);
  const sync::StoredClient* a = s.FindClientById(std::string(32, 'a'));
  BOOST_TEST(a->pinned_key == std::string(64, '1'));  // never re-pinned
  BOOST_TEST(a->other_key == std::string(64, '9'));

  BOOST_TEST(s.FindClient("Alex").ok());
  BOOST_TEST(s.FindClient(std::string(8, 'b')).ok());
  BOOST_TEST(s.FindClient("bbbb").status().IsNotFound());  // too short a prefix
  BOOST_TEST(s.FindClient("Nobody").status().IsNotFound());
}

BOOST_AUTO_TEST_CASE(a_label_goes_to_the_client_of_its_own_invite) {
  // Two invites, labelled; redeemed in the opposite order, and a third
  // client from an invite without a label.
  TempDir dir;
  auto store = ClinicianStore::Open(dir.File("s"), Keys());
  BOOST_REQUIRE(store.ok());
  ClinicianStore& s = **store;
  const std::string first(32, '1'), second(32, '2'), unlabelled(32, '3');
  s.state().pending_labels.push_back({"Robin", 1000, 0, first});
  s.state().pending_labels.push_back({"Sam", 1010, 0, second});
  s.ObserveLinks({Link("c", "3", 1020, unlabelled)}, 1030);
  BOOST_TEST(s.FindClientById(std::string(32, 'c'))->label == "");
  BOOST_TEST(s.state().pending_labels.size() == 2u);
  s.ObserveLinks({Link("c", "3", 1020, unlabelled), Link("b", "2", 1040, second)}, 1050);
  BOOST_TEST(s.FindClientById(std::string(32, 'b'))->label == "Sam");
  s.ObserveLinks({Link("a", "1", 1060, first)}, 1070);
  BOOST_TEST(s.FindClientById(std::string(32, 'a'))->label == "Robin");
  BOOST_TEST(s.state().pending_labels.empty());

  // A label kept by an older version (no invite id) still goes to the next
  // new client, but never one that belongs to another invite.
  s.state().pending_labels.push_back({"Kept", 2000, 0, ""});
  s.state().pending_labels.push_back({"Theirs", 2000, 0, std::string(32, '5')});
  s.ObserveLinks({Link("d", "4", 2010, std::string(32, '4'))}, 2020);
  BOOST_TEST(s.FindClientById(std::string(32, 'd'))->label == "Kept");
  BOOST_REQUIRE(s.state().pending_labels.size() == 1u);
  BOOST_TEST(s.state().pending_labels[0].label == "Theirs");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace
}  // namespace fieldnotes::testing
