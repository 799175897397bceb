#include "engine/look_back.h"

namespace fieldnotes::client {

bool IsSearch(std::string_view query) {
  return query.find_first_not_of(" \t") != std::string_view::npos;
}

std::vector<const core::Entry*> LookBack(const core::Journal& journal, std::string_view query,
                                         const core::EntryFilter& filter) {
  return IsSearch(query) ? journal.Search(query) : journal.ListEntries(filter);
}

}  // namespace fieldnotes::client
