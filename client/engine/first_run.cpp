#include "engine/first_run.h"

namespace fieldnotes::client {
namespace {

constexpr char kMark[] = R"({"format":1})";

bool Recorded(const core::Journal& journal, std::string_view record) {
  auto found = journal.GetRecord(core::Table::kSettings, record);
  return found.ok() || found.status().code() != core::Status::Code::kNotFound;
}

}  // namespace

bool WelcomeShown(const core::Journal& journal) { return Recorded(journal, kWelcomeShownRecord); }

core::Status MarkWelcomeShown(core::Journal& journal) {
  return journal.PutRecord(core::Table::kSettings, kWelcomeShownRecord, kMark);
}

bool LastSessionAsked(const core::Journal& journal) {
  return Recorded(journal, kAskedLastSessionRecord);
}

core::Status MarkLastSessionAsked(core::Journal& journal) {
  return journal.PutRecord(core::Table::kSettings, kAskedLastSessionRecord, kMark);
}

bool IsNewJournal(const core::Journal& journal) {
  return journal.ListEntries({}).empty() && journal.sessions().empty() && !WelcomeShown(journal);
}

bool BeginWelcome(core::Journal& journal) {
  if (!IsNewJournal(journal)) return false;
  (void)MarkWelcomeShown(journal);
  (void)MarkLastSessionAsked(journal);
  return true;
}

bool NoSessionYet(const core::Journal& journal) { return journal.sessions().empty(); }

bool TakeLastSessionAsk(core::Journal& journal) {
  if (!NoSessionYet(journal) || LastSessionAsked(journal)) return false;
  (void)MarkLastSessionAsked(journal);
  return true;
}

}  // namespace fieldnotes::client
